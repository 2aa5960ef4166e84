import { sql } from 'kysely';
import { isPostgres } from '../dialect.ts';
import type { Db } from '../connection.ts';
import type { AuditEntry } from '../schema.ts';

export interface AuditFilter {
  table?: string;
  studentId?: number;
  /** UTC instant, ISO 8601: entries at or after it. */
  since?: string;
  /** A staff code; null: entries of the system operator (no --as). */
  actor?: string | null;
  limit: number;
  oldestFirst?: boolean;
}

export async function listAuditEntries(db: Db, filter: AuditFilter): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.table !== undefined) query = query.where('table_name', '=', filter.table);
  if (filter.studentId !== undefined) query = query.where('student_id', '=', filter.studentId);
  if (filter.since !== undefined) query = query.where('at', '>=', filter.since);
  if (filter.actor !== undefined) query = filter.actor === null ? query.where('actor', 'is', null).where('hash', 'is not', null) : query.where('actor', '=', filter.actor);
  return query.orderBy('id', filter.oldestFirst ? 'asc' : 'desc').limit(filter.limit).execute();
}

/** One page of the whole log in id order, for verifying it without holding it all. */
export async function auditPage(db: Db, afterId: number, size: number): Promise<AuditEntry[]> {
  return db.selectFrom('audit_log').selectAll().where('id', '>', afterId).orderBy('id').limit(size).execute();
}

/** The anonymisations' records: sealed `redact` entries. */
export async function redactionEntries(db: Db): Promise<Pick<AuditEntry, 'operation' | 'after_values' | 'hash'>[]> {
  return db.selectFrom('audit_log').select(['operation', 'after_values', 'hash']).where('operation', '=', 'redact').where('hash', 'is not', null).execute();
}

/** Every entry about some records of one table (by record_key). */
export async function auditEntriesOfRecords(db: Db, table: string, keys: readonly string[]): Promise<Pick<AuditEntry, 'id' | 'record_key' | 'before_values' | 'after_values' | 'hash'>[]> {
  if (keys.length === 0) return [];
  return db.selectFrom('audit_log').select(['id', 'record_key', 'before_values', 'after_values', 'hash']).where('table_name', '=', table).where('record_key', 'in', keys).orderBy('id').execute();
}

/** Replaces an entry's values; a sealed entry also loses its nonce and is marked redacted. */
export async function redactAuditEntry(db: Db, id: number, values: { before_values: string | null; after_values: string | null }, sealed: boolean, at: string): Promise<void> {
  // On PostgreSQL the application's role may not update the log: the owner's function does (src/db/postgres/audit.ts).
  if (isPostgres(db)) {
    await sql`select ezurnals_redact(${id}::int, ${values.before_values}, ${values.after_values}, ${sealed}, ${at})`.execute(db);
    return;
  }
  await db
    .updateTable('audit_log')
    .set(sealed ? { ...values, nonce: null, redacted_at: at } : values)
    .where('id', '=', id)
    .execute();
}

export async function insertRedactionRecord(db: Db, record: { reason: string; entries: number[] }, at: string): Promise<void> {
  if (isPostgres(db)) {
    await sql`select ezurnals_redaction_record(${JSON.stringify(record)}, ${at})`.execute(db);
    return;
  }
  await db.insertInto('audit_log').values({ table_name: 'audit_log', operation: 'redact', record_key: null, student_id: null, before_values: null, after_values: JSON.stringify(record), at }).execute();
}
