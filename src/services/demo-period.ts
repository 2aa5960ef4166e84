import type { SchoolYear } from '../db/schema.ts';
import type { WorkingCalendar } from '../domain/calendar.ts';
import { LESSON_ENTRY_TIME } from '../domain/deadlines.ts';
import { addDays, compareDates, localDateOf, localTimeOf, parseMonth, type IsoDate } from '../domain/dates.ts';
import { currentYearCodeFor } from '../domain/school-year.ts';
import { whyNoLessons } from './lessons.ts';

/**
 * What the demo school's journal covers when it is built at `now`: the school year that
 * contains today (in Riga), its teaching days up to the last one that is over, and the
 * month its reports print for. Pure, so that any date can be checked without a database.
 */
export interface DemoPeriod {
  /** Today in school time (Europe/Riga), which may differ from the UTC date around midnight. */
  today: IsoDate;
  /** Every teaching day of the year: weekdays in the semesters outside holidays and school breaks. */
  teachingDays: IsoDate[];
  /** The teaching days the journal holds: those that are over by `now`. */
  days: IsoDate[];
  /** The last of `days`; null on the first school day before its lessons are over. */
  lastDay: IsoDate | null;
  /** The month the demo's reports print for, YYYY-MM. */
  reportMonth: string;
  /** false when reportMonth is the current month, still under way (the first weeks of September). */
  reportMonthComplete: boolean;
  /** true from the end of the second semester until 31 August: the year's journal is complete. */
  yearFinished: boolean;
}

/** The school year a demo built at `now` holds, e.g. '2026/2027' from 1 Sep 2026 to 31 Aug 2027. */
export function demoYearCode(now: Date): string {
  return currentYearCodeFor(localDateOf(now));
}

const monthOf = (d: IsoDate): string => d.slice(0, 7);

function previousMonth(month: string): string {
  return monthOf(addDays(parseMonth(month)!.from, -1));
}

export function demoPeriod(now: Date, year: SchoolYear, calendar: WorkingCalendar): DemoPeriod {
  const today = localDateOf(now);
  const teachingDays: IsoDate[] = [];
  for (let d = year.starts_on; compareDates(d, year.semester2_to) <= 0; d = addDays(d, 1)) {
    if (whyNoLessons(d, year, calendar) === null) teachingDays.push(d);
  }
  // Teachers fill the journal in after school: today's lessons count once they are due (17:00).
  const over = (d: IsoDate) => compareDates(d, today) < 0 || (d === today && localTimeOf(now) >= LESSON_ENTRY_TIME);
  const days = teachingDays.filter(over);
  const lastDay = days.at(-1) ?? null;

  // The last full month, but never a month without lessons (July, August) and never before September:
  // in September there is no full month yet, so the reports show September so far.
  let reportMonth = previousMonth(monthOf(today));
  // YYYY-MM strings compare as months.
  if (lastDay && monthOf(lastDay) < reportMonth) reportMonth = monthOf(lastDay);
  const reportMonthComplete = reportMonth >= monthOf(year.starts_on);
  if (!reportMonthComplete) reportMonth = monthOf(today);
  return {
    today,
    teachingDays,
    days,
    lastDay,
    reportMonth,
    reportMonthComplete,
    yearFinished: compareDates(today, year.semester2_to) > 0,
  };
}
