import type { IsoDate } from '../domain/dates.ts';
import { pointsAverage } from '../domain/grade-scale.ts';
import type { PromotionDecision } from '../domain/promotion.ts';
import type { PromotionRecord, TermGrades } from './card-grades.ts';
import { WORK_MARKS, decisionText, documentHeader, formatAverage, formatDate, leftOnText, schoolYearTitle, type DocumentHeader } from './labels.ts';
import type { ReportLang } from './publish.ts';

/** The data of the learning achievements summary journal: what `--json` prints. */
export interface SummaryJournalData {
  school: { name: string; registration_number: string | null; director: string | null };
  year: string;
  printed_on: IsoDate;
  classes: SummaryJournalClass[];
}

export interface SummaryJournalClass {
  code: string;
  level: number;
  class_teacher: string | null;
  /** The columns: every subject taught in the class, and any other a student has a grade in. */
  subjects: { code: string; name: string }[];
  students: SummaryJournalStudent[];
}

export interface SummaryJournalStudent {
  code: string;
  first_name: string;
  last_name: string;
  /** The day the student left the class, when before the year's end. */
  left_on: IsoDate | null;
  /** By subject code; a subject without any grade is absent. */
  grades: Record<string, TermGrades>;
  /** The recorded decision, else the rule's proposal; null for a student who left the class. */
  promotion: PromotionDecision | null;
  /** Null while `promotion` is only the proposal. */
  promotion_record: PromotionRecord | null;
}

const TEXT = {
  lv: {
    title: 'Mācību sasniegumu kopsavilkuma žurnāls',
    class: 'Klase',
    schoolYear: 'Mācību gads',
    classTeacher: 'Klases audzinātājs(-a)',
    director: 'Direktors(-e)',
    number: 'Nr.',
    student: 'Skolēns',
    decision: 'Lēmums',
    average: 'Vidējais gada vērtējums',
    students: 'Skolēnu skaits',
    signature: 'paraksts',
    date: 'Datums',
    noStudents: 'Klasē nav skolēnu.',
    legend: 'Šūnā: gada vērtējums; zem tā I | II semestra vērtējums; pp — pēcpārbaudījuma vērtējums, eks — valsts pārbaudījuma vērtējums.',
  },
  en: {
    title: 'Learning achievements summary journal',
    class: 'Class',
    schoolYear: 'School year',
    classTeacher: 'Class teacher',
    director: 'Director',
    number: 'No.',
    student: 'Student',
    decision: 'Decision',
    average: 'Average annual grade',
    students: 'Students',
    signature: 'signature',
    date: 'Date',
    noStudents: 'The class has no students.',
    legend: 'In each cell: the annual grade; below it the 1st | 2nd semester grades; mu — make-up exam, ex — state test or exam.',
  },
} as const;

export interface SummaryJournalCell {
  annual: string;
  /** "6 | 7", empty when neither semester has a grade. */
  semesters: string;
  extras: { mark: string; value: string }[];
}

export interface SummaryJournalView {
  header: DocumentHeader;
  facts: { label: string; value: string }[];
  text: (typeof TEXT)[ReportLang];
  subjects: string[];
  rows: { number: number; name: string; cells: SummaryJournalCell[]; decision: string; left: boolean }[];
  averages: string[];
  classTeacher: string;
  director: string;
  date: string;
}

function cellOf(grades: TermGrades | undefined, marks: Readonly<Record<string, string>>): SummaryJournalCell {
  if (!grades) return { annual: '', semesters: '', extras: [] };
  const semesters = grades.semester1 !== null || grades.semester2 !== null ? `${grades.semester1 ?? '–'} | ${grades.semester2 ?? '–'}` : '';
  const extras = [
    ...(grades.makeup !== null ? [{ mark: marks.makeup!, value: grades.makeup }] : []),
    ...(grades.state_exam !== null ? [{ mark: marks['state-exam']!, value: grades.state_exam }] : []),
  ];
  return { annual: grades.annual ?? '', semesters, extras };
}

/** Pure: one class's page of the summary journal as the template shows it. */
export function summaryJournalView(data: SummaryJournalData, schoolClass: SummaryJournalClass, lang: ReportLang): SummaryJournalView {
  const text = TEXT[lang];
  const marks = WORK_MARKS[lang];
  return {
    header: documentHeader(data.school, text.title, lang, `${schoolClass.code} · ${schoolYearTitle(data.year, lang)}`),
    facts: [
      { label: text.class, value: schoolClass.code },
      { label: text.schoolYear, value: data.year },
      { label: text.classTeacher, value: schoolClass.class_teacher ?? '' },
      { label: text.students, value: String(schoolClass.students.length) },
    ],
    text,
    subjects: schoolClass.subjects.map((s) => s.name),
    rows: schoolClass.students.map((student, i) => ({
      number: i + 1,
      name: `${student.last_name} ${student.first_name}`,
      cells: schoolClass.subjects.map((s) => cellOf(student.grades[s.code], marks)),
      decision: student.left_on ? leftOnText(student.left_on, lang) : student.promotion ? decisionText(student.promotion, student.promotion_record !== null, schoolClass.level, lang) : '',
      left: student.left_on !== null,
    })),
    // Students who left are in the journal but not in the class's average.
    averages: schoolClass.subjects.map((s) =>
      formatAverage(pointsAverage(schoolClass.students.flatMap((student) => (student.left_on === null && student.grades[s.code]?.annual ? [student.grades[s.code]!.annual!] : []))), lang),
    ),
    classTeacher: schoolClass.class_teacher ?? '',
    director: data.school.director ?? '',
    date: formatDate(data.printed_on),
  };
}
