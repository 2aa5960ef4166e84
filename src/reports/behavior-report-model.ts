import type { IsoDate } from '../domain/dates.ts';
import { documentHeader, formatDate, formatPeriod, PRINTED_ON, type DocumentHeader } from './labels.ts';
import type { ReportLang } from './publish.ts';

/** The behaviour journal report (§28): what `--json` prints. */
export interface BehaviorReportData {
  school: { name: string; registration_number: string | null };
  year: string;
  from: IsoDate;
  to: IsoDate;
  printed_on: IsoDate;
  classes: BehaviorReportClass[];
}

export interface BehaviorReportClass {
  class: string;
  class_teacher: string | null;
  /** Every student in the class in the period, also those without remarks. */
  students: { code: string; first_name: string; last_name: string; remarks: BehaviorRemark[] }[];
  totals: { positive: number; negative: number; students_with_remarks: number };
}

export type BehaviorStudent = BehaviorReportClass['students'][number];

/** A class's part of the behaviour journal, its totals counted from the students' remarks. */
export function behaviorReportClass(code: string, classTeacher: string | null, students: BehaviorStudent[]): BehaviorReportClass {
  const all = students.flatMap((s) => s.remarks);
  return {
    class: code,
    class_teacher: classTeacher,
    students,
    totals: {
      positive: all.filter((r) => r.kind === 'positive').length,
      negative: all.filter((r) => r.kind === 'negative').length,
      students_with_remarks: students.filter((s) => s.remarks.length > 0).length,
    },
  };
}

export interface BehaviorRemark {
  date: IsoDate;
  kind: 'positive' | 'negative';
  text: string;
  author: string;
}

const TEXT = {
  lv: {
    title: 'Uzvedības žurnāla pārskats',
    class: 'Klase',
    period: 'Periods',
    classTeacher: 'Klases audzinātājs(-a)',
    student: 'Skolēns',
    date: 'Datums',
    kind: 'Veids',
    remark: 'Ieraksts',
    author: 'Autors',
    positive: 'pozitīvi',
    negative: 'negatīvi',
    totals: 'Kopā klasē',
    positives: 'pozitīvi ieraksti',
    negatives: 'negatīvi ieraksti',
    withRemarks: 'skolēni ar ierakstiem',
    without: 'Bez ierakstiem',
    none: 'Šajā periodā uzvedības ierakstu nav.',
  },
  en: {
    title: 'Behaviour journal report',
    class: 'Class',
    period: 'Period',
    classTeacher: 'Class teacher',
    student: 'Student',
    date: 'Date',
    kind: 'Kind',
    remark: 'Remark',
    author: 'Author',
    positive: 'positive',
    negative: 'negative',
    totals: 'Class totals',
    positives: 'positive remarks',
    negatives: 'negative remarks',
    withRemarks: 'students with remarks',
    without: 'Without remarks',
    none: 'No behaviour remarks in this period.',
  },
} as const;

export interface BehaviorReportView {
  header: DocumentHeader;
  facts: { label: string; value: string }[];
  text: (typeof TEXT)[ReportLang];
  students: { name: string; positive: number; negative: number; remarks: { date: string; kind: string; negative: boolean; text: string; author: string }[] }[];
  without: string;
  totals: { label: string; value: number }[];
  printed: string;
}

/** Pure: one class's page(s): students with remarks, each remark dated and signed, then the class totals. */
export function behaviorReportView(data: BehaviorReportData, schoolClass: BehaviorReportClass, lang: ReportLang): BehaviorReportView {
  const text = TEXT[lang];
  const name = (s: { first_name: string; last_name: string }) => `${s.last_name} ${s.first_name}`;
  const withRemarks = schoolClass.students.filter((s) => s.remarks.length > 0);
  return {
    header: documentHeader(data.school, text.title, lang, `${schoolClass.class} · ${formatPeriod(data.from, data.to)}`),
    facts: [
      { label: text.class, value: schoolClass.class },
      { label: text.period, value: formatPeriod(data.from, data.to) },
      { label: text.classTeacher, value: schoolClass.class_teacher ?? '' },
    ],
    text,
    students: withRemarks.map((s) => ({
      name: name(s),
      positive: s.remarks.filter((r) => r.kind === 'positive').length,
      negative: s.remarks.filter((r) => r.kind === 'negative').length,
      remarks: s.remarks.map((r) => ({ date: formatDate(r.date), kind: text[r.kind], negative: r.kind === 'negative', text: r.text, author: r.author })),
    })),
    without: schoolClass.students.filter((s) => s.remarks.length === 0).map(name).join(', '),
    totals: [
      { label: text.positives, value: schoolClass.totals.positive },
      { label: text.negatives, value: schoolClass.totals.negative },
      { label: text.withRemarks, value: schoolClass.totals.students_with_remarks },
    ],
    printed: `${PRINTED_ON[lang]} ${formatDate(data.printed_on)}`,
  };
}
