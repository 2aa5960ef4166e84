import type { IsoDate } from '../domain/dates.ts';
import { PRINTED_ON, documentHeader, formatDate, formatDayMonth, formatPeriod, staffLabel, termTitle, type DocumentHeader } from './labels.ts';
import type { ReportLang } from './publish.ts';
import type { Term } from './term-period.ts';

/** The data of a subject teacher's report (mācību priekšmeta skolotāja atskaite): what `--json` prints. */
export interface TeacherReportData {
  school: { name: string; registration_number: string | null };
  year: string;
  term: Term;
  from: IsoDate;
  to: IsoDate;
  printed_on: IsoDate;
  teachers: TeacherReport[];
}

export interface TeacherReport {
  code: string;
  name: string;
  /** The class-subjects the teacher is assigned to. */
  class_subjects: TaughtClassSubject[];
  /** Lessons the teacher gave in somebody else's place, per class-subject. */
  substitutions: SubstitutedClassSubject[];
}

export interface LessonTopic {
  date: IsoDate;
  number: number;
  topic: string;
}

export interface TaughtClassSubject {
  class: string;
  subject: { code: string; name: string };
  lessons_held: number;
  topics: LessonTopic[];
  /** How many lesson grades of each value the period has (values that occur only). */
  distribution: Record<string, number>;
  students_without_grades: { code: string; name: string }[];
}

export interface SubstitutedClassSubject {
  class: string;
  subject: { code: string; name: string };
  /** Whom the teacher replaced, as "Name (code)". */
  replaced: string[];
  lessons_held: number;
  topics: LessonTopic[];
}

export function gradeDistribution(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

const POINTS = ['10', '9', '8', '7', '6', '5', '4', '3', '2', '1'];
/** Every value in the order the report lists them: points high to low, credit, then the other scales. */
const VALUE_ORDER = [...POINTS, 'i', 'ni', '+', '/', '-', 'S', 'T', 'A', 'P', 'nv', 'a'];

/** The distribution's columns: 10…1 and i/ni always, the other scales where some class-subject uses them. */
export function distributionColumns(distributions: readonly Record<string, number>[]): string[] {
  const present = new Set(distributions.flatMap((d) => Object.keys(d)));
  const always = new Set([...POINTS, 'i', 'ni']);
  const known = VALUE_ORDER.filter((v) => always.has(v) || present.has(v));
  const unknown = [...present].filter((v) => !VALUE_ORDER.includes(v)).sort();
  return [...known, ...unknown];
}

const TEXT = {
  lv: {
    title: 'Mācību priekšmeta skolotāja atskaite',
    teacher: 'Skolotājs(-a)',
    period: 'Periods',
    dates: 'Laiks',
    overview: 'Stundas un vērtējumi',
    class: 'Klase',
    subject: 'Mācību priekšmets',
    lessons: 'Stundas',
    distribution: 'Vērtējumu skaits',
    withoutGrades: 'Bez vērtējuma',
    topics: 'Stundu tēmas',
    noTopics: 'Šajā periodā stundu nav.',
    studentsWithoutGrades: 'Skolēni bez neviena vērtējuma',
    everyoneGraded: 'Visiem skolēniem ir vērtējumi.',
    substitutions: 'Aizvietotās stundas',
    replaced: 'Aizvietotais skolotājs(-a)',
    nothing: 'Šajā periodā skolotājam(-ai) nav ne piešķirtu priekšmetu, ne novadītu stundu.',
    lessonNumber: 'st.',
    signature: 'paraksts',
  },
  en: {
    title: 'Subject teacher report',
    teacher: 'Teacher',
    period: 'Period',
    dates: 'Dates',
    overview: 'Lessons and grades',
    class: 'Class',
    subject: 'Subject',
    lessons: 'Lessons',
    distribution: 'Number of grades',
    withoutGrades: 'Ungraded',
    topics: 'Lesson topics',
    noTopics: 'No lessons in this period.',
    studentsWithoutGrades: 'Students without any grade',
    everyoneGraded: 'Every student has grades.',
    substitutions: 'Lessons taught as a substitute',
    replaced: 'Replaced teacher',
    nothing: 'The teacher has neither assigned subjects nor lessons in this period.',
    lessonNumber: 'l.',
    signature: 'signature',
  },
} as const;

interface TopicLine {
  when: string;
  topic: string;
}

export interface TeacherReportView {
  header: DocumentHeader;
  facts: { label: string; value: string }[];
  text: (typeof TEXT)[ReportLang];
  columns: string[];
  overview: { class: string; subject: string; lessons: number; counts: (number | '')[]; withoutGrades: number | '' }[];
  hasOverview: boolean;
  sections: { title: string; topics: TopicLine[]; withoutGrades: string }[];
  substitutions: { title: string; replaced: string; lessons: number; topics: TopicLine[] }[];
  hasSubstitutions: boolean;
  isEmpty: boolean;
  teacher: string;
  printed: string;
}

/** Pure: one teacher's report as the template shows it. */
export function teacherReportView(data: TeacherReportData, teacher: TeacherReport, lang: ReportLang): TeacherReportView {
  const text = TEXT[lang];
  const period = termTitle(data.term, data.year, lang);
  const columns = distributionColumns(teacher.class_subjects.map((c) => c.distribution));
  const topicLines = (topics: readonly LessonTopic[]): TopicLine[] => topics.map((t) => ({ when: `${formatDayMonth(t.date)} ${t.number}. ${text.lessonNumber}`, topic: t.topic }));
  const classSubject = (c: { class: string; subject: { name: string } }) => `${c.class} · ${c.subject.name}`;
  return {
    header: documentHeader(data.school, text.title, lang, period),
    facts: [
      { label: text.teacher, value: staffLabel(teacher) },
      { label: text.period, value: period },
      { label: text.dates, value: formatPeriod(data.from, data.to) },
    ],
    text,
    columns,
    overview: teacher.class_subjects.map((c) => ({
      class: c.class,
      subject: c.subject.name,
      lessons: c.lessons_held,
      counts: columns.map((v) => c.distribution[v] ?? ''),
      withoutGrades: c.students_without_grades.length || '',
    })),
    hasOverview: teacher.class_subjects.length > 0,
    sections: teacher.class_subjects.map((c) => ({
      title: classSubject(c),
      topics: topicLines(c.topics),
      withoutGrades: c.students_without_grades.map((s) => s.name).join(', '),
    })),
    substitutions: teacher.substitutions.map((s) => ({ title: classSubject(s), replaced: s.replaced.join(', '), lessons: s.lessons_held, topics: topicLines(s.topics) })),
    hasSubstitutions: teacher.substitutions.length > 0,
    isEmpty: teacher.class_subjects.length === 0 && teacher.substitutions.length === 0,
    teacher: teacher.name,
    printed: `${PRINTED_ON[lang]} ${formatDate(data.printed_on)}`,
  };
}
