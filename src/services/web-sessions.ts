// Sign-in for the web diary (issue 16): the same password check and lockout
// as `account verify`, then a server-side session. The browser holds a random
// 256-bit token; the database holds only its SHA-256, so a copy of the
// database opens nobody's session. A session ends on sign-out, after
// `idleMinutes` without a request, after `maxHours` in all, and when the
// owner changes the password (their other sessions end too).
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../errors.ts';
import type { Account, WebSession } from '../db/schema.ts';
import { findAccountByUsername } from '../db/repositories/accounts.ts';
import { findStaffById } from '../db/repositories/staff.ts';
import { findStudentById } from '../db/repositories/students.ts';
import { findGuardian } from '../db/repositories/guardians.ts';
import { staffActor, type Actor } from '../domain/permissions.ts';
import { timestamp, type ServiceContext } from './context.ts';
import { changeOwnPassword, verifyAccount, type VerifyResult } from './accounts.ts';
import type { LockoutPolicy } from './config.ts';
import type { Db } from '../db/connection.ts';
import { m as t } from '../i18n/messages/accounts.ts';

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMinutes: 30, maxHours: 12 };

/**
 * A session's last_seen_at is written at most this often: not one write (and
 * one audit entry) per page. The idle timeout is therefore exact to within
 * these 5 minutes: a session may end up to 5 minutes early.
 */
const TOUCH_EVERY_MS = 5 * 60_000;

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface SignedIn {
  sessionId: number;
  accountId: number;
  username: string;
  kind: Account['kind'];
  actor: Actor;
  /** The password is still the one sent by SMS: nothing but changing it is allowed. */
  mustChangePassword: boolean;
  /** The session's last_seen_at is old enough to be written again. */
  stale: boolean;
}

export type SignInResult = { ok: true; token: string; username: string; mustChangePassword: boolean } | { ok: false; reason: string; locked: boolean };

/** The person a profile belongs to, as the actor of their requests; undefined for a deactivated employee. */
export async function actorOfAccount(db: Db, account: Account): Promise<Actor | undefined> {
  if (account.kind === 'staff') {
    const staff = await findStaffById(db, account.person_id);
    return staff && staff.active === 1 ? staffActor(staff) : undefined;
  }
  if (account.kind === 'student') {
    const s = await findStudentById(db, account.person_id);
    return s ? { kind: 'student', id: s.id, code: s.code, name: `${s.first_name} ${s.last_name}`.trim(), roles: [] } : undefined;
  }
  const g = await findGuardian(db, account.school_id, account.person_id);
  return g ? { kind: 'guardian', id: g.id, code: `guardian:${g.id}`, name: `${g.first_name} ${g.last_name}`.trim(), roles: [] } : undefined;
}

/** Checks the password (counting wrong ones toward the lock) and opens a session. Never throws for a wrong password. */
export async function signIn(ctx: ServiceContext, input: { username: string; password: string; client?: string }, lockout: LockoutPolicy): Promise<SignInResult> {
  const username = input.username.trim();
  if (!username || !input.password) return { ok: false, reason: 'wrong username or password', locked: false };
  const check = await verifyAccount(ctx, username, input.password, lockout);
  if (!check.ok) return { ok: false, reason: check.reason, locked: !!check.lockedUntil };
  const account = (await findAccountByUsername(ctx.db, ctx.school.id, check.username))!;
  if (!(await actorOfAccount(ctx.db, account))) return { ok: false, reason: `${account.username} may not use the journal`, locked: false };
  const token = randomBytes(32).toString('base64url');
  const at = timestamp(ctx);
  await ctx.db
    .insertInto('web_session')
    .values({ school_id: ctx.school.id, account_id: account.id, token_hash: tokenHash(token), client: input.client ?? null, created_at: at, last_seen_at: at })
    .execute();
  return { ok: true, token, username: account.username, mustChangePassword: account.password_chosen_at === null };
}

export type SessionLookup = { state: 'active'; session: SignedIn } | { state: 'ended'; sessionId: number; reason: 'idle' | 'expired' } | { state: 'none' };

/**
 * The session a token opens, read only: an idle or too old one is reported
 * so that the caller ends it; a disabled or locked profile opens nothing.
 */
export async function findSession(ctx: ServiceContext, token: string | undefined, policy: SessionPolicy): Promise<SessionLookup> {
  if (!token || token.length > 100) return { state: 'none' };
  const row = await ctx.db
    .selectFrom('web_session as w')
    .innerJoin('account as a', 'a.id', 'w.account_id')
    .selectAll('a')
    .select(['w.id as session_id', 'w.created_at as session_created_at', 'w.last_seen_at', 'w.ended_at'])
    .where('w.token_hash', '=', tokenHash(token))
    .where('w.school_id', '=', ctx.school.id)
    .executeTakeFirst();
  if (!row || row.ended_at !== null) return { state: 'none' };
  const now = ctx.now.getTime();
  if (Date.parse(row.session_created_at) + policy.maxHours * 3_600_000 <= now) return { state: 'ended', sessionId: row.session_id, reason: 'expired' };
  if (Date.parse(row.last_seen_at) + policy.idleMinutes * 60_000 <= now) return { state: 'ended', sessionId: row.session_id, reason: 'idle' };
  if (row.disabled === 1 || row.password_hash === null || (row.locked_until && Date.parse(row.locked_until) > now)) return { state: 'none' };
  const { session_id, session_created_at: _created, last_seen_at, ended_at: _ended, ...account } = row;
  const actor = await actorOfAccount(ctx.db, account);
  if (!actor) return { state: 'none' };
  return {
    state: 'active',
    session: {
      sessionId: session_id,
      accountId: account.id,
      username: account.username,
      kind: account.kind,
      actor,
      mustChangePassword: account.password_chosen_at === null,
      stale: Date.parse(last_seen_at) + TOUCH_EVERY_MS <= now,
    },
  };
}

export async function touchSession(ctx: ServiceContext, sessionId: number): Promise<void> {
  await ctx.db.updateTable('web_session').set({ last_seen_at: timestamp(ctx) }).where('id', '=', sessionId).where('ended_at', 'is', null).execute();
}

export async function endSession(ctx: ServiceContext, sessionId: number, reason: 'signed-out' | 'idle' | 'expired' | 'password-changed'): Promise<void> {
  await ctx.db.updateTable('web_session').set({ ended_at: timestamp(ctx), ended_reason: reason }).where('id', '=', sessionId).where('ended_at', 'is', null).execute();
}

/**
 * The signed-in owner replaces their password (the same strength rules and
 * lockout as `account password`); their other sessions end, this one stays.
 */
export async function changePasswordInSession(ctx: ServiceContext, session: SignedIn, current: string, next: string, lockout: LockoutPolicy): Promise<VerifyResult> {
  const result = await changeOwnPassword(ctx, session.username, current, next, lockout);
  if (!result.ok) return result;
  await ctx.db
    .updateTable('web_session')
    .set({ ended_at: timestamp(ctx), ended_reason: 'password-changed' })
    .where('account_id', '=', session.accountId)
    .where('id', '!=', session.sessionId)
    .where('ended_at', 'is', null)
    .execute();
  return result;
}

/** The open sessions of a profile, newest first (for tests and an admin's look). */
export async function openSessionsOf(ctx: ServiceContext, username: string): Promise<WebSession[]> {
  const account = await findAccountByUsername(ctx.db, ctx.school.id, username);
  if (!account) throw new AppError('not_found', t.noProfileShort(username));
  return ctx.db.selectFrom('web_session').selectAll().where('account_id', '=', account.id).where('ended_at', 'is', null).orderBy('id', 'desc').execute();
}
