import type { WorkingCalendar } from './calendar.ts';
import { addDays, compareDates, localDateOf, type IsoDate } from './dates.ts';
import { DEFAULT_GRADE_DEADLINES, gradeEntryDeadline, LESSON_ENTRY_TIME, lessonEntryDeadline, workingDaysLate, type GradeDeadlineRules } from './deadlines.ts';
import type { WorkKind } from './grade-scale.ts';

/**
 * Something entered into the journal at a known instant, due by a deadline that
 * follows from its date: a lesson's topic, homework or absences (rule 'lesson',
 * due 17:00 that working day, §17), or a grade of a kind of work (§22; for an
 * improvement, §23, the date is the day of the improvement).
 */
export interface TimedEntry {
  rule: 'lesson' | WorkKind;
  date: IsoDate;
  /** ISO 8601 instant with offset, as the journal stores timestamps. */
  entered_at: string;
}

export interface Lateness {
  /** The last day on which the entry was on time. */
  due_on: IsoDate;
  /** For lessons the time on `due_on` it was due by (17:00); grades are due by the end of the day. */
  due_time: string | null;
  /** At least 1: an entry made on a day off counts from the next working day. */
  working_days_late: number;
}

/**
 * How late a lesson part entered at `enteredAt` is, or null when on time. Due 17:00
 * Europe/Riga on the lesson's day, or on the next working day for a lesson recorded on a
 * day off. An entry after 17:00 counts from the next day: entered the same evening or the
 * next morning it is 1 working day late, the next evening 2.
 */
export function lessonLateness(lessonDate: IsoDate, enteredAt: Date, calendar: WorkingCalendar): Lateness | null {
  const dueOn = calendar.addWorkingDays(lessonDate, 0);
  if (enteredAt.getTime() <= lessonEntryDeadline(dueOn).getTime()) return null;
  const enteredOn = localDateOf(enteredAt);
  const countsFrom = enteredAt.getTime() > lessonEntryDeadline(enteredOn).getTime() ? addDays(enteredOn, 1) : enteredOn;
  return { due_on: dueOn, due_time: LESSON_ENTRY_TIME, working_days_late: Math.max(1, workingDaysLate(dueOn, countsFrom, calendar)) };
}

/**
 * How late a grade of `work` dated `workDate` (or improved that day) entered at
 * `enteredAt` is, or null when on time or when its kind has no deadline.
 */
export function gradeLateness(work: WorkKind, workDate: IsoDate, enteredAt: Date, calendar: WorkingCalendar, rules: GradeDeadlineRules = DEFAULT_GRADE_DEADLINES): Lateness | null {
  const dueOn = gradeEntryDeadline(work, workDate, calendar, rules);
  if (dueOn === null) return null;
  const enteredOn = localDateOf(enteredAt);
  if (compareDates(enteredOn, dueOn) <= 0) return null;
  return { due_on: dueOn, due_time: null, working_days_late: Math.max(1, workingDaysLate(dueOn, enteredOn, calendar)) };
}

export function entryLateness(entry: TimedEntry, calendar: WorkingCalendar, rules: GradeDeadlineRules = DEFAULT_GRADE_DEADLINES): Lateness | null {
  const enteredAt = new Date(entry.entered_at);
  if (Number.isNaN(enteredAt.getTime())) throw new RangeError(`not a timestamp: ${JSON.stringify(entry.entered_at)}`);
  return entry.rule === 'lesson'
    ? lessonLateness(entry.date, enteredAt, calendar)
    : gradeLateness(entry.rule, entry.date, enteredAt, calendar, rules);
}

/** The late ones among `entries`, each with how late it is; the rest of each row is kept as given. */
export function lateEntries<T extends TimedEntry>(entries: readonly T[], calendar: WorkingCalendar, rules: GradeDeadlineRules = DEFAULT_GRADE_DEADLINES): (T & Lateness)[] {
  const late: (T & Lateness)[] = [];
  for (const entry of entries) {
    const lateness = entryLateness(entry, calendar, rules);
    if (lateness) late.push({ ...entry, ...lateness });
  }
  return late;
}
