// The audit log's hash chain, as pure functions over entries (issue 7).
//
// Each sealed entry carries
//   values_digest = sha256(JSON [nonce, before_values, after_values])
//   hash          = sha256(JSON [id, table, operation, record, student, at,
//                                actor, os_user, command, values_digest, prev_hash])
// so the chain covers the values only through their digest. Anonymisation
// may then replace personal values in an old entry (and must drop its random
// nonce, without which the digest cannot be brute-forced back to a personas
// kods): the digest stays, and with it every hash after it. Such an entry is
// marked redacted, and it counts as honest only when a later sealed
// `redact` entry lists it; so marking an entry redacted to hide an edit is
// itself caught.
import * as crypto from 'node:crypto';

/** The chain's start: the previous hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** An audit_log row as the chain sees it (the table's columns, src/db/schema.ts AuditLogTable). */
export type ChainEntry = { id: number; student_id: number | null } & Record<'table_name' | 'operation' | 'at', string> &
  Record<'record_key' | 'before_values' | 'after_values' | 'actor' | 'os_user' | 'command' | 'nonce' | 'values_digest' | 'prev_hash' | 'hash' | 'redacted_at', string | null>;

// The one-shot crypto.hash (Node ≥ 20.12) costs half of a createHash object per call; sealing calls it twice per written row.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;
const sha256 = oneShot ? (text: string) => oneShot('sha256', text, 'hex') : (text: string) => crypto.createHash('sha256').update(text).digest('hex');

export function valuesDigest(nonce: string, before: string | null, after: string | null): string {
  return sha256(JSON.stringify([nonce, before, after]));
}

export function entryHash(entry: Omit<ChainEntry, 'hash' | 'nonce' | 'before_values' | 'after_values' | 'redacted_at'>): string {
  const e = entry;
  return sha256(JSON.stringify([e.id, e.table_name, e.operation, e.record_key, e.student_id, e.at, e.actor, e.os_user, e.command, e.values_digest, e.prev_hash]));
}

/** What a `redact` entry records in its after_values: the entries whose personal values it removed. */
export interface RedactionRecord {
  reason: string;
  entries: number[];
}

export function redactedEntriesOf(entry: Pick<ChainEntry, 'operation' | 'after_values' | 'hash'>): number[] {
  if (entry.operation !== 'redact' || !entry.hash || !entry.after_values) return [];
  try {
    const record = JSON.parse(entry.after_values) as Partial<RedactionRecord>;
    return Array.isArray(record.entries) ? record.entries.filter((n): n is number => typeof n === 'number') : [];
  } catch {
    return [];
  }
}

/** "update of grade #12": how messages name an entry. */
export function describeEntry(e: Pick<ChainEntry, 'id' | 'operation' | 'table_name' | 'record_key'>): string {
  return `entry #${e.id} (${e.operation} of ${e.table_name}${e.record_key === null ? '' : ` ${e.record_key.startsWith('[') ? e.record_key : `#${e.record_key}`}`})`;
}

const entries = (n: number) => (n === 1 ? '1 entry' : `${n} entries`);

export type ChainFault = { entryId: number; reason: string };

/**
 * Checks the log entry by entry, in id order, so that a log of millions of
 * entries is read in pages. `redactionListed` holds every id that a sealed
 * `redact` entry lists (redactedEntriesOf over those entries, read first);
 * those entries are themselves checked in turn. Stops being useful at the
 * first fault: the caller reports that one.
 */
export class ChainVerifier {
  private previousId = 0;
  private previousHash = GENESIS_HASH;
  count = 0;
  redacted = 0;

  constructor(private readonly redactionListed: ReadonlySet<number>) {}

  check(e: ChainEntry): ChainFault | null {
    const name = describeEntry(e);
    if (e.id !== this.previousId + 1) {
      const missing = e.id - this.previousId - 1;
      if (missing < 0) return { entryId: e.id, reason: `${name} is out of order` };
      return { entryId: e.id, reason: `${entries(missing)} before ${name} ${missing === 1 ? 'was' : 'were'} deleted (${missing === 1 ? `id ${e.id - 1} is` : `ids ${this.previousId + 1}–${e.id - 1} are`} missing)` };
    }
    this.previousId = e.id;
    this.count++;
    if (!e.hash) return { entryId: e.id, reason: `${name} was written outside ezurnals: it was never sealed` };
    if (e.redacted_at) {
      if (!this.redactionListed.has(e.id)) return { entryId: e.id, reason: `${name} is marked redacted, but no sealed anonymisation lists it: its values were changed` };
      this.redacted++;
    } else if (!e.nonce || !e.values_digest || valuesDigest(e.nonce, e.before_values, e.after_values) !== e.values_digest) {
      return { entryId: e.id, reason: `${name} was changed: its values no longer match their digest` };
    }
    if (entryHash(e) !== e.hash) return { entryId: e.id, reason: `${name} was changed: it no longer matches its hash` };
    if (e.prev_hash !== this.previousHash) {
      return { entryId: e.id, reason: `${name} does not follow the entry before it: an entry was removed, inserted or reordered` };
    }
    this.previousHash = e.hash;
    return null;
  }

  /** After the last entry: `lastIssuedId`, the highest id ever handed out (sqlite_sequence), catches entries cut off the end. */
  finish(lastIssuedId: number): ChainFault | null {
    const cut = lastIssuedId - this.previousId;
    if (cut > 0) return { entryId: this.previousId + 1, reason: `the last ${entries(cut)} (from #${this.previousId + 1}) ${cut === 1 ? 'was' : 'were'} deleted` };
    return null;
  }
}

/** The chain's head: the position (id) of its last sealed entry and that entry's hash. */
export interface AuditHead {
  position: number;
  hash: string;
}

/** `POSITION:HASH`, as `audit head` prints it and `audit verify --head` reads it. */
export function formatHead(head: AuditHead): string {
  return `${head.position}:${head.hash}`;
}

export function parseHead(text: string): AuditHead | null {
  const m = /^\s*(\d{1,15}):([0-9a-fA-F]{64})\s*$/.exec(text);
  return m ? { position: Number(m[1]), hash: m[2]!.toLowerCase() } : null;
}

/**
 * Whether a row's values now (as the triggers would log them, JSON) are those
 * of its last audit entry. The texts are compared first; when they differ,
 * value by value, so that a column added by a later migration (absent from
 * older entries) counts as unchanged while it holds null or its declared
 * default. A column the entry has and the row no longer has was dropped.
 */
export function rowMatchesEntry(row: string, entry: string | null, defaults: ReadonlyMap<string, unknown> = new Map()): boolean {
  if (row === entry) return true;
  if (entry === null) return false;
  let now: Record<string, unknown>;
  let logged: Record<string, unknown>;
  try {
    now = JSON.parse(row) as Record<string, unknown>;
    logged = JSON.parse(entry) as Record<string, unknown>;
  } catch {
    return false;
  }
  for (const [column, value] of Object.entries(now)) {
    if (Object.hasOwn(logged, column)) {
      if (JSON.stringify(logged[column]) !== JSON.stringify(value)) return false;
    } else if (value !== null && (!defaults.has(column) || JSON.stringify(defaults.get(column)) !== JSON.stringify(value))) {
      return false;
    }
  }
  return true;
}
