// The archive's database: an SQLite file whatever the journal's dialect
// (src/archive/snapshot.ts makes it through the dialect's snapshot). It is
// opened natively here, inside src/db, so that the archive reads and prepares
// it through these functions and never holds a driver handle.
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { nativeBindingPath, type Db } from '../connection.ts';
import type { Database } from '../schema.ts';
import { REDACTED, SECRET_COLUMNS } from '../../domain/secret-columns.ts';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export interface SnapshotColumn {
  name: string;
  /** The declared SQLite type (TEXT, INTEGER …), '' when none was declared. */
  type: string;
  notnull: boolean;
  /** Position in the primary key, 0 outside it. */
  pk: number;
  /** `table.column` this column references, or null. */
  references: string | null;
}

export interface SnapshotTable {
  name: string;
  columns: SnapshotColumn[];
  rows: number;
}

/** A snapshot opened read-only: a Kysely database for the report builders, and its tables as SQLite describes them. */
export interface SnapshotFile {
  readonly db: Db;
  /**
   * Every table, by name, as SQLite's own catalog lists them: a table added
   * by a later migration is archived without anyone remembering to list it.
   */
  tables(): SnapshotTable[];
  /** A table's rows as arrays of `columns`, in the primary key's order (else the rowid's): two exports of the same data are the same bytes. */
  rows(table: string, columns: readonly string[]): IterableIterator<unknown[]>;
  close(): Promise<void>;
}

export function openSnapshotFile(path: string): SnapshotFile {
  const native = new SqliteDatabase(path, { readonly: true, fileMustExist: true, nativeBinding: nativeBindingPath() });
  const db: Db = new Kysely<Database>({ dialect: new SqliteDialect({ database: native }) });
  const info = (table: string) => native.prepare(`pragma table_info(${ident(table)})`).all() as { name: string; type: string; notnull: number; pk: number }[];
  return {
    db,
    tables() {
      const names = (native.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name").all() as { name: string }[]).map((r) => r.name);
      return names.map((name) => {
        const references = new Map((native.prepare(`pragma foreign_key_list(${ident(name)})`).all() as { table: string; from: string; to: string | null }[]).map((fk) => [fk.from, `${fk.table}.${fk.to ?? 'id'}`]));
        const columns = info(name).map((c) => ({ name: c.name, type: c.type, notnull: c.notnull === 1, pk: c.pk, references: references.get(c.name) ?? null }));
        const rows = (native.prepare(`select count(*) as n from ${ident(name)}`).get() as { n: number }).n;
        return { name, columns, rows };
      });
    },
    rows(table, columns) {
      const keys = info(table).filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => ident(c.name));
      const select = `select ${columns.map(ident).join(', ')} from ${ident(table)} order by ${keys.length > 0 ? keys.join(', ') : 'rowid'}`;
      return native.prepare(select).raw(true).iterate() as IterableIterator<unknown[]>;
    },
    // Kysely's destroy closes the native database.
    close: () => db.destroy(),
  };
}

/**
 * Makes a fresh snapshot file fit to archive. Its journal goes from WAL to a
 * rollback journal, so that it opens read-only from a CD, where SQLite cannot
 * create the -wal and -shm files. And it keeps no secret: an archive is for
 * the archivist. Password hashes and the bodies of queued SMS (which carry
 * new passwords) become "[redacted]", the very value the audit log holds for
 * them, so the audit trail of the restored snapshot still matches its rows.
 * The tables' own triggers (audit, year lock) would log or refuse this, so
 * they are set aside for the update and put back as they were. VACUUM then
 * rebuilds the file, so that the old values do not linger in free pages.
 */
export function finishSnapshotFile(path: string): void {
  const copy = new SqliteDatabase(path, { nativeBinding: nativeBindingPath() });
  try {
    copy.pragma('journal_mode = DELETE');
    const tables = new Set((copy.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name));
    copy.transaction(() => {
      for (const [table, columns] of Object.entries(SECRET_COLUMNS)) {
        if (!tables.has(table)) continue;
        const present = new Set((copy.pragma(`table_info(${ident(table)})`) as { name: string }[]).map((c) => c.name));
        const secret = columns.filter((c) => present.has(c));
        if (secret.length === 0) continue;
        const triggers = copy.prepare("select name, sql from sqlite_master where type = 'trigger' and tbl_name = ?").all(table) as { name: string; sql: string }[];
        for (const t of triggers) copy.exec(`drop trigger ${ident(t.name)}`);
        for (const column of secret) copy.prepare(`update ${ident(table)} set ${ident(column)} = ? where ${ident(column)} is not null`).run(REDACTED);
        for (const t of triggers) copy.exec(t.sql);
      }
    })();
    copy.exec('vacuum');
  } finally {
    copy.close();
  }
}

/** The school names and school year codes a snapshot holds; throws when the file is no such database. */
export function snapshotSchoolAndYears(path: string): { schools: string[]; years: string[] } {
  const db = new SqliteDatabase(path, { readonly: true, fileMustExist: true, nativeBinding: nativeBindingPath() });
  try {
    return {
      schools: (db.prepare('select name from school').all() as { name: string }[]).map((r) => r.name),
      years: (db.prepare('select code from school_year').all() as { code: string }[]).map((r) => r.code),
    };
  } finally {
    db.close();
  }
}
