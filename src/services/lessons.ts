import { AppError } from '../errors.ts';
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
    if (!lesson) throw new AppError('not_found', `No lesson with id ${id}. See \`ezurnals lesson list\`.`);
  } else {
    if (!ref.class || !ref.subject || !ref.date) {
      throw new AppError('usage', 'Name the lesson with --lesson ID, or with --class, --subject and --date (and --number).');
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
      throw new AppError('not_found', `No ${subject.code} lesson in ${schoolClass.code} on ${date}${number === undefined ? '' : `, lesson ${number}`}.`);
    }
    if (matching.length > 1) {
      if (new Set(matching.map((l) => l.number)).size === 1) throw new AppError('usage', `${schoolClass.code} has ${subject.code} in lesson ${matching[0]!.number} on ${date} in several groups: add --group.`);
      throw new AppError('usage', `${schoolClass.code} has ${subject.code} in lessons ${matching.map((l) => l.number).join(', ')} on ${date}: add --number.`);
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
    if (mine.length === 0) throw new AppError('not_found', `Group ${group.code} has no such lesson (it has its lessons in: ${lessons.map((l) => l.number).join(', ')}).`);
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
    throw new AppError('invalid', `${codes.join(', ')} ${codes.length === 1 ? 'is' : 'are'} in none of the groups with this lesson (${names.map((n) => n.code).join(', ')}), or in different ones: name the group with --group.`);
  }
  return fitting;
}

/** Why a date is not a teaching day of the year, or null (REFERENCE §4). */
export function whyNoLessons(date: IsoDate, year: SchoolYear, calendar: WorkingCalendar): string | null {
  const inSemester1 = date >= year.semester1_from && date <= year.semester1_to;
  const inSemester2 = date >= year.semester2_from && date <= year.semester2_to;
  if (!inSemester1 && !inSemester2) {
    return `${date} is outside the semesters of ${year.code} (I: ${year.semester1_from} – ${year.semester1_to}, II: ${year.semester2_from} – ${year.semester2_to})`;
  }
  const reason = calendar.whyNotWorking(date);
  return reason ? `${date} is not a working day (${reason})` : null;
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
    throw new AppError('invalid', `--substitute-for ${named.code}: ${named.code} does not teach ${subject.code} in ${schoolClass.code}.`);
  }
  const mine = set && (input.teacher ? (await resolveStaff(ctx, input.teacher, 'teacher')).id : actor.id) === set.substitute_id;
  let substituted = named;
  if (mine && (!named || named.id === set.replaced_id)) substituted = named ?? (await findStaffById(ctx.db, set.replaced_id)) ?? null;
  else if (named && !maySet) {
    throw new AppError(
      'forbidden',
      `No substitution of ${named.code} by ${input.teacher ?? actor.code} is set for ${schoolClass.code}, lesson ${number} on ${date}: a deputy, an admin or the class teacher sets it first (\`ezurnals substitution add\`).`,
    );
  }
  if (substituted && !assigned.includes(substituted.id)) {
    throw new AppError('invalid', `--substitute-for ${substituted.code}: ${substituted.code} does not teach ${subject.code} in ${schoolClass.code}.`);
  }
  let teacherId: number;
  if (input.teacher) teacherId = (await resolveStaff(ctx, input.teacher, 'teacher')).id;
  else if (substituted || assigned.includes(actor.id)) teacherId = actor.id;
  else if (assigned[0] !== undefined) teacherId = assigned[0];
  else throw new AppError('invalid', `Nobody teaches ${subject.code} in ${schoolClass.code}: add an assignment first (\`ezurnals assign add\`).`);
  if (substituted && substituted.id === teacherId) throw new AppError('invalid', 'A teacher cannot substitute for themselves.');
  if (!substituted && !assigned.includes(teacherId)) {
    throw new AppError('invalid', `The lesson's teacher does not teach ${subject.code} in ${schoolClass.code}; for a substitute lesson give --substitute-for.`);
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
    throw new AppError('invalid', `${teacher?.code ?? teacherId} has no teacher role and cannot teach a lesson${input.teacher ? '' : '; name the teacher with --teacher'}.`);
  }

  if (!input.force) {
    const reason = whyNoLessons(date, year, await loadCalendar(ctx));
    if (reason) throw new AppError('invalid', `No lessons on that day: ${reason}. Use --force to record it anyway.`);
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
  if (input.topic === undefined && input.homework === undefined) throw new AppError('usage', 'Nothing to change: give --topic and/or --homework.');
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

