import { AppError } from '../errors.ts';
import { OVERRIDE_OPTION, withLockOverride, type RecordedOverride } from '../db/year-lock.ts';
import { listLockOverrides } from '../db/repositories/year-closures.ts';
import { requireActor, requireRight, timestamp, type ServiceContext } from './context.ts';
import { resolveYear } from './lookup.ts';
import { m } from '../i18n/messages/calendar-years.ts';

export type LockOverrideView = Awaited<ReturnType<typeof listLockOverrides>>[number];

/**
 * A write by an admin who says why it must go into a closed school year
 * (`--closed-year-reason`). Only admins: a deputy or a teacher who needs a
 * closed year changed asks one. Each closed year the command then wrote to is
 * recorded with the reason, the command and how many rows it changed.
 */
export async function overridingYearLock<T>(
  ctx: ServiceContext,
  reason: string,
  command: string,
  run: (ctx: ServiceContext) => Promise<T>,
): Promise<{ result: T; overrides: RecordedOverride[] }> {
  const actor = requireActor(ctx);
  if (!actor.roles.includes('admin')) throw new AppError('forbidden', m.overrideForbidden(actor.code, actor.name, OVERRIDE_OPTION));
  const why = reason.trim();
  if (!why) throw new AppError('usage', m.overrideNeedsReason(OVERRIDE_OPTION));
  return withLockOverride(ctx.db, { staffId: actor.id, reason: why, command, at: timestamp(ctx) }, () => run(ctx));
}

/** `year overrides`: who changed a closed year, when, with which command and why. */
export async function listYearLockOverrides(ctx: ServiceContext, code?: string): Promise<LockOverrideView[]> {
  requireRight(ctx, 'close-year');
  const year = code ? await resolveYear(ctx, code) : undefined;
  return listLockOverrides(ctx.db, ctx.school.id, year?.id);
}
