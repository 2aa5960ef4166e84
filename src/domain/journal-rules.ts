// When, and for whom, a grade or an absence may be entered: the checks of
// `grade add` and `absence mark`, as pure functions returning the refusal's
// wording (or null), so that the services and the bulk import (which checks a
// million rows against data it loaded once) apply one rule with one message.
import type { IsoDate } from './dates.ts';
import { TERM_WORK_KINDS, type WorkKind } from './grade-scale.ts';
import { m as t } from '../i18n/messages/journal-grades.ts';

/** The school year's dates the rules need (the school_year row's columns). */
export interface YearDates {
  code: string;
  starts_on: string;
  ends_on: string;
  semester1_to: string;
  semester2_to: string;
}

/** Term grades, state exams and make-ups: at most one per student, subject and year, and they may be dated ahead. */
export function isTermLike(work: string): boolean {
  return (TERM_WORK_KINDS as readonly string[]).includes(work) || work === 'state-exam' || work === 'makeup';
}

/** Term grades default to the end of their semester (REFERENCE §3, §26). */
export function defaultTermDate(work: WorkKind, year: YearDates): IsoDate | undefined {
  if (work === 'semester1') return year.semester1_to as IsoDate;
  if (work === 'semester2' || work === 'annual') return year.semester2_to as IsoDate;
  return undefined;
}

/** A grade with neither a date nor a lesson, and no semester end to default to. */
export const gradeDateRequired = (): string => t.dateRequired;

export function outsideYearReason(date: string, year: YearDates): string | null {
  if (date >= year.starts_on && date <= year.ends_on) return null;
  return t.outsideYear(date, year.code, year.starts_on, year.ends_on);
}

/** Only term-like grades may be given ahead of the day (`today` is the school's local date). */
export function futureGradeReason(date: string, today: string, termLike: boolean): string | null {
  return !termLike && date > today ? t.futureGrade(date) : null;
}

/** Students not in the class on that day (named "Jānis Bērziņš (S001)", or by code): a grade or an absence belongs to a class's journal. */
export function notEnrolledReason(classCode: string, date: string, students: readonly string[]): string {
  return t.notEnrolled(classCode, date, students.join(', '));
}

/** Students (named, or by code) who already have this term-like grade in the subject (ids of those grades). */
export function termGradeTakenReason(students: readonly string[], work: string, subjectCode: string, ids: readonly number[]): string {
  return t.termGradeTaken(students.join(', '), students.length, work, subjectCode, ids.join(', '));
}
