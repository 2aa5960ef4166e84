// The dialect seam: everything the journal needs from a database that SQL
// alone does not say the same way in SQLite and PostgreSQL. Each opened
// database (and each transaction's connection) carries its implementation;
// code outside src/db asks through these functions and never touches a
// driver's own handle. A dialect has every member: a missing guarantee (the
// audit trail, the year lock) is not a method that quietly does nothing.
import type { Db } from './connection.ts';
import type { AuditHead } from '../domain/audit-chain.ts';
import type { Schema } from './introspection.ts';

export interface AuditStamp {
  /** The staff code given with --as (or EZURNALS_USER); null: the system operator. */
  actor: string | null;
  command: string;
}

/** Rows for one table, written as fast as the dialect allows, in the caller's transaction. */
export interface BulkInsert {
  /** One row's values, in the order of the columns given. May buffer: call `flush` before reading the table. */
  add(values: readonly unknown[]): void;
  /** Writes what is buffered. */
  flush(): Promise<void>;
  readonly written: number;
}

export interface RowAuditResult {
  fault: string | null;
  rows: number;
}

/** How a write transaction begins. */
export interface WriteOptions {
  /**
   * The transaction's writes are a bulk load whose every reference the caller
   * has resolved inside it (src/transfer/bulk.ts): SQLite then checks the
   * bulk rows' foreign keys once per distinct value instead of once per row
   * and key. Its other writes may set only ids read in the same transaction.
   */
  bulkLoad?: boolean;
}

export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** How messages name the database: a file path, or the server and school. */
  readonly where: string;
  /** Opens a write transaction on `conn` with this school's one-writer lock; returns the audit log's high water. */
  beginWrite(conn: Db, options?: WriteOptions): Promise<number>;
  /** After the write transaction ended (committed or rolled back), whatever beginWrite changed of the connection goes back. */
  endWrite?(conn: Db): void;
  /** Seals the audit entries above `after`, inside the writing transaction, right before the commit. */
  sealAudit(conn: Db, after: number, stamp: AuditStamp): Promise<number>;
  /** The driver's error as the user should read it (a lock wait that timed out, a lost server), or undefined to keep it. */
  translateError?(error: unknown): Error | undefined;
  /** After a failed statement: whether the transaction is still open (SQLite rolls back by itself on a full disk). */
  inTransaction(conn: Db): boolean;
  /** The year lock's triggers, once a year is closed; refuses loudly when they cannot be made. */
  ensureYearLock(db: Db): Promise<void>;
  /** The schema as the database describes it. */
  loadSchema(db: Db): Promise<Schema>;
  bulkInsert(db: Db, table: string, columns: readonly string[]): BulkInsert;
  /** Whether the table's id sequence must be moved past ids the bulk import assigned itself. */
  afterBulkIds(db: Db, table: string): Promise<void>;
  /** The highest audit id ever handed out, which catches entries cut off the end. */
  lastIssuedAuditId(db: Db): Promise<number>;
  /** A dropped, disabled or altered audit trigger: the first one, or null. */
  auditTriggerFault(db: Db): Promise<string | null>;
  /** Every current row against its last audit entry (src/db/audit/integrity.ts). */
  rowAuditFault(db: Db): Promise<RowAuditResult>;
  /** The storage's own check of its pages (SQLite's quick_check); null when sound. */
  storageFault(db: Db): Promise<string | null>;
  /** A larger cache for one big write, where the dialect has one to set. */
  widenCache(db: Db, megabytes: number): Promise<void>;
  /** Runs `work` with the audit and year-lock triggers of the listed tables off (copying a school whole); the caller's transaction. */
  withTriggersOff<T>(conn: Db, work: () => Promise<T>): Promise<T>;
  /** Sets the audit log's last issued id (copying a school whole). */
  setLastIssuedAuditId(conn: Db, id: number): Promise<void>;
  /** A copy of the whole school as an SQLite file at `target` (which must not exist), as of one moment: the archive's database. */
  snapshot(db: Db, target: string): Promise<void>;
  /** Renews the audit triggers for the tables as they now are (after migrations, after a copy). */
  installAuditTriggers(conn: Db): Promise<void>;
}

const dialects = new WeakMap<Db, Dialect>();

export function attachDialect(db: Db, dialect: Dialect): void {
  dialects.set(db, dialect);
}

export function dialectOf(db: Db): Dialect {
  const dialect = dialects.get(db);
  if (!dialect) throw new Error('This database was not opened by ezurnals (src/db/connection.ts): it has no dialect.');
  return dialect;
}

export function isPostgres(db: Db): boolean {
  return dialects.get(db)?.name === 'postgres';
}

/** The audit chain's head now: its last link, a seal's range or (in older databases) an entry sealed alone. Plain SQL: the same in every dialect. */
export async function auditHead(db: Db): Promise<AuditHead | null> {
  const seal = await db.selectFrom('audit_seal').select(['last_id', 'hash']).orderBy('last_id', 'desc').limit(1).executeTakeFirst();
  const entry = await db
    .selectFrom('audit_log')
    .select(['id', 'hash'])
    .where('hash', 'is not', null)
    // Entries sealed alone all come before the first seal: no need to walk back through the sealed ranges.
    .$if(seal !== undefined, (q) => q.where('id', '>', seal!.last_id))
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (entry) return { position: entry.id, hash: entry.hash! };
  return seal ? { position: seal.last_id, hash: seal.hash } : null;
}

/** The hash of the link at a position (an entry sealed alone, or the seal whose range ends there), if it is there. */
export async function auditHashAt(db: Db, position: number): Promise<{ hash: string | null } | undefined> {
  const seal = await db.selectFrom('audit_seal').select('hash').where('last_id', '=', position).executeTakeFirst();
  return seal ?? db.selectFrom('audit_log').select('hash').where('id', '=', position).executeTakeFirst();
}
