import { AppError } from '../errors.ts';
import type { SmsMessage, SmsState } from '../db/schema.ts';
import { inTransaction } from '../db/connection.ts';
import { claimSms, findSms, listSms, updateSms } from '../db/repositories/sms-outbox.ts';
import { listAccountRows } from '../db/repositories/accounts.ts';
import { maskSecret } from '../domain/sms-text.ts';
import { localTimestamp } from '../domain/dates.ts';
import { requireRight, timestamp, type ServiceContext } from './context.ts';
import { backoffDelay, type SmsTransport } from './sms-transports.ts';
import type { SmsConfig } from './config.ts';
import { m as t } from '../i18n/messages/accounts.ts';

export const SMS_STATES: readonly SmsState[] = ['queued', 'sent', 'failed', 'cancelled'];

/** A message as lists show it: the password masked, whatever its state. */
export interface SmsView {
  id: number;
  state: SmsState;
  to: string;
  username: string | null;
  name: string | null;
  text: string;
  attempts: number;
  last_error: string | null;
  transport: string | null;
  created_at: string;
  sent_at: string | null;
}

async function views(ctx: ServiceContext, messages: readonly SmsMessage[]): Promise<SmsView[]> {
  const ids = [...new Set(messages.map((m) => m.account_id).filter((id): id is number => id !== null))];
  const accounts = new Map((await listAccountRows(ctx.db, ctx.school.id, { ids })).map((a) => [a.id, a]));
  return messages.map((m) => {
    const account = m.account_id === null ? undefined : accounts.get(m.account_id);
    return {
      id: m.id,
      state: m.state,
      to: m.phone,
      username: account?.username ?? null,
      name: account ? `${account.first_name} ${account.last_name}` : null,
      text: maskSecret(m.body, m.secret_from, m.secret_length),
      attempts: m.attempts,
      last_error: m.last_error,
      transport: m.transport,
      created_at: m.created_at,
      sent_at: m.sent_at,
    };
  });
}

export function parseSmsState(value: string | undefined): SmsState | undefined {
  if (value === undefined) return undefined;
  if (!(SMS_STATES as readonly string[]).includes(value)) throw new AppError('usage', t.badState(SMS_STATES.join(', '), value));
  return value as SmsState;
}

export async function listMessages(ctx: ServiceContext, filter: { state?: string } = {}): Promise<SmsView[]> {
  requireRight(ctx, 'manage-accounts');
  const state = parseSmsState(filter.state);
  return views(ctx, await listSms(ctx.db, ctx.school.id, state ? { states: [state] } : {}));
}

/**
 * Once a message has left, its password is replaced by the mask: it must not
 * live on in the database. The mask is as long as the password, so SQLite
 * rewrites the row in place and the old text is not left in the file's free
 * space (checked against the file's bytes in test/cli/accounts.test.ts).
 */
function scrubbed(message: SmsMessage): string {
  return maskSecret(message.body, message.secret_from, message.secret_length);
}

export interface SendFailure {
  id: number;
  to: string;
  username: string | null;
  attempts: number;
  error: string;
}

export interface SendResult {
  transport: string;
  sent: number;
  failed: SendFailure[];
  /** Messages another `sms send` was delivering at the same time. */
  skipped: number;
  /** Still queued because the transport is `outbox`. */
  queued: number;
}

export interface SendOptions {
  /** Failed messages are tried again too. */
  retryFailed?: boolean;
  /** The wait between tries (tests pass one that only records the delays). */
  sleep?: (ms: number) => Promise<void>;
  /**
   * Milliseconds since the run began, from a monotonic clock by default. A
   * run may last minutes against a slow gateway, so a claim's time is
   * `ctx.now` plus this, not the run's start: a second run must not take
   * over, as expired, a claim made a moment ago.
   */
  elapsedMs?: () => number;
  /** The command line the audit log names for the outbox writes (default: this process's). */
  command?: string;
}

/** A sender that died mid-run leaves its claims; after this long another run takes them over. */
const CLAIM_EXPIRY_MS = 10 * 60_000;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Elapsed time by the monotonic clock: it measures the run's length and never reads the date. */
const monotonicSince = (start: number) => () => performance.now() - start;

/**
 * Delivers the queued messages one by one. Not one transaction: a slow
 * gateway must not hold the journal's write lock, so each message is claimed,
 * delivered outside any transaction, and its outcome written in its own.
 * A message is tried `attempts` times with exponential backoff, then marked failed.
 */
export async function sendQueued(ctx: ServiceContext, transport: SmsTransport | null, config: SmsConfig, options: SendOptions = {}): Promise<SendResult> {
  requireRight(ctx, 'manage-accounts');
  const states: SmsState[] = options.retryFailed ? ['queued', 'failed'] : ['queued'];
  const pending = await listSms(ctx.db, ctx.school.id, { states });
  if (!transport) return { transport: 'outbox', sent: 0, failed: [], skipped: 0, queued: pending.length };
  const sleep = options.sleep ?? wait;
  const elapsedMs = options.elapsedMs ?? monotonicSince(performance.now());
  const clock = () => new Date(ctx.now.getTime() + elapsedMs());
  // Each write is its own transaction (see above); the audit log names who sent, as for any command's writes.
  const author = { actor: ctx.actor?.code ?? null, command: options.command };
  const write = <T>(work: (trx: typeof ctx.db) => Promise<T>) => inTransaction(ctx.db, work, author);
  const result: SendResult = { transport: transport.name, sent: 0, failed: [], skipped: 0, queued: 0 };
  const usernames = new Map((await views(ctx, pending)).map((v) => [v.id, v.username]));
  for (const candidate of pending) {
    const now = clock();
    const claimed = await write((trx) => claimSms(trx, candidate.id, states, localTimestamp(now), localTimestamp(new Date(now.getTime() - CLAIM_EXPIRY_MS))));
    if (!claimed) {
      result.skipped++;
      continue;
    }
    const message = (await findSms(ctx.db, candidate.id))!;
    let error = '';
    let tries = 0;
    for (let attempt = 1; attempt <= config.attempts; attempt++) {
      tries = attempt;
      try {
        await transport.deliver({ to: message.phone, text: message.body });
        error = '';
        break;
      } catch (caught) {
        error = caught instanceof Error ? caught.message : String(caught);
        if (attempt < config.attempts) await sleep(backoffDelay(attempt, config.backoffMs, config.backoffMaxMs));
      }
    }
    const at = localTimestamp(clock());
    const attempts = message.attempts + tries;
    if (!error) {
      await write((trx) =>
        updateSms(trx, message.id, { state: 'sent', body: scrubbed(message), attempts, last_error: null, transport: transport.name, sending_since: null, sent_at: at, updated_at: at }),
      );
      result.sent++;
    } else {
      await write((trx) => updateSms(trx, message.id, { state: 'failed', attempts, last_error: error, sending_since: null, updated_at: at }));
      result.failed.push({ id: message.id, to: message.phone, username: usernames.get(message.id) ?? null, attempts, error });
    }
  }
  return result;
}

export interface HandedOver {
  messages: { id: number; to: string; name: string | null; username: string | null; text: string }[];
}

/**
 * The queued messages, in clear, for printing or another sender (the offline
 * school); in the same transaction they are marked sent by `export` and
 * scrubbed, so only the written file holds their passwords from then on.
 */
export async function handOverQueued(ctx: ServiceContext, write: (messages: HandedOver['messages']) => void): Promise<HandedOver> {
  requireRight(ctx, 'manage-accounts');
  const queued = await listSms(ctx.db, ctx.school.id, { states: ['queued'] });
  const shown = new Map((await views(ctx, queued)).map((v) => [v.id, v]));
  const messages = queued.map((m) => ({ id: m.id, to: m.phone, name: shown.get(m.id)!.name, username: shown.get(m.id)!.username, text: m.body }));
  write(messages);
  const at = timestamp(ctx);
  for (const m of queued) await updateSms(ctx.db, m.id, { state: 'sent', body: scrubbed(m), transport: 'export', sent_at: at, updated_at: at });
  return { messages: messages.map((m) => ({ ...m, text: shown.get(m.id)!.text })) };
}
