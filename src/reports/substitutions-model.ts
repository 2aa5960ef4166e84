import type { IsoDate } from '../domain/dates.ts';
import { byKeys } from '../domain/latvian-order.ts';
import { PRINTED_ON, documentHeader, formatDate, formatPeriod, staffLabel, type DocumentHeader } from './labels.ts';
import type { ReportLang } from './publish.ts';

/** The data of the substituted lessons report (aizvietoto stundu atskaite): what `--json` prints. */
export interface SubstitutionsData {
  school: { name: string; registration_number: string | null };
  from: IsoDate;
  to: IsoDate;
  printed_on: IsoDate;
  lessons: SubstitutedLesson[];
  /** Lessons each teacher gave in somebody else's place. */
  by_substitute: TeacherCount[];
  /** Lessons each teacher had given by somebody else. */
  by_replaced: TeacherCount[];
}

export interface StaffRef {
  code: string;
  name: string;
}

export interface SubstitutedLesson {
  date: IsoDate;
  number: number;
  class: string;
  subject: { code: string; name: string };
  teacher: StaffRef;
  replaced: StaffRef;
  topic: string;
}

export interface TeacherCount extends StaffRef {
  lessons: number;
}

/** Lessons per teacher, most first, then by name. */
export function countPerTeacher(lessons: readonly SubstitutedLesson[], who: (lesson: SubstitutedLesson) => StaffRef): TeacherCount[] {
  const counts = new Map<string, TeacherCount>();
  for (const lesson of lessons) {
    const person = who(lesson);
    const entry = counts.get(person.code) ?? { code: person.code, name: person.name, lessons: 0 };
    entry.lessons += 1;
    counts.set(person.code, entry);
  }
  return [...counts.values()].sort(byKeys((c) => -c.lessons, (c) => c.name, (c) => c.code));
}

const TEXT = {
  lv: {
    title: 'Aizvietoto stundu atskaite',
    period: 'Periods',
    count: 'Aizvietoto stundu skaits',
    date: 'Datums',
    number: 'St.',
    class: 'Klase',
    subject: 'Mācību priekšmets',
    teacher: 'Aizvietotājs(-a)',
    replaced: 'Aizvietotais skolotājs(-a)',
    topic: 'Tēma',
    bySubstitute: 'Kopā pa aizvietotājiem',
    byReplaced: 'Kopā pa aizvietotajiem skolotājiem',
    lessons: 'Stundas',
    total: 'Kopā',
    none: 'Šajā periodā aizvietotu stundu nav.',
    deputy: 'Direktora vietnieks(-ce)',
    signature: 'paraksts',
  },
  en: {
    title: 'Substituted lessons report',
    period: 'Period',
    count: 'Substituted lessons',
    date: 'Date',
    number: 'No.',
    class: 'Class',
    subject: 'Subject',
    teacher: 'Substitute',
    replaced: 'Replaced teacher',
    topic: 'Topic',
    bySubstitute: 'Totals per substitute',
    byReplaced: 'Totals per replaced teacher',
    lessons: 'Lessons',
    total: 'Total',
    none: 'No lessons were substituted in this period.',
    deputy: 'Deputy director',
    signature: 'signature',
  },
} as const;

export interface SubstitutionsView {
  header: DocumentHeader;
  facts: { label: string; value: string }[];
  text: (typeof TEXT)[ReportLang];
  rows: { date: string; number: number; class: string; subject: string; teacher: string; replaced: string; topic: string }[];
  hasLessons: boolean;
  bySubstitute: { teacher: string; lessons: number }[];
  byReplaced: { teacher: string; lessons: number }[];
  total: number;
  printed: string;
}

/** Pure: the report as the template shows it. */
export function substitutionsView(data: SubstitutionsData, lang: ReportLang): SubstitutionsView {
  const text = TEXT[lang];
  const period = formatPeriod(data.from, data.to);
  const totals = (counts: readonly TeacherCount[]) => counts.map((c) => ({ teacher: staffLabel(c), lessons: c.lessons }));
  return {
    header: documentHeader(data.school, text.title, lang, period),
    facts: [
      { label: text.period, value: period },
      { label: text.count, value: String(data.lessons.length) },
    ],
    text,
    rows: data.lessons.map((l) => ({
      date: formatDate(l.date),
      number: l.number,
      class: l.class,
      subject: l.subject.name,
      teacher: staffLabel(l.teacher),
      replaced: staffLabel(l.replaced),
      topic: l.topic,
    })),
    hasLessons: data.lessons.length > 0,
    bySubstitute: totals(data.by_substitute),
    byReplaced: totals(data.by_replaced),
    total: data.lessons.length,
    printed: `${PRINTED_ON[lang]} ${formatDate(data.printed_on)}`,
  };
}
