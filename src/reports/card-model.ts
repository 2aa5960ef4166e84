import type { IsoDate } from '../domain/dates.ts';
import { gradeMeaning } from '../domain/grade-scale.ts';
import type { PromotionDecision } from '../domain/promotion.ts';
import { decisionText, documentHeader, formatDate, leftOnText, termTitle, type DocumentHeader } from './labels.ts';
import type { PromotionRecord } from './card-grades.ts';
import type { Term } from './term-period.ts';
import type { ReportLang } from './publish.ts';


/** The data of a semester or annual report card (liecība): what `--json` prints. */
export interface CardData {
  school: { name: string; registration_number: string | null; director: string | null };
  year: string;
  term: Term;
  /** The term's period: lessons and absences are counted within it. */
  from: IsoDate;
  to: IsoDate;
  printed_on: IsoDate;
  students: CardStudent[];
  /**
   * Set when only some students were asked for (`--student`): then no
   * whole-class file is written, so one student's printout never replaces the class's (issue 14).
   */
  selection?: true;
}

export interface CardStudent {
  code: string;
  first_name: string;
  last_name: string;
  class: string;
  level: number;
  class_teacher: string | null;
  /** The day the student left the class, when before the term's end. */
  left_on: IsoDate | null;
  subjects: CardSubject[];
  absences: CardAbsences;
  /** On the annual card of a student still in the class: the recorded decision, else the rule's proposal; null otherwise. */
  promotion: PromotionDecision | null;
  /** Null while `promotion` is only the proposal (`year promote --apply` or `year decide` records it). */
  promotion_record: PromotionRecord | null;
}

export interface CardSubject {
  code: string;
  name: string;
  /** The semester grade (terms 1 and 2) or the annual grade; null when none was entered. */
  grade: string | null;
  /** Lessons the class had in the subject within the term. */
  lessons: number;
  /** Annual card only. */
  state_exam: string | null;
  makeup: string | null;
}

/** Lessons missed (n + ns + nc), of them justified (ns + nc) and unjustified (n); late (k) apart. */
export interface CardAbsences {
  missed: number;
  justified: number;
  unjustified: number;
  late: number;
}

const TEXT = {
  lv: {
    title: 'Liecība',
    student: 'Skolēns',
    class: 'Klase',
    schoolYear: 'Mācību gads',
    period: 'Periods',
    number: 'Nr.',
    subject: 'Mācību priekšmets',
    semesterGrade: 'Semestra vērtējums',
    annualGrade: 'Gada vērtējums',
    lessons: 'Stundu skaits',
    stateExam: 'Valsts pārbaudījums',
    makeup: 'Pēcpārbaudījums',
    absences: 'Kavētās mācību stundas',
    missed: 'Kopā',
    justified: 't. sk. attaisnotas',
    unjustified: 't. sk. neattaisnotas',
    late: 'Kavējumi (k)',
    decision: 'Pedagoģiskās padomes lēmums',
    classTeacher: 'Klases audzinātājs(-a)',
    director: 'Direktors(-e)',
    signature: 'paraksts',
    stamp: 'Z. v.',
    date: 'Datums',
    noSubjects: 'Klasei nav piešķirtu mācību priekšmetu.',
  },
  en: {
    title: 'Report card',
    student: 'Student',
    class: 'Class',
    schoolYear: 'School year',
    period: 'Period',
    number: 'No.',
    subject: 'Subject',
    semesterGrade: 'Semester grade',
    annualGrade: 'Annual grade',
    lessons: 'Lessons held',
    stateExam: 'State test or exam',
    makeup: 'Make-up exam',
    absences: 'Lessons missed',
    missed: 'Total',
    justified: 'of them justified',
    unjustified: 'of them unjustified',
    late: 'Late (k)',
    decision: "Pedagogical council's decision",
    classTeacher: 'Class teacher',
    director: 'Director',
    signature: 'signature',
    stamp: 'Seal',
    date: 'Date',
    noSubjects: 'The class has no subjects assigned.',
  },
} as const;

export interface CardView {
  header: DocumentHeader;
  facts: { label: string; value: string }[];
  text: (typeof TEXT)[ReportLang];
  gradeHeading: string;
  rows: { number: number; subject: string; grade: string; meaning: string; lessons: number; stateExam: string; makeup: string }[];
  showStateExam: boolean;
  showMakeup: boolean;
  absences: CardAbsences;
  left: string;
  decision: string;
  classTeacher: string;
  director: string;
  date: string;
}

/** Pure: one student's report card as the template shows it. */
export function cardView(data: CardData, student: CardStudent, lang: ReportLang): CardView {
  const text = TEXT[lang];
  const annual = data.term === 'year';
  return {
    header: documentHeader(data.school, text.title, lang, termTitle(data.term, data.year, lang)),
    facts: [
      { label: text.student, value: `${student.first_name} ${student.last_name}` },
      { label: text.class, value: student.class },
      { label: text.schoolYear, value: data.year },
      { label: text.period, value: `${formatDate(data.from)} – ${formatDate(data.to)}` },
    ],
    text,
    gradeHeading: annual ? text.annualGrade : text.semesterGrade,
    rows: student.subjects.map((s, i) => ({
      number: i + 1,
      subject: s.name,
      grade: s.grade ?? '',
      // The Latvian card words a grade as well ("8 (ļoti labi)"); the words are Latvian only.
      meaning: lang === 'lv' && s.grade ? (gradeMeaning(s.grade) ?? '') : '',
      lessons: s.lessons,
      stateExam: s.state_exam ?? '',
      makeup: s.makeup ?? '',
    })),
    showStateExam: annual && student.subjects.some((s) => s.state_exam !== null),
    showMakeup: annual && student.subjects.some((s) => s.makeup !== null),
    absences: student.absences,
    left: student.left_on ? leftOnText(student.left_on, lang) : '',
    decision: student.promotion ? decisionText(student.promotion, student.promotion_record !== null, student.level, lang) : '',
    classTeacher: student.class_teacher ?? '',
    director: data.school.director ?? '',
    date: formatDate(data.printed_on),
  };
}
