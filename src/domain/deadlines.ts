import type { WorkingCalendar } from './calendar.ts';
import { instantOfLocal, SCHOOL_TIME_ZONE, type IsoDate } from './dates.ts';
import type { WorkKind } from './grade-scale.ts';

/** Lessons, topics, absences and homework are due by this school-local time each working day (§17). */
export const LESSON_ENTRY_TIME = '17:00';

/** Working days allowed for entering a grade, counted from the day of the work (§22). */
export interface GradeDeadlineRules {
  credit: number;
  test: number;
  large: number;
}

// §22 says "within a week" for tests; five working days is that week, and schools may change it.
export const DEFAULT_GRADE_DEADLINES: GradeDeadlineRules = { credit: 3, test: 5, large: 7 };

/**
 * The last local date on which a grade for this work may be entered on time, or null for
 * kinds the regulation sets no deadline for (lesson grades, semester and annual grades, exams).
 * The work's own day is day 0: a credit written on Monday is due by Thursday. For an improved
 * grade (§23) pass the day of the improvement as workDate.
 */
export function gradeEntryDeadline(
  work: WorkKind,
  workDate: IsoDate,
  calendar: WorkingCalendar,
  rules: GradeDeadlineRules = DEFAULT_GRADE_DEADLINES,
): IsoDate | null {
  if (work !== 'credit' && work !== 'test' && work !== 'large') return null;
  const days = rules[work];
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`deadline for ${work} must be a whole number of working days ≥ 0, got ${days}`);
  }
  return calendar.addWorkingDays(workDate, days);
}

/** The instant of 17:00 Europe/Riga on the lesson's day, whatever the server's own zone. */
export function lessonEntryDeadline(lessonDate: IsoDate): Date {
  return instantOfLocal(lessonDate, LESSON_ENTRY_TIME, SCHOOL_TIME_ZONE);
}

/** Working days after the deadline up to and including the entry date; 0 when on time. */
export function workingDaysLate(deadline: IsoDate, enteredOn: IsoDate, calendar: WorkingCalendar): number {
  return calendar.workingDaysAfter(deadline, enteredOn);
}
