import { sql } from 'kysely';
import { isPostgres } from '../dialect.ts';
import type { Db } from '../connection.ts';
import type { AuditEntry, AuditSeal } from '../schema.ts';

/** An entry with the seal over its range, if one covers it (entries sealed alone, in older databases, carry their own). */
export type SealedAuditEntry = AuditEntry & { seal_id: number | null; seal_actor: string | null; seal_os_user: string | null; seal_command: string | null; seal_hash: string | null };

// The seal covering an entry: the first range ending at or after it, if that range starts at or before it (the unique index on last_id finds it).
const COVERING_SEAL = sql<boolean>`s.first_id <= audit_log.id and s.last_id = (select min(n.last_id) from audit_seal as n where n.last_id >= audit_log.id)`;

/** audit_log with its covering seal's who and what beside each entry. */
function entriesWithSeals(db: Db) {
  return db
    .selectFrom('audit_log')
    .leftJoin('audit_seal as s', (join) => join.on(COVERING_SEAL))
    .selectAll('audit_log')
    .select(['s.id as seal_id', 's.actor as seal_actor', 's.os_user as seal_os_user', 's.command as seal_command', 's.hash as seal_hash']);
}

/** Whether an entry is sealed: alone, or in a sealed range. */
const isSealed = (e: { hash: string | null; seal_id: number | null }) => e.hash !== null || e.seal_id !== null;

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

export async function listAuditEntries(db: Db, filter: AuditFilter): Promise<SealedAuditEntry[]> {
  let query = entriesWithSeals(db);
  if (filter.table !== undefined) query = query.where('audit_log.table_name', '=', filter.table);
  if (filter.studentId !== undefined) query = query.where('audit_log.student_id', '=', filter.studentId);
  if (filter.since !== undefined) query = query.where('audit_log.at', '>=', filter.since);
  if (filter.actor === null) {
    // The system operator's: sealed without --as, alone or in a range.
    query = query.where((eb) => eb.or([eb.and([eb('audit_log.hash', 'is not', null), eb('audit_log.actor', 'is', null)]), eb.and([eb('s.id', 'is not', null), eb('s.actor', 'is', null)])]));
  } else if (filter.actor !== undefined) {
    query = query.where((eb) => eb.or([eb('audit_log.actor', '=', filter.actor!), eb('s.actor', '=', filter.actor!)]));
  }
  return query.orderBy('audit_log.id', filter.oldestFirst ? 'asc' : 'desc').limit(filter.limit).execute();
}

/** Every entry about a student (and, by record key, about some guardians), oldest first, with their seals. */
export async function auditEntriesAbout(db: Db, studentId: number, guardianIds: readonly number[]): Promise<SealedAuditEntry[]> {
  return entriesWithSeals(db)
    .where((eb) => {
      const aboutStudent = eb('audit_log.student_id', '=', studentId);
      return guardianIds.length === 0 ? aboutStudent : eb.or([aboutStudent, eb.and([eb('audit_log.table_name', '=', 'guardian'), eb('audit_log.record_key', 'in', guardianIds.map(String))])]);
    })
    .orderBy('audit_log.id')
    .execute();
}

/** One page of the whole log in id order, for verifying it without holding it all. */
export async function auditPage(db: Db, afterId: number, size: number): Promise<AuditEntry[]> {
  return db.selectFrom('audit_log').selectAll().where('id', '>', afterId).orderBy('id').limit(size).execute();
}

/** One page of the seals in chain order (by the last entry of their range). */
export async function auditSealPage(db: Db, afterLastId: number, size: number): Promise<AuditSeal[]> {
  return db.selectFrom('audit_seal').selectAll().where('last_id', '>', afterLastId).orderBy('last_id').limit(size).execute();
}

/** The anonymisations' records: sealed `redact` entries. */
export async function redactionEntries(db: Db): Promise<Pick<AuditEntry, 'operation' | 'after_values' | 'hash'>[]> {
  const rows = await entriesWithSeals(db).where('audit_log.operation', '=', 'redact').execute();
  // A redact entry in a sealed range is sealed by its range's seal (whose check covers it).
  return rows.filter(isSealed).map((r) => ({ operation: r.operation, after_values: r.after_values, hash: r.hash ?? r.seal_hash }));
}

export type RecordEntry = Pick<AuditEntry, 'id' | 'record_key' | 'before_values' | 'after_values' | 'nonce' | 'hash' | 'redacted_at'> & { sealed: boolean };

/** Every entry about some records of one table (by record_key). */
export async function auditEntriesOfRecords(db: Db, table: string, keys: readonly string[]): Promise<RecordEntry[]> {
  if (keys.length === 0) return [];
  const rows = await entriesWithSeals(db).where('audit_log.table_name', '=', table).where('audit_log.record_key', 'in', keys).orderBy('audit_log.id').execute();
  return rows.map((r) => ({ id: r.id, record_key: r.record_key, before_values: r.before_values, after_values: r.after_values, nonce: r.nonce, hash: r.hash, redacted_at: r.redacted_at, sealed: isSealed(r) }));
}

/**
 * Replaces an entry's values; a sealed entry also loses its nonce and is
 * marked redacted. `digest`: for an entry of a sealed range, its values'
 * digest from before (src/domain/audit-chain.ts), kept in the entry so that
 * the range still verifies; null keeps the digest it has.
 */
export async function redactAuditEntry(db: Db, id: number, values: { before_values: string | null; after_values: string | null }, sealed: boolean, at: string, digest: string | null = null): Promise<void> {
  // On PostgreSQL the application's role may not update the log: the owner's function does (src/db/postgres/audit.ts).
  if (isPostgres(db)) {
    await sql`select ezurnals_redact(${id}::int, ${values.before_values}, ${values.after_values}, ${sealed}, ${at}, ${digest})`.execute(db);
    return;
  }
  await db
    .updateTable('audit_log')
    .set(sealed ? { ...values, nonce: null, redacted_at: at, ...(digest === null ? {} : { values_digest: digest }) } : values)
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
