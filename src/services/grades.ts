import { AppError } from '../errors.ts';
import { m as t } from '../i18n/messages/journal-grades.ts';
import { m as p, named } from '../i18n/messages/journal-people.ts';
import type { Lesson, SchoolClass, SchoolYear, Subject } from '../db/schema.ts';
import { groupLessonRows, requireGroupMembers } from './groups.ts';
import {
  findGradeById,
  findTermGrades,
  insertGrade,
  insertGradeChange,
  listGradeChanges,
  listGradeViews,
  updateGrade,
  type GradeChangeView,
  type GradeView,
} from '../db/repositories/grades.ts';
import { findClassById } from '../db/repositories/classes.ts';
import { findSubjectById } from '../db/repositories/subjects.ts';
import { findLessonById } from '../db/repositories/lessons.ts';
import { checkGrade, isWorkKind, WORK_KINDS, type WorkKind } from '../domain/grade-scale.ts';
import { localDateOf, type IsoDate } from '../domain/dates.ts';
import { defaultTermDate, futureGradeReason, gradeDateRequired, isTermLike, outsideYearReason, termGradeTakenReason } from '../domain/journal-rules.ts';
import { requireActor, requireRight, timestamp, type ServiceContext } from './context.ts';
import { optionalDate, optionalText, requireId, requireText } from './input.ts';
import { resolveClass, resolveStudent, resolveStudents, resolveSubject, resolveYear } from './lookup.ts';
import { resolveLesson, type LessonRef } from './lessons.ts';
import { journalScope } from './journal-scope.ts';
import { readingIn } from './reading.ts';
import { findSchoolYearById } from '../db/repositories/school-years.ts';
import { entryTimestamp } from './entry-time.ts';
import { requireEnrolled } from './absences.ts';
import { classSubjects, reportClasses, rosterInPeriod } from '../db/repositories/report-data.ts';
import { byKeys } from '../domain/latvian-order.ts';
import { makeupRefusal } from '../domain/promotion.ts';
import { parseTerm, termPeriod } from '../reports/term-period.ts';

export interface GradeInput extends LessonRef {
  /** `S001` (value from `value`) or `S001=8`. */
  students?: string[];
  value?: string;
  work?: string;
  note?: string;
  exemptCertificate?: string;
  /** Why a make-up grade is entered for a subject that is not failing (§26). */
  reason?: string;
  /** Historic entry time (imports); now when absent. */
  enteredAt?: string;
}

/** Splits `S001=8` pairs; a bare code takes the common `--value`. */
export function parseStudentValues(entries: readonly string[], common: string | undefined): { student: string; value: string }[] {
  if (entries.length === 0) throw new AppError('usage', t.studentRequired);
  return entries.map((entry) => {
    const eq = entry.indexOf('=');
    if (eq >= 0) return { student: entry.slice(0, eq).trim(), value: entry.slice(eq + 1).trim() };
    if (common === undefined) throw new AppError('usage', t.valueRequired(entry));
    return { student: entry.trim(), value: common };
  });
}

interface GradeTarget {
  schoolClass: SchoolClass;
  subject: Subject;
  year: SchoolYear;
  date: IsoDate;
  lessonId: number | null;
  lessonTeacherId: number | null;
  lesson?: Lesson;
}

async function gradeTarget(ctx: ServiceContext, input: GradeInput, work: WorkKind): Promise<GradeTarget> {
  if (input.lesson !== undefined) {
    const { lesson, schoolClass, subject, year } = await resolveLesson(ctx, input);
    return { schoolClass, subject, year, date: lesson.date, lessonId: lesson.id, lessonTeacherId: lesson.teacher_id, lesson };
  }
  const year = await resolveYear(ctx);
  const schoolClass = await resolveClass(ctx, year, requireText(input.class, 'class'));
  const subject = await resolveSubject(ctx, requireText(input.subject, 'subject'));
  const date = optionalDate(input.date, 'date') ?? defaultTermDate(work, year);
  if (!date) throw new AppError('usage', gradeDateRequired());
  const outside = outsideYearReason(date, year);
  if (outside) throw new AppError('invalid', outside);
  return { schoolClass, subject, year, date, lessonId: null, lessonTeacherId: null };
}

export async function enterGrades(ctx: ServiceContext, input: GradeInput): Promise<GradeView[]> {
  const actor = requireActor(ctx);
  const work = input.work ?? 'regular';
  if (!isWorkKind(work)) throw new AppError('usage', t.badWork(work, WORK_KINDS.join(', ')));
  const entries = parseStudentValues(input.students ?? [], input.value);
  const target = await gradeTarget(ctx, input, work);
  const scope = await journalScope(ctx, actor, target);
  requireRight(ctx, 'enter-grade', { ...scope, taughtLesson: target.lessonTeacherId === actor.id });

  const isTerm = isTermLike(work);
  const future = futureGradeReason(target.date, localDateOf(ctx.now), isTerm);
  if (future) throw new AppError('invalid', future);
  const certificate = optionalText(input.exemptCertificate) ?? null;
  // The students are found first, so that a value off the scale names the student it was meant for.
  const students = await resolveStudents(ctx, entries.map((e) => e.student));
  const checked = entries.map((entry, i) => {
    const check = checkGrade({ value: entry.value, work, level: target.schoolClass.level, exemptCertificate: certificate });
    if (!check.ok) throw new AppError('invalid', `${named(students[i]!)}: ${check.reason}`);
    return { student: entry.student, value: check.value };
  });
  const seen = new Set<number>();
  for (const s of students) {
    if (seen.has(s.id)) throw new AppError('invalid', p.namedTwice(named(s)));
    seen.add(s.id);
  }
  // A group's lesson takes its members only; across classes each student's grade goes on their class's row.
  const rows = target.lesson ? await groupLessonRows(ctx, target.lesson, students, target.year.id) : null;
  if (target.lesson && target.lesson.group_id !== null) {
    await requireGroupMembers(ctx, target.lesson, students);
    for (const row of new Set(rows!.values())) {
      const schoolClass = row.class_id === target.schoolClass.id ? target.schoolClass : (await findClassById(ctx.db, row.class_id))!;
      await requireEnrolled(ctx, schoolClass.id, schoolClass.code, target.date, students.filter((s) => rows!.get(s.id) === row));
    }
  } else await requireEnrolled(ctx, target.schoolClass.id, target.schoolClass.code, target.date, students);
  if (work === 'makeup') {
    // §26: a make-up exam only where the annual grade fails or is missing, unless a reason is given.
    const annual = await findTermGrades(ctx.db, target.year.id, target.subject.id, 'annual', students.map((s) => s.id));
    const reason = optionalText(input.reason) ?? null;
    for (const s of students) {
      const refusal = makeupRefusal(annual.find((g) => g.student_id === s.id)?.value ?? null, target.schoolClass.level, reason);
      if (refusal) throw new AppError('invalid', `${named(s)}, ${target.subject.code}: ${refusal}.`);
    }
  }
  if (isTerm) {
    const existing = await findTermGrades(ctx.db, target.year.id, target.subject.id, work, students.map((s) => s.id));
    if (existing.length > 0) {
      const who = students.filter((s) => existing.some((g) => g.student_id === s.id)).map((s) => named(s));
      throw new AppError('conflict', termGradeTakenReason(who, work, target.subject.code, existing.map((g) => g.id)));
    }
  }
  const at = entryTimestamp(ctx, input.enteredAt);
  const note = optionalText(input.note) ?? null;
  const ids: number[] = [];
  for (const [i, student] of students.entries()) {
    const value = checked[i]!.value;
    const grade = await insertGrade(ctx.db, {
      school_id: ctx.school.id,
      school_year_id: target.year.id,
      student_id: student.id,
      class_id: rows?.get(student.id)?.class_id ?? target.schoolClass.id,
      subject_id: target.subject.id,
      lesson_id: rows?.get(student.id)?.id ?? target.lessonId,
      date: target.date,
      work,
      value,
      note: work === 'makeup' && input.reason && !note ? optionalText(input.reason) ?? null : note,
      exempt_certificate: value === 'a' ? certificate : null,
      created_at: at,
      created_by: actor.id,
      updated_at: at,
      updated_by: actor.id,
    });
    ids.push(grade.id);
  }
  return listGradeViews(ctx.db, { yearId: target.year.id, ids });
}

export interface CorrectInput {
  value?: string;
  reason?: string;
  note?: string;
  exemptCertificate?: string;
  /** The day the student improved the grade (§23); a plain correction has none. */
  improvedOn?: string;
}

/** A correction never overwrites history (REFERENCE §3): the old value, who, when and why stay. */
export async function correctGrade(ctx: ServiceContext, idInput: string | number, input: CorrectInput): Promise<GradeView & { unchanged?: true }> {
  const actor = requireActor(ctx);
  const id = requireId(idInput, 'grade');
  const grade = await findGradeById(ctx.db, ctx.school.id, id);
  if (!grade) throw new AppError('not_found', t.noGrade(id));
  const schoolClass = (await findClassById(ctx.db, grade.class_id))!;
  const subject = (await findSubjectById(ctx.db, grade.subject_id))!;
  const gradeLesson = grade.lesson_id ? await findLessonById(ctx.db, ctx.school.id, grade.lesson_id) : undefined;
  const scope = await journalScope(ctx, actor, { schoolClass, subject, lesson: gradeLesson });
  const lessonTeacher = gradeLesson?.teacher_id;
  requireRight(ctx, 'correct-grade', { ...scope, taughtLesson: lessonTeacher === actor.id });

  const reason = requireText(input.reason, 'reason');
  const rawValue = requireText(input.value, 'value');
  const certificate = optionalText(input.exemptCertificate) ?? grade.exempt_certificate;
  const check = checkGrade({ value: rawValue, work: grade.work as WorkKind, level: schoolClass.level, exemptCertificate: certificate });
  if (!check.ok) throw new AppError('invalid', check.reason);
  const improvedOn = optionalDate(input.improvedOn, 'improved-on') ?? null;
  if (improvedOn !== null && improvedOn < grade.date) throw new AppError('invalid', t.improvedBeforeWork(improvedOn, grade.date));
  if (improvedOn !== null && improvedOn > localDateOf(ctx.now)) throw new AppError('invalid', t.improvedInFuture(improvedOn));
  const views = (ids: number[]) => listGradeViews(ctx.db, { yearId: grade.school_year_id, ids });
  if (check.value === grade.value) return { ...(await views([grade.id]))[0]!, unchanged: true };

  const at = timestamp(ctx);
  const note = optionalText(input.note);
  await updateGrade(ctx.db, grade.id, {
    value: check.value,
    note: note === undefined ? grade.note : note,
    exempt_certificate: check.value === 'a' ? certificate : null,
    updated_at: at,
    updated_by: actor.id,
  });
  await insertGradeChange(ctx.db, { grade_id: grade.id, value_before: grade.value, value_after: check.value, reason, changed_by: actor.id, changed_at: at, improved_on: improvedOn });
  return (await views([grade.id]))[0]!;
}

export async function gradeHistory(ctx: ServiceContext, idInput: string | number): Promise<GradeChangeView[]> {
  const id = requireId(idInput, 'grade');
  const grade = await findGradeById(ctx.db, ctx.school.id, id);
  if (!grade) throw new AppError('not_found', t.noGrade(id));
  const year = (await findSchoolYearById(ctx.db, (await findClassById(ctx.db, grade.class_id))!.school_year_id))!;
  const view = (await listGradeViews(ctx.db, { yearId: year.id, ids: [id] }))[0]!;
  (await readingIn(ctx, year)).require('read-journal', { classes: [view.class], student: view.student });
  return listGradeChanges(ctx.db, id);
}

export interface GradeListFilter {
  student?: string;
  class?: string;
  subject?: string;
  from?: string;
  to?: string;
  work?: string;
}

export async function listGrades(ctx: ServiceContext, filter: GradeListFilter = {}): Promise<GradeView[]> {
  const year = await resolveYear(ctx);
  if (filter.work && !isWorkKind(filter.work)) throw new AppError('usage', t.badWork(filter.work, WORK_KINDS.join(', ')));
  const student = filter.student ? await resolveStudent(ctx, filter.student) : undefined;
  const schoolClass = filter.class ? await resolveClass(ctx, year, filter.class) : undefined;
  const reading = await readingIn(ctx, year);
  await reading.requireNamed('read-journal', { student, schoolClass });
  const rows = await listGradeViews(ctx.db, {
    yearId: year.id,
    studentId: student?.id,
    classId: schoolClass?.id,
    subjectId: filter.subject ? (await resolveSubject(ctx, filter.subject)).id : undefined,
    from: optionalDate(filter.from, 'from'),
    to: optionalDate(filter.to, 'to'),
    work: filter.work,
  });
  return reading.filter('read-journal', rows, (g) => ({ classes: [g.class], student: g.student }));
}

export interface MissingTermGrade {
  class: string;
  subject: string;
  subject_name: string;
  /** The subject's teachers in the class (comma-separated when it has several). */
  teacher: string;
  teacher_name: string;
  student: string;
  student_name: string;
}

/**
 * The term grades still to be entered (regulation §26): for each class, every
 * subject it is taught (its assignments) and every student in the class on the
 * term's last day without the semester or annual grade. A student who left the
 * class before that day is asked of their new class, not of this one; any
 * value counts as given, `nv` and an exemption (`a`) too.
 */
export async function missingTermGrades(ctx: ServiceContext, filter: { term?: string; class?: string; subject?: string }): Promise<MissingTermGrade[]> {
  const term = parseTerm(filter.term);
  const year = await resolveYear(ctx);
  const period = termPeriod(year, term);
  const named = filter.class ? await resolveClass(ctx, year, filter.class) : undefined;
  const reading = await readingIn(ctx, year);
  await reading.requireNamed('read-journal', { schoolClass: named });
  const classes = await reportClasses(ctx.db, year.id, named ? [named.code] : undefined);
  const subjectId = filter.subject ? (await resolveSubject(ctx, filter.subject)).id : undefined;
  const classIds = classes.map((c) => c.id);
  const taught = (await classSubjects(ctx.db, classIds)).filter((a) => subjectId === undefined || a.subject.id === subjectId);
  const roster = await rosterInPeriod(ctx.db, classIds, period.to, period.to);

  const rows: (MissingTermGrade & { level: number; last_name: string; first_name: string })[] = [];
  for (const subjectIdTaught of new Set(taught.map((a) => a.subject.id))) {
    const given = new Set((await findTermGrades(ctx.db, year.id, subjectIdTaught, period.work, roster.map((r) => r.student_id))).map((g) => g.student_id));
    for (const schoolClass of classes) {
      const teachers = taught.filter((a) => a.class_id === schoolClass.id && a.subject.id === subjectIdTaught);
      if (teachers.length === 0) continue;
      const subject = teachers[0]!.subject;
      for (const student of roster.filter((r) => r.class_id === schoolClass.id && !given.has(r.student_id))) {
        rows.push({
          class: schoolClass.code,
          subject: subject.code,
          subject_name: subject.name,
          teacher: teachers.map((t) => t.teacher_code).join(', '),
          teacher_name: teachers.map((t) => t.teacher_name).join(', '),
          student: student.code,
          student_name: `${student.first_name} ${student.last_name}`,
          level: schoolClass.level,
          last_name: student.last_name,
          first_name: student.first_name,
        });
      }
    }
  }
  rows.sort(byKeys((r) => r.level, (r) => r.class, (r) => r.subject_name, (r) => r.last_name, (r) => r.first_name, (r) => r.student));
  return reading.filter('read-journal', rows, (r) => ({ classes: [r.class], student: r.student })).map(({ level: _l, last_name: _ln, first_name: _fn, ...row }) => row);
}
