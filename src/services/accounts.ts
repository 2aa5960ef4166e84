import { AppError } from '../errors.ts';
import type { Account, AccountKind } from '../db/schema.ts';
import { findAccountByUsername, findAccountOf, listAccountRows, personIdsWithoutProfile, updateAccount, type AccountRow } from '../db/repositories/accounts.ts';
import { findGuardian } from '../db/repositories/guardians.ts';
import { findStaffById } from '../db/repositories/staff.ts';
import { findStudentById } from '../db/repositories/students.ts';
import { listStudents } from '../db/repositories/students.ts';
import { listGuardianViews } from '../db/repositories/guardians.ts';
import { listStaff } from '../db/repositories/staff.ts';
import { localTimestamp, localTimeOf, localDateOf } from '../domain/dates.ts';
import { isRole } from '../domain/roles.ts';
import { checkPasswordStrength } from '../domain/password.ts';
import { requireRight, requireRightToRead, timestamp, type ServiceContext } from './context.ts';
import { cancelPendingMessages, issuePassword, studentProfile, syncProfile, type ProfilePerson } from './account-provisioning.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';
import { resolveClass, resolveYear } from './lookup.ts';
import { referenceDate } from './classes.ts';
import type { LockoutPolicy } from './config.ts';
import { catalogue as a, m as t } from '../i18n/messages/accounts.ts';

export const ACCOUNT_KINDS: readonly AccountKind[] = ['student', 'guardian', 'staff'];

/** What lists and `account show` tell about a profile: never its hash. */
export interface AccountView {
  username: string;
  kind: AccountKind;
  name: string;
  /** The student's or staff member's code, a guardian's id. */
  person: string;
  phone: string | null;
  status: 'active' | 'disabled' | 'locked' | 'no password';
  failed_attempts: number;
  locked_until: string | null;
  password_set_at: string | null;
  created_at: string;
}

function isLocked(account: Account, now: Date): boolean {
  return !!account.locked_until && Date.parse(account.locked_until) > now.getTime();
}

function toView(row: AccountRow, now: Date): AccountView {
  const status = row.disabled === 1 ? 'disabled' : isLocked(row, now) ? 'locked' : row.password_hash === null ? 'no password' : 'active';
  return {
    username: row.username,
    kind: row.kind,
    name: `${row.first_name} ${row.last_name}`,
    person: row.person_code,
    phone: row.phone,
    status,
    failed_attempts: row.failed_attempts,
    locked_until: isLocked(row, now) ? row.locked_until : null,
    password_set_at: row.password_set_at,
    created_at: row.created_at,
  };
}

export interface AccountFilter {
  class?: string;
  role?: string;
  kind?: string;
}

function parseKind(value: string | undefined): AccountKind | undefined {
  if (value === undefined) return undefined;
  if (!(ACCOUNT_KINDS as readonly string[]).includes(value)) throw new AppError('usage', t.badKind(ACCOUNT_KINDS.join(', '), value));
  return value as AccountKind;
}

/** The class's students and their guardians. */
async function classMembers(ctx: ServiceContext, classCode: string): Promise<{ student: Set<number>; guardian: Set<number> }> {
  const year = await resolveYear(ctx);
  const schoolClass = await resolveClass(ctx, year, classCode);
  const students = await listStudents(ctx.db, ctx.school.id, year.id, referenceDate(ctx, year), { classId: schoolClass.id });
  const guardians = await listGuardianViews(ctx.db, ctx.school.id, { studentIds: students.map((s) => s.id) });
  return { student: new Set(students.map((s) => s.id)), guardian: new Set(guardians.map((g) => g.id)) };
}

function invalidRole(role: string): never {
  throw new AppError('usage', t.badRole(role));
}

export async function listAccounts(ctx: ServiceContext, filter: AccountFilter = {}): Promise<AccountView[]> {
  requireRightToRead(ctx, 'manage-accounts');
  let kind = parseKind(filter.kind);
  let staffIds: Set<number> | undefined;
  if (filter.role) {
    const role = filter.role;
    const roleKind: AccountKind = role === 'student' || role === 'guardian' ? role : isRole(role) ? 'staff' : invalidRole(role);
    if (kind && kind !== roleKind) return [];
    kind = roleKind;
    if (isRole(role)) staffIds = new Set((await listStaff(ctx.db, ctx.school.id, { role })).map((s) => s.id));
  }
  let rows = await listAccountRows(ctx.db, ctx.school.id, { kind });
  if (staffIds) rows = rows.filter((r) => staffIds.has(r.person_id));
  if (filter.class) {
    const members = await classMembers(ctx, filter.class);
    rows = rows.filter((r) => r.kind !== 'staff' && members[r.kind].has(r.person_id));
  }
  return rows.map((r) => toView(r, ctx.now));
}

async function requireAccount(ctx: ServiceContext, username: string): Promise<AccountRow> {
  const account = await findAccountByUsername(ctx.db, ctx.school.id, username.trim());
  const [row] = account ? await listAccountRows(ctx.db, ctx.school.id, { ids: [account.id] }) : [];
  if (!row) throw new AppError('not_found', t.noProfile(username));
  return row;
}

export async function showAccount(ctx: ServiceContext, username: string): Promise<AccountView> {
  requireRightToRead(ctx, 'manage-accounts');
  return toView(await requireAccount(ctx, username), ctx.now);
}

async function reread(ctx: ServiceContext, username: string): Promise<AccountView> {
  return toView(await requireAccount(ctx, username), ctx.now);
}

/** A new password by SMS to the profile's phone; the old one stops working now. */
export async function resetAccount(ctx: ServiceContext, username: string): Promise<AccountView> {
  requireRight(ctx, 'manage-accounts');
  const account = await requireAccount(ctx, username);
  if (account.disabled === 1) throw new AppError('conflict', t.resetDisabled(personName(account), account.username));
  if (!account.phone) throw new AppError('conflict', t.noMobile(personName(account), account.username));
  await issuePassword(ctx, account, account.phone);
  return reread(ctx, account.username);
}

export async function disableAccount(ctx: ServiceContext, username: string): Promise<AccountView> {
  requireRight(ctx, 'manage-accounts');
  const account = await requireAccount(ctx, username);
  if (account.disabled === 1) throw new AppError('conflict', t.alreadyDisabled(personName(account), account.username));
  await cancelPendingMessages(ctx, account.id, 'the profile was disabled');
  await updateAccount(ctx.db, account.id, { disabled: 1, updated_at: timestamp(ctx) });
  return reread(ctx, account.username);
}

/** Enabling also lifts a lock; a profile left without a password still needs `account reset`. */
export async function enableAccount(ctx: ServiceContext, username: string): Promise<AccountView> {
  requireRight(ctx, 'manage-accounts');
  const account = await requireAccount(ctx, username);
  if (account.disabled !== 1 && !isLocked(account, ctx.now)) throw new AppError('conflict', t.notDisabledNorLocked(personName(account), account.username));
  await updateAccount(ctx.db, account.id, { disabled: 0, failed_attempts: 0, locked_until: null, updated_at: timestamp(ctx) });
  return reread(ctx, account.username);
}

/**
 * A refusal carries its reason twice: `reason` in English, which the web
 * diary reads to choose its own Latvian words (src/web/routes/sign-in.ts), and
 * `message` in the running language, which the CLI prints.
 */
export type VerifyResult = { ok: true; username: string } | { ok: false; username: string; reason: string; message: string; lockedUntil?: string };

const personName = (row: AccountRow) => `${row.first_name} ${row.last_name}`.trim();

/** A refusal in both forms: `say` picks the sentence from a catalogue's language. */
function refused(username: string, say: (words: typeof a.en) => string, lockedUntil?: string): VerifyResult {
  return { ok: false, username, reason: say(a.en), message: say(t), ...(lockedUntil ? { lockedUntil } : {}) };
}

function until(ctx: ServiceContext, lockedUntil: string): string {
  const at = new Date(lockedUntil);
  const day = localDateOf(at);
  return day === localDateOf(ctx.now) ? localTimeOf(at) : `${day} ${localTimeOf(at)}`;
}

/**
 * Checks a password, counting wrong ones: `maxFailedAttempts` in a row lock
 * the profile for `lockMinutes`, and while locked no password is even tried.
 * Returns instead of throwing, so that the count is committed.
 */
export async function verifyAccount(ctx: ServiceContext, username: string, password: string, lockout: LockoutPolicy): Promise<VerifyResult> {
  const account = await findAccountByUsername(ctx.db, ctx.school.id, username.trim());
  if (!account) {
    // As slow as a real check, so that timing does not tell which usernames exist.
    await hashPassword(password, 'generated');
    return refused(username, (w) => w.wrongPassword);
  }
  if (account.disabled === 1) return refused(account.username, (w) => w.profileIsDisabled(account.username));
  if (isLocked(account, ctx.now)) {
    return refused(account.username, (w) => w.lockedAfter(account.username, until(ctx, account.locked_until!), lockout.maxFailedAttempts), account.locked_until!);
  }
  if (await verifyPassword(password, account.password_hash)) {
    if (account.failed_attempts !== 0 || account.locked_until) await updateAccount(ctx.db, account.id, { failed_attempts: 0, locked_until: null });
    return { ok: true, username: account.username };
  }
  const failed = account.failed_attempts + 1;
  if (failed < lockout.maxFailedAttempts) {
    await updateAccount(ctx.db, account.id, { failed_attempts: failed });
    return refused(account.username, (w) => w.wrongPassword);
  }
  const lockedUntil = localTimestamp(new Date(ctx.now.getTime() + lockout.lockMinutes * 60_000));
  await updateAccount(ctx.db, account.id, { failed_attempts: 0, locked_until: lockedUntil });
  return refused(account.username, (w) => w.lockedNow(account.username, until(ctx, lockedUntil)), lockedUntil);
}

/** A new password refused, by kind: the web diary words its page from the kind, whatever the message's language. */
export class PasswordRefusal extends AppError {
  constructor(
    readonly kind: 'weak' | 'same',
    /** The strength check's reason (English, src/domain/password.ts); empty for 'same'. */
    readonly reason: string,
    message: string,
  ) {
    super('invalid', message);
  }
}

/**
 * The owner replaces the password they received: proven by the current one
 * (counted like `verify`), the new one must pass the strength check. The
 * password SMS still waiting, if any, is withdrawn: it would carry the old one.
 */
export async function changeOwnPassword(ctx: ServiceContext, username: string, current: string, next: string, lockout: LockoutPolicy): Promise<VerifyResult> {
  const check = await verifyAccount(ctx, username, current, lockout);
  if (!check.ok) return check;
  const account = (await findAccountByUsername(ctx.db, ctx.school.id, check.username))!;
  const strength = checkPasswordStrength(next, account.username);
  if (!strength.ok) throw new PasswordRefusal('weak', strength.reason, t.passwordTooWeak(strength.reason));
  if (next === current) throw new PasswordRefusal('same', '', t.passwordSame);
  await cancelPendingMessages(ctx, account.id, 'the owner set a password of their own');
  const at = timestamp(ctx);
  await updateAccount(ctx.db, account.id, { password_hash: await hashPassword(next, 'chosen'), password_set_at: at, password_chosen_at: at, updated_at: at });
  return check;
}

async function profilePerson(ctx: ServiceContext, kind: AccountKind, id: number): Promise<ProfilePerson> {
  if (kind === 'student') return studentProfile((await findStudentById(ctx.db, id))!);
  if (kind === 'guardian') {
    const g = (await findGuardian(ctx.db, ctx.school.id, id))!;
    return { kind, id, firstName: g.first_name, lastName: g.last_name, phone: g.phone };
  }
  const s = (await findStaffById(ctx.db, id))!;
  return { kind, id, firstName: s.first_name, lastName: s.last_name, phone: s.phone, active: s.active === 1 };
}

/**
 * Profiles for the people whose phones were entered before profiles existed
 * (a database from an earlier version): each gets one, and its password SMS
 * is queued, as if the phone had just been entered. Landlines get none.
 */
export async function provisionMissing(ctx: ServiceContext, filter: { kind?: string } = {}): Promise<AccountView[]> {
  requireRight(ctx, 'manage-accounts');
  const only = parseKind(filter.kind);
  const created: number[] = [];
  for (const kind of only ? [only] : ACCOUNT_KINDS) {
    for (const id of await personIdsWithoutProfile(ctx.db, ctx.school.id, kind)) {
      await syncProfile(ctx, await profilePerson(ctx, kind, id));
      const account = await findAccountOf(ctx.db, ctx.school.id, kind, id);
      if (account) created.push(account.id);
    }
  }
  return (await listAccountRows(ctx.db, ctx.school.id, { ids: created })).map((r) => toView(r, ctx.now));
}
