import type { Db } from '../db/connection.ts';
import type { School, SchoolYear } from '../db/schema.ts';
import { listBehaviorViews } from '../db/repositories/behavior.ts';
import { listBriefingViews } from '../db/repositories/briefings.ts';
import { listConversationViews } from '../db/repositories/conversations.ts';
import { listParentNoteViews } from '../db/repositories/parent-notes.ts';
import {
  absenceMarksInPeriod,
  classSubjects,
  gradesInPeriod,
  lessonsInPeriod,
  reportClasses,
  rosterInPeriod,
  subjectsByIds,
  type AbsenceMark,
  type ReportClass,
  type ReportGrade,
  type ReportLesson,
  type ReportSubject,
} from '../db/repositories/report-data.ts';
import { localDateOf, type IsoDate } from '../domain/dates.ts';
import { byKeys } from '../domain/latvian-order.ts';
import { AppError } from '../errors.ts';
import { requireRightToRead, type ServiceContext } from '../services/context.ts';
import { readingIn } from '../services/reading.ts';
import { classesLedInYear } from '../db/repositories/classes.ts';
import { optionalDate, requireDayInYear } from '../services/input.ts';
import { resolveClass, resolveSubject, resolveYear } from '../services/lookup.ts';
import { emptyTermGrades, indexTermGrades, placementKey, TERM_GRADE_WORKS } from './card-grades.ts';
import { classJournalSections, type ClassJournalData, type JournalClass, type JournalMarks, type JournalPerson, type JournalStudent, type JournalSubject, type TermColumn } from './class-journal-model.ts';
import { asciiSlug, classSlug } from './file-names.ts';
import type { BuiltReport, ReportDocument, ReportLang } from './publish.ts';
import { renderTemplate } from './templates.ts';
import { LESSON_WORK_KINDS, parseTerm, termPeriod } from './term-period.ts';
import { m as t } from '../i18n/messages/files-reports.ts';

export interface ClassJournalOptions {
  /** The classes of the year to print; all of them when omitted. */
  classIds?: readonly number[];
  /** Only these subjects, without the behaviour journal and the appendices; the whole journal when omitted. */
  subjectIds?: readonly number[];
  /** The whole school year when omitted. */
  period?: { from: IsoDate; to: IsoDate };
  /** The date the documents say they were printed on: the command's today (in Riga). */
  printedOn: IsoDate;
}

/** The closing grades of the semesters the period reaches into; the annual ones when it reaches the II semester. */
function termColumns(year: SchoolYear, from: IsoDate, to: IsoDate): TermColumn[] {
  const columns: TermColumn[] = [];
  if (from <= year.semester1_to) columns.push('semester1');
  if (to >= year.semester2_from) columns.push('semester2', 'annual');
  return columns;
}

const person = (code: string, name: string): JournalPerson => ({ code, name });

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** What the whole-school queries read, indexed for one class at a time. */
interface JournalRows {
  taught: Awaited<ReturnType<typeof classSubjects>>;
  lessonById: Map<number, ReportLesson>;
  lessonsOf: Map<number, ReportLesson[]>;
  gradesOf: Map<number, ReportGrade[]>;
  absencesOf: Map<number, AbsenceMark[]>;
  termIndex: ReturnType<typeof indexTermGrades>;
}

/** One subject of a class: its lessons and every student's marks in them. */
function journalSubject(subject: ReportSubject, classId: number, students: Map<number, JournalStudent>, rows: JournalRows): JournalSubject {
  const marks = new Map<string, JournalMarks>();
  const marksOf = (studentId: number): JournalMarks | undefined => {
    const code = students.get(studentId)?.code;
    if (code === undefined) return undefined;
    let m = marks.get(code);
    if (!m) marks.set(code, (m = { student: code, absences: [], grades: [], term: emptyTermGrades() }));
    return m;
  };
  for (const a of rows.absencesOf.get(classId) ?? []) {
    const lesson = rows.lessonById.get(a.lesson_id)!;
    if (lesson.subject.id === subject.id) marksOf(a.student_id)?.absences.push({ date: lesson.date, number: lesson.number, code: a.code });
  }
  for (const g of rows.gradesOf.get(classId) ?? []) {
    if (g.subject_id !== subject.id) continue;
    const lesson = g.lesson_id === null ? undefined : rows.lessonById.get(g.lesson_id);
    marksOf(g.student_id)?.grades.push({ date: g.date, number: lesson?.number ?? null, work: g.work, value: g.value });
  }
  for (const id of students.keys()) {
    const term = rows.termIndex.get(placementKey(id, classId))?.get(subject.id);
    if (term) marksOf(id)!.term = term;
  }
  return {
    code: subject.code,
    name: subject.name,
    teachers: rows.taught.filter((t) => t.class_id === classId && t.subject.id === subject.id).map((t) => person(t.teacher_code, t.teacher_name)),
    lessons: (rows.lessonsOf.get(classId) ?? [])
      .filter((l) => l.subject.id === subject.id)
      .map((l) => ({
        date: l.date,
        number: l.number,
        teacher: person(l.teacher_code, l.teacher_name),
        substitute_for: l.substitute_for_code ? person(l.substitute_for_code, l.substitute_for_name!) : null,
        // Only a group's lesson names its group (the whole class's lessons read as before).
        ...(l.group_code ? { group: l.group_code } : {}),
        topic: l.topic,
        homework: l.homework,
      })),
    marks: [...marks.values()],
  };
}

const named = (name: string, code: string) => `${name} (${code})`;

/** The behaviour journal and the class teacher's appendices of one class in the period. */
async function classAppendices(db: Db, school: School, year: SchoolYear, classId: number, from: IsoDate, to: IsoDate): Promise<Pick<JournalClass, 'behavior' | 'briefings' | 'conversations' | 'notes'>> {
  const [behavior, briefings, conversations, notes] = await Promise.all([
    listBehaviorViews(db, { yearId: year.id, classId, from, to }),
    listBriefingViews(db, { yearId: year.id, classId, from, to }),
    listConversationViews(db, { yearId: year.id, classIds: [classId] }),
    listParentNoteViews(db, { schoolId: school.id, classId, from, to }),
  ]);
  return {
    behavior: behavior.map((b) => ({ student: b.student, date: b.date, kind: b.kind, text: b.text, author: b.author_name })),
    briefings: briefings.map((b) => ({
      date: b.date,
      topic: b.topic,
      author: b.author_name,
      briefed: b.briefed.map((s) => named(s.name, s.student)),
      absent: b.absent.map((s) => named(s.name, s.student)),
    })),
    conversations: conversations
      .filter((c) => from <= c.date && c.date <= to)
      .map((c) => ({ date: c.date, student: named(c.student_name, c.student), guardian: c.guardian_name, relation: c.relation, summary: c.summary, agreed: c.agreed, author: c.author_name })),
    notes: notes.map((n) => ({ student: n.student ? named(n.student_name!, n.student) : null, text: n.text, valid_from: n.valid_from, valid_until: n.valid_until, author: n.author_name })),
  };
}

/**
 * The class journals of a school year as printed for the archive, without the
 * CLI: every chosen class's lessons, grades and absences per subject, its
 * behaviour journal and the class teacher's appendices, in a few whole-school
 * queries (and four small ones per class). Render with `documents(data, lang)`
 * and publishDocuments (landscape).
 */
export async function buildClassJournals(db: Db, school: School, year: SchoolYear, options: ClassJournalOptions): Promise<BuiltReport<ClassJournalData>> {
  const from = options.period?.from ?? year.starts_on;
  const to = options.period?.to ?? year.ends_on;
  if (from > to) throw new AppError('usage', t.periodBackwards(from, to));
  const chosen = options.classIds ? new Set(options.classIds) : null;
  const classes = (await reportClasses(db, year.id)).filter((c) => !chosen || chosen.has(c.id));
  const classIds = classes.map((c) => c.id);
  const onlySubjects = options.subjectIds ? new Set(options.subjectIds) : null;
  const [roster, taught, lessons, grades, termGrades, absences] = await Promise.all([
    rosterInPeriod(db, classIds, from, to),
    classSubjects(db, classIds),
    lessonsInPeriod(db, school.id, from, to, { classIds }),
    gradesInPeriod(db, classIds, from, to, LESSON_WORK_KINDS),
    // Closing grades belong to their term whenever they were entered (a make-up exam comes in June).
    gradesInPeriod(db, classIds, year.starts_on, year.ends_on, TERM_GRADE_WORKS),
    absenceMarksInPeriod(db, classIds, from, to),
  ]);
  const subjectIds = new Set([...taught.map((t) => t.subject.id), ...lessons.map((l) => l.subject.id), ...grades.map((g) => g.subject_id), ...termGrades.map((g) => g.subject_id)]);
  const subjects = new Map<number, ReportSubject>((await subjectsByIds(db, [...subjectIds])).map((s) => [s.id, s]));
  const lessonById = new Map(lessons.map((l) => [l.id, l]));
  const rows: JournalRows = {
    taught,
    lessonById,
    lessonsOf: groupBy(lessons, (l) => l.class_id),
    gradesOf: groupBy(grades, (g) => g.class_id),
    absencesOf: groupBy(absences, (a) => lessonById.get(a.lesson_id)!.class_id),
    termIndex: indexTermGrades(termGrades),
  };
  const rosterOf = groupBy(roster, (r) => r.class_id);

  const loadClass = async (schoolClass: ReportClass): Promise<JournalClass> => {
    // A student who left and came back is one row with two stays.
    const students = new Map<number, JournalStudent>();
    for (const r of (rosterOf.get(schoolClass.id) ?? []).sort(byKeys((e) => e.from_date))) {
      const student = students.get(r.student_id) ?? { code: r.code, first_name: r.first_name, last_name: r.last_name, enrolled: [] };
      student.enrolled.push({ from: r.from_date, to: r.to_date });
      students.set(r.student_id, student);
    }
    const ids = new Set([
      ...taught.filter((t) => t.class_id === schoolClass.id).map((t) => t.subject.id),
      ...(rows.lessonsOf.get(schoolClass.id) ?? []).map((l) => l.subject.id),
      ...(rows.gradesOf.get(schoolClass.id) ?? []).map((g) => g.subject_id),
      ...[...students.keys()].flatMap((id) => [...(rows.termIndex.get(placementKey(id, schoolClass.id))?.keys() ?? [])]),
    ]);
    return {
      code: schoolClass.code,
      level: schoolClass.level,
      class_teacher: schoolClass.class_teacher_name,
      students: [...students.values()].sort(byKeys((s) => s.last_name, (s) => s.first_name, (s) => s.code)),
      subjects: [...ids]
        .filter((id) => !onlySubjects || onlySubjects.has(id))
        .map((id) => subjects.get(id)!)
        .sort(byKeys((s) => s.name, (s) => s.code))
        .map((subject) => journalSubject(subject, schoolClass.id, students, rows)),
      // Some subjects only: a part of the journal, without the class teacher's parts.
      ...(onlySubjects ? { behavior: [], briefings: [], conversations: [], notes: [] } : await classAppendices(db, school, year, schoolClass.id, from, to)),
    };
  };

  const journalClasses = await Promise.all(classes.map(loadClass));
  return {
    data: {
      school: { name: school.name, registration_number: school.registration_number, director: school.director },
      year: year.code,
      from,
      to,
      term_columns: termColumns(year, from, to),
      printed_on: options.printedOn,
      whole_year: from === year.starts_on && to === year.ends_on,
      only_subjects: onlySubjects ? [...subjects.values()].filter((s) => onlySubjects.has(s.id)).map((s) => s.code).sort() : null,
      // Asked for some subjects only, a class without any of them has nothing to print.
      classes: onlySubjects ? journalClasses.filter((c) => c.subjects.length > 0) : journalClasses,
    },
    documents: classJournalDocuments,
    landscape: true,
  };
}

/**
 * One file per class, `2026-2027_7a_zurnals.pdf`; a part of the year or some
 * subjects only say so in the name (`…_zurnals_2026-09-01_2026-12-18_mat`).
 */
export function classJournalDocuments(data: ClassJournalData, lang: ReportLang): ReportDocument[] {
  return data.classes.map((schoolClass) => {
    const sections = classJournalSections(data, schoolClass, lang);
    const title = `${sections[0]!.title} ${data.year} — ${schoolClass.code}`;
    return {
      name: journalFileName(data, schoolClass, lang),
      label: `${schoolClass.code} (${schoolClass.subjects.length} ${lang === 'lv' ? 'priekšmeti' : 'subjects'}, ${schoolClass.students.length} ${lang === 'lv' ? 'skolēni' : 'students'})`,
      title,
      bodies: sections.map((s) => renderTemplate(s.template, s.view)),
      footers: sections.map((s, i) => (i === 0 ? title : `${title} · ${s.title}`)),
    };
  });
}

function journalFileName(data: ClassJournalData, schoolClass: JournalClass, lang: ReportLang): string {
  const period = data.whole_year ? [] : [data.from, data.to];
  const subjects = (data.only_subjects ?? []).map(asciiSlug);
  return [asciiSlug(data.year), classSlug(schoolClass.code), lang === 'lv' ? 'zurnals' : 'class-journal', ...period, ...subjects].join('_');
}

export interface ClassJournalInput {
  class?: string[];
  all?: boolean;
  subject?: string[];
  from?: string;
  to?: string;
  term?: string;
}

/** `--from`/`--to` or `--term`, within the school year; the whole year when neither is given. */
function chosenPeriod(year: SchoolYear, input: ClassJournalInput): { from: IsoDate; to: IsoDate } {
  if (input.term !== undefined) {
    if (input.from !== undefined || input.to !== undefined) throw new AppError('usage', t.termOrFromTo);
    return termPeriod(year, parseTerm(input.term));
  }
  const from = requireDayInYear(optionalDate(input.from, 'from') ?? year.starts_on, 'from', year);
  const to = requireDayInYear(optionalDate(input.to, 'to') ?? year.ends_on, 'to', year);
  if (from > to) throw new AppError('usage', t.fromAfterTo(from, to));
  return { from, to };
}

/**
 * The printed journal shows every student of the class, so it is read under
 * `read-journal` per class (a student or guardian reads only their own rows:
 * refused). Printed whole, it also holds the conversations with parents, which
 * are the class teacher's (§15–16): only `--subject` prints leave them out.
 */
async function requireJournalReading(ctx: ServiceContext, year: SchoolYear, codes: readonly string[] | undefined, withAppendices: boolean): Promise<void> {
  const actor = ctx.actor;
  if (!actor) return;
  const classes = codes ?? (await reportClasses(ctx.db, year.id)).map((c) => c.code);
  const reading = await readingIn(ctx, year);
  for (const code of classes) reading.require('read-journal', { classes: [code] });
  if (!withAppendices) return;
  const led = actor.kind === 'staff' ? new Set((await classesLedInYear(ctx.db, year.id, actor.id)).map((c) => c.code)) : new Set<string>();
  for (const code of classes) requireRightToRead(ctx, 'read-parent-conversations', { target: code, classTeacher: led.has(code) });
}

/** `report journal`: resolves the classes, subjects and period named on the command line, then builds. */
export async function loadClassJournals(ctx: ServiceContext, input: ClassJournalInput): Promise<BuiltReport<ClassJournalData>> {
  const codes = input.class ?? [];
  if ((codes.length > 0) === !!input.all) throw new AppError('usage', t.sayWhichClasses);
  const year = await resolveYear(ctx);
  const period = chosenPeriod(year, input);
  const classIds: number[] = [];
  for (const code of codes) classIds.push((await resolveClass(ctx, year, code)).id);
  const subjectIds: number[] = [];
  for (const code of input.subject ?? []) subjectIds.push((await resolveSubject(ctx, code)).id);
  await requireJournalReading(ctx, year, input.all ? undefined : codes, subjectIds.length === 0);
  const built = await buildClassJournals(ctx.db, ctx.school, year, {
    classIds: input.all ? undefined : classIds,
    subjectIds: subjectIds.length > 0 ? subjectIds : undefined,
    period,
    printedOn: localDateOf(ctx.now),
  });
  if (built.data.classes.length === 0 && subjectIds.length > 0) {
    throw new AppError('not_found', t.noClassHasSubject(input.subject!.join(', ')));
  }
  return built;
}
