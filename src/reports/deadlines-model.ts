import type { EntryPart, RecordedEntry } from '../db/repositories/deadline-entries.ts';
import type { GradeDeadlineRules } from '../domain/deadlines.ts';
import type { IsoDate } from '../domain/dates.ts';
import type { Lateness } from '../domain/late-entries.ts';
import { byKeys } from '../domain/latvian-order.ts';
import { PRINTED_ON, documentHeader, formatDate, formatPeriod, staffLabel, type DocumentHeader } from './labels.ts';
import type { ReportLang } from './publish.ts';

export interface StaffRef {
  code: string;
  name: string;
}

/**
 * One late entry as the deputy reads it: a lesson with its topic, homework added later, absences,
 * or the grades of one work (or improvements) entered together on one day.
 */
export interface LateEntry {
  part: EntryPart;
  date: IsoDate;
  class: string;
  subject: { code: string; name: string };
  lesson_number: number | null;
  /** The kind of work of grades and improvements; null for a lesson's parts. */
  work: string | null;
  teacher: StaffRef;
  /** Whose absences, grades or improvements (codes); empty for a lesson or homework. */
  students: string[];
  /** The same people by name, in the same order: the printed report names people (a code may be a personas kods). */
  student_names: string[];
  /** The last of the group's entry times. */
  entered_at: string;
  due_on: IsoDate;
  due_time: string | null;
  working_days_late: number;
}

export interface TeacherLateness extends StaffRef {
  entries: number;
  most_days_late: number;
}

/** The data of the deadline control report (termiņu kontrole): what `--json` prints. */
export interface DeadlinesData {
  school: { name: string; registration_number: string | null };
  from: IsoDate;
  to: IsoDate;
  printed_on: IsoDate;
  teacher: StaffRef | null;
  class: string | null;
  rules: GradeDeadlineRules & { lesson_time: string };
  entries: LateEntry[];
  by_teacher: TeacherLateness[];
}

const MAX_LISTED_STUDENTS = 4;

const PART_ORDER: readonly EntryPart[] = ['lesson', 'homework', 'absences', 'grade', 'improvement'];

/**
 * Pure: late rows (one per lesson part, absence, grade or improvement) grouped
 * into the entries the report lists. Rows group when they are of one lesson part,
 * or one class, subject, work and day, by one teacher, entered the same day (so
 * equally late); the group keeps the last entry time.
 */
export function groupLateEntries(rows: readonly (RecordedEntry & Lateness)[]): LateEntry[] {
  const groups = new Map<string, LateEntry & { level: number }>();
  for (const row of rows) {
    const place = row.part === 'grade' || row.part === 'improvement' ? `${row.class_code}|${row.subject_code}|${row.rule}` : `lesson ${row.lesson_id}`;
    const key = [row.part, place, row.date, row.teacher_code, row.entered_at.slice(0, 10), row.working_days_late].join('\u0000');
    let group = groups.get(key);
    if (!group) {
      group = {
        part: row.part,
        date: row.date,
        class: row.class_code,
        subject: { code: row.subject_code, name: row.subject_name },
        lesson_number: row.lesson_number,
        work: row.rule === 'lesson' ? null : row.rule,
        teacher: { code: row.teacher_code, name: row.teacher_name },
        students: [],
        student_names: [],
        entered_at: row.entered_at,
        due_on: row.due_on,
        due_time: row.due_time,
        working_days_late: row.working_days_late,
        level: row.class_level,
      };
      groups.set(key, group);
    }
    if (row.student_code !== null && !group.students.includes(row.student_code)) {
      group.students.push(row.student_code);
      group.student_names.push(row.student_name ?? row.student_code);
    }
    if (new Date(row.entered_at).getTime() > new Date(group.entered_at).getTime()) group.entered_at = row.entered_at;
  }
  return [...groups.values()]
    .sort(byKeys((g) => g.teacher.name, (g) => g.teacher.code, (g) => g.date, (g) => g.level, (g) => g.class, (g) => g.subject.name, (g) => PART_ORDER.indexOf(g.part), (g) => g.entered_at))
    .map(({ level: _level, ...entry }) => {
      const order = entry.students.map((code, i) => ({ code, name: entry.student_names[i]! })).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
      return { ...entry, students: order.map((o) => o.code), student_names: order.map((o) => o.name) };
    });
}

/** Late entries per teacher, most first. */
export function latenessPerTeacher(entries: readonly LateEntry[]): TeacherLateness[] {
  const counts = new Map<string, TeacherLateness>();
  for (const e of entries) {
    const t = counts.get(e.teacher.code) ?? { ...e.teacher, entries: 0, most_days_late: 0 };
    t.entries += 1;
    t.most_days_late = Math.max(t.most_days_late, e.working_days_late);
    counts.set(e.teacher.code, t);
  }
  return [...counts.values()].sort(byKeys((t) => -t.entries, (t) => t.name, (t) => t.code));
}

const TEXT = {
  lv: {
    title: 'Ierakstu termiņu kontrole',
    period: 'Periods',
    teacher: 'Skolotājs(-a)',
    class: 'Klase',
    rules: 'Termiņi',
    rulesText: (r: DeadlinesData['rules']) =>
      `stundas, tēmas, kavējumi un mājasdarbi — līdz ${r.lesson_time} stundas darba dienā; ieskaites (i/ni) — ${r.credit}, pārbaudes darbi — ${r.test}, lielie un radošie darbi — ${r.large} darba dienu laikā; uzlabots vērtējums — no uzlabošanas dienas`,
    count: 'Nokavētu ierakstu skaits',
    date: 'Datums',
    what: 'Ieraksts',
    subject: 'Priekšmets',
    studentsHeading: 'Skolēni',
    entered: 'Ievadīts',
    due: 'Termiņš',
    late: 'Nokavēts, darba dienas',
    byTeacher: 'Kopā pa skolotājiem',
    entries: 'Ieraksti',
    most: 'Lielākā nokavēšana',
    none: 'Šajā periodā visi ieraksti veikti laikā.',
    deputy: 'Direktora vietnieks(-ce)',
    signature: 'paraksts',
    parts: { lesson: 'stunda un tēma', homework: 'mājasdarbs pievienots vēlāk', absences: 'kavējumi', grade: 'vērtējumi', improvement: 'uzlabots vērtējums' },
    works: { credit: 'ieskaite', test: 'pārbaudes darbs', large: 'lielais/radošais darbs' } as Record<string, string>,
    lesson: 'st.',
    students: (n: number) => `${n} skolēni`,
  },
  en: {
    title: 'Entry deadline control',
    period: 'Period',
    teacher: 'Teacher',
    class: 'Class',
    rules: 'Deadlines',
    rulesText: (r: DeadlinesData['rules']) =>
      `lessons, topics, absences and homework by ${r.lesson_time} on the lesson's working day; credits (i/ni) within ${r.credit}, tests ${r.test}, large and creative works ${r.large} working days; an improved grade from the day of the improvement`,
    count: 'Late entries',
    date: 'Date',
    what: 'Entry',
    subject: 'Subject',
    studentsHeading: 'Students',
    entered: 'Entered',
    due: 'Due',
    late: 'Working days late',
    byTeacher: 'Totals per teacher',
    entries: 'Entries',
    most: 'Most days late',
    none: 'Every entry of this period was made on time.',
    deputy: 'Deputy director',
    signature: 'signature',
    parts: { lesson: 'lesson and topic', homework: 'homework added later', absences: 'absences', grade: 'grades', improvement: 'improved grade' },
    works: { credit: 'credit', test: 'test', large: 'large/creative work' } as Record<string, string>,
    lesson: 'lesson',
    students: (n: number) => `${n} students`,
  },
} as const;

export interface DeadlinesView {
  header: DocumentHeader;
  facts: { label: string; value: string }[];
  text: Omit<(typeof TEXT)[ReportLang], 'rulesText' | 'parts' | 'works' | 'students'> & { students: string };
  rows: { date: string; class: string; subject: string; what: string; teacher: string; students: string; entered: string; due: string; late: number }[];
  hasEntries: boolean;
  byTeacher: { teacher: string; entries: number; most: number }[];
  total: number;
  printed: string;
}

/** "05.10.2026 17:42" from a stored timestamp: the school-local wall clock it was written with. */
function formatEntered(timestamp: string): string {
  return `${formatDate(timestamp.slice(0, 10))} ${timestamp.slice(11, 16)}`;
}

/** Pure: the report as the template shows it. */
export function deadlinesView(data: DeadlinesData, lang: ReportLang): DeadlinesView {
  const { rulesText, parts, works, students: studentCount, ...words } = TEXT[lang];
  const text = { ...words, students: words.studentsHeading };
  const period = formatPeriod(data.from, data.to);
  const facts: { label: string; value: string }[] = [{ label: text.period, value: period }];
  if (data.teacher) facts.push({ label: text.teacher, value: staffLabel(data.teacher) });
  if (data.class) facts.push({ label: text.class, value: data.class });
  facts.push({ label: text.rules, value: rulesText(data.rules) }, { label: text.count, value: String(data.entries.length) });
  return {
    header: documentHeader(data.school, text.title, lang, period),
    facts,
    text,
    rows: data.entries.map((e) => ({
      date: formatDate(e.date),
      class: e.class,
      subject: e.subject.name,
      what: [parts[e.part], e.work ? works[e.work] ?? e.work : null, e.lesson_number === null ? null : `${e.lesson_number}. ${text.lesson}`].filter(Boolean).join(', '),
      teacher: staffLabel(e.teacher),
      // By name, as every printed document names people (issue 14: a code may be a personas kods).
      // A whole class would not fit the page: a count says it; --json lists the codes.
      students: e.student_names.length > MAX_LISTED_STUDENTS ? studentCount(e.student_names.length) : e.student_names.join(', '),
      entered: formatEntered(e.entered_at),
      due: e.due_time ? `${formatDate(e.due_on)} ${e.due_time}` : formatDate(e.due_on),
      late: e.working_days_late,
    })),
    hasEntries: data.entries.length > 0,
    byTeacher: data.by_teacher.map((t) => ({ teacher: staffLabel(t), entries: t.entries, most: t.most_days_late })),
    total: data.entries.length,
    printed: `${PRINTED_ON[lang]} ${formatDate(data.printed_on)}`,
  };
}
