import { AppError } from '../errors.ts';
import { deleteGuestGrant, listGuestGrantViews, upsertGuestGrant, type GuestGrantView } from '../db/repositories/guest-grants.ts';
import { localDateOf } from '../domain/dates.ts';
import { requireReadRight, requireRight, timestamp, type ServiceContext } from './context.ts';
import { requireDate, requireText } from './input.ts';
import { resolveClass, resolveStaff, resolveYear } from './lookup.ts';
import { m as st } from '../i18n/messages/staff.ts';
import { staffName } from './staff.ts';

/** A guest reads only what their task needs (regulation §32): one class at a time, until a day. */
async function resolveGuest(ctx: ServiceContext, code: string) {
  const guest = await resolveStaff(ctx, code, 'guest');
  if (!guest.roles.includes('guest')) throw new AppError('invalid', st.notAGuest(staffName(guest), guest.code, guest.roles.join(', ')));
  return guest;
}

export async function grantGuest(ctx: ServiceContext, code: string, input: { class?: string; until?: string }): Promise<GuestGrantView[]> {
  const admin = requireRight(ctx, 'manage-registry');
  const guest = await resolveGuest(ctx, code);
  const year = await resolveYear(ctx);
  const schoolClass = await resolveClass(ctx, year, requireText(input.class, 'class'));
  const until = requireDate(input.until, 'until');
  if (until < localDateOf(ctx.now)) throw new AppError('invalid', st.untilPast(until));
  await upsertGuestGrant(ctx.db, { staff_id: guest.id, class_id: schoolClass.id, until, granted_by: admin.id, granted_at: timestamp(ctx) });
  return listGuestGrantViews(ctx.db, ctx.school.id, { staffId: guest.id });
}

export async function revokeGuest(ctx: ServiceContext, code: string, input: { class?: string }): Promise<GuestGrantView[]> {
  requireRight(ctx, 'manage-registry');
  const guest = await resolveGuest(ctx, code);
  const year = await resolveYear(ctx);
  const schoolClass = await resolveClass(ctx, year, requireText(input.class, 'class'));
  if ((await deleteGuestGrant(ctx.db, guest.id, schoolClass.id)) === 0) throw new AppError('not_found', st.noGrant(staffName(guest), guest.code, schoolClass.code, year.code));
  return listGuestGrantViews(ctx.db, ctx.school.id, { staffId: guest.id });
}

export async function listGuestGrants(ctx: ServiceContext, code?: string): Promise<GuestGrantView[]> {
  requireReadRight(ctx, 'read-staff');
  const guest = code ? await resolveGuest(ctx, code) : undefined;
  return listGuestGrantViews(ctx.db, ctx.school.id, { staffId: guest?.id });
}
