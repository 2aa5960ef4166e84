import type { AbsenceCode } from '../db/schema.ts';
import type { IsoDate } from '../domain/dates.ts';
import { pointsAverage } from '../domain/grade-scale.ts';
import { ABSENCE_COLUMNS, ABSENCE_LEGEND, PRINTED_ON, WORK_LEGEND, WORK_MARKS, documentHeader, formatAverage, formatDate, formatDayMonth, monthTitle, termTitle, type DocumentHeader } from './labels.ts';
import type { ReportLang } from './publish.ts';

/** The data of a monthly grade extract (sekmju izraksts): what `--json` prints. */
export interface ExtractData {
  school: { name: string; registration_number: string | null };
  year: string;
  /** The month (YYYY-MM), or for a semester extract (§28.1) the year and term, e.g. `2026/2027 sem1`. */
  month: string;
  /** Set for a semester extract: its columns are the semester's months, each with that month's grades. */
  term?: '1' | '2';
  from: IsoDate;
  to: IsoDate;
  printed_on: IsoDate;
  students: ExtractStudent[];
  /**
   * Set when only some students were asked for (`--student`): then no
   * whole-class file is written, so one student's printout never replaces the class's (issue 14).
   */
  selection?: true;
}

export interface ExtractStudent {
  code: string;
  first_name: string;
  last_name: string;
  class: string;
  class_teacher: string | null;
  subjects: ExtractSubject[];
  /** The month's behaviour journal entries (§28: they flow into the extract). */
  behavior: { date: IsoDate; kind: 'positive' | 'negative'; text: string; author: string }[];
  /** Notes for parents' attention valid in the month: the student's own and the whole class's. */
  notes: { text: string; valid_from: IsoDate; valid_until: IsoDate | null; author: string }[];
}

export interface ExtractSubject {
  code: string;
  name: string;
  grades: { date: IsoDate; value: string; work: string }[];
  /** Mean of the month's 10-point grades; null when there are none. */
  average: number | null;
  absences: Record<AbsenceCode, number>;
}

export function emptyAbsences(): Record<AbsenceCode, number> {
  return { n: 0, ns: 0, nc: 0, k: 0 };
}

export function subjectAverage(grades: readonly { value: string }[]): number | null {
  return pointsAverage(grades.map((g) => g.value));
}

const TEXT = {
  lv: {
    title: 'Sekmju izraksts',
    student: 'Skolēns',
    class: 'Klase',
    month: 'Mēnesis',
    schoolYear: 'Mācību gads',
    subject: 'Mācību priekšmets',
    average: 'Vidējais',
    absences: 'Kavējumi',
    total: 'Kopā',
    noGrades: 'Šajā mēnesī vērtējumu nav.',
    semester: 'Semestris',
    noGradesTerm: 'Šajā semestrī vērtējumu nav.',
    behavior: 'Uzvedība',
    positive: 'pozitīvi',
    negative: 'negatīvi',
    notes: 'Piezīmes vecāku ievērībai',
    classTeacher: 'Klases audzinātājs(-a)',
    signature: 'paraksts',
    cut: 'nogriezt un atdot klases audzinātājam(-ai)',
    slipTitle: 'Par iepazīšanos ar sekmju izrakstu',
    acknowledgement: 'Ar sekmju izrakstu esmu iepazinies(-usies).',
    parent: 'Vecāka (aizbildņa) vārds, uzvārds',
    date: 'Datums',
    returnWithin: 'Parakstītu atgriezt klases audzinātājam(-ai) nedēļas laikā.',
  },
  en: {
    title: 'Monthly grade extract',
    student: 'Student',
    class: 'Class',
    month: 'Month',
    schoolYear: 'School year',
    subject: 'Subject',
    average: 'Average',
    absences: 'Absences',
    total: 'Total',
    noGrades: 'No grades this month.',
    semester: 'Semester',
    noGradesTerm: 'No grades this semester.',
    behavior: 'Behaviour',
    positive: 'positive',
    negative: 'negative',
    notes: "Notes for parents' attention",
    classTeacher: 'Class teacher',
    signature: 'signature',
    cut: 'cut off and return to the class teacher',
    slipTitle: 'Acknowledgement of the grade extract',
    acknowledgement: 'I have read the grade extract.',
    parent: "Parent's (guardian's) name",
    date: 'Date',
    returnWithin: 'Please return signed to the class teacher within a week.',
  },
} as const;

export interface ExtractView {
  header: DocumentHeader;
  facts: { label: string; value: string }[];
  text: { [K in keyof (typeof TEXT)['lv']]: string };
  dates: string[];
  absenceCodes: readonly AbsenceCode[];
  rows: {
    subject: string;
    cells: { grades: { value: string; mark: string; assessed: boolean }[] }[];
    average: string;
    absences: (number | '')[];
  }[];
  totals: (number | '')[];
  /** The totals row's label spans the subject, date and average columns. */
  totalsSpan: number;
  hasGrades: boolean;
  behavior: { date: string; kind: string; negative: boolean; text: string; author: string }[];
  notes: { text: string; author: string }[];
  workLegend: string;
  absenceLegend: string;
  classTeacher: string;
  printed: string;
  slip: { facts: { label: string; value: string }[] };
}

/** The months a period touches, as YYYY-MM. */
function monthsBetween(from: IsoDate, to: IsoDate): string[] {
  const months: string[] = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); ) {
    months.push(m);
    const [y, n] = m.split('-').map(Number) as [number, number];
    m = n === 12 ? `${y + 1}-01` : `${y}-${String(n + 1).padStart(2, '0')}`;
  }
  return months;
}

/** Pure: one student's extract as the template shows it. */
export function extractView(data: ExtractData, student: ExtractStudent, lang: ReportLang): ExtractView {
  let text: { [K in keyof (typeof TEXT)['lv']]: string } = TEXT[lang];
  const marks = WORK_MARKS[lang];
  // A semester extract (§28.1) has a column per month of the semester, each holding that month's grades.
  const byMonth = data.term !== undefined;
  const column = (date: IsoDate) => (byMonth ? date.slice(0, 7) : date);
  const dates = byMonth ? monthsBetween(data.from, data.to) : [...new Set(student.subjects.flatMap((s) => s.grades.map((g) => g.date)))].sort();
  const name = `${student.first_name} ${student.last_name}`;
  const month = byMonth ? termTitle(data.term!, data.year, lang) : monthTitle(data.month, lang);
  if (byMonth) text = { ...text, month: text.semester, noGrades: text.noGradesTerm };
  const blankZero = (n: number): number | '' => (n === 0 ? '' : n);
  return {
    header: documentHeader(data.school, text.title, lang, month),
    facts: [
      { label: text.student, value: name },
      { label: text.class, value: student.class },
      { label: text.month, value: month },
      { label: text.schoolYear, value: data.year },
    ],
    text,
    dates: byMonth ? dates.map((m) => `${m.slice(5)}.${m.slice(0, 4)}`) : dates.map(formatDayMonth),
    absenceCodes: ABSENCE_COLUMNS,
    rows: student.subjects.map((subject) => ({
      subject: subject.name,
      cells: dates.map((date) => ({
        grades: subject.grades
          .filter((g) => column(g.date) === date)
          .map((g) => ({ value: g.value, mark: marks[g.work] ?? '', assessed: g.work === 'test' || g.work === 'large' })),
      })),
      average: formatAverage(subject.average, lang),
      absences: ABSENCE_COLUMNS.map((code) => blankZero(subject.absences[code])),
    })),
    totals: ABSENCE_COLUMNS.map((code) => student.subjects.reduce((sum, s) => sum + s.absences[code], 0)),
    totalsSpan: dates.length + 2,
    hasGrades: student.subjects.some((s) => s.grades.length > 0),
    behavior: student.behavior.map((b) => ({ date: formatDayMonth(b.date), kind: text[b.kind], negative: b.kind === 'negative', text: b.text, author: b.author })),
    notes: student.notes.map((n) => ({ text: n.text, author: n.author })),
    workLegend: WORK_LEGEND[lang],
    absenceLegend: ABSENCE_LEGEND[lang],
    classTeacher: student.class_teacher ?? '',
    printed: `${PRINTED_ON[lang]} ${formatDate(data.printed_on)}`,
    slip: {
      facts: [
        { label: text.student, value: name },
        { label: text.class, value: student.class },
        { label: text.month, value: month },
      ],
    },
  };
}
