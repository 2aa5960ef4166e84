import { AppError } from '../errors.ts';
import { m as t } from '../i18n/messages/journal-lessons.ts';
import { localTimestamp } from '../domain/dates.ts';
import { parseEntryTime } from '../domain/entry-time.ts';
import { timestamp, type ServiceContext } from './context.ts';

export const ENTERED_AT_FORMATS = 'an ISO timestamp (2026-10-05T17:03:09+03:00) or DD.MM.YYYY HH:MM';

/**
 * The timestamp a journal entry is stored with: now, or the historic `entered_at`
 * an import carries (never in the future), so that deadline control judges the
 * entry by when it was really made.
 */
export function entryTimestamp(ctx: ServiceContext, enteredAt: string | undefined): string {
  if (enteredAt === undefined || enteredAt.trim() === '') return timestamp(ctx);
  const instant = parseEntryTime(enteredAt);
  if (!instant) throw new AppError('invalid', t.enteredAtNotATime(enteredAt, t.enteredAtFormats));
  if (instant.getTime() > ctx.now.getTime()) throw new AppError('invalid', t.enteredAtFuture(enteredAt));
  return localTimestamp(instant);
}
