import { addDays, daysBetween, parseMonth, toIsoDate, type IsoDate } from './dates.ts';

/**
 * When the parents' slip of a monthly grade extract is due back (REFERENCE §6).
 * Extracts for a month are printed by the 5th of the following month, and the
 * signed slip comes back to the class teacher within a week of that: so it is
 * due 7 calendar days after the 5th, on the 12th of the following month.
 */
export const EXTRACT_PRINT_DAY = 5;
export const SLIP_RETURN_DAYS = 7;

/** A month as parseMonth gives it: YYYY-MM with its first and last day. */
export type ExtractMonth = NonNullable<ReturnType<typeof parseMonth>>;

export function slipDueDate(month: ExtractMonth): IsoDate {
  const next = addDays(month.to, 1);
  const printedBy = toIsoDate(Number(next.slice(0, 4)), Number(next.slice(5, 7)), EXTRACT_PRINT_DAY);
  return addDays(printedBy, SLIP_RETURN_DAYS);
}

export type SlipState =
  | { kind: 'returned'; returnedOn: IsoDate; daysLate: number }
  | { kind: 'missing'; daysOverdue: number };

/**
 * A slip's standing on `today`: a returned slip is late by the days after the
 * due date it came back; a missing one is overdue by the days since the due
 * date (0 while it is not yet due).
 */
export function slipState(month: ExtractMonth, returnedOn: IsoDate | null, today: IsoDate): SlipState {
  const due = slipDueDate(month);
  if (returnedOn !== null) return { kind: 'returned', returnedOn, daysLate: Math.max(0, daysBetween(due, returnedOn)) };
  return { kind: 'missing', daysOverdue: Math.max(0, daysBetween(due, today)) };
}
