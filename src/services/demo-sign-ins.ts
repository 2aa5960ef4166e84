// Two profiles of the demo school that one can sign in with at once, to try
// the web diary: a guardian of a 9.b student and 9.b's class teacher. Their
// passwords are fixed and printed, which is only right for a demo: it is a
// temporary password like the SMS one, so the first sign-in asks for a new one.
import { AppError } from '../errors.ts';
import { findAccountOf, updateAccount } from '../db/repositories/accounts.ts';
import { findStaffById } from '../db/repositories/staff.ts';
import { classMembersOn } from '../db/repositories/students.ts';
import { listGuardianViews } from '../db/repositories/guardians.ts';
import { localDateOf } from '../domain/dates.ts';
import { timestamp, type ServiceContext } from './context.ts';
import { hashPassword } from './password-hash.ts';
import { cancelPendingMessages } from './account-provisioning.ts';
import { resolveClass, resolveYear } from './lookup.ts';
import { m as t } from '../i18n/messages/demo.ts';

export const DEMO_PASSWORD = 'Demo-parole-2026';
const DEMO_CLASS = '9.b';

export interface DemoSignIn {
  who: 'guardian' | 'teacher';
  username: string;
  name: string;
  password: string;
  about: string;
}

export async function setDemoSignIns(ctx: ServiceContext): Promise<DemoSignIn[]> {
  const year = await resolveYear(ctx);
  const schoolClass = await resolveClass(ctx, year, DEMO_CLASS);
  const members = await classMembersOn(ctx.db, schoolClass.id, localDateOf(ctx.now) < year.starts_on ? year.starts_on : localDateOf(ctx.now));
  const guardians = await listGuardianViews(ctx.db, ctx.school.id, { studentIds: members.map((m) => m.id) });
  const result: DemoSignIn[] = [];
  const hash = await hashPassword(DEMO_PASSWORD, 'generated');
  const at = timestamp(ctx);
  for (const g of guardians) {
    const account = await findAccountOf(ctx.db, ctx.school.id, 'guardian', g.id);
    if (!account) continue;
    await cancelPendingMessages(ctx, account.id, 'the demo set a known password');
    await updateAccount(ctx.db, account.id, { password_hash: hash, password_set_at: at, password_chosen_at: null, failed_attempts: 0, locked_until: null, updated_at: at });
    result.push({ who: 'guardian', username: account.username, name: `${g.first_name} ${g.last_name}`, password: DEMO_PASSWORD, about: t.about('guardian', DEMO_CLASS) });
    break;
  }
  const teacher = schoolClass.class_teacher_id ? await findStaffById(ctx.db, schoolClass.class_teacher_id) : undefined;
  const account = teacher ? await findAccountOf(ctx.db, ctx.school.id, 'staff', teacher.id) : undefined;
  if (teacher && account) {
    await cancelPendingMessages(ctx, account.id, 'the demo set a known password');
    await updateAccount(ctx.db, account.id, { password_hash: hash, password_set_at: at, password_chosen_at: null, failed_attempts: 0, locked_until: null, updated_at: at });
    result.push({ who: 'teacher', username: account.username, name: `${teacher.first_name} ${teacher.last_name}`, password: DEMO_PASSWORD, about: t.about('teacher', DEMO_CLASS) });
  }
  if (result.length === 0) throw new AppError('not_found', t.noDemoProfiles(DEMO_CLASS));
  return result;
}
