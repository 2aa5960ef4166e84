import type { IsoDate } from '../domain/dates.ts';
import { weekday } from '../domain/dates.ts';
import { byKeys } from '../domain/latvian-order.ts';
import { WEEKDAY_NAMES } from '../domain/timetable.ts';
import { PRINTED_ON, documentHeader, formatDate, formatPeriod, staffLabel, type DocumentHeader } from './labels.ts';
import type { ReportLang } from './publish.ts';

export interface StaffRef {
  code: string;
  name: string;
}

/** A lesson the timetable expected that the journal does not hold. */
export interface MissingLesson {
  date: IsoDate;
  number: number;
  class: string;
  subject: { code: string; name: string };
}

/** The data of the missing-entries report (§17): what `--json` prints. */
export interface MissingLessonsData {
  school: { name: string; registration_number: string | null };
  from: IsoDate;
  to: IsoDate;
  /** The last day checked (days ahead are not missing yet); null when the period lies wholly ahead. */
  through: IsoDate | null;
  printed_on: IsoDate;
  class: string | null;
  teacher: StaffRef | null;
  teaching_days: number;
  expected: number;
  missing: number;
  /** Per teacher the timetable gives the lessons to, those with missing lessons only. */
  teachers: (StaffRef & { lessons: MissingLesson[] })[];
}

/** Groups missing lessons by their timetable teacher: teachers by name, lessons by day, number and class. */
export function groupByTeacher(lessons: readonly (MissingLesson & { teacher: StaffRef })[]): MissingLessonsData['teachers'] {
  const byTeacher = new Map<string, StaffRef & { lessons: MissingLesson[] }>();
  for (const { teacher, ...lesson } of lessons) {
    const entry = byTeacher.get(teacher.code) ?? { code: teacher.code, name: teacher.name, lessons: [] };
    entry.lessons.push(lesson);
    byTeacher.set(teacher.code, entry);
  }
  const teachers = [...byTeacher.values()].sort(byKeys((t) => t.name, (t) => t.code));
  for (const t of teachers) t.lessons.sort(byKeys((l) => l.date, (l) => l.number, (l) => l.class));
  return teachers;
}

const TEXT = {
  lv: {
    title: 'Neaizpildītās stundas',
    period: 'Periods',
    through: 'Pārbaudīts līdz',
    notYet: 'periods vēl nav sācies',
    class: 'Klase',
    teacher: 'Skolotājs(-a)',
    days: 'Mācību dienas',
    expected: 'Stundas pēc stundu saraksta',
    missing: 'Nav ierakstītas žurnālā',
    date: 'Datums',
    weekday: 'Diena',
    number: 'St.',
    subject: 'Mācību priekšmets',
    none: 'Visas stundu sarakstā paredzētās stundas ir ierakstītas žurnālā.',
  },
  en: {
    title: 'Lessons not entered',
    period: 'Period',
    through: 'Checked through',
    notYet: 'the period has not begun',
    class: 'Class',
    teacher: 'Teacher',
    days: 'Teaching days',
    expected: 'Lessons in the timetable',
    missing: 'Not in the journal',
    date: 'Date',
    weekday: 'Day',
    number: 'No.',
    subject: 'Subject',
    none: 'Every lesson the timetable expected is in the journal.',
  },
} as const;

export interface MissingLessonsView {
  header: DocumentHeader;
  facts: { label: string; value: string }[];
  text: (typeof TEXT)[ReportLang];
  teachers: { teacher: string; count: string; rows: { date: string; weekday: string; number: number; class: string; subject: string }[] }[];
  printed: string;
}

/** "1 stunda", "2 stundas", "21 stunda"; "1 lesson", "2 lessons". */
export function lessonCount(n: number, lang: ReportLang): string {
  if (lang === 'en') return `${n} ${n === 1 ? 'lesson' : 'lessons'}`;
  return `${n} ${n % 10 === 1 && n % 100 !== 11 ? 'stunda' : 'stundas'}`;
}

/** Pure: the report as the template shows it. */
export function missingLessonsView(data: MissingLessonsData, lang: ReportLang): MissingLessonsView {
  const text = TEXT[lang];
  const period = data.from === data.to ? formatDate(data.from) : formatPeriod(data.from, data.to);
  const facts: { label: string; value: string }[] = [
    { label: text.period, value: period },
    { label: text.through, value: data.through ? formatDate(data.through) : text.notYet },
  ];
  if (data.class) facts.push({ label: text.class, value: data.class });
  if (data.teacher) facts.push({ label: text.teacher, value: staffLabel(data.teacher) });
  facts.push(
    { label: text.days, value: String(data.teaching_days) },
    { label: text.expected, value: String(data.expected) },
    { label: text.missing, value: String(data.missing) },
  );
  return {
    header: documentHeader(data.school, text.title, lang, period),
    facts,
    text,
    teachers: data.teachers.map((t) => ({
      teacher: staffLabel(t),
      count: lessonCount(t.lessons.length, lang),
      rows: t.lessons.map((l) => ({
        date: formatDate(l.date),
        weekday: WEEKDAY_NAMES[lang][weekday(l.date) - 1]!,
        number: l.number,
        class: l.class,
        subject: l.subject.name,
      })),
    })),
    printed: `${PRINTED_ON[lang]} ${formatDate(data.printed_on)}`,
  };
}
