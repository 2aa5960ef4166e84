import type { WorkingCalendar } from './calendar.ts';
import { localDateOf, type IsoDate } from './dates.ts';
import { DEFAULT_GRADE_DEADLINES, gradeEntryDeadline, workingDaysLate, type GradeDeadlineRules } from './deadlines.ts';
import { isWorkKind } from './grade-scale.ts';

/** What the rule needs of a grade: its kind of work, the work's day and when it was entered. */
export interface GradeEntry {
  work: string;
  date: IsoDate;
  /** ISO 8601 timestamp of the entry; its school-local day is the entry day. */
  created_at: string;
}

export interface LateGrade<R extends GradeEntry> {
  grade: R;
  deadline: IsoDate;
  /** Working days after the deadline (§22), at least 1. */
  working_days_late: number;
}

/**
 * The grades entered after their deadline (regulation §22), counted from the
 * day of the work to the day the grade was entered. Kinds without a deadline
 * (lesson, term and exam grades) are never late.
 */
export function lateGradeEntries<R extends GradeEntry>(grades: readonly R[], calendar: WorkingCalendar, rules: GradeDeadlineRules = DEFAULT_GRADE_DEADLINES): LateGrade<R>[] {
  const late: LateGrade<R>[] = [];
  for (const grade of grades) {
    if (!isWorkKind(grade.work)) continue;
    const deadline = gradeEntryDeadline(grade.work, grade.date, calendar, rules);
    if (deadline === null) continue;
    const days = workingDaysLate(deadline, localDateOf(new Date(grade.created_at)), calendar);
    if (days > 0) late.push({ grade, deadline, working_days_late: days });
  }
  return late;
}
