import { addDays, splitIsoDate, toIsoDate, weekday, type IsoDate } from './dates.ts';

/** A school year such as '2026/2027'; startYear is the calendar year of its September. */
export interface YearCode {
  code: string;
  startYear: number;
}

const YEAR_CODE = /^(\d{4})\s*\/\s*(\d{4}|\d{2})$/;

/** 'YYYY/YYYY' (second = first + 1) or the short '2026/27'; null otherwise. */
export function parseYearCode(s: string): YearCode | null {
  const m = YEAR_CODE.exec(s.trim());
  if (m === null) return null;
  const startYear = Number(m[1]);
  const second = m[2] ?? '';
  const endYear = startYear + 1;
  const matches = second.length === 4 ? Number(second) === endYear : Number(second) === endYear % 100;
  if (!matches || endYear > 9999) return null;
  return { code: yearCode(startYear), startYear };
}

function yearCode(startYear: number): string {
  return `${startYear}/${startYear + 1}`;
}

export interface SchoolYearDates {
  startsOn: IsoDate;
  endsOn: IsoDate;
  semester1: { from: IsoDate; to: IsoDate };
  semester2: { from: IsoDate; to: IsoDate };
  breaks: { name: string; from: IsoDate; to: IsoDate }[];
}

const MONDAY = 1;
const FRIDAY = 5;

function onOrAfter(d: IsoDate, isoWeekday: number): IsoDate {
  return addDays(d, (isoWeekday - weekday(d) + 7) % 7);
}

function onOrBefore(d: IsoDate, isoWeekday: number): IsoDate {
  return addDays(d, -((weekday(d) - isoWeekday + 7) % 7));
}

/**
 * Default dates for a school year, approximating the pattern the Ministry of Education and
 * Science usually sets (checked against 2025/2026). Each school edits them once the year's
 * regulation is out, so these are only a starting point:
 * - the year runs 1 Sep – 31 Aug;
 * - semester 1: 1 Sep (next Monday if a weekend) to the last Friday on or before 23 Dec (so the winter break is two weeks, never three);
 * - semester 2: the first Monday on or after 2 Jan to the last Friday on or before 31 May;
 * - autumn break: the week from the Monday on or after 19 Oct; winter break: between the
 *   semesters; spring break: the week from the Monday on or after 16 Mar. Summer lies
 *   outside the semesters and needs no break entry.
 */
export function defaultYearDates(startYear: number): SchoolYearDates {
  if (!Number.isInteger(startYear) || startYear < 1 || startYear > 9998) {
    throw new RangeError(`school start year must be a whole number 1–9998, got ${startYear}`);
  }
  const endYear = startYear + 1;
  const firstOfSeptember = toIsoDate(startYear, 9, 1);
  const semester1 = {
    // Only a weekend start moves; a Tuesday–Friday 1 Sep starts the semester that day.
    from: weekday(firstOfSeptember) >= 6 ? onOrAfter(firstOfSeptember, MONDAY) : firstOfSeptember,
    to: onOrBefore(toIsoDate(startYear, 12, 23), FRIDAY),
  };
  const semester2 = {
    from: onOrAfter(toIsoDate(endYear, 1, 2), MONDAY),
    to: onOrBefore(toIsoDate(endYear, 5, 31), FRIDAY),
  };
  const autumn = onOrAfter(toIsoDate(startYear, 10, 19), MONDAY);
  const spring = onOrAfter(toIsoDate(endYear, 3, 16), MONDAY);
  return {
    startsOn: firstOfSeptember,
    endsOn: toIsoDate(endYear, 8, 31),
    semester1,
    semester2,
    breaks: [
      { name: 'Rudens brīvlaiks', from: autumn, to: addDays(autumn, 4) },
      { name: 'Ziemas brīvlaiks', from: onOrAfter(addDays(semester1.to, 1), MONDAY), to: addDays(semester2.from, -1) },
      { name: 'Pavasara brīvlaiks', from: spring, to: addDays(spring, 4) },
    ],
  };
}

/** The school year a date belongs to: Sep–Dec → Y/Y+1, Jan–Aug → Y-1/Y. */
export function currentYearCodeFor(date: IsoDate): string {
  const { year, month } = splitIsoDate(date);
  return yearCode(month >= 9 ? year : year - 1);
}
