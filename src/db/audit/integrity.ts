// What `audit verify` checks besides the chain, in SQLite's own bookkeeping.
import type SqliteDatabase from 'better-sqlite3';
import { rowMatchesEntry, type AuditHead } from '../../domain/audit-chain.ts';
import { AUDIT_TABLE, auditedTables, expectedAuditTriggers, ident, presentAuditTriggers, recordKey, rowJson, type TableShape } from './triggers.ts';

/** The highest audit id SQLite ever handed out: AUTOINCREMENT keeps it even when the last entries are deleted. */
export function lastIssuedAuditId(native: SqliteDatabase.Database): number {
  const row = native.prepare('select seq from sqlite_sequence where name = ?').get(AUDIT_TABLE) as { seq: number } | undefined;
  return row?.seq ?? 0;
}

/** A dropped or altered audit trigger means writes may go unlogged: the first such trigger, or null. */
export function auditTriggerFault(native: SqliteDatabase.Database): string | null {
  const present = presentAuditTriggers(native);
  for (const [name, sql] of expectedAuditTriggers(native)) {
    const found = present.get(name);
    if (found === undefined) return `the audit trigger ${name} is missing: such writes are not being logged`;
    if (found !== sql) return `the audit trigger ${name} was altered`;
  }
  return null;
}

/** The chain's head now: its last sealed entry; position 0 and no hash before the first. */
export function auditHead(native: SqliteDatabase.Database): AuditHead | null {
  const row = native.prepare(`select id, hash from ${AUDIT_TABLE} where hash is not null order by id desc limit 1`).get() as { id: number; hash: string } | undefined;
  return row ? { position: row.id, hash: row.hash } : null;
}

/** The hash of the entry at a position, if it is there. */
export function auditHashAt(native: SqliteDatabase.Database, position: number): { hash: string | null } | undefined {
  return native.prepare(`select hash from ${AUDIT_TABLE} where id = ?`).get(position) as { hash: string | null } | undefined;
}

interface LatestEntry {
  id: number;
  operation: string;
  after: string | null;
}

/** A column's declared default as JSON would show it: a number, a string without its quotes; null when none or an expression. */
function declaredDefault(text: string | null): unknown {
  if (text === null) return undefined;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  const quoted = /^'(.*)'$/s.exec(text);
  return quoted ? quoted[1]!.replace(/''/g, "'") : undefined;
}

function defaultsOf(native: SqliteDatabase.Database, table: string): Map<string, unknown> {
  const columns = native.pragma(`table_info(${ident(table)})`) as { name: string; dflt_value: string | null }[];
  const defaults = new Map<string, unknown>();
  for (const c of columns) {
    const value = declaredDefault(c.dflt_value);
    if (value !== undefined) defaults.set(c.name, value);
  }
  return defaults;
}

const named = (table: string, key: string) => `${table} ${key.startsWith('[') ? key : `#${key}`}`;

/**
 * Every current row of every audited table against its last audit entry: the
 * row must have one, it must not be a delete, and the row's values must be
 * the entry's. And no row whose last entry wrote it may be missing. This is
 * what catches a log wiped or cut (with sqlite_sequence set back to match),
 * and a row edited, inserted or deleted while its trigger was dropped: the
 * chain alone verifies in all three cases. The first fault, or null.
 */
export function rowAuditFault(native: SqliteDatabase.Database): { fault: string | null; rows: number } {
  let checked = 0;
  const fault = (text: string) => ({ fault: text, rows: checked });
  const latest = new Map<string, LatestEntry>();
  // SQLite's bare columns beside max(): the other values come from the row holding the maximum.
  const entries = native.prepare(
    `select table_name, record_key, operation, after_values, max(id) as id from ${AUDIT_TABLE} where operation in ('insert', 'update', 'delete') group by table_name, record_key`,
  );
  for (const e of entries.iterate() as Iterable<{ table_name: string; record_key: string | null; operation: string; after_values: string | null; id: number }>) {
    latest.set(`${e.table_name}\u0000${e.record_key}`, { id: e.id, operation: e.operation, after: e.after_values });
  }
  const tables: TableShape[] = auditedTables(native);
  for (const table of tables) {
    const defaults = defaultsOf(native, table.name);
    const rows = native.prepare(`select ${recordKey(table, 'T')} as k, ${rowJson(table, 'T')} as v from ${ident(table.name)} as T`);
    for (const { k, v } of rows.iterate() as Iterable<{ k: string; v: string }>) {
      const id = `${table.name}\u0000${k}`;
      const entry = latest.get(id);
      checked++;
      if (!entry) return fault(`${named(table.name, k)} has no audit entry: it was written with the audit off, or its entries were deleted`);
      latest.delete(id);
      if (entry.operation === 'delete') return fault(`${named(table.name, k)} exists, but its last audit entry #${entry.id} deletes it: it was written back with the audit off`);
      if (!rowMatchesEntry(v, entry.after, defaults)) return fault(`${named(table.name, k)} does not hold the values of its last audit entry #${entry.id}: it was changed with the audit off, or its later entries were deleted`);
    }
  }
  const audited = new Set(tables.map((t) => t.name));
  for (const [id, entry] of latest) {
    const [table, key] = id.split('\u0000') as [string, string];
    if (entry.operation !== 'delete' && audited.has(table)) return fault(`${named(table, key)} is missing, but its last audit entry #${entry.id} wrote it: it was deleted with the audit off`);
  }
  return { fault: null, rows: checked };
}
