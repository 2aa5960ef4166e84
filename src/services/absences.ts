import { AppError } from '../errors.ts';
import { m as t } from '../i18n/messages/journal-absences.ts';
import { named } from '../i18n/messages/journal-people.ts';
import type { AbsenceCode, Student } from '../db/schema.ts';
import {
  findAbsenceById,
  findAbsencesOfLesson,
  findStudentAbsencesInRange,
  insertAbsence,
  insertAbsenceChange,
  listAbsenceChanges,
  listAbsenceViews,
  updateAbsence,
  type AbsenceChangeView,
  type AbsenceView,
} from '../db/repositories/absences.ts';
import { enrolledOn, findStudentById, placementInYear } from '../db/repositories/students.ts';
import { findClassById } from '../db/repositories/classes.ts';
import {
  isAbsenceCode,
  isJustifyReason,
  isMarkCode,
  JUSTIFY_REASONS,
  justifyTransition,
  justifiedCode,
  switchTransition,
  markTransition,
  MARK_CODES,
  type MarkCode,
} from '../domain/absence.ts';
import { compareDates } from '../domain/dates.ts';
import { notEnrolledReason } from '../domain/journal-rules.ts';
import { requireActor, requireRight, timestamp, type ServiceContext } from './context.ts';
import { optionalDate, optionalText, requireDate, requireId } from './input.ts';
import { resolveClass, resolveStudent, resolveStudents, resolveYear } from './lookup.ts';
import { resolveLesson, type LessonRef } from './lessons.ts';
import { journalScope } from './journal-scope.ts';
import { readingIn } from './reading.ts';
import { entryTimestamp } from './entry-time.ts';
import { groupLessonRows, requireGroupMembers } from './groups.ts';

export interface MarkInput extends LessonRef {
  students?: string[];
  code?: string;
  note?: string;
  /** Historic entry time (imports); now when absent. */
  enteredAt?: string;
}

export type MarkResult = AbsenceView & { change: 'created' | 'changed' | 'restored' | 'unchanged' };

/** Refuses students who were not in the class that day: an absence belongs to a class's lesson. */
export async function requireEnrolled(ctx: ServiceContext, classId: number, classCode: string, date: string, students: readonly Student[]): Promise<void> {
  const enrolled = await enrolledOn(ctx.db, classId, date, students.map((s) => s.id));
  const outsiders = students.filter((s) => !enrolled.has(s.id)).map((s) => named(s));
  if (outsiders.length > 0) throw new AppError('invalid', notEnrolledReason(classCode, date, outsiders));
}

export async function markAbsences(ctx: ServiceContext, input: MarkInput): Promise<MarkResult[]> {
  const actor = requireActor(ctx);
  const code = input.code ?? 'n';
  if (!isMarkCode(code)) throw new AppError('usage', t.badMarkCode(code, MARK_CODES.join(' or ')));
  const codes = input.students ?? [];
  if (codes.length === 0) throw new AppError('usage', t.studentsRequired);
  const { lesson, schoolClass, subject, year } = await resolveLesson(ctx, input);
  const scope = await journalScope(ctx, actor, { schoolClass, subject, lesson });
  const students = await resolveStudents(ctx, codes);
  // A group's lesson takes its members only; across classes each student's mark goes on their class's row.
  const rows = await groupLessonRows(ctx, lesson, students, year.id);
  if (lesson.group_id !== null) {
    await requireGroupMembers(ctx, lesson, students);
    for (const row of new Set(rows.values())) {
      const rowClass = row.class_id === schoolClass.id ? schoolClass : (await findClassById(ctx.db, row.class_id))!;
      await requireEnrolled(ctx, rowClass.id, rowClass.code, lesson.date, students.filter((s) => rows.get(s.id) === row));
    }
  } else await requireEnrolled(ctx, schoolClass.id, schoolClass.code, lesson.date, students);

  const existing = new Map<number, Awaited<ReturnType<typeof findAbsencesOfLesson>>[number]>();
  for (const row of new Set(rows.values())) {
    for (const a of await findAbsencesOfLesson(ctx.db, row.id, students.filter((s) => rows.get(s.id) === row).map((s) => s.id))) existing.set(a.student_id, a);
  }
  const planned = students.map((student) => {
    const current = existing.get(student.id);
    return { student, current, outcome: markTransition(current ? { code: current.code, removed: current.removed === 1 } : null, code as MarkCode) };
  });
  // A new mark is the subject teacher's; changing a mark already there is a correction, which the class teacher may make too.
  const changes = planned.some((p) => p.outcome.kind === 'change');
  const marks = planned.some((p) => p.outcome.kind !== 'change');
  if (marks) requireRight(ctx, 'mark-absence', scope);
  if (changes) requireRight(ctx, 'correct-absence', scope);

  const at = timestamp(ctx);
  // A historic entry time dates the new marks; changing a mark already there is today's correction.
  const markedAt = entryTimestamp(ctx, input.enteredAt);
  const note = optionalText(input.note);
  const outcomes: { id: number; change: MarkResult['change'] }[] = [];
  for (const { student, current, outcome } of planned) {
    switch (outcome.kind) {
      case 'refuse':
        throw new AppError('conflict', `${named(student)}: ${outcome.reason}.`);
      case 'unchanged':
        outcomes.push({ id: current!.id, change: 'unchanged' });
        break;
      case 'create': {
        const row = await insertAbsence(ctx.db, {
          school_id: ctx.school.id,
          lesson_id: rows.get(student.id)!.id,
          student_id: student.id,
          marked_code: outcome.code,
          code: outcome.code,
          marked_by: actor.id,
          marked_at: markedAt,
          decided_by: null,
          decided_at: null,
          note: note ?? null,
          updated_at: markedAt,
          updated_by: actor.id,
        });
        await insertAbsenceChange(ctx.db, { absence_id: row.id, action: 'mark', code_before: null, code_after: outcome.code, reason: note ?? null, changed_by: actor.id, changed_at: markedAt });
        outcomes.push({ id: row.id, change: 'created' });
        break;
      }
      case 'change':
      case 'restore': {
        const before = current!.removed === 1 ? null : current!.code;
        await updateAbsence(ctx.db, current!.id, {
          marked_code: outcome.kind === 'change' ? outcome.to : outcome.code,
          code: outcome.kind === 'change' ? outcome.to : outcome.code,
          marked_by: actor.id,
          marked_at: at,
          decided_by: null,
          decided_at: null,
          removed: 0,
          note: note === undefined ? current!.note : note,
          updated_at: at,
          updated_by: actor.id,
        });
        await insertAbsenceChange(ctx.db, {
          absence_id: current!.id,
          action: outcome.kind === 'change' ? 'remark' : 'restore',
          code_before: before,
          code_after: outcome.kind === 'change' ? outcome.to : outcome.code,
          reason: note ?? null,
          changed_by: actor.id,
          changed_at: at,
        });
        outcomes.push({ id: current!.id, change: outcome.kind === 'change' ? 'changed' : 'restored' });
        break;
      }
    }
  }
  const views = new Map((await listAbsenceViews(ctx.db, { yearId: year.id, ids: outcomes.map((o) => o.id) })).map((v) => [v.id, v]));
  return outcomes.map((o) => ({ ...views.get(o.id)!, change: o.change }));
}

export interface JustifyInput {
  student?: string;
  from?: string;
  to?: string;
  reason?: string;
  note?: string;
}

/**
 * The class teacher's decision (REFERENCE §2): every `n` of the student in the
 * range becomes `ns` or `nc`. The teacher's original mark stays in `marked_code`.
 */
export async function justifyAbsences(ctx: ServiceContext, input: JustifyInput): Promise<AbsenceView[]> {
  const actor = requireActor(ctx);
  if (!input.student) throw new AppError('usage', t.studentRequired);
  const student = await resolveStudent(ctx, input.student);
  const reason = input.reason ?? '';
  if (!isJustifyReason(reason)) throw new AppError('usage', t.badReason(JUSTIFY_REASONS.join(' or ')));
  const from = requireDate(input.from, 'from');
  const to = optionalDate(input.to, 'to') ?? from;
  if (compareDates(from, to) > 0) throw new AppError('invalid', t.toBeforeFrom(to, from));
  const note = optionalText(input.note) ?? null;

  const unjustified = await findStudentAbsencesInRange(ctx.db, student.id, from, to, 'n');
  // §19: with nothing unjustified left, the class teacher changes a decision already made: ns ↔ nc, kept in the history.
  const switching = unjustified.length === 0;
  const absences = switching
    ? (await findStudentAbsencesInRange(ctx.db, student.id, from, to, justifiedCode(reason) === 'ns' ? 'nc' : 'ns'))
    : unjustified;
  const classTeacherOf = new Map<number, boolean>();
  for (const absence of absences) {
    if (!classTeacherOf.has(absence.class_id)) {
      const schoolClass = (await findClassById(ctx.db, absence.class_id))!;
      requireRight(ctx, 'justify-absence', { target: schoolClass.code, classTeacher: schoolClass.class_teacher_id === actor.id });
      classTeacherOf.set(absence.class_id, true);
    }
  }
  if (absences.length === 0) {
    // Still check the right, so that a refusal does not depend on whether anything matched.
    const year = await resolveYear(ctx);
    const placement = await placementInYear(ctx.db, student.id, year.id);
    const schoolClass = placement ? await findClassById(ctx.db, placement.class_id) : undefined;
    requireRight(ctx, 'justify-absence', { target: placement?.class, classTeacher: schoolClass?.class_teacher_id === actor.id });
    return [];
  }
  const at = timestamp(ctx);
  for (const absence of absences) {
    const next = (switching ? switchTransition(absence.code, reason) : justifyTransition(absence.code, reason))!;
    await updateAbsence(ctx.db, absence.id, { code: next, decided_by: actor.id, decided_at: at, note: note ?? absence.note, updated_at: at, updated_by: actor.id });
    await insertAbsenceChange(ctx.db, { absence_id: absence.id, action: switching ? 'switch' : 'justify', code_before: absence.code, code_after: next, reason: note, changed_by: actor.id, changed_at: at });
  }
  return listAbsenceViews(ctx.db, { ids: absences.map((a) => a.id) });
}

export interface AbsenceRef extends LessonRef {
  id?: string | number;
  student?: string;
}

async function resolveAbsence(ctx: ServiceContext, ref: AbsenceRef) {
  if (ref.id !== undefined) {
    const id = requireId(ref.id, 'absence');
    const absence = await findAbsenceById(ctx.db, ctx.school.id, id);
    if (!absence) throw new AppError('not_found', t.noAbsence(id));
    const resolved = await resolveLesson(ctx, { lesson: absence.lesson_id });
    return { absence, ...resolved };
  }
  if (!ref.student) throw new AppError('usage', t.nameTheAbsence);
  const resolved = await resolveLesson(ctx, ref);
  const student = await resolveStudent(ctx, ref.student);
  const [absence] = await findAbsencesOfLesson(ctx.db, resolved.lesson.id, [student.id]);
  if (!absence) throw new AppError('not_found', t.noAbsenceInLesson(named(student), resolved.lesson.id));
  return { absence, ...resolved };
}

/** One absence, as the journal shows it (a confirmation names its student and lesson). */
export async function showAbsence(ctx: ServiceContext, ref: AbsenceRef): Promise<AbsenceView> {
  const { absence, year } = await resolveAbsence(ctx, ref);
  const view = (await listAbsenceViews(ctx.db, { yearId: year.id, ids: [absence.id], includeRemoved: true }))[0]!;
  (await readingIn(ctx, year)).require('read-journal', { classes: [view.class], student: view.student });
  return view;
}

/** Withdraws a wrongly marked absence. The row stays (removed) with its history. */
export async function removeAbsence(ctx: ServiceContext, ref: AbsenceRef & { reason?: string }): Promise<AbsenceView> {
  const actor = requireActor(ctx);
  const { absence, lesson, schoolClass, subject, year } = await resolveAbsence(ctx, ref);
  requireRight(ctx, 'correct-absence', await journalScope(ctx, actor, { schoolClass, subject, lesson }));
  if (absence.removed === 1) {
    const student = (await findStudentById(ctx.db, absence.student_id))!;
    throw new AppError('conflict', t.alreadyRemoved(absence.id, named(student, 'genitive')));
  }
  const at = timestamp(ctx);
  await updateAbsence(ctx.db, absence.id, { removed: 1, updated_at: at, updated_by: actor.id });
  await insertAbsenceChange(ctx.db, { absence_id: absence.id, action: 'remove', code_before: absence.code, code_after: null, reason: optionalText(ref.reason) ?? null, changed_by: actor.id, changed_at: at });
  return (await listAbsenceViews(ctx.db, { yearId: year.id, ids: [absence.id], includeRemoved: true }))[0]!;
}

export async function absenceHistory(ctx: ServiceContext, ref: AbsenceRef): Promise<AbsenceChangeView[]> {
  const { absence, year } = await resolveAbsence(ctx, ref);
  const view = (await listAbsenceViews(ctx.db, { ids: [absence.id], includeRemoved: true }))[0]!;
  (await readingIn(ctx, year)).require('read-journal', { classes: [view.class], student: view.student });
  return listAbsenceChanges(ctx.db, absence.id);
}

export interface AbsenceListFilter {
  student?: string;
  class?: string;
  lesson?: string;
  from?: string;
  to?: string;
  code?: string;
  includeRemoved?: boolean;
}

export async function listAbsences(ctx: ServiceContext, filter: AbsenceListFilter = {}): Promise<AbsenceView[]> {
  const year = await resolveYear(ctx);
  if (filter.code && !isAbsenceCode(filter.code)) throw new AppError('usage', t.badCode(filter.code));
  const student = filter.student ? await resolveStudent(ctx, filter.student) : undefined;
  const schoolClass = filter.class ? await resolveClass(ctx, year, filter.class) : undefined;
  const reading = await readingIn(ctx, year);
  await reading.requireNamed('read-journal', { student, schoolClass });
  const rows = await listAbsenceViews(ctx.db, {
    yearId: year.id,
    studentId: student?.id,
    classId: schoolClass?.id,
    lessonId: filter.lesson ? requireId(filter.lesson, 'lesson', '--lesson') : undefined,
    from: optionalDate(filter.from, 'from'),
    to: optionalDate(filter.to, 'to'),
    code: filter.code as AbsenceCode | undefined,
    includeRemoved: filter.includeRemoved,
  });
  return reading.filter('read-journal', rows, (a) => ({ classes: [a.class], student: a.student }));
}
