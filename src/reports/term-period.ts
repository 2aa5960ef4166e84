import { AppError } from '../errors.ts';
import type { SchoolYear } from '../db/schema.ts';
import type { IsoDate } from '../domain/dates.ts';
import { TERM_WORK_KINDS, WORK_KINDS, type WorkKind } from '../domain/grade-scale.ts';
import { m as t } from '../i18n/messages/files-reports.ts';

/** `--term 1|2|year`: a semester or the whole school year, as the semester-end reports take it. */
export type Term = '1' | '2' | 'year';

export interface TermPeriod {
  term: Term;
  from: IsoDate;
  to: IsoDate;
  /** The kind of grade that closes the period: semester1, semester2 or annual. */
  work: WorkKind;
}

/** The grades of lessons and works, without the semester and annual grades that sum them up. */
export const LESSON_WORK_KINDS: readonly WorkKind[] = WORK_KINDS.filter((w) => !TERM_WORK_KINDS.includes(w));

export function parseTerm(value: string | undefined): Term {
  if (value === undefined || value === '') throw new AppError('usage', t.termRequired);
  if (value === '1' || value === '2' || value === 'year') return value;
  throw new AppError('usage', t.notATerm(value));
}

/** A semester runs over its own dates; the year over both semesters, the holidays between included. */
export function termPeriod(year: SchoolYear, term: Term): TermPeriod {
  if (term === '1') return { term, from: year.semester1_from, to: year.semester1_to, work: 'semester1' };
  if (term === '2') return { term, from: year.semester2_from, to: year.semester2_to, work: 'semester2' };
  return { term, from: year.semester1_from, to: year.semester2_to, work: 'annual' };
}

/** The semester a day belongs to: the winter holidays still count to the first, the summer to the second. */
export function termOn(year: SchoolYear, date: IsoDate): Term {
  return date < year.semester2_from ? '1' : '2';
}
