import { AppError } from '../errors.ts';
import type { CalendarEntryKind, Holiday } from '../db/schema.ts';
import { deleteHoliday, insertHoliday, listHolidays } from '../db/repositories/holidays.ts';
import { listSchoolYears } from '../db/repositories/school-years.ts';
import { compareDates, weekday } from '../domain/dates.ts';
import { publicHolidays } from '../domain/calendar.ts';
import { requireReadRight, requireRight, timestamp, type ServiceContext } from './context.ts';
import { optionalDate, requireDate, requireId, requireInteger, requireText } from './input.ts';
import { loadCalendar, resolveYear } from './lookup.ts';
import { m } from '../i18n/messages/calendar-days.ts';

export const CALENDAR_ENTRY_KINDS: readonly CalendarEntryKind[] = ['school-break', 'holiday', 'working-day'];

export interface HolidayView {
  id: number | null;
  from: string;
  to: string;
  kind: CalendarEntryKind | 'public';
  name: string;
  year: string | null;
}

export interface HolidayInput {
  from?: string;
  to?: string;
  name?: string;
  kind?: string;
}

/**
 * School breaks, one-off government holidays and moved working days: the
 * editable part of the calendar (REFERENCE §4). Fixed public holidays are built in.
 */
export async function addHoliday(ctx: ServiceContext, input: HolidayInput): Promise<HolidayView> {
  const actor = requireRight(ctx, 'manage-registry');
  const kind = (input.kind ?? 'school-break') as CalendarEntryKind;
  if (!CALENDAR_ENTRY_KINDS.includes(kind)) throw new AppError('usage', m.badKind(String(input.kind), CALENDAR_ENTRY_KINDS.join(', ')));
  const from = requireDate(input.from, 'from');
  const to = optionalDate(input.to, 'to') ?? from;
  if (compareDates(from, to) > 0) throw new AppError('invalid', m.toBeforeFrom(to, from));
  if (kind === 'working-day' && from !== to) throw new AppError('invalid', m.workingDaySingle);
  if (kind === 'working-day' && weekday(from) < 6) throw new AppError('invalid', m.alreadyWorkingDay(from));
  const name = requireText(input.name, 'name');
  const year = kind === 'school-break' ? await resolveYear(ctx) : null;
  if (year && (compareDates(from, year.starts_on) < 0 || compareDates(to, year.ends_on) > 0)) {
    throw new AppError('invalid', m.breakOutsideYear(year.code, year.starts_on, year.ends_on));
  }
  const row = await insertHoliday(ctx.db, {
    school_id: ctx.school.id,
    school_year_id: year?.id ?? null,
    starts_on: from,
    ends_on: to,
    kind,
    name,
    created_at: timestamp(ctx),
    created_by: actor.id,
  });
  return toView(row, year?.code ?? null);
}

export async function removeHoliday(ctx: ServiceContext, idInput: string | number): Promise<HolidayView> {
  requireRight(ctx, 'manage-registry');
  const id = requireId(idInput, 'calendar entry');
  const row = await deleteHoliday(ctx.db, ctx.school.id, id);
  if (!row) throw new AppError('not_found', m.noEntry(id));
  return toView(row, null);
}

/** The editable entries plus, with `includePublic`, the built-in public holidays of the range's years. */
export async function listHolidayViews(ctx: ServiceContext, filter: { from?: string; to?: string; includePublic?: boolean } = {}): Promise<HolidayView[]> {
  requireReadRight(ctx, 'read-school-setup');
  const from = optionalDate(filter.from, 'from');
  const to = optionalDate(filter.to, 'to');
  const rows = await listHolidays(ctx.db, ctx.school.id, { from, to });
  const years = new Map((await listSchoolYears(ctx.db, ctx.school.id)).map((y) => [y.id, y.code]));
  const views = rows.map((r) => toView(r, r.school_year_id ? years.get(r.school_year_id) ?? null : null));
  if (filter.includePublic) {
    const firstYear = Number((from ?? views[0]?.from ?? '2026').slice(0, 4));
    const lastYear = Number((to ?? views.at(-1)?.to ?? String(firstYear)).slice(0, 4));
    for (let y = firstYear; y <= lastYear; y++) {
      for (const h of publicHolidays(y)) {
        if ((from && h.date < from) || (to && h.date > to)) continue;
        views.push({ id: null, from: h.date, to: h.date, kind: 'public', name: h.name, year: null });
      }
    }
    views.sort((a, b) => compareDates(a.from, b.from));
  }
  return views;
}

export interface DayCheck {
  date: string;
  working: boolean;
  reason: string | null;
}

export async function checkDay(ctx: ServiceContext, dateInput: string, addInput?: string | number): Promise<DayCheck & { plus?: { days: number; date: string } }> {
  requireReadRight(ctx, 'read-school-setup');
  const date = requireDate(dateInput, 'date');
  const addWorkingDays = addInput === undefined ? undefined : requireInteger(addInput, 'add', 0, 3650);
  const calendar = await loadCalendar(ctx);
  const reason = calendar.whyNotWorking(date);
  const result: DayCheck & { plus?: { days: number; date: string } } = { date, working: reason === null, reason };
  if (addWorkingDays !== undefined) result.plus = { days: addWorkingDays, date: calendar.addWorkingDays(date, addWorkingDays) };
  return result;
}

function toView(row: Holiday, year: string | null): HolidayView {
  return { id: row.id, from: row.starts_on, to: row.ends_on, kind: row.kind, name: row.name, year };
}
