// Sealing: right before a transaction commits, the audit entries its writes
// made (the triggers left them unsealed, each with its random nonce) get one
// seal row over their range of ids: who, which command, the digest of the
// range's entries and the chain hash (src/domain/audit-chain.ts). One INSERT,
// not an UPDATE of every entry: an import of 300,000 grades spent more time
// rewriting its audit entries (about 45 µs each) than writing the grades.
// The entries are read back once, in pages of one prepared statement, so
// that the digest costs no promise per entry.
//
// Only entries above the transaction's starting point are sealed: an entry
// left unsealed earlier was written behind the tool's back, and sealing it now
// would sign someone else's write with this command's name.
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import type SqliteDatabase from 'better-sqlite3';
import { auditCommandLine } from '../../domain/command-line.ts';
import { GENESIS_HASH, RangeDigest, sealHash, valuesDigest } from '../../domain/audit-chain.ts';
import { AUDIT_TABLE, SEAL_TABLE } from './triggers.ts';

export interface AuditStamp {
  /** The staff code given with --as (or EZURNALS_USER); null: the system operator. */
  actor: string | null;
  command: string;
}

const PAGE = 4096;

/** The operating-system account running the tool: "the system operator" of entries without --as. */
export function systemUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? `uid ${process.getuid?.() ?? '?'}`;
  }
}

/** This process's command line, secrets removed. */
export function currentCommand(): string {
  return auditCommandLine(process.argv.slice(2));
}

/** The highest entry id now (0 before the audit table exists): sealing starts above it. */
export function auditHighWater(native: SqliteDatabase.Database): number {
  try {
    return (native.prepare(`select coalesce(max(id), 0) as id from ${AUDIT_TABLE}`).get() as { id: number }).id;
  } catch {
    return 0; // no audit table yet: a database being created or migrated
  }
}

/**
 * The chain's last link at or below `position`: the last seal's range, or an
 * entry sealed alone after it (entries of older databases). The entries are
 * looked for only above the last seal, so that finding the head never walks
 * back through the ranges' unsealed-looking entries.
 */
export function chainHeadHash(native: SqliteDatabase.Database, position: number): string {
  const seal = native.prepare(`select last_id, hash from ${SEAL_TABLE} where last_id <= ? order by last_id desc limit 1`).get(position) as { last_id: number; hash: string } | undefined;
  const entry = native.prepare(`select hash from ${AUDIT_TABLE} where hash is not null and id <= ? and id > ? order by id desc limit 1`).get(position, seal?.last_id ?? 0) as { hash: string } | undefined;
  return entry?.hash ?? seal?.hash ?? GENESIS_HASH;
}

export type PendingEntry = { id: number; table_name: string; operation: string; record_key: string | null; student_id: number | null; before_values: string | null; after_values: string | null; at: string; nonce: string | null };

/** Reads the entries to seal, page by page, into a range digest; gives each entry without a nonce (written before the triggers made one) a new one. */
export class PendingRange {
  readonly digest = new RangeDigest();
  first = 0;
  last = 0;
  count = 0;
  /** Entries that need their nonce written: id and nonce. */
  readonly nonces: { id: number; nonce: string }[] = [];

  add(rows: readonly PendingEntry[]): void {
    for (const row of rows) this.addEntry(row);
  }

  /** One entry, in id order. */
  addEntry(row: PendingEntry): void {
    let nonce = row.nonce;
    if (nonce === null) {
      nonce = randomBytes(16).toString('hex');
      this.nonces.push({ id: row.id, nonce });
    }
    this.digest.add(row, valuesDigest(nonce, row.before_values, row.after_values));
    if (this.count++ === 0) this.first = row.id;
    this.last = row.id;
  }

  /** The seal row, once every entry was added. */
  seal(stamp: AuditStamp, osUser: string, prevHash: string): { first_id: number; last_id: number; actor: string | null; os_user: string; command: string; digest: string; prev_hash: string; hash: string } {
    const body = { first_id: this.first, last_id: this.last, actor: stamp.actor, os_user: osUser, command: stamp.command, digest: this.digest.digest(), prev_hash: prevHash };
    return { ...body, hash: sealHash(body) };
  }
}

/** Seals every entry above `after` with one seal row; returns how many entries. Call inside the writing transaction. */
export function sealAuditEntries(native: SqliteDatabase.Database, after: number, stamp: AuditStamp): number {
  // Rows as arrays (raw): an object per row, with its nine keys, cost a third of reading 300,000 entries back.
  // (SQLite's json_array() building the values' JSON was no faster than JSON.stringify: measured alike.)
  const pending = native
    .prepare(`select id, table_name, operation, record_key, student_id, before_values, after_values, at, nonce from ${AUDIT_TABLE} where id > ? order by id limit ${PAGE}`)
    .raw(true);
  const range = new PendingRange();
  const entry = {} as PendingEntry;
  for (let cursor = after; ; ) {
    const rows = pending.all(cursor) as [number, string, string, string | null, number | null, string | null, string | null, string, string | null][];
    for (const r of rows) {
      [entry.id, entry.table_name, entry.operation, entry.record_key, entry.student_id, entry.before_values, entry.after_values, entry.at, entry.nonce] = r;
      range.addEntry(entry);
    }
    // A short page is the last one.
    if (rows.length < PAGE) break;
    cursor = rows.at(-1)![0];
  }
  if (range.count === 0) return 0;
  const setNonce = native.prepare(`update ${AUDIT_TABLE} set nonce = ? where id = ? and nonce is null`);
  for (const { id, nonce } of range.nonces) setNonce.run(nonce, id);
  const seal = range.seal(stamp, systemUser(), chainHeadHash(native, after));
  native
    .prepare(`insert into ${SEAL_TABLE} (first_id, last_id, actor, os_user, command, digest, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(seal.first_id, seal.last_id, seal.actor, seal.os_user, seal.command, seal.digest, seal.prev_hash, seal.hash);
  return range.count;
}
