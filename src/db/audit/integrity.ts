// What `audit verify` checks besides the chain, in SQLite's own bookkeeping.
import type SqliteDatabase from 'better-sqlite3';
import { AUDIT_TABLE, expectedAuditTriggers, presentAuditTriggers } from './triggers.ts';

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
