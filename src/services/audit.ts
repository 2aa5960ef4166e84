// `ezurnals audit list|verify`: reading and checking the audit trail that the
// triggers write and each commit seals (src/db/audit/).
import { AppError } from '../errors.ts';
import { auditPage, auditSealPage, listAuditEntries, redactionEntries, type SealedAuditEntry } from '../db/repositories/audit-log.ts';
import { auditHashAt, auditHead, dialectOf } from '../db/dialect.ts';
import { requireIntactDatabase } from '../db/quick-check.ts';
import { ChainVerifier, formatHead, parseHead, redactedEntriesOf, type AuditHead } from '../domain/audit-chain.ts';
import { instantOfLocal, localTimestamp, parseDateInput } from '../domain/dates.ts';
import type { AuditSeal } from '../db/schema.ts';
import { requireRightToRead, type ServiceContext } from './context.ts';
import { resolveStudent } from './lookup.ts';
import { requireInteger } from './input.ts';
import { m as t } from '../i18n/messages/files-audit.ts';

/** `--by system`: the entries written without --as, by whoever ran the tool. */
export const SYSTEM_OPERATOR = 'system';

export interface AuditListOptions {
  entity?: string;
  student?: string;
  since?: string;
  by?: string;
  limit?: string | number;
  oldestFirst?: boolean;
}

type Values = Record<string, unknown>;

export interface AuditEntryView {
  id: number;
  /** School time. */
  at: string;
  /** The staff code; "system (os-user)" without --as; null when the entry was never sealed. */
  by: string | null;
  command: string | null;
  table: string;
  record: string | null;
  operation: string;
  before: Values | null;
  after: Values | null;
  /** Updates: only what changed, column → [before, after]. */
  changed: Record<string, [unknown, unknown]> | null;
  sealed: boolean;
  redacted: boolean;
}

const parse = (json: string | null): Values | null => (json === null ? null : (JSON.parse(json) as Values));

function changedColumns(before: Values | null, after: Values | null): Record<string, [unknown, unknown]> | null {
  if (!before || !after) return null;
  const changed: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after)) if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed[key] = [before[key], after[key]];
  return changed;
}

export function auditEntryView(e: SealedAuditEntry): AuditEntryView {
  const before = parse(e.before_values);
  const after = parse(e.after_values);
  // Sealed alone (older databases) or by its range's seal.
  const [actor, osUser, command] = e.hash !== null ? [e.actor, e.os_user, e.command] : [e.seal_actor, e.seal_os_user, e.seal_command];
  const sealed = e.hash !== null || e.seal_id !== null;
  return {
    id: e.id,
    at: localTimestamp(new Date(e.at)),
    by: sealed ? (actor ?? `${SYSTEM_OPERATOR} (${osUser})`) : null,
    command,
    table: e.table_name,
    record: e.record_key,
    operation: e.operation,
    before,
    after,
    changed: e.operation === 'update' ? changedColumns(before, after) : null,
    sealed,
    redacted: e.redacted_at !== null,
  };
}

const DEFAULT_LIMIT = 50;

export async function listAudit(ctx: ServiceContext, options: AuditListOptions): Promise<AuditEntryView[]> {
  requireRightToRead(ctx, 'read-audit-log');
  let since: string | undefined;
  if (options.since !== undefined) {
    const date = parseDateInput(options.since);
    if (!date) throw new AppError('usage', t.badSince(options.since));
    since = instantOfLocal(date, '00:00').toISOString();
  }
  const limit = requireInteger(options.limit ?? DEFAULT_LIMIT, 'limit', 1, 1_000_000);
  const student = options.student === undefined ? undefined : await resolveStudent(ctx, options.student);
  const entries = await listAuditEntries(ctx.db, {
    table: options.entity,
    studentId: student?.id,
    since,
    actor: options.by === undefined ? undefined : options.by === SYSTEM_OPERATOR ? null : options.by,
    limit,
    oldestFirst: options.oldestFirst,
  });
  return entries.map(auditEntryView);
}

export interface AuditVerdict {
  entries: number;
  redacted: number;
  /** Rows of the audited tables checked against their last entry. */
  rows: number;
  /** The chain's head now, to keep elsewhere and check later with --head. */
  head: AuditHead | null;
  /** The remembered head that was checked, when one was given. */
  checkedHead: AuditHead | null;
}

export interface AuditVerifyOptions {
  /** A head remembered earlier, `POSITION:HASH`: it must still be in the chain. */
  head?: string;
}

/** `audit head`: the chain's position and hash now, to write down or keep outside the database. */
export async function currentAuditHead(ctx: ServiceContext): Promise<AuditHead> {
  requireRightToRead(ctx, 'read-audit-log');
  const head = await auditHead(ctx.db);
  if (!head) throw new AppError('not_found', t.noHead);
  return head;
}

const PAGE = 5000;

/** The seals in chain order, a page at a time: `peek` the current one, `next` moves on and gives the one after. */
function sealReader(ctx: ServiceContext): { peek(): Promise<AuditSeal | null>; next(): Promise<AuditSeal | null> } {
  let page: AuditSeal[] = [];
  let index = 0;
  let done = false;
  const peek = async () => {
    if (index >= page.length && !done) {
      page = await auditSealPage(ctx.db, page.at(-1)?.last_id ?? 0, PAGE);
      index = 0;
      done = page.length === 0;
    }
    return page[index] ?? null;
  };
  return {
    peek,
    async next() {
      index++;
      return peek();
    },
  };
}

/**
 * The database file's pages first (quick_check), then the whole chain; the
 * first changed, deleted, reordered or unsealed entry (or a dropped audit
 * trigger) is an AppError('invalid'): exit 4. Then every current row against
 * its last entry, and a remembered head against the chain.
 */
export async function verifyAudit(ctx: ServiceContext, options: AuditVerifyOptions = {}): Promise<AuditVerdict> {
  requireRightToRead(ctx, 'read-audit-log');
  const remembered = options.head === undefined ? null : parseHead(options.head);
  if (options.head !== undefined && (!remembered || remembered.position < 1)) throw new AppError('usage', t.badHead(options.head, `2832:${'0'.repeat(8)}…`));
  const dialect = dialectOf(ctx.db);
  await requireIntactDatabase(ctx.db, 'its audit log cannot be verified');
  const listed = new Set<number>();
  for (const record of await redactionEntries(ctx.db)) for (const id of redactedEntriesOf(record)) listed.add(id);
  const verifier = new ChainVerifier(listed);
  const fail = (entryId: number, reason: string) => new AppError('invalid', t.failsAt(entryId, reason));
  // The seals are read alongside the entries, in chain order: each entry meets the first seal ending at or after it.
  const seals = sealReader(ctx);
  for (let after = 0; ; ) {
    const page = await auditPage(ctx.db, after, PAGE);
    if (page.length === 0) break;
    for (const entry of page) {
      let seal = await seals.peek();
      while (seal && seal.last_id < entry.id) {
        const fault = verifier.passed(seal);
        if (fault) throw fail(fault.entryId, fault.reason);
        seal = await seals.next();
      }
      const fault = verifier.check(entry, seal);
      if (fault) throw fail(fault.entryId, fault.reason);
    }
    after = page.at(-1)!.id;
  }
  const cut = verifier.finish(await dialect.lastIssuedAuditId(ctx.db));
  if (cut) throw fail(cut.entryId, cut.reason);
  // Seals beyond the last entry: their entries were deleted.
  for (let seal = await seals.peek(); seal; seal = await seals.next()) {
    const fault = verifier.passed(seal);
    if (fault) throw fail(fault.entryId, fault.reason);
  }
  const trigger = await dialect.auditTriggerFault(ctx.db);
  if (trigger) throw new AppError('invalid', t.triggerFault(trigger));
  const rows = await dialect.rowAuditFault(ctx.db);
  if (rows.fault) throw new AppError('invalid', t.rowsFault(rows.fault));
  const head = await auditHead(ctx.db);
  if (remembered) {
    const at = await auditHashAt(ctx.db, remembered.position);
    if (!at) throw new AppError('invalid', t.headCut(formatHead(remembered), head?.position ?? 0));
    if (at.hash !== remembered.hash) throw new AppError('invalid', t.headRewritten(formatHead(remembered), remembered.position, String(at.hash)));
  }
  return { entries: verifier.count, redacted: verifier.redacted, rows: rows.rows, head, checkedHead: remembered };
}
