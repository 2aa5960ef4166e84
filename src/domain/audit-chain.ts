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
//
// Since issue 17, the tool seals a command's entries together: one seal row
// (audit_seal) over the range of ids its transaction wrote, instead of an
// UPDATE of every entry (which cost an import of 300,000 grades more than
// the import itself). The entries keep their own random nonce (written by the
// trigger), and the seal covers them all:
//   digest = sha256 of, for each entry in id order, the line
//            JSON [id, table, operation, record, student, at, values_digest] + "\n"
//            with values_digest = sha256(JSON [nonce, before_values, after_values])
//   hash   = sha256(JSON ["range", first_id, last_id, actor, os_user, command, digest, prev_hash])
// and the chain runs through entries sealed alone (older databases) and
// seals, in id order, as one: a seal's prev_hash is the hash of the link
// before it. Any changed, deleted, inserted or reordered entry in a range
// changes the digest; an entry no seal covers was written behind the tool's
// back. Anonymisation of an entry in a range keeps its values_digest in the
// entry (computed before its values and nonce go): the range's digest is
// then rebuilt with it in place of the values.
import * as crypto from 'node:crypto';
import { m } from '../i18n/messages/audit-chain.ts';

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

/** One seal over the entries `first_id`–`last_id`, in audit_seal (src/db/schema.ts AuditSealTable). */
export interface RangeSeal {
  id: number;
  first_id: number;
  last_id: number;
  actor: string | null;
  os_user: string;
  command: string;
  digest: string;
  prev_hash: string;
  hash: string;
}

/** The digest of a range's entries, fed one entry at a time in id order. */
export class RangeDigest {
  private readonly hasher = crypto.createHash('sha256');
  /** Lines not yet hashed: one update per 64 KiB rather than one per entry (the same bytes, a third of the calls' cost). */
  private pending = '';

  /** `digest`: the entry's values digest (valuesDigest of its nonce and values; the kept one for a redacted entry). */
  add(e: Pick<ChainEntry, 'id' | 'table_name' | 'operation' | 'record_key' | 'student_id' | 'at'>, digest: string): void {
    this.pending += `${JSON.stringify([e.id, e.table_name, e.operation, e.record_key, e.student_id, e.at, digest])}\n`;
    if (this.pending.length >= 65536) {
      this.hasher.update(this.pending);
      this.pending = '';
    }
  }

  digest(): string {
    if (this.pending) this.hasher.update(this.pending);
    this.pending = '';
    return this.hasher.digest('hex');
  }
}

export function sealHash(s: Omit<RangeSeal, 'id' | 'hash'>): string {
  return sha256(JSON.stringify(['range', s.first_id, s.last_id, s.actor, s.os_user, s.command, s.digest, s.prev_hash]));
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
  return m.entry(e.id, e.operation, e.table_name, e.record_key === null ? '' : ` ${e.record_key.startsWith('[') ? e.record_key : `#${e.record_key}`}`);
}


export type ChainFault = { entryId: number; reason: string };

const span = (s: RangeSeal) => m.span(s.first_id, s.last_id);

/**
 * Checks the log entry by entry, in id order, so that a log of millions of
 * entries is read in pages. `redactionListed` holds every id that a sealed
 * `redact` entry lists (redactedEntriesOf over those entries, read first);
 * those entries are themselves checked in turn. Stops being useful at the
 * first fault: the caller reports that one.
 *
 * Seals are read alongside, in order of their last entry: each entry comes
 * with the first seal that ends at or after it (`check`), and every seal the
 * entries have gone past is handed to `passed`, which makes sure the entries
 * completed it.
 */
export class ChainVerifier {
  private previousId = 0;
  private previousHash = GENESIS_HASH;
  /** The range being read, and its digest so far. */
  private range: { seal: RangeSeal; digest: RangeDigest } | null = null;
  /** The last entry of the last range that verified. */
  private sealedUpTo = 0;
  count = 0;
  redacted = 0;

  constructor(private readonly redactionListed: ReadonlySet<number>) {}

  check(e: ChainEntry, seal: RangeSeal | null = null): ChainFault | null {
    const name = describeEntry(e);
    if (e.id !== this.previousId + 1) {
      const missing = e.id - this.previousId - 1;
      if (missing < 0) return { entryId: e.id, reason: m.outOfOrder(name) };
      return { entryId: e.id, reason: m.deletedBefore(missing, name, this.previousId + 1, e.id - 1) };
    }
    this.previousId = e.id;
    this.count++;
    if (seal && seal.first_id <= e.id && e.id <= seal.last_id) return this.inRange(e, seal, name);
    if (this.range) return { entryId: e.id, reason: m.endsRangeEarly(name, span(this.range.seal)) };
    if (!e.hash) return { entryId: e.id, reason: m.neverSealed(name) };
    if (e.redacted_at) {
      if (!this.redactionListed.has(e.id)) return { entryId: e.id, reason: m.redactedUnlisted(name) };
      this.redacted++;
    } else if (!e.nonce || !e.values_digest || valuesDigest(e.nonce, e.before_values, e.after_values) !== e.values_digest) {
      return { entryId: e.id, reason: m.valuesChanged(name) };
    }
    if (entryHash(e) !== e.hash) return { entryId: e.id, reason: m.hashChanged(name) };
    if (e.prev_hash !== this.previousHash) {
      return { entryId: e.id, reason: m.notFollowing(name) };
    }
    this.previousHash = e.hash;
    return null;
  }

  private inRange(e: ChainEntry, seal: RangeSeal, name: string): ChainFault | null {
    // A sealed range's entries carry no seal columns of their own: who and which command are the seal's.
    if (e.hash !== null || e.prev_hash !== null || e.actor !== null || e.os_user !== null || e.command !== null) return { entryId: e.id, reason: m.ownSealValues(name, span(seal)) };
    if (e.id === seal.first_id) this.range = { seal, digest: new RangeDigest() };
    else if (this.range?.seal.id !== seal.id) return { entryId: e.id, reason: m.insideForeignRange(name, span(seal)) };
    let digest: string;
    if (e.redacted_at) {
      if (!this.redactionListed.has(e.id)) return { entryId: e.id, reason: m.redactedUnlisted(name) };
      if (!e.values_digest) return { entryId: e.id, reason: m.redactedNoDigest(name) };
      digest = e.values_digest;
      this.redacted++;
    } else {
      if (!e.nonce) return { entryId: e.id, reason: m.nonceGone(name) };
      digest = valuesDigest(e.nonce, e.before_values, e.after_values);
    }
    this.range!.digest.add(e, digest);
    if (e.id < seal.last_id) return null;
    // The range's last entry: the whole range against its seal, and the seal against the chain.
    const sum = this.range!.digest.digest();
    this.range = null;
    if (sum !== seal.digest) return { entryId: seal.first_id, reason: m.rangeChanged(span(seal), seal.actor, seal.command) };
    if (sealHash(seal) !== seal.hash) return { entryId: seal.first_id, reason: m.sealChanged(span(seal)) };
    if (seal.prev_hash !== this.previousHash) return { entryId: seal.first_id, reason: m.sealNotFollowing(span(seal)) };
    this.previousHash = seal.hash;
    this.sealedUpTo = seal.last_id;
    return null;
  }

  /** A seal the entries have gone past (or that ends beyond the last entry): the entries must have completed it. */
  passed(seal: RangeSeal): ChainFault | null {
    if (seal.last_id === this.sealedUpTo && !this.range) return null;
    if (seal.last_id > this.previousId) return { entryId: Math.max(seal.first_id, this.previousId + 1), reason: m.rangeCut(span(seal), seal.last_id, this.previousId) };
    return { entryId: seal.first_id, reason: m.sealMismatch(seal.first_id, seal.last_id) };
  }

  /** After the last entry: `lastIssuedId`, the highest id ever handed out (sqlite_sequence), catches entries cut off the end. */
  finish(lastIssuedId: number): ChainFault | null {
    const cut = lastIssuedId - this.previousId;
    if (cut > 0) return { entryId: this.previousId + 1, reason: m.lastDeleted(cut, this.previousId + 1) };
    if (this.range) return { entryId: this.previousId + 1, reason: m.rangeCut(span(this.range.seal), this.range.seal.last_id, this.previousId) };
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
