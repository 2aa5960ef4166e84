import { AppError } from '../errors.ts';
import { m as t } from '../i18n/messages/journal-lessons.ts';
import { named } from '../i18n/messages/journal-people.ts';
import type { Lesson, SchoolClass, SchoolYear, Subject } from '../db/schema.ts';
import { findLessonById, findLessonsOn, insertLesson, listLessonViews, updateLesson, type LessonView } from '../db/repositories/lessons.ts';
import { teacherIdsFor } from '../db/repositories/assignments.ts';
import { findClassById } from '../db/repositories/classes.ts';
import { findStaffById } from '../db/repositories/staff.ts';
import { findSubjectById } from '../db/repositories/subjects.ts';
import { findSchoolYearById } from '../db/repositories/school-years.ts';
import type { IsoDate } from '../domain/dates.ts';
import type { WorkingCalendar } from '../domain/calendar.ts';
import { requireActor, requireRight, timestamp, type ServiceContext } from './context.ts';
import { optionalDate, optionalText, requireDate, requireId, requireInteger, requireText } from './input.ts';
import { loadCalendar, resolveClass, resolveStaff, resolveStudents, resolveSubject, resolveYear } from './lookup.ts';
import { resolveGroup } from './groups.ts';
import { groupMembersOn } from '../db/repositories/groups.ts';
import { journalScope } from './journal-scope.ts';
import { readingIn } from './reading.ts';
import { entryTimestamp } from './entry-time.ts';
import { substitutionFor } from './substitutions.ts';
import { authorize } from '../domain/permissions.ts';
import { addGroupLesson, requireFreeSlot } from './group-lessons.ts';

/** Lesson numbers in a Latvian school day: 0 (an early lesson) to 12. */
export const LESSON_NUMBERS = { min: 0, max: 12 } as const;

/** A lesson is named by id, or by class + subject + date (+ number when there are several that day). */
export interface LessonRef {
  lesson?: string | number;
  class?: string;
  subject?: string;
  date?: string;
  number?: string | number;
  /** Two groups of a class may share a slot: the group names which lesson. */
  group?: string;
  /** Or the students named (absences, grades: `S001` or `S001=8`), whose group's lesson it is. */
  students?: string[];
}

export interface ResolvedLesson {
  lesson: Lesson;
  schoolClass: SchoolClass;
  subject: Subject;
  year: SchoolYear;
}

export async function resolveLesson(ctx: ServiceContext, ref: LessonRef): Promise<ResolvedLesson> {
  let lesson: Lesson | undefined;
  if (ref.lesson !== undefined && ref.lesson !== '') {
    const id = requireId(ref.lesson, 'lesson', '--lesson');
    lesson = await findLessonById(ctx.db, ctx.school.id, id);
    if (!lesson) throw new AppError('not_found', t.noLesson(id));
  } else {
    if (!ref.class || !ref.subject || !ref.date) {
      throw new AppError('usage', t.nameTheLesson);
    }
    const year = await resolveYear(ctx);
    const schoolClass = await resolveClass(ctx, year, ref.class);
    const subject = await resolveSubject(ctx, ref.subject);
    const date = requireDate(ref.date, 'date');
    const candidates = await findLessonsOn(ctx.db, schoolClass.id, subject.id, date);
    const number = ref.number === undefined ? undefined : requireInteger(ref.number, 'number', LESSON_NUMBERS.min, LESSON_NUMBERS.max);
    let matching = number === undefined ? candidates : candidates.filter((l) => l.number === number);
    if (matching.length > 1 && matching.some((l) => l.group_id !== null)) matching = await lessonOfGroup(ctx, year, matching, ref);
    if (matching.length === 0) {
      throw new AppError('not_found', t.noLessonOn(subject.code, schoolClass.code, date, number));
    }
    if (matching.length > 1) {
      if (new Set(matching.map((l) => l.number)).size === 1) throw new AppError('usage', t.severalGroups(schoolClass.code, subject.code, matching[0]!.number, date));
      throw new AppError('usage', t.severalLessons(schoolClass.code, subject.code, matching.map((l) => l.number).join(', '), date));
    }
    lesson = matching[0]!;
  }
  const schoolClass = (await findClassById(ctx.db, lesson.class_id))!;
  const subject = (await findSubjectById(ctx.db, lesson.subject_id))!;
  const year = (await findSchoolYearById(ctx.db, schoolClass.school_year_id))!;
  return { lesson, schoolClass, subject, year };
}

/**
 * Of the lessons of one class, subject and slot (two groups side by side),
 * the one of the named group, else of the group the named students belong
 * to; all of them when that does not decide (the caller then asks).
 */
async function lessonOfGroup(ctx: ServiceContext, year: SchoolYear, lessons: Lesson[], ref: LessonRef): Promise<Lesson[]> {
  if (ref.group) {
    const group = await resolveGroup(ctx, year, ref.group);
    const mine = lessons.filter((l) => l.group_id === group.id);
    if (mine.length === 0) throw new AppError('not_found', t.groupHasNoSuchLesson(group.code, lessons.map((l) => l.number).join(', ')));
    return mine;
  }
  const codes = (ref.students ?? []).map((s) => s.split('=')[0]!.trim()).filter(Boolean);
  if (codes.length === 0) return lessons;
  const students = await resolveStudents(ctx, codes);
  const fitting: Lesson[] = [];
  for (const lesson of lessons) {
    if (lesson.group_id === null) continue;
    const members = await groupMembersOn(ctx.db, lesson.group_id, lesson.date, students.map((s) => s.id));
    if (members.size === students.length) fitting.push(lesson);
  }
  if (fitting.length === 1) return fitting;
  if (fitting.length === 0) {
    const names = await ctx.db.selectFrom('study_group').select('code').where('id', 'in', lessons.map((l) => l.group_id ?? -1)).orderBy('code').execute();
    throw new AppError('invalid', t.inNoGroup(students.map((s) => named(s)).join(', '), students.length, names.map((n) => n.code).join(', ')));
  }
  return fitting;
}

/** Why a date is not a teaching day of the year, or null (REFERENCE §4). */
export function whyNoLessons(date: IsoDate, year: SchoolYear, calendar: WorkingCalendar): string | null {
  const inSemester1 = date >= year.semester1_from && date <= year.semester1_to;
  const inSemester2 = date >= year.semester2_from && date <= year.semester2_to;
  if (!inSemester1 && !inSemester2) {
    return t.outsideSemesters(date, year.code, `${year.semester1_from} – ${year.semester1_to}`, `${year.semester2_from} – ${year.semester2_to}`);
  }
  const reason = calendar.whyNotWorking(date);
  return reason ? t.notWorkingDay(date, reason) : null;
}

export interface LessonInput {
  class?: string;
  subject?: string;
  date?: string;
  number?: string | number;
  topic?: string;
  homework?: string;
  teacher?: string;
  substituteFor?: string;
  /** A group's lesson (`lesson add --group`): the class and subject come from the group. */
  group?: string;
  force?: boolean;
  /** Historic entry time (imports); now when absent. */
  enteredAt?: string;
}

export async function addLesson(ctx: ServiceContext, input: LessonInput): Promise<LessonView> {
  if (input.group) return addGroupLesson(ctx, { ...input, group: input.group });
  const actor = requireActor(ctx);
  const year = await resolveYear(ctx);
  const schoolClass = await resolveClass(ctx, year, requireText(input.class, 'class'));
  const subject = await resolveSubject(ctx, requireText(input.subject, 'subject'));
  const date = requireDate(input.date, 'date');
  const number = requireInteger(input.number, 'number', LESSON_NUMBERS.min, LESSON_NUMBERS.max);
  const topic = requireText(input.topic, 'topic');
  const assigned = await teacherIdsFor(ctx.db, schoolClass.id, subject.id);

  // A substitute lesson needs a substitution set beforehand by a deputy, an
  // admin or the class teacher (`substitution add`): a teacher cannot make
  // themselves the substitute in a class they do not teach. Those who may
  // set a substitution may also record one directly (imports, the demo).
  const set = await substitutionFor(ctx, schoolClass.id, subject.id, date, number);
  const maySet = authorize(actor, 'set-substitution', { classTeacher: schoolClass.class_teacher_id === actor.id }).allowed;
  const named = input.substituteFor ? await resolveStaff(ctx, input.substituteFor, 'teacher') : null;
  // Nobody may stand in for a teacher in a lesson that teacher does not give, whatever is set.
  if (named && !assigned.includes(named.id)) {
    throw new AppError('invalid', t.doesNotTeach(named.code, subject.code, schoolClass.code));
  }
  const mine = set && (input.teacher ? (await resolveStaff(ctx, input.teacher, 'teacher')).id : actor.id) === set.substitute_id;
  let substituted = named;
  if (mine && (!named || named.id === set.replaced_id)) substituted = named ?? (await findStaffById(ctx.db, set.replaced_id)) ?? null;
  else if (named && !maySet) {
    throw new AppError(
      'forbidden',
      t.noSubstitutionSet(named.code, input.teacher ?? actor.code, schoolClass.code, number, date),
    );
  }
  if (substituted && !assigned.includes(substituted.id)) {
    throw new AppError('invalid', t.doesNotTeach(substituted.code, subject.code, schoolClass.code));
  }
  let teacherId: number;
  if (input.teacher) teacherId = (await resolveStaff(ctx, input.teacher, 'teacher')).id;
  else if (substituted || assigned.includes(actor.id)) teacherId = actor.id;
  else if (assigned[0] !== undefined) teacherId = assigned[0];
  else throw new AppError('invalid', t.nobodyTeaches(subject.code, schoolClass.code));
  if (substituted && substituted.id === teacherId) throw new AppError('invalid', t.selfSubstitute);
  if (!substituted && !assigned.includes(teacherId)) {
    throw new AppError('invalid', t.teacherDoesNotTeach(subject.code, schoolClass.code));
  }

  const scope = await journalScope(ctx, actor, { schoolClass, subject });
  // A teacher records their own lessons; recording one for somebody else is the registry's job.
  requireRight(ctx, 'record-lesson', {
    ...scope,
    teaches: scope.teaches && teacherId === actor.id,
    substitutes: !!substituted && teacherId === actor.id && (!!mine || maySet),
  });

  const teacher = teacherId === actor.id ? actor : await findStaffById(ctx.db, teacherId);
  if (!teacher?.roles.includes('teacher')) {
    throw new AppError('invalid', t.noTeacherRole(String(teacher?.code ?? teacherId), !!input.teacher));
  }

  if (!input.force) {
    const reason = whyNoLessons(date, year, await loadCalendar(ctx));
    if (reason) throw new AppError('invalid', t.noLessonsThatDay(reason));
  }
  await requireFreeSlot(ctx, { classId: schoolClass.id, classCode: schoolClass.code, yearId: year.id, date, number }, { groupId: null, teacherId });
  const at = entryTimestamp(ctx, input.enteredAt);
  const homework = optionalText(input.homework) ?? null;
  const lesson = await insertLesson(ctx.db, {
    school_id: ctx.school.id,
    class_id: schoolClass.id,
    subject_id: subject.id,
    teacher_id: teacherId,
    substitute_for_id: substituted?.id ?? null,
    date,
    number,
    topic,
    homework,
    homework_entered_at: homework === null ? null : at,
    created_at: at,
    created_by: actor.id,
    updated_at: at,
    updated_by: actor.id,
  });
  return (await listLessonViews(ctx.db, { yearId: year.id, ids: [lesson.id] }))[0]!;
}

export async function setLesson(ctx: ServiceContext, ref: LessonRef, input: { topic?: string; homework?: string; enteredAt?: string }): Promise<LessonView> {
  const actor = requireActor(ctx);
  const { lesson, schoolClass, subject, year } = await resolveLesson(ctx, ref);
  requireRight(ctx, 'record-lesson', await journalScope(ctx, actor, { schoolClass, subject, lesson }).then((s) => ({ ...s, teaches: s.teaches || s.taughtLesson })));
  if (input.topic === undefined && input.homework === undefined) throw new AppError('usage', t.nothingToChange);
  const topic = input.topic === undefined ? undefined : requireText(input.topic, 'topic');
  const at = entryTimestamp(ctx, input.enteredAt);
  const homework = optionalText(input.homework);
  // Deadline control judges homework by when it was first given; a later rewording is a correction.
  const homeworkGiven = !!homework && lesson.homework === null;
  // A group's lesson across classes is a row per class: they keep one topic and homework.
  const rows = lesson.group_id === null ? [lesson.id] : (await ctx.db.selectFrom('lesson').select('id').where('group_id', '=', lesson.group_id).where('date', '=', lesson.date).where('number', '=', lesson.number).execute()).map((r) => r.id);
  for (const id of rows) await updateLesson(ctx.db, id, {
    topic,
    homework,
    ...(homework === null ? { homework_entered_at: null } : homeworkGiven ? { homework_entered_at: at } : {}),
    updated_at: at,
    updated_by: actor.id,
  });
  return (await listLessonViews(ctx.db, { yearId: year.id, ids: [lesson.id] }))[0]!;
}

export async function showLesson(ctx: ServiceContext, ref: LessonRef): Promise<LessonView> {
  const { lesson, year, schoolClass } = await resolveLesson(ctx, ref);
  await (await readingIn(ctx, year)).requireNamed('read-journal', { schoolClass, classWide: true });
  return (await listLessonViews(ctx.db, { yearId: year.id, ids: [lesson.id] }))[0]!;
}

export interface LessonListFilter {
  class?: string;
  subject?: string;
  teacher?: string;
  from?: string;
  to?: string;
}

export async function listLessons(ctx: ServiceContext, filter: LessonListFilter = {}): Promise<LessonView[]> {
  const year = await resolveYear(ctx);
  const schoolClass = filter.class ? await resolveClass(ctx, year, filter.class) : undefined;
  const reading = await readingIn(ctx, year);
  await reading.requireNamed('read-journal', { schoolClass, classWide: true });
  const rows = await listLessonViews(ctx.db, {
    yearId: year.id,
    classId: schoolClass?.id,
    subjectId: filter.subject ? (await resolveSubject(ctx, filter.subject)).id : undefined,
    teacherId: filter.teacher ? (await resolveStaff(ctx, filter.teacher, 'teacher')).id : undefined,
    from: optionalDate(filter.from, 'from'),
    to: optionalDate(filter.to, 'to'),
  });
  // A lesson (topic, homework) shows no student's data: the class's students and their guardians read it too.
  return reading.filter('read-journal', rows, (l) => ({ classes: [l.class], classWide: true }));
}

