import { AppError } from '../errors.ts';
import { OVERRIDE_OPTION, withLockOverride, type RecordedOverride } from '../db/year-lock.ts';
import { listLockOverrides } from '../db/repositories/year-closures.ts';
import { requireActor, requireRight, timestamp, type ServiceContext } from './context.ts';
import { resolveYear } from './lookup.ts';

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
  if (!actor.roles.includes('admin')) throw new AppError('forbidden', `${actor.code} (${actor.name}) may not use ${OVERRIDE_OPTION}: only an admin may change a closed school year.`);
  const why = reason.trim();
  if (!why) throw new AppError('usage', `${OVERRIDE_OPTION} needs the reason for changing a closed school year.`);
  return withLockOverride(ctx.db, { staffId: actor.id, reason: why, command, at: timestamp(ctx) }, () => run(ctx));
}

/** `year overrides`: who changed a closed year, when, with which command and why. */
export async function listYearLockOverrides(ctx: ServiceContext, code?: string): Promise<LockOverrideView[]> {
  requireRight(ctx, 'close-year');
  const year = code ? await resolveYear(ctx, code) : undefined;
  return listLockOverrides(ctx.db, ctx.school.id, year?.id);
}
