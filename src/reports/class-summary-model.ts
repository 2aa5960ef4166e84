import type { AbsenceCode } from '../db/schema.ts';
import type { IsoDate } from '../domain/dates.ts';
import { pointsAverage } from '../domain/grade-scale.ts';
import { ABSENCE_COLUMNS, ABSENCE_LEGEND, PRINTED_ON, documentHeader, formatAverage, formatDate, formatPeriod, monthTitle, termTitle, type DocumentHeader } from './labels.ts';
import type { ReportLang } from './publish.ts';
import type { Term } from './term-period.ts';

/** The data of a class grades summary (klases sekmju kopsavilkums): what `--json` prints. */
export interface ClassSummaryData {
  school: { name: string; registration_number: string | null };
  year: string;
  period: SummaryPeriod;
  printed_on: IsoDate;
  classes: SummaryClass[];
}

/** A semester or the year (with its closing grades), or a month (averages only). */
export interface SummaryPeriod {
  term: Term | null;
  month: string | null;
  from: IsoDate;
  to: IsoDate;
}

export type AbsenceTotals = Record<AbsenceCode, number> & { total: number };

export interface SummaryClass {
  code: string;
  class_teacher: string | null;
  subjects: { code: string; name: string }[];
  students: SummaryStudent[];
  /** Per subject (as `subjects`), the mean of what the students' cells show. */
  subject_averages: (number | null)[];
  average: number | null;
  absences: AbsenceTotals;
}

export interface SummaryStudent {
  code: string;
  first_name: string;
  last_name: string;
  /** One per subject of the class, in the order of `subjects`. */
  results: SummaryResult[];
  average: number | null;
  absences: AbsenceTotals;
}

export interface SummaryResult {
  /** The semester or annual grade as entered; null when there is none (or the summary is of a month). */
  term_grade: string | null;
  /** The period's mean of 10-point lesson grades; null when there are none. */
  average: number | null;
}

export function emptyAbsenceTotals(): AbsenceTotals {
  return { n: 0, ns: 0, nc: 0, k: 0, total: 0 };
}

/** Missed lessons: a lateness (k) is counted in its own column but misses no lesson. */
export function missedLessons(absences: Record<AbsenceCode, number>): number {
  return absences.n + absences.ns + absences.nc;
}

/**
 * The number a cell stands for in the averages: a 10-point term grade, else
 * (no term grade yet) the period's average. A term grade on another scale
 * (i, nv, a) stands for no number: the average does not replace a decided grade.
 */
export function shownPoints(result: SummaryResult): number | null {
  if (result.term_grade === null) return result.average;
  return pointsAverage([result.term_grade]);
}

/** Mean rounded to 2 decimals as pointsAverage rounds; null for none. */
export function meanOf(values: readonly (number | null)[]): number | null {
  const numbers = values.filter((v): v is number => v !== null);
  if (numbers.length === 0) return null;
  return Math.round((numbers.reduce((a, b) => a + b, 0) * 100) / numbers.length) / 100;
}

/** Adds the averages and absence totals of a class: per student (last column) and per subject (bottom row). */
export function summarizeClass(input: Omit<SummaryClass, 'subject_averages' | 'average' | 'absences' | 'students'> & { students: Omit<SummaryStudent, 'average'>[] }): SummaryClass {
  const students = input.students.map((s) => ({ ...s, average: meanOf(s.results.map(shownPoints)) }));
  const absences = emptyAbsenceTotals();
  for (const s of students) for (const key of Object.keys(absences) as (keyof AbsenceTotals)[]) absences[key] += s.absences[key];
  return {
    ...input,
    students,
    subject_averages: input.subjects.map((_, i) => meanOf(students.map((s) => shownPoints(s.results[i]!)))),
    average: meanOf(students.map((s) => s.average)),
    absences,
  };
}

const TEXT = {
  lv: {
    title: 'Klases sekmju kopsavilkums',
    class: 'Klase',
    period: 'Periods',
    dates: 'Laiks',
    schoolYear: 'Mācību gads',
    classTeacher: 'Klases audzinātājs(-a)',
    number: 'Nr.',
    student: 'Skolēns',
    average: 'Vidējais',
    absences: 'Kavējumi',
    total: 'kopā',
    classAverage: 'Klases vidējais',
    noStudents: 'Šajā periodā klasē skolēnu nav.',
    estimated: 'Slīprakstā — perioda 10 ballu vērtējumu vidējais, kur semestra (gada) vērtējuma vēl nav.',
    monthAverages: 'Mēneša 10 ballu vērtējumu vidējie.',
    missed: 'kopā — nokavētās stundas (n + ns + nc).',
    signature: 'paraksts',
  },
  en: {
    title: 'Class grades summary',
    class: 'Class',
    period: 'Period',
    dates: 'Dates',
    schoolYear: 'School year',
    classTeacher: 'Class teacher',
    number: 'No.',
    student: 'Student',
    average: 'Average',
    absences: 'Absences',
    total: 'total',
    classAverage: 'Class average',
    noStudents: 'The class has no students in this period.',
    estimated: 'In italics: the average of the period’s 10-point grades where there is no semester (annual) grade yet.',
    monthAverages: 'Averages of the month’s 10-point grades.',
    missed: 'total — lessons missed (n + ns + nc).',
    signature: 'signature',
  },
} as const;

export function periodTitle(data: Pick<ClassSummaryData, 'period' | 'year'>, lang: ReportLang): string {
  return data.period.term ? termTitle(data.period.term, data.year, lang) : monthTitle(data.period.month!, lang);
}

export interface ClassSummaryView {
  header: DocumentHeader;
  facts: { label: string; value: string }[];
  text: (typeof TEXT)[ReportLang];
  subjects: string[];
  absenceCodes: readonly string[];
  rows: {
    number: number;
    name: string;
    cells: { text: string; estimated: boolean }[];
    average: string;
    absences: (number | '')[];
  }[];
  subjectAverages: string[];
  average: string;
  absenceTotals: number[];
  hasStudents: boolean;
  legend: string;
  absenceLegend: string;
  classTeacher: string;
  printed: string;
}

/** Pure: one class's summary as the template shows it. */
export function classSummaryView(data: ClassSummaryData, summary: SummaryClass, lang: ReportLang): ClassSummaryView {
  const text = TEXT[lang];
  const period = periodTitle(data, lang);
  const blankZero = (n: number): number | '' => (n === 0 ? '' : n);
  const absenceKeys = [...ABSENCE_COLUMNS, 'total'] as const;
  return {
    header: documentHeader(data.school, text.title, lang, `${summary.code} · ${period}`),
    facts: [
      { label: text.class, value: summary.code },
      { label: text.period, value: period },
      { label: text.dates, value: formatPeriod(data.period.from, data.period.to) },
      { label: text.classTeacher, value: summary.class_teacher ?? '' },
    ],
    text,
    subjects: summary.subjects.map((s) => s.name),
    absenceCodes: [...ABSENCE_COLUMNS, text.total],
    rows: summary.students.map((student, i) => ({
      number: i + 1,
      name: `${student.last_name} ${student.first_name}`,
      cells: student.results.map((r) => ({
        text: r.term_grade ?? formatAverage(r.average, lang),
        estimated: data.period.term !== null && r.term_grade === null && r.average !== null,
      })),
      average: formatAverage(student.average, lang),
      absences: absenceKeys.map((key) => blankZero(student.absences[key])),
    })),
    subjectAverages: summary.subject_averages.map((a) => formatAverage(a, lang)),
    average: formatAverage(summary.average, lang),
    absenceTotals: absenceKeys.map((key) => summary.absences[key]),
    hasStudents: summary.students.length > 0,
    legend: data.period.term ? text.estimated : text.monthAverages,
    absenceLegend: `${ABSENCE_LEGEND[lang]}; ${text.missed}`,
    classTeacher: summary.class_teacher ?? '',
    printed: `${PRINTED_ON[lang]} ${formatDate(data.printed_on)}`,
  };
}
