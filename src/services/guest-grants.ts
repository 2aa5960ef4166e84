import { AppError } from '../errors.ts';
import { deleteGuestGrant, listGuestGrantViews, upsertGuestGrant, type GuestGrantView } from '../db/repositories/guest-grants.ts';
import { localDateOf } from '../domain/dates.ts';
import { requireReadRight, requireRight, timestamp, type ServiceContext } from './context.ts';
import { requireDate, requireText } from './input.ts';
import { resolveClass, resolveStaff, resolveYear } from './lookup.ts';

/** A guest reads only what their task needs (regulation §32): one class at a time, until a day. */
async function resolveGuest(ctx: ServiceContext, code: string) {
  const guest = await resolveStaff(ctx, code, 'guest');
  if (!guest.roles.includes('guest')) throw new AppError('invalid', `${guest.code} is not a guest (roles: ${guest.roles.join(', ')}): other employees read by their role, not by grants.`);
  return guest;
}

export async function grantGuest(ctx: ServiceContext, code: string, input: { class?: string; until?: string }): Promise<GuestGrantView[]> {
  const admin = requireRight(ctx, 'manage-registry');
  const guest = await resolveGuest(ctx, code);
  const year = await resolveYear(ctx);
  const schoolClass = await resolveClass(ctx, year, requireText(input.class, 'class'));
  const until = requireDate(input.until, 'until');
  if (until < localDateOf(ctx.now)) throw new AppError('invalid', `--until ${until} is already past: a grant runs from today to that day.`);
  await upsertGuestGrant(ctx.db, { staff_id: guest.id, class_id: schoolClass.id, until, granted_by: admin.id, granted_at: timestamp(ctx) });
  return listGuestGrantViews(ctx.db, ctx.school.id, { staffId: guest.id });
}

export async function revokeGuest(ctx: ServiceContext, code: string, input: { class?: string }): Promise<GuestGrantView[]> {
  requireRight(ctx, 'manage-registry');
  const guest = await resolveGuest(ctx, code);
  const year = await resolveYear(ctx);
  const schoolClass = await resolveClass(ctx, year, requireText(input.class, 'class'));
  if ((await deleteGuestGrant(ctx.db, guest.id, schoolClass.id)) === 0) throw new AppError('not_found', `${guest.code} holds no grant of ${schoolClass.code} in ${year.code}.`);
  return listGuestGrantViews(ctx.db, ctx.school.id, { staffId: guest.id });
}

export async function listGuestGrants(ctx: ServiceContext, code?: string): Promise<GuestGrantView[]> {
  requireReadRight(ctx, 'read-staff');
  const guest = code ? await resolveGuest(ctx, code) : undefined;
  return listGuestGrantViews(ctx.db, ctx.school.id, { staffId: guest?.id });
}
