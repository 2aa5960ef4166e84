import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { SnapshotFile } from '../db/sqlite/snapshot-file.ts';
import { csvLine, EXCEL_CSV_OPTIONS, type CsvCell } from '../csv/write.ts';
import { TABLE_MEANINGS, COLUMN_MEANINGS, TABLE_MEANINGS_LV, COLUMN_MEANINGS_LV, bothLanguages } from './table-meanings.ts';

/**
 * Columns that never leave the database, wherever their table exists: secrets
 * an archive must not carry (an archive is copied, burnt and kept for decades).
 * The snapshot keeps them, as it is the database itself; the README says so.
 */
export const SECRET_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  account: ['password_hash'],
  sms_outbox: ['body'],
};

export interface ColumnDescription {
  name: string;
  /** The declared SQLite type (TEXT, INTEGER …). */
  type: string;
  required: boolean;
  /** `primary key`, or `→ table.column` for a reference. */
  key: string | null;
  meaning: string | null;
}

export interface TableDescription {
  name: string;
  meaning: string | null;
  rows: number;
  columns: ColumnDescription[];
  /** Columns left out as secrets (SECRET_COLUMNS). */
  excluded: string[];
}

/** The file names of a table inside the tables folder. */
export const tableFiles = (table: string) => ({ csv: `${table}.csv`, json: `${table}.json` });
export const COLUMNS_FILES = { csv: '00_kolonnu_apraksts.csv', json: '00_kolonnu_apraksts.json' };

/**
 * The tables as the snapshot's own catalog lists them (SnapshotFile.tables),
 * not from the schema types: a table added by a later migration is archived
 * without anyone remembering to list it here.
 */
export function describeTables(file: Pick<SnapshotFile, 'tables'>): TableDescription[] {
  return file.tables().map((table) => {
    const secret = new Set(SECRET_COLUMNS[table.name] ?? []);
    const columns = table.columns
      .filter((c) => !secret.has(c.name))
      .map((c) => ({
        name: c.name,
        type: c.type || 'ANY',
        required: c.notnull || c.pk > 0,
        key: c.pk > 0 ? 'primary key' : c.references ? `→ ${c.references}` : null,
        meaning: bothLanguages(COLUMN_MEANINGS_LV[`${table.name}.${c.name}`] ?? COLUMN_MEANINGS_LV[c.name], COLUMN_MEANINGS[`${table.name}.${c.name}`] ?? COLUMN_MEANINGS[c.name]),
      }));
    return { name: table.name, meaning: bothLanguages(TABLE_MEANINGS_LV[table.name], TABLE_MEANINGS[table.name]), rows: table.rows, columns, excluded: table.columns.filter((c) => secret.has(c.name)).map((c) => c.name) };
  });
}

function cellOf(value: unknown): CsvCell {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
  return value as CsvCell;
}

/** Writes in 1 MB pieces: a year's grade table runs to hundreds of thousands of rows. */
class BufferedFile {
  private readonly fd: number;
  private pending: string[] = [];
  private size = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.pending.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }

  private flush(): void {
    writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/**
 * One table as CSV for Latvian Excel (`;`, UTF-8 with BOM, CRLF; NULL is an
 * empty field) and as JSON (an array of objects; NULL stays null).
 */
function writeTable(file: Pick<SnapshotFile, 'rows'>, table: TableDescription, dir: string): void {
  const files = tableFiles(table.name);
  const csv = new BufferedFile(join(dir, files.csv));
  const json = new BufferedFile(join(dir, files.json));
  try {
    const names = table.columns.map((c) => c.name);
    csv.write('\uFEFF' + csvLine(names, EXCEL_CSV_OPTIONS));
    json.write('[');
    let first = true;
    for (const row of file.rows(table.name, names)) {
      csv.write(csvLine(row.map(cellOf), EXCEL_CSV_OPTIONS));
      const record = Object.fromEntries(names.map((n, i) => [n, row[i] instanceof Uint8Array ? Buffer.from(row[i] as Uint8Array).toString('hex') : row[i]]));
      json.write(`${first ? '' : ','}\n  ${JSON.stringify(record)}`);
      first = false;
    }
    json.write(first ? ']\n' : '\n]\n');
  } finally {
    csv.close();
    json.close();
  }
}

function writeColumnDescriptions(tables: readonly TableDescription[], dir: string): void {
  const header = ['table', 'column', 'type', 'required', 'key', 'meaning'];
  const lines = ['\uFEFF' + csvLine(header, EXCEL_CSV_OPTIONS)];
  for (const t of tables) {
    lines.push(csvLine([t.name, '', '', '', '', t.meaning], EXCEL_CSV_OPTIONS));
    for (const c of t.columns) lines.push(csvLine([t.name, c.name, c.type, c.required ? 'yes' : 'no', c.key, c.meaning], EXCEL_CSV_OPTIONS));
  }
  const csv = new BufferedFile(join(dir, COLUMNS_FILES.csv));
  csv.write(lines.join(''));
  csv.close();
  const json = new BufferedFile(join(dir, COLUMNS_FILES.json));
  json.write(`${JSON.stringify({ tables }, null, 2)}\n`);
  json.close();
}

/** Every table of the database into `dir`, plus the description of their columns; returns the tables written. */
export function writeTables(file: Pick<SnapshotFile, 'tables' | 'rows'>, dir: string, onTable?: (done: number, total: number) => void): TableDescription[] {
  mkdirSync(dir, { recursive: true });
  const tables = describeTables(file);
  tables.forEach((table, i) => {
    writeTable(file, table, dir);
    onTable?.(i + 1, tables.length);
  });
  writeColumnDescriptions(tables, dir);
  return tables;
}
