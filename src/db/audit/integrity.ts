// What `audit verify` checks besides the chain, in SQLite's own bookkeeping.
import type SqliteDatabase from 'better-sqlite3';
import { rowMatchesEntry } from '../../domain/audit-chain.ts';
import type { ColumnInfo } from '../introspection.ts';
import { AUDIT_TABLE, auditedTables, expectedAuditTriggers, ident, presentAuditTriggers, recordKey, rowJson, type TableShape } from './triggers.ts';
import { m as t } from '../../i18n/messages/files-audit.ts';

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
    if (found === undefined) return t.triggerMissing(name);
    if (found !== sql) return t.triggerAltered(name);
  }
  return null;
}

/** A column's declared default as JSON would show it: a number, a string without its quotes; null when none or an expression. */
function declaredDefault(text: string | null): unknown {
  if (text === null) return undefined;
  // PostgreSQL shows a typed literal: '…'::text.
  text = text.replace(/::[a-z ]+$/i, '');
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  const quoted = /^'(.*)'$/s.exec(text);
  return quoted ? quoted[1]!.replace(/''/g, "'") : undefined;
}

/** The declared defaults of a table's columns, for rowMatchesEntry. */
export function defaultsOf(columns: readonly ColumnInfo[]): Map<string, unknown> {
  const defaults = new Map<string, unknown>();
  for (const c of columns) {
    const value = declaredDefault(c.defaultValue ?? null);
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
 *
 * Joined in SQL, one table at a time (the index on table_name, record_key
 * finds each table's entries): only rows whose text differs from their last
 * entry come back to be compared value by value, so a school of a million
 * grades is not held in memory.
 */
export function rowAuditFault(native: SqliteDatabase.Database): { fault: string | null; rows: number } {
  // Scratch tables in the connection's own temp schema (writable even on a read-only connection), keyed for lookups.
  native.exec('create temp table if not exists audit_check_latest (record_key text primary key, operation text, after_values text, id integer) without rowid');
  native.exec('create temp table if not exists audit_check_keys (k text primary key) without rowid');
  try {
    return checkRows(native);
  } finally {
    native.exec('drop table temp.audit_check_latest; drop table temp.audit_check_keys');
  }
}

function checkRows(native: SqliteDatabase.Database): { fault: string | null; rows: number } {
  let checked = 0;
  const fault = (text: string) => ({ fault: text, rows: checked });
  // SQLite's bare columns beside max(): operation and after_values come from the entry with the highest id.
  const fill = native.prepare(
    `insert into temp.audit_check_latest select record_key, operation, after_values, max(id) from ${AUDIT_TABLE} where table_name = ? and record_key is not null and operation in ('insert', 'update', 'delete') group by record_key`,
  );
  const written = native.prepare("select count(*) as n from temp.audit_check_latest where operation <> 'delete'");
  for (const table of auditedTables(native) as TableShape[]) {
    native.exec('delete from temp.audit_check_latest');
    fill.run(table.name);
    const rows = `select ${recordKey(table, 'T')} as k, ${rowJson(table, 'T')} as v from ${ident(table.name)} as T`;
    const count = (native.prepare(`select count(*) as n from ${ident(table.name)}`).get() as { n: number }).n;
    checked += count;
    const differing = native.prepare(
      `select R.k, R.v, L.operation, L.after_values as after, L.id from (${rows}) as R left join temp.audit_check_latest as L on L.record_key = R.k where L.id is null or L.operation = 'delete' or L.after_values is not R.v`,
    );
    // Read before the rows: a connection runs no pragma while a query iterates.
    const defaults = defaultsOf(table.columns);
    for (const r of differing.iterate() as Iterable<{ k: string; v: string; operation: string | null; after: string | null; id: number | null }>) {
      if (r.id === null) return fault(t.rowNoEntry(named(table.name, r.k)));
      if (r.operation === 'delete') return fault(t.rowDeletedBack(named(table.name, r.k), r.id));
      if (!rowMatchesEntry(r.v, r.after, defaults)) return fault(t.rowChanged(named(table.name, r.k), r.id));
    }
    // Every row found its own entry, which wrote it; entries that wrote a row beyond those are rows deleted unlogged.
    if ((written.get() as { n: number }).n > count) {
      native.exec('delete from temp.audit_check_keys');
      native.exec(`insert into temp.audit_check_keys select k from (${rows})`);
      const missing = native.prepare("select L.record_key as k, L.id from temp.audit_check_latest as L where L.operation <> 'delete' and not exists (select 1 from temp.audit_check_keys as R where R.k = L.record_key) order by L.id limit 1").get() as { k: string; id: number };
      return fault(t.rowMissing(named(table.name, missing.k), missing.id));
    }
  }
  return { fault: null, rows: checked };
}
