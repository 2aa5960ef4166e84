// Sealing: right before a transaction commits, the audit entries its writes
// made (the triggers left them unsealed) get who, which command, a random
// nonce, the values' digest and the chain hash (src/domain/audit-chain.ts).
// One pass with two prepared statements, so that the bulk import's hundreds
// of thousands of entries cost no promise each.
//
// Only entries above the transaction's starting point are sealed: an entry
// left unsealed earlier was written behind the tool's back, and sealing it now
// would sign someone else's write with this command's name.
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import type SqliteDatabase from 'better-sqlite3';
import { auditCommandLine } from '../../domain/command-line.ts';
import { entryHash, GENESIS_HASH, valuesDigest } from '../../domain/audit-chain.ts';
import { AUDIT_TABLE } from './triggers.ts';

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

/** Seals every entry above `after`; returns how many. Call inside the writing transaction. */
export function sealAuditEntries(native: SqliteDatabase.Database, after: number, stamp: AuditStamp): number {
  const pending = native.prepare(
    `select id, table_name, operation, record_key, student_id, before_values, after_values, at from ${AUDIT_TABLE} where id > ? order by id limit ${PAGE}`,
  );
  const head = native.prepare(`select hash from ${AUDIT_TABLE} where hash is not null and id <= ? order by id desc limit 1`);
  const seal = native.prepare(`update ${AUDIT_TABLE} set actor = ?, os_user = ?, command = ?, nonce = ?, values_digest = ?, prev_hash = ?, hash = ? where id = ?`);
  const osUser = systemUser();
  let prev = (head.get(after) as { hash: string } | undefined)?.hash ?? GENESIS_HASH;
  let cursor = after;
  let sealed = 0;
  for (;;) {
    const rows = pending.all(cursor) as { id: number; table_name: string; operation: string; record_key: string | null; student_id: number | null; before_values: string | null; after_values: string | null; at: string }[];
    if (rows.length === 0) return sealed;
    const nonces = randomBytes(16 * rows.length).toString('hex');
    for (const [i, row] of rows.entries()) {
      const nonce = nonces.slice(32 * i, 32 * (i + 1));
      const digest = valuesDigest(nonce, row.before_values, row.after_values);
      const hash = entryHash({ ...row, actor: stamp.actor, os_user: osUser, command: stamp.command, values_digest: digest, prev_hash: prev });
      seal.run(stamp.actor, osUser, stamp.command, nonce, digest, prev, hash, row.id);
      prev = hash;
    }
    cursor = rows.at(-1)!.id;
    sealed += rows.length;
  }
}
