import type { AbsenceCode } from '../db/schema.ts';
import type { IsoDate } from '../domain/dates.ts';
import { behaviorReportClass, behaviorReportView, type BehaviorRemark, type BehaviorReportView } from './behavior-report-model.ts';
import type { TermGrades } from './card-grades.ts';
import { ABSENCE_LEGEND, PRINTED_ON, WORK_LEGEND, WORK_MARKS, documentHeader, formatDate, formatDayMonth, formatPeriod, leftOnText, schoolYearTitle, staffLabel, type DocumentHeader } from './labels.ts';
import type { ReportLang } from './publish.ts';
import { pageReferenceId } from './templates.ts';

/** The printed class journal (klases žurnāls) of some classes over a period: what `--json` prints. */
export interface ClassJournalData {
  school: { name: string; registration_number: string | null; director: string | null };
  year: string;
  from: IsoDate;
  to: IsoDate;
  /** The closing grades the grids end with: those of the semesters (and the year) the period reaches into. */
  term_columns: TermColumn[];
  printed_on: IsoDate;
  /** The period is the whole school year. */
  whole_year: boolean;
  /** The subject codes asked for, or null for the whole journal; with some subjects only, the behaviour journal and the class teacher's appendices are left out. */
  only_subjects: string[] | null;
  classes: JournalClass[];
}

export type TermColumn = 'semester1' | 'semester2' | 'annual';

export interface JournalPerson {
  code: string;
  name: string;
}

export interface JournalClass {
  code: string;
  level: number;
  class_teacher: string | null;
  /** Everybody in the class on some day of the period, in Latvian alphabetical order. */
  students: JournalStudent[];
  subjects: JournalSubject[];
  behavior: (BehaviorRemark & { student: string })[];
  briefings: JournalBriefing[];
  /** Conversations with parents are confidential (§15.2), but this is the official journal as archived: they are in it. */
  conversations: JournalConversation[];
  notes: JournalNote[];
}

export interface JournalStudent {
  code: string;
  first_name: string;
  last_name: string;
  /** The student's time in the class that overlaps the period, oldest first (one who left and came back has two). */
  enrolled: { from: IsoDate; to: IsoDate | null }[];
}

export interface JournalLesson {
  date: IsoDate;
  number: number;
  teacher: JournalPerson;
  /** Whose lesson a substitute taught; null when the lesson's own teacher taught it. */
  substitute_for: JournalPerson | null;
  /** The group whose lesson it was (its members only); null: the whole class. */
  group?: string | null;
  topic: string;
  homework: string | null;
}

export interface JournalSubject {
  code: string;
  name: string;
  /** The teachers assigned to it in the class. */
  teachers: JournalPerson[];
  lessons: JournalLesson[];
  /** Only the students with an absence or a grade in the subject. */
  marks: JournalMarks[];
}

export interface JournalMarks {
  student: string;
  absences: { date: IsoDate; number: number; code: AbsenceCode }[];
  /** Lesson work; `number` is null for a grade entered for a day rather than in a lesson. */
  grades: { date: IsoDate; number: number | null; work: string; value: string }[];
  term: TermGrades;
}

export interface JournalBriefing {
  date: IsoDate;
  topic: string;
  author: string;
  briefed: string[];
  /** In the class that day but not briefed. */
  absent: string[];
}

export interface JournalConversation {
  date: IsoDate;
  student: string;
  guardian: string;
  relation: string | null;
  summary: string;
  agreed: string | null;
  author: string;
}

export interface JournalNote {
  /** Null for a note to the whole class. */
  student: string | null;
  text: string;
  valid_from: IsoDate;
  valid_until: IsoDate | null;
  author: string;
}

const TEXT = {
  lv: {
    title: 'Klases žurnāls',
    class: 'Klase',
    schoolYear: 'Mācību gads',
    period: 'Periods',
    classTeacher: 'Klases audzinātājs(-a)',
    director: 'Direktors(-e)',
    students: 'Skolēni',
    studentCount: 'Skolēnu skaits',
    contents: 'Saturs',
    page: 'lpp.',
    lessons: 'stundas',
    number: 'Nr.',
    student: 'Skolēns',
    code: 'Kods',
    inClass: 'Piezīmes',
    date: 'Datums',
    lesson: 'St.',
    teacher: 'Skolotājs(-a)',
    topic: 'Tēma',
    homework: 'Mājas darbs',
    lessonList: 'Stundu uzskaite',
    grid: 'Vērtējumi un kavējumi',
    gridPart: 'daļa',
    teachers: 'Skolotājs(-i)',
    lessonCount: 'Stundu skaits',
    substituted: 'aizvietoja',
    group: 'grupa',
    noLessons: 'Šajā periodā stundu nav.',
    noStudents: 'Klasē nav skolēnu.',
    behavior: 'Uzvedības žurnāls',
    briefings: 'Drošības instruktāžas',
    briefed: 'Instruēti',
    notBriefed: 'Nebija klāt (jāinstruē vēlāk)',
    noBriefings: 'Šajā periodā instruktāžu nav.',
    conversations: 'Individuālās sarunas ar vecākiem',
    guardian: 'Vecāks (aizbildnis)',
    summary: 'Saruna',
    agreed: 'Norunāts',
    author: 'Ierakstīja',
    noConversations: 'Šajā periodā sarunu nav.',
    notes: 'Piezīmes vecāku ievērībai',
    addressee: 'Kam',
    wholeClass: 'visai klasei',
    validity: 'Spēkā',
    note: 'Piezīme',
    noNotes: 'Šajā periodā piezīmju nav.',
    signature: 'paraksts',
    from: 'no',
    outside: 'Iekrāsotās šūnas: skolēns tajā dienā nebija klasē.',
    substituteLegend: 'Aizvietotās stundas atzīmētas ar *; kolonnā ar „–” — vērtējumi, kas ierakstīti dienai bez stundas.',
  },
  en: {
    title: 'Class journal',
    class: 'Class',
    schoolYear: 'School year',
    period: 'Period',
    classTeacher: 'Class teacher',
    director: 'Director',
    students: 'Students',
    studentCount: 'Students',
    contents: 'Contents',
    page: 'page',
    lessons: 'lessons',
    number: 'No.',
    student: 'Student',
    code: 'Code',
    inClass: 'Remarks',
    date: 'Date',
    lesson: 'Les.',
    teacher: 'Teacher',
    topic: 'Topic',
    homework: 'Homework',
    lessonList: 'Lessons',
    grid: 'Grades and absences',
    gridPart: 'part',
    teachers: 'Teacher(s)',
    lessonCount: 'Lessons',
    substituted: 'substituting for',
    group: 'group',
    noLessons: 'No lessons in this period.',
    noStudents: 'The class has no students.',
    behavior: 'Behaviour journal',
    briefings: 'Safety briefings',
    briefed: 'Briefed',
    notBriefed: 'Absent (to be briefed later)',
    noBriefings: 'No briefings in this period.',
    conversations: 'Individual conversations with parents',
    guardian: 'Parent (guardian)',
    summary: 'Conversation',
    agreed: 'Agreed',
    author: 'Recorded by',
    noConversations: 'No conversations in this period.',
    notes: "Notes for parents' attention",
    addressee: 'To',
    wholeClass: 'the whole class',
    validity: 'Valid',
    note: 'Note',
    noNotes: 'No notes in this period.',
    signature: 'signature',
    from: 'from',
    outside: 'Shaded cells: the student was not in the class that day.',
    substituteLegend: 'Lessons taught by a substitute are marked *; a column numbered “–” holds grades entered for a day without a lesson.',
  },
} as const;

type Text = (typeof TEXT)[ReportLang];

/** A guardian's relation as stored (services/guardians.ts RELATIONS), in the document's words. */
const RELATIONS: Record<ReportLang, Readonly<Record<string, string>>> = {
  lv: { mother: 'māte', father: 'tēvs', guardian: 'aizbildnis(-e)', grandmother: 'vecmāmiņa', grandfather: 'vectēvs', sibling: 'brālis / māsa', other: 'cits' },
  en: { mother: 'mother', father: 'father', guardian: 'guardian', grandmother: 'grandmother', grandfather: 'grandfather', sibling: 'sibling', other: 'other' },
};

const TERM_LABELS: Record<ReportLang, Record<TermColumn | 'makeup' | 'state_exam', string>> = {
  lv: { semester1: 'I sem.', semester2: 'II sem.', annual: 'Gada', makeup: 'pp', state_exam: 'eks' },
  en: { semester1: 'Sem. 1', semester2: 'Sem. 2', annual: 'Year', makeup: 'mu', state_exam: 'ex' },
};

/**
 * How many lesson columns fit across a landscape A4 page beside the student
 * names; each closing-grade column takes the room of one lesson column.
 */
export const GRID_COLUMNS_PER_PAGE = 25;
/** The grid's column widths in mm (templates/class-journal-subject.html sets them, so the grid never outgrows the page). */
const GRID_WIDTHS = { number: 6, name: 46, column: 8.5 };

/**
 * Splits `count` lesson columns into page-wide chunks of about equal size, so
 * that the last one still has room for `closing` columns after its lessons.
 * There is always at least one chunk (an empty grid still shows the closing grades).
 */
export function columnChunks(count: number, perPage: number, closing: number): { start: number; end: number }[] {
  if (closing >= perPage) throw new Error(`${closing} closing columns do not fit a page of ${perPage}`);
  let parts = Math.max(1, Math.ceil((count + closing) / perPage));
  for (;;) {
    const size = Math.ceil(count / parts);
    const last = count - size * (parts - 1);
    if (size <= perPage && last + closing <= perPage && last >= 0) {
      return Array.from({ length: parts }, (_, i) => ({ start: Math.min(count, i * size), end: Math.min(count, (i + 1) * size) }));
    }
    parts++;
  }
}

export interface GridColumn {
  date: IsoDate;
  /** Null: grades entered for the day without a lesson. */
  number: number | null;
  /** The running number of the subject's lesson, as in the lesson list; null for a day without a lesson. */
  index: number | null;
  substituted: boolean;
}

/**
 * The grid's columns: the lessons in order, and any day that has grades but no
 * lesson of the subject. A grade entered for a day with a lesson goes under
 * that day's first lesson.
 */
export function gridColumns(subject: JournalSubject): { columns: GridColumn[]; columnOf: (grade: { date: IsoDate; number: number | null }) => number } {
  const columns: GridColumn[] = subject.lessons.map((l, i) => ({ date: l.date, number: l.number, index: i + 1, substituted: l.substitute_for !== null }));
  const lessonDays = new Set(subject.lessons.map((l) => l.date));
  const orphanDays = [...new Set(subject.marks.flatMap((m) => m.grades.filter((g) => g.number === null && !lessonDays.has(g.date)).map((g) => g.date)))];
  columns.push(...orphanDays.map((date) => ({ date, number: null, index: null, substituted: false })));
  columns.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : (a.number ?? Infinity) - (b.number ?? Infinity)));
  const bySlot = new Map<string, number>();
  columns.forEach((c, i) => {
    const slot = `${c.date}#${c.number ?? ''}`;
    if (!bySlot.has(slot)) bySlot.set(slot, i);
    // The day's first column also takes the grades entered for the day.
    if (!bySlot.has(`${c.date}#`)) bySlot.set(`${c.date}#`, i);
  });
  return { columns, columnOf: (g) => bySlot.get(`${g.date}#${g.number ?? ''}`) ?? -1 };
}

function enrolledOn(student: JournalStudent, date: IsoDate): boolean {
  return student.enrolled.some((e) => e.from <= date && (e.to === null || date <= e.to));
}

/** The student left the class before the period's end (and did not come back). */
function leftBefore(student: JournalStudent, to: IsoDate): boolean {
  const last = student.enrolled[student.enrolled.length - 1];
  return !!last?.to && last.to < to;
}

/** "izstājies(-usies) no klases 12.02.2027" for a student who left before the period ended; "no 15.02.2027" for one who came later. */
export function studentRemark(student: JournalStudent, from: IsoDate, to: IsoDate, lang: ReportLang): string {
  const first = student.enrolled[0];
  const last = student.enrolled[student.enrolled.length - 1];
  const parts: string[] = [];
  if (first && first.from > from) parts.push(`${TEXT[lang].from} ${formatDate(first.from)}`);
  if (last?.to && leftBefore(student, to)) parts.push(leftOnText(last.to, lang));
  return parts.join(', ');
}

const studentName = (s: { first_name: string; last_name: string }) => `${s.last_name} ${s.first_name}`;

export interface JournalGridCell {
  outside: boolean;
  absence: string;
  grades: { value: string; mark: string; assessed: boolean }[];
}

export interface JournalGridChunk {
  /** In mm: the chunk's columns at their fixed widths (a last, narrower chunk is not stretched). */
  width: number;
  columns: { index: string; date: string; substituted: boolean }[];
  closing: string[];
  rows: { number: number; name: string; remark: string; left: boolean; cells: JournalGridCell[]; closing: string[] }[];
  part: string;
  first: boolean;
}

export interface JournalSubjectView {
  header: DocumentHeader;
  anchor: string;
  facts: { label: string; value: string }[];
  text: Text;
  lessons: { index: number; date: string; number: number; teacher: string; substituteFor: string; topic: string; homework: string }[];
  hasStudents: boolean;
  chunks: JournalGridChunk[];
  workLegend: string;
  absenceLegend: string;
}

type ClosingField = TermColumn | 'makeup' | 'state_exam';

/** Pure: one subject's pages, the lesson list and the grid split into page-wide chunks. */
export function subjectView(data: ClassJournalData, schoolClass: JournalClass, subject: JournalSubject, section: number, lang: ReportLang): JournalSubjectView {
  const text = TEXT[lang];
  const marks = WORK_MARKS[lang];
  const { columns, columnOf } = gridColumns(subject);
  const marksOf = new Map(subject.marks.map((m) => [m.student, m]));
  const closingFields: ClosingField[] = [...data.term_columns];
  if (data.term_columns.includes('annual')) {
    for (const extra of ['makeup', 'state_exam'] as const) if (subject.marks.some((m) => m.term[extra] !== null)) closingFields.push(extra);
  }
  const rows = schoolClass.students.map((student, i) => {
    const own = marksOf.get(student.code);
    const cells: JournalGridCell[] = columns.map((c) => ({ outside: !enrolledOn(student, c.date), absence: '', grades: [] }));
    for (const a of own?.absences ?? []) {
      const cell = cells[columnOf(a)];
      if (cell) cell.absence = a.code;
    }
    for (const g of own?.grades ?? []) {
      const cell = cells[columnOf(g)];
      if (cell) cell.grades.push({ value: g.value, mark: marks[g.work] ?? '', assessed: g.work === 'test' || g.work === 'large' });
    }
    return {
      number: i + 1,
      name: studentName(student),
      remark: studentRemark(student, data.from, data.to, lang),
      left: leftBefore(student, data.to),
      cells,
      closing: closingFields.map((f) => own?.term[f] ?? ''),
    };
  });
  const chunks = columnChunks(columns.length, GRID_COLUMNS_PER_PAGE, closingFields.length);
  const person = (p: JournalPerson) => staffLabel(p);
  return {
    header: documentHeader(data.school, subject.name, lang, `${schoolClass.code} · ${formatPeriod(data.from, data.to)}`),
    anchor: pageReferenceId(section),
    facts: [
      { label: text.class, value: schoolClass.code },
      { label: text.teachers, value: subject.teachers.map(person).join(', ') },
      { label: text.lessonCount, value: String(subject.lessons.length) },
    ],
    text,
    lessons: subject.lessons.map((l, i) => ({
      index: i + 1,
      date: formatDate(l.date),
      number: l.number,
      teacher: l.group ? `${person(l.teacher)}, ${text.group} ${l.group}` : person(l.teacher),
      substituteFor: l.substitute_for ? `${text.substituted} ${person(l.substitute_for)}` : '',
      topic: l.topic,
      homework: l.homework ?? '',
    })),
    hasStudents: rows.length > 0,
    chunks: chunks.map(({ start, end }, k) => {
      const last = k === chunks.length - 1;
      const closing = last ? closingFields.map((f) => TERM_LABELS[lang][f]) : [];
      return {
        width: GRID_WIDTHS.number + GRID_WIDTHS.name + GRID_WIDTHS.column * (end - start + closing.length),
        columns: columns.slice(start, end).map((c) => ({
          index: c.index === null ? '' : String(c.index),
          date: formatDayMonth(c.date),
          substituted: c.substituted,
        })),
        closing,
        rows: rows.map((r) => ({ ...r, cells: r.cells.slice(start, end), closing: last ? r.closing : [] })),
        part: chunks.length > 1 ? `${text.grid}, ${k + 1}. ${text.gridPart} (${formatDayMonth(columns[start]?.date ?? data.from)}–${formatDayMonth(columns[Math.max(start, end - 1)]?.date ?? data.to)})` : text.grid,
        first: k === 0,
      };
    }),
    workLegend: WORK_LEGEND[lang],
    absenceLegend: `${ABSENCE_LEGEND[lang]}. ${text.outside} ${text.substituteLegend}`,
  };
}

export interface JournalTitleView {
  header: DocumentHeader;
  facts: { label: string; value: string }[];
  text: Text;
  contents: { title: string; detail: string; target: string }[];
  students: { number: number; name: string; code: string; inClass: string; left: boolean }[];
  classTeacher: string;
  director: string;
  printed: string;
}

export interface JournalAppendixView {
  header: DocumentHeader;
  anchor: string;
  text: Text;
  kind: { briefings: boolean; conversations: boolean; notes: boolean };
  briefings: { date: string; topic: string; author: string; briefed: string; absent: string }[];
  conversations: { date: string; student: string; guardian: string; summary: string; agreed: string; author: string }[];
  notes: { addressee: string; validity: string; text: string; author: string }[];
}

/** One printed section of a class's journal: which template renders it, its view, and its line in the contents and the page footers. */
export type JournalSection =
  | { template: 'class-journal-title'; title: string; view: JournalTitleView }
  | { template: 'class-journal-subject'; title: string; view: JournalSubjectView }
  | { template: 'behavior'; title: string; view: BehaviorReportView & { anchor: string } }
  | { template: 'class-journal-appendix'; title: string; view: JournalAppendixView };

function appendixView(data: ClassJournalData, schoolClass: JournalClass, kind: keyof JournalAppendixView['kind'], section: number, lang: ReportLang): JournalAppendixView {
  const text = TEXT[lang];
  return {
    header: documentHeader(data.school, text[kind], lang, `${schoolClass.code} · ${formatPeriod(data.from, data.to)}`),
    anchor: pageReferenceId(section),
    text,
    kind: { briefings: kind === 'briefings', conversations: kind === 'conversations', notes: kind === 'notes' },
    briefings: schoolClass.briefings.map((b) => ({ date: formatDate(b.date), topic: b.topic, author: b.author, briefed: b.briefed.join(', '), absent: b.absent.join(', ') })),
    conversations: schoolClass.conversations.map((c) => ({
      date: formatDate(c.date),
      student: c.student,
      guardian: c.relation ? `${c.guardian} (${RELATIONS[lang][c.relation] ?? c.relation})` : c.guardian,
      summary: c.summary,
      agreed: c.agreed ?? '',
      author: c.author,
    })),
    notes: schoolClass.notes.map((n) => ({
      addressee: n.student ?? text.wholeClass,
      validity: n.valid_until ? formatPeriod(n.valid_from, n.valid_until) : `${text.from} ${formatDate(n.valid_from)}`,
      text: n.text,
      author: n.author,
    })),
  };
}

function behaviorSection(data: ClassJournalData, schoolClass: JournalClass, section: number, lang: ReportLang): BehaviorReportView & { anchor: string } {
  const students = schoolClass.students.map((s) => ({
    code: s.code,
    first_name: s.first_name,
    last_name: s.last_name,
    remarks: schoolClass.behavior.filter((r) => r.student === s.code).map(({ student: _student, ...remark }) => remark),
  }));
  const view = behaviorReportView(
    { school: data.school, year: data.year, from: data.from, to: data.to, printed_on: data.printed_on, classes: [] },
    behaviorReportClass(schoolClass.code, schoolClass.class_teacher, students),
    lang,
  );
  return { ...view, header: { ...view.header, title: TEXT[lang].behavior }, anchor: pageReferenceId(section) };
}

/**
 * Pure: a class's journal section by section, as printed: the title page with
 * the contents and the class list, each subject, then (for the whole journal)
 * the behaviour journal and the class teacher's appendices.
 */
export function classJournalSections(data: ClassJournalData, schoolClass: JournalClass, lang: ReportLang): JournalSection[] {
  const text = TEXT[lang];
  const body: JournalSection[] = schoolClass.subjects.map((subject, i) => ({ template: 'class-journal-subject', title: subject.name, view: subjectView(data, schoolClass, subject, i + 1, lang) }));
  const appendices = data.only_subjects === null;
  if (appendices) {
    body.push({ template: 'behavior', title: text.behavior, view: behaviorSection(data, schoolClass, body.length + 1, lang) });
    for (const kind of ['briefings', 'conversations', 'notes'] as const) {
      body.push({ template: 'class-journal-appendix', title: text[kind], view: appendixView(data, schoolClass, kind, body.length + 1, lang) });
    }
  }
  const details = [
    ...schoolClass.subjects.map((s) => `${s.teachers.map(staffLabel).join(', ')}${s.teachers.length > 0 ? ' · ' : ''}${s.lessons.length} ${text.lessons}`),
    ...(appendices ? ['', '', '', ''] : []),
  ];
  const title: JournalSection = {
    template: 'class-journal-title',
    title: text.title,
    view: {
      header: documentHeader(data.school, text.title, lang, `${schoolClass.code} · ${schoolYearTitle(data.year, lang)}`),
      facts: [
        { label: text.class, value: schoolClass.code },
        { label: text.schoolYear, value: data.year },
        { label: text.period, value: formatPeriod(data.from, data.to) },
        { label: text.classTeacher, value: schoolClass.class_teacher ?? '' },
        { label: text.studentCount, value: String(schoolClass.students.length) },
      ],
      text,
      contents: body.map((s, i) => ({ title: s.title, detail: details[i] ?? '', target: pageReferenceId(i + 1) })),
      students: schoolClass.students.map((s, i) => ({ number: i + 1, name: studentName(s), code: s.code, inClass: studentRemark(s, data.from, data.to, lang), left: leftBefore(s, data.to) })),
      classTeacher: schoolClass.class_teacher ?? '',
      director: data.school.director ?? '',
      printed: `${PRINTED_ON[lang]} ${formatDate(data.printed_on)}`,
    },
  };
  return [title, ...body];
}
