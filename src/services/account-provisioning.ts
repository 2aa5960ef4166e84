import { AppError } from '../errors.ts';
import type { Account, AccountKind, Student } from '../db/schema.ts';
import { findAccountByUsername, findAccountOf, insertAccount, updateAccount, usernamesLike } from '../db/repositories/accounts.ts';
import { insertSms, listSms, updateSms } from '../db/repositories/sms-outbox.ts';
import { canReceiveSms } from '../domain/contact.ts';
import { firstFreeUsername, usernameBase } from '../domain/username.ts';
import { maskSecret, passwordMessage, smsSize } from '../domain/sms-text.ts';
import { hashPassword, newPassword } from './password-hash.ts';
import { timestamp, type ServiceContext } from './context.ts';
import { m as t } from '../i18n/messages/accounts.ts';

/**
 * A profile follows its person's phone (regulation §3, §30–31; REFERENCE §8):
 * entering a phone creates the profile and sends its password there, a new
 * phone invalidates the old password and sends a new one to the new number
 * only, and removing the phone leaves the profile without a valid password.
 */
export interface ProfilePerson {
  kind: AccountKind;
  id: number;
  firstName: string;
  lastName: string;
  phone: string | null;
  /** A student's username is fixed by the student (see studentUsername); others are generated from the name. */
  username?: string;
  /** False for a deactivated employee: no new profile, and an existing one is disabled. */
  active?: boolean;
}

/** E-klase's habit: the student's personas kods, and the student code for one who has none. */
export function studentUsername(student: Pick<Student, 'code' | 'personal_code'>): string {
  return student.personal_code ?? student.code;
}

export function studentProfile(student: Student): ProfilePerson {
  return { kind: 'student', id: student.id, firstName: student.first_name, lastName: student.last_name, phone: student.phone, username: studentUsername(student) };
}

async function requireFreeUsername(ctx: ServiceContext, username: string, owner?: Account): Promise<void> {
  const other = await findAccountByUsername(ctx.db, ctx.school.id, username);
  if (other && other.id !== owner?.id) throw new AppError('conflict', t.usernameTaken(username, other.kind, other.person_id));
}

async function newUsername(ctx: ServiceContext, person: ProfilePerson): Promise<string> {
  if (person.username) {
    await requireFreeUsername(ctx, person.username);
    return person.username;
  }
  const base = usernameBase(person.firstName, person.lastName);
  return firstFreeUsername(base, await usernamesLike(ctx.db, ctx.school.id, base));
}

/** Queued or failed password messages of an account are withdrawn, their password masked: a newer one replaces them. */
export async function cancelPendingMessages(ctx: ServiceContext, accountId: number, why: string): Promise<void> {
  for (const message of await listSms(ctx.db, ctx.school.id, { accountId, states: ['queued', 'failed'] })) {
    await updateSms(ctx.db, message.id, {
      state: 'cancelled',
      body: maskSecret(message.body, message.secret_from, message.secret_length),
      last_error: why,
      updated_at: timestamp(ctx),
    });
  }
}

/** A new password: hashed on the profile, in clear only in the queued message to `phone`. */
export async function issuePassword(ctx: ServiceContext, account: Account, phone: string): Promise<Account> {
  const password = newPassword();
  const message = passwordMessage(account.username, password);
  const size = smsSize(message.text);
  if (!size.fitsOne) {
    throw new AppError('invalid', t.smsTooLong(account.username, size.units, size.limit, size.encoding));
  }
  await cancelPendingMessages(ctx, account.id, 'superseded by a newer password');
  const at = timestamp(ctx);
  const updated = await updateAccount(ctx.db, account.id, {
    password_hash: await hashPassword(password, 'generated'),
    phone,
    password_set_at: at,
    // A password sent by SMS is temporary: the web diary asks for a new one at first sign-in.
    password_chosen_at: null,
    failed_attempts: 0,
    locked_until: null,
    updated_at: at,
  });
  await insertSms(ctx.db, {
    school_id: ctx.school.id,
    account_id: account.id,
    phone,
    body: message.text,
    secret_from: message.secretFrom,
    secret_length: message.secretLength,
    state: 'queued',
    created_at: at,
    updated_at: at,
  });
  return updated;
}

/** The number a password may be sent to: a Latvian landline cannot receive it. */
function smsPhone(phone: string | null): string | null {
  return phone && canReceiveSms(phone) ? phone : null;
}

/** Brings the person's profile in line with their phone; called wherever a phone is entered or changed. */
export async function syncProfile(ctx: ServiceContext, person: ProfilePerson): Promise<void> {
  const phone = smsPhone(person.phone);
  const account = await findAccountOf(ctx.db, ctx.school.id, person.kind, person.id);
  if (person.active === false) {
    if (account && account.disabled !== 1) {
      await cancelPendingMessages(ctx, account.id, 'the employee was deactivated');
      await updateAccount(ctx.db, account.id, { disabled: 1, updated_at: timestamp(ctx) });
    }
    return;
  }
  if (!account) {
    if (!phone) return;
    const at = timestamp(ctx);
    const created = await insertAccount(ctx.db, {
      school_id: ctx.school.id,
      kind: person.kind,
      person_id: person.id,
      username: await newUsername(ctx, person),
      password_hash: null,
      phone: null,
      created_at: at,
      updated_at: at,
    });
    await issuePassword(ctx, created, phone);
    return;
  }
  // A generated username stays when the name changes; a student's follows the personas kods.
  const username = person.username ?? account.username;
  if (account.phone === phone && account.username === username) return;
  if (username !== account.username) await requireFreeUsername(ctx, username, account);
  const renamed = username === account.username ? account : await updateAccount(ctx.db, account.id, { username, updated_at: timestamp(ctx) });
  if (phone && account.disabled !== 1) {
    await issuePassword(ctx, renamed, phone);
    return;
  }
  // No number to send to (or a disabled profile): the old password must not outlive the old number.
  await cancelPendingMessages(ctx, account.id, phone ? 'the profile is disabled' : 'the phone number was removed');
  await updateAccount(ctx.db, account.id, { phone, password_hash: null, password_set_at: null, updated_at: timestamp(ctx) });
}
