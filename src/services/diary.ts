// What the web diary shows a family (issue 16): one student's week, grades,
// absences, notes and monthly extract, read under the same reading table as
// the CLI (src/domain/reading.ts, right `read-journal` on the student). A
// student the person may not read is "not found": a guessed id tells nothing.
import { AppError } from '../errors.ts';
import { m as t } from '../i18n/messages/journal-notes.ts';
import type { SchoolYear, Student } from '../db/schema.ts';
import { findStudentById, placementsOf, type Placement } from '../db/repositories/students.ts';
import { classLessonsBetween, studentAbsencesBetween, studentGradesBetween, studentsWithClass } from '../db/repositories/diary.ts';
import { listBehaviorViews } from '../db/repositories/behavior.ts';
import { listParentNoteViews } from '../db/repositories/parent-notes.ts';
import { addDays, compareDates, localDateOf, parseMonth, weekday, type IsoDate } from '../domain/dates.ts';
import { pointsAverage, TERM_WORK_KINDS } from '../domain/grade-scale.ts';
import { ABSENCE_CODES, isJustifyReason } from '../domain/absence.ts';
import { authorizeFamily } from '../domain/family-actions.ts';
import type { AbsenceCode } from '../db/schema.ts';
import { timestamp, type ServiceContext } from './context.ts';
import { readingIn, studentTarget } from './reading.ts';
import { resolveYear } from './lookup.ts';

export interface DiaryChild {
  id: number;
  code: string;
  name: string;
  class: string | null;
}

/** The students the signed-in person may open: a guardian's children, a student themselves. */
export async function diaryChildren(ctx: ServiceContext): Promise<DiaryChild[]> {
  const actor = ctx.actor;
  if (!actor || actor.kind === 'staff') return [];
  const year = await resolveYear(ctx);
  const rows = await studentsWithClass(ctx.db, year.id, actor.kind === 'student' ? { studentId: actor.id } : { guardianId: actor.id });
  return rows.map((r) => ({ id: r.id, code: r.code, name: `${r.first_name} ${r.last_name}`, class: r.class }));
}

interface Opened {
  student: Student;
  year: SchoolYear;
  placements: Placement[];
}

/** The student, when the person may read their journal; otherwise not found. */
export async function openStudent(ctx: ServiceContext, studentId: number): Promise<Opened> {
  const student = Number.isSafeInteger(studentId) ? await findStudentById(ctx.db, studentId) : undefined;
  const notFound = () => new AppError('not_found', t.noSuchStudent);
  if (!student || student.school_id !== ctx.school.id) throw notFound();
  const year = await resolveYear(ctx);
  const reading = await readingIn(ctx, year);
  if (!reading.may('read-journal', await studentTarget(ctx, year, student))) throw notFound();
  // A class-wide read would let a guardian see a classmate: only the student's own record counts here.
  if (ctx.actor && ctx.actor.kind !== 'staff' && !reading.scope({ student: student.code }).own) throw notFound();
  const placements = (await placementsOf(ctx.db, student.id)).filter((p) => p.year === year.code);
  return { student, year, placements };
}

function classesBetween(placements: readonly Placement[], from: IsoDate, to: IsoDate): Placement[] {
  return placements.filter((p) => p.from_date <= to && (p.to_date === null || p.to_date >= from));
}

export interface DiaryLesson {
  number: number;
  subject: string;
  topic: string;
  homework: string | null;
  teacher: string;
  grades: string[];
  absence: AbsenceCode | null;
}

export interface DiaryDay {
  date: IsoDate;
  weekday: number;
  lessons: DiaryLesson[];
  remarks: { kind: string; text: string }[];
}

export interface DiaryWeek {
  student: DiaryChild;
  monday: IsoDate;
  days: DiaryDay[];
  notes: { text: string; from: string; until: string | null }[];
}

export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, 1 - weekday(date));
}

function child(opened: Opened): DiaryChild {
  const s = opened.student;
  return { id: s.id, code: s.code, name: `${s.first_name} ${s.last_name}`, class: opened.placements.at(-1)?.class ?? null };
}

/** The diary's week (dienasgrāmata): Monday to Friday, each lesson with its topic, homework, the student's grades and absence. */
export async function studentWeek(ctx: ServiceContext, studentId: number, anyDay?: IsoDate): Promise<DiaryWeek> {
  const opened = await openStudent(ctx, studentId);
  const monday = mondayOf(anyDay ?? localDateOf(ctx.now));
  const friday = addDays(monday, 4);
  const sunday = addDays(monday, 6);
  const { year, student } = opened;
  const classes = classesBetween(opened.placements, monday, sunday);
  const lessons = (await Promise.all(classes.map((p) => classLessonsBetween(ctx.db, p.class_id, p.from_date > monday ? p.from_date : monday, p.to_date && p.to_date < sunday ? p.to_date : sunday)))).flat();
  const [grades, absences, remarks, notes] = await Promise.all([
    studentGradesBetween(ctx.db, year.id, student.id, monday, sunday),
    studentAbsencesBetween(ctx.db, year.id, student.id, monday, sunday),
    listBehaviorViews(ctx.db, { yearId: year.id, studentId: student.id, from: monday, to: sunday }),
    listParentNoteViews(ctx.db, { schoolId: ctx.school.id, studentIds: [student.id], wholeClassIds: classes.map((c) => c.class_id), from: monday, to: sunday }),
  ]);
  const lastDay = lessons.some((l) => weekday(l.date) > 5) ? sunday : friday;
  const days: DiaryDay[] = [];
  for (let d = monday; compareDates(d, lastDay) <= 0; d = addDays(d, 1)) {
    const dayLessons = lessons
      .filter((l) => l.date === d)
      .sort((a, b) => a.number - b.number)
      .map((l) => ({
        number: l.number,
        subject: l.subject_name,
        topic: l.topic,
        homework: l.homework,
        teacher: `${l.teacher_first} ${l.teacher_last}`,
        grades: grades.filter((g) => g.lesson_id === l.id || (g.lesson_id === null && g.date === d && g.subject === l.subject)).map((g) => g.value),
        absence: absences.find((a) => a.lesson_id === l.id)?.code ?? null,
      }));
    days.push({ date: d, weekday: weekday(d), lessons: dayLessons, remarks: remarks.filter((r) => r.date === d).map((r) => ({ kind: r.kind, text: r.text })) });
  }
  return { student: child(opened), monday, days, notes: notes.map((n) => ({ text: n.text, from: n.valid_from, until: n.valid_until })) };
}

export interface SubjectGrades {
  subject: string;
  grades: { date: string; value: string; work: string }[];
  average: number | null;
  terms: { work: string; value: string }[];
}

/** Grades by subject (sekmes): the year's grades in date order, the points average, and the term grades. */
export async function studentGrades(ctx: ServiceContext, studentId: number): Promise<{ student: DiaryChild; subjects: SubjectGrades[] }> {
  const opened = await openStudent(ctx, studentId);
  const rows = await studentGradesBetween(ctx.db, opened.year.id, opened.student.id);
  const bySubject = new Map<string, SubjectGrades>();
  for (const g of rows) {
    const name = g.subject_name;
    let entry = bySubject.get(name);
    if (!entry) bySubject.set(name, (entry = { subject: name, grades: [], average: null, terms: [] }));
    if ((TERM_WORK_KINDS as readonly string[]).includes(g.work)) entry.terms.push({ work: g.work, value: g.value });
    else entry.grades.push({ date: g.date, value: g.value, work: g.work });
  }
  const subjects = [...bySubject.values()].sort((a, b) => a.subject.localeCompare(b.subject, 'lv'));
  for (const s of subjects) s.average = pointsAverage(s.grades.map((g) => g.value));
  return { student: child(opened), subjects };
}

export interface DiaryAbsences {
  student: DiaryChild;
  totals: Record<AbsenceCode, number>;
  rows: { date: string; number: number; subject: string; code: AbsenceCode; note: string | null }[];
}

export async function studentAbsences(ctx: ServiceContext, studentId: number): Promise<DiaryAbsences> {
  const opened = await openStudent(ctx, studentId);
  const rows = await studentAbsencesBetween(ctx.db, opened.year.id, opened.student.id);
  const totals = Object.fromEntries(ABSENCE_CODES.map((c) => [c, 0])) as Record<AbsenceCode, number>;
  for (const r of rows) totals[r.code] += 1;
  return {
    student: child(opened),
    totals,
    rows: rows.map((r) => ({ date: r.date, number: r.number, subject: r.subject_name, code: r.code, note: r.note })),
  };
}

export async function studentNotes(ctx: ServiceContext, studentId: number) {
  const opened = await openStudent(ctx, studentId);
  const classIds = opened.placements.map((p) => p.class_id);
  const [notes, remarks] = await Promise.all([
    listParentNoteViews(ctx.db, { schoolId: ctx.school.id, studentIds: [opened.student.id], wholeClassIds: classIds }),
    listBehaviorViews(ctx.db, { yearId: opened.year.id, studentId: opened.student.id }),
  ]);
  return {
    student: child(opened),
    notes: notes.map((n) => ({ text: n.text, from: n.valid_from, until: n.valid_until, author: n.author_name, whole_class: n.student === null })).reverse(),
    remarks: remarks.map((r) => ({ date: r.date, kind: r.kind, text: r.text })).reverse(),
  };
}

export interface DiaryExtract {
  student: DiaryChild;
  month: string;
  /** Months of the year that are over, newest first: the ones with an extract. */
  months: string[];
  subjects: { subject: string; grades: string[]; average: number | null }[];
  absences: Record<AbsenceCode, number>;
  notes: string[];
  online: { guardian: string; at: string } | null;
  paper: { returned_on: string } | null;
}

/** The months of the year up to the last whole one: those whose extract exists. */
function monthsOver(year: SchoolYear, today: IsoDate): string[] {
  const out: string[] = [];
  for (let m = year.starts_on.slice(0, 7); ; ) {
    const month = parseMonth(m)!;
    if (compareDates(month.to, today) >= 0 || compareDates(month.from, year.ends_on) > 0) break;
    out.unshift(m);
    m = addDays(month.to, 1).slice(0, 7);
  }
  return out;
}

/** The monthly grade extract (sekmju izraksts) on screen, with whether it was acknowledged online or on paper. */
export async function studentExtract(ctx: ServiceContext, studentId: number, monthText?: string): Promise<DiaryExtract> {
  const opened = await openStudent(ctx, studentId);
  const months = monthsOver(opened.year, localDateOf(ctx.now));
  const wanted = monthText && months.includes(monthText) ? monthText : months[0];
  if (!wanted) throw new AppError('not_found', t.noMonthOver);
  const month = parseMonth(wanted)!;
  const id = opened.student.id;
  const [grades, absences, notes, online, paper] = await Promise.all([
    studentGradesBetween(ctx.db, opened.year.id, id, month.from, month.to),
    studentAbsencesBetween(ctx.db, opened.year.id, id, month.from, month.to),
    listParentNoteViews(ctx.db, { schoolId: ctx.school.id, studentIds: [id], wholeClassIds: opened.placements.map((p) => p.class_id), from: month.from, to: month.to }),
    ctx.db
      .selectFrom('extract_online_ack as a')
      .innerJoin('guardian as g', 'g.id', 'a.guardian_id')
      .select(['g.first_name', 'g.last_name', 'a.acknowledged_at'])
      .where('a.student_id', '=', id)
      .where('a.month', '=', wanted)
      .executeTakeFirst(),
    ctx.db.selectFrom('extract_ack').select('returned_on').where('student_id', '=', id).where('month', '=', wanted).executeTakeFirst(),
  ]);
  const bySubject = new Map<string, string[]>();
  for (const g of grades) {
    const name = g.subject_name;
    bySubject.set(name, [...(bySubject.get(name) ?? []), g.value]);
  }
  const totals = Object.fromEntries(ABSENCE_CODES.map((c) => [c, 0])) as Record<AbsenceCode, number>;
  for (const a of absences) totals[a.code] += 1;
  return {
    student: child(opened),
    month: wanted,
    months,
    subjects: [...bySubject.entries()].sort(([a], [b]) => a.localeCompare(b, 'lv')).map(([subject, values]) => ({ subject, grades: values, average: pointsAverage(values) })),
    absences: totals,
    notes: notes.map((n) => n.text),
    online: online ? { guardian: `${online.first_name} ${online.last_name}`, at: online.acknowledged_at } : null,
    paper: paper ? { returned_on: paper.returned_on } : null,
  };
}

/**
 * "Iepazinos": a guardian acknowledges a month's extract in the web diary.
 * Recorded like `extract ack` (who, when), with the channel online; once per
 * student and month, by whichever guardian is first.
 */
export async function acknowledgeExtractOnline(ctx: ServiceContext, studentId: number, monthText: string | undefined): Promise<DiaryExtract> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('usage', t.extractAckNeedsGuardian);
  const opened = await openStudent(ctx, studentId);
  const decision = authorizeFamily(actor, 'acknowledge-extract', { ownChild: actor.kind === 'guardian' });
  if (!decision.allowed) throw new AppError('forbidden', decision.reason);
  const months = monthsOver(opened.year, localDateOf(ctx.now));
  if (!monthText || !months.includes(monthText)) throw new AppError('invalid', t.noExtractToAck(monthText ?? t.thatMonth));
  const existing = await ctx.db.selectFrom('extract_online_ack').select('id').where('student_id', '=', opened.student.id).where('month', '=', monthText).executeTakeFirst();
  if (!existing) {
    await ctx.db
      .insertInto('extract_online_ack')
      .values({ school_id: ctx.school.id, student_id: opened.student.id, month: monthText, guardian_id: actor.id, acknowledged_at: timestamp(ctx) })
      .execute();
  }
  return studentExtract(ctx, studentId, monthText);
}

export { isJustifyReason };
