import type { SchoolYear } from '../db/schema.ts';
import { lessonsInPeriod, type ReportLesson } from '../db/repositories/report-data.ts';
import { listTimetableSlotViews, type TimetableSlotView } from '../db/repositories/timetable.ts';
import { addDays, localDateOf, type IsoDate } from '../domain/dates.ts';
import { expectedLessons, unrecordedLessons, type ExpectedLesson } from '../domain/timetable.ts';
import type { ServiceContext } from './context.ts';
import { whyNoLessons } from './lessons.ts';
import { loadCalendar } from './lookup.ts';

export interface TimetableCheckScope {
  from: IsoDate;
  to: IsoDate;
  /** Only these classes' timetables (default: every class of the year). */
  classIds?: readonly number[];
  /** Only the lessons the timetable gives this teacher. */
  teacherId?: number;
}

export interface TimetableCheck {
  /** The last day checked: `to`, or today when the period reaches into the future; null when it lies wholly ahead. */
  through: IsoDate | null;
  /** Teaching days checked: working days (REFERENCE §4) within the year's semesters. */
  teaching_days: IsoDate[];
  expected: ExpectedLesson<TimetableSlotView>[];
  /** Expected lessons the journal does not hold. */
  missing: ExpectedLesson<TimetableSlotView>[];
  /** The journal's lessons of the checked days in the checked classes (of any teacher, timetabled or not). */
  recorded: ReportLesson[];
}

/**
 * The lessons the timetable expected on the teaching days of the period up to
 * today, against the journal (§17): the deputy's daily control, and the
 * inspection report's "entered vs. expected". Days ahead are not missing yet.
 */
export async function checkAgainstTimetable(ctx: ServiceContext, year: SchoolYear, scope: TimetableCheckScope): Promise<TimetableCheck> {
  const today = localDateOf(ctx.now);
  const through = scope.to < today ? scope.to : today;
  if (through < scope.from) return { through: null, teaching_days: [], expected: [], missing: [], recorded: [] };
  const calendar = await loadCalendar(ctx);
  const days: IsoDate[] = [];
  for (let day = scope.from; day <= through; day = addDays(day, 1)) {
    if (whyNoLessons(day, year, calendar) === null) days.push(day);
  }
  const slots = await listTimetableSlotViews(ctx.db, { yearId: year.id, classIds: scope.classIds, teacherId: scope.teacherId, from: scope.from, to: through });
  const expected = expectedLessons(slots, days);
  const classIds = scope.classIds ? new Set(scope.classIds) : null;
  const recorded = (await lessonsInPeriod(ctx.db, ctx.school.id, scope.from, through)).filter((l) => !classIds || classIds.has(l.class_id));
  const missing = unrecordedLessons(
    expected,
    recorded.map((l) => ({ class_id: l.class_id, subject_id: l.subject.id, date: l.date, number: l.number, group_id: l.group_id })),
  );
  return { through, teaching_days: days, expected, missing, recorded };
}
