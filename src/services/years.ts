import { AppError } from '../errors.ts';
import type { Db } from '../db/connection.ts';
import type { SchoolYear } from '../db/schema.ts';
import { clearCurrentSchoolYear, findSchoolYear, insertSchoolYear, listSchoolYears, updateSchoolYear } from '../db/repositories/school-years.ts';
import { insertHoliday, listHolidays } from '../db/repositories/holidays.ts';
import { defaultYearDates, parseYearCode } from '../domain/school-year.ts';
import { compareDates, localTimestamp, type IsoDate } from '../domain/dates.ts';
import { requireReadRight, requireRight, type ServiceContext } from './context.ts';
import { optionalDate } from './input.ts';
import { resolveYear } from './lookup.ts';
import { closedYearCodes } from '../db/year-lock.ts';
import { m } from '../i18n/messages/calendar-years.ts';

export type YearView = Omit<SchoolYear, 'school_id' | 'is_current' | 'created_at'> & {
  current: boolean;
  /** Closed by `year close`: archived and locked against changes. */
  closed: boolean;
  breaks: { id: number; name: string; from: string; to: string }[];
};

export interface YearDatesInput {
  startsOn?: string;
  endsOn?: string;
  semester1From?: string;
  semester1To?: string;
  semester2From?: string;
  semester2To?: string;
}

function checkYearOrder(y: Pick<SchoolYear, 'code' | 'starts_on' | 'ends_on' | 'semester1_from' | 'semester1_to' | 'semester2_from' | 'semester2_to'>): void {
  const order: [string, IsoDate][] = [
    [m.pointStart, y.starts_on],
    [m.pointSemester1From, y.semester1_from],
    [m.pointSemester1To, y.semester1_to],
    [m.pointSemester2From, y.semester2_from],
    [m.pointSemester2To, y.semester2_to],
    [m.pointEnd, y.ends_on],
  ];
  for (let i = 1; i < order.length; i++) {
    const [prevName, prev] = order[i - 1]!;
    const [name, date] = order[i]!;
    if (compareDates(prev, date) > 0) throw new AppError('invalid', m.datesOutOfOrder(y.code, name, date, prevName, prev));
  }
}

function datesFromInput(input: YearDatesInput) {
  return {
    starts_on: optionalDate(input.startsOn, 'starts'),
    ends_on: optionalDate(input.endsOn, 'ends'),
    semester1_from: optionalDate(input.semester1From, 'semester1-from'),
    semester1_to: optionalDate(input.semester1To, 'semester1-to'),
    semester2_from: optionalDate(input.semester2From, 'semester2-from'),
    semester2_to: optionalDate(input.semester2To, 'semester2-to'),
  };
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Creates a year with the ministry's usual dates and breaks; each can be overridden or edited later. */
export async function createSchoolYear(
  db: Db,
  schoolId: number,
  input: { code: string; current?: boolean } & YearDatesInput,
  now: Date,
  authorId: number | null,
): Promise<SchoolYear> {
  const parsed = parseYearCode(input.code);
  if (!parsed) throw new AppError('invalid', m.badYearCode(input.code, '2026/2027'));
  if (await findSchoolYear(db, schoolId, parsed.code)) throw new AppError('conflict', m.yearExists(parsed.code));
  const defaults = defaultYearDates(parsed.startYear);
  const at = localTimestamp(now);
  const row = {
    code: parsed.code,
    starts_on: defaults.startsOn,
    ends_on: defaults.endsOn,
    semester1_from: defaults.semester1.from,
    semester1_to: defaults.semester1.to,
    semester2_from: defaults.semester2.from,
    semester2_to: defaults.semester2.to,
    ...dropUndefined(datesFromInput(input)),
  };
  checkYearOrder(row);
  if (input.current) await clearCurrentSchoolYear(db, schoolId);
  const year = await insertSchoolYear(db, { ...row, school_id: schoolId, is_current: input.current ? 1 : 0, created_at: at });
  for (const pause of defaults.breaks) {
    await insertHoliday(db, { school_id: schoolId, school_year_id: year.id, starts_on: pause.from, ends_on: pause.to, kind: 'school-break', name: pause.name, created_at: at, created_by: authorId });
  }
  return year;
}

export async function addYear(ctx: ServiceContext, input: { code: string; current?: boolean } & YearDatesInput): Promise<YearView> {
  const actor = requireRight(ctx, 'manage-registry');
  const year = await createSchoolYear(ctx.db, ctx.school.id, input, ctx.now, actor.id);
  return (await yearViews(ctx, [year]))[0]!;
}

export async function setYear(ctx: ServiceContext, code: string, input: { current?: boolean } & YearDatesInput): Promise<YearView> {
  requireRight(ctx, 'manage-registry');
  const year = await resolveYear(ctx, code);
  const changes = dropUndefined(datesFromInput(input));
  checkYearOrder({ ...year, ...changes });
  if (input.current) await clearCurrentSchoolYear(ctx.db, ctx.school.id);
  const updated = await updateSchoolYear(ctx.db, year.id, { ...changes, ...(input.current ? { is_current: 1 } : {}) });
  return (await yearViews(ctx, [updated]))[0]!;
}

export async function listYears(ctx: ServiceContext): Promise<YearView[]> {
  requireReadRight(ctx, 'read-school-setup');
  return yearViews(ctx, await listSchoolYears(ctx.db, ctx.school.id));
}

async function yearViews(ctx: ServiceContext, years: SchoolYear[]): Promise<YearView[]> {
  const breaks = await listHolidays(ctx.db, ctx.school.id, { kind: 'school-break' });
  const closed = new Set(await closedYearCodes(ctx.db));
  return years.map((y) => ({
    id: y.id,
    code: y.code,
    current: y.is_current === 1,
    closed: closed.has(y.code),
    starts_on: y.starts_on,
    ends_on: y.ends_on,
    semester1_from: y.semester1_from,
    semester1_to: y.semester1_to,
    semester2_from: y.semester2_from,
    semester2_to: y.semester2_to,
    breaks: breaks.filter((b) => b.school_year_id === y.id).map((b) => ({ id: b.id, name: b.name, from: b.starts_on, to: b.ends_on })),
  }));
}
