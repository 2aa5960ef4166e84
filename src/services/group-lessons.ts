import { AppError } from '../errors.ts';
import type { Lesson, SchoolYear } from '../db/schema.ts';
import { findLessonsInSlot, insertLesson, listLessonViews, type LessonView } from '../db/repositories/lessons.ts';
import { classMembersOn, placementOn } from '../db/repositories/students.ts';
import { findClassById } from '../db/repositories/classes.ts';
import { findGroupById, groupClassIds, groupMembersOn, groupTeacherIds } from '../db/repositories/groups.ts';
import { findStaffById } from '../db/repositories/staff.ts';
import { findSubjectById } from '../db/repositories/subjects.ts';
import { slotConflict, type SlotLesson } from '../domain/group-slots.ts';
import { authorize } from '../domain/permissions.ts';
import { requireActor, requireRight, type ServiceContext } from './context.ts';
import { optionalText, requireDate, requireInteger, requireText } from './input.ts';
import { loadCalendar, resolveStaff, resolveSubject, resolveYear } from './lookup.ts';
import { resolveGroup } from './groups.ts';
import { entryTimestamp } from './entry-time.ts';
import { LESSON_NUMBERS, whyNoLessons, type LessonInput } from './lessons.ts';
import { m, person } from '../i18n/messages/calendar-groups.ts';

/** The students of a class in a lesson on its day: the class's, or the group's members of that class. */
async function studentsIn(ctx: ServiceContext, classId: number, yearId: number, date: string, groupId: number | null): Promise<number[]> {
  const inClass = (await classMembersOn(ctx.db, classId, date)).map((s) => s.id);
  if (groupId === null) return inClass;
  const members = await groupMembersOn(ctx.db, groupId, date, inClass);
  void yearId;
  return inClass.filter((id) => members.has(id));
}

/**
 * Refuses a lesson that cannot share the class's slot (src/domain/group-slots.ts):
 * a second whole-class lesson, the group's second lesson, a teacher in two
 * lessons, or a student in two. Exit 6, naming what holds the slot.
 */
export async function requireFreeSlot(
  ctx: ServiceContext,
  target: { classId: number; classCode: string; yearId: number; date: string; number: number },
  candidate: { groupId: number | null; teacherId: number },
): Promise<void> {
  const taken = await findLessonsInSlot(ctx.db, target.classId, target.date, target.number);
  if (taken.length === 0) return;
  const mine: SlotLesson = { ...candidate, students: await studentsIn(ctx, target.classId, target.yearId, target.date, candidate.groupId) };
  for (const lesson of taken) {
    const theirs: SlotLesson = { groupId: lesson.group_id, teacherId: lesson.teacher_id, students: await studentsIn(ctx, target.classId, target.yearId, target.date, lesson.group_id) };
    const conflict = slotConflict(theirs, mine);
    if (!conflict) continue;
    const subject = (await findSubjectById(ctx.db, lesson.subject_id))?.code;
    const group = lesson.group_id === null ? null : (await findGroupById(ctx.db, lesson.group_id))?.code;
    const held = [target.classCode, target.number, target.date, subject ?? '', group ?? null, lesson.id] as const;
    switch (conflict.kind) {
      case 'whole-class':
      case 'same-group':
        throw new AppError('conflict', m.slotHeld(...held));
      case 'same-teacher':
        throw new AppError('conflict', m.slotHeldSameTeacher(...held));
      case 'shared-students': {
        const shared = await ctx.db.selectFrom('student').select(['code', 'first_name', 'last_name']).where('id', 'in', conflict.students).orderBy('code').execute();
        const shown = shared.slice(0, 5).map((s) => person(`${s.first_name} ${s.last_name}`, s.code)).join(', ') + (shared.length > 5 ? m.andMore(shared.length - 5) : '');
        throw new AppError('conflict', m.slotHeldShared(...held, shown));
      }
    }
  }
}

/**
 * `lesson add --group`: one row per class the group has members from that
 * day (the rows share group, date and number; any id names the lesson). The
 * teacher is one of the group's (the actor when they are one, else the
 * first); rights follow the group: its teachers record its lessons.
 */
export async function addGroupLesson(ctx: ServiceContext, input: LessonInput & { group: string }): Promise<LessonView> {
  const actor = requireActor(ctx);
  const year: SchoolYear = await resolveYear(ctx);
  const group = await resolveGroup(ctx, year, input.group);
  const subject = (await findSubjectById(ctx.db, group.subject_id))!;
  if (input.subject && (await resolveSubject(ctx, input.subject)).id !== subject.id) {
    throw new AppError('invalid', m.learnsOther(group.code, subject.code, input.subject));
  }
  const date = requireDate(input.date, 'date');
  const number = requireInteger(input.number, 'number', LESSON_NUMBERS.min, LESSON_NUMBERS.max);
  const topic = requireText(input.topic, 'topic');
  const teachers = await groupTeacherIds(ctx.db, group.id);
  const named = input.substituteFor ? await resolveStaff(ctx, input.substituteFor, 'teacher') : null;
  if (named && !teachers.includes(named.id)) throw new AppError('invalid', m.substituteNotInGroup(named.code, group.code));
  const teacherId = input.teacher ? (await resolveStaff(ctx, input.teacher, 'teacher')).id : named || teachers.includes(actor.id) ? actor.id : teachers[0];
  if (teacherId === undefined) throw new AppError('invalid', m.groupHasNoTeacher(group.code));
  if (named && named.id === teacherId) throw new AppError('invalid', m.selfSubstitute);
  if (!named && !teachers.includes(teacherId)) throw new AppError('invalid', m.teacherNotInGroup(group.code));

  // Which classes: those the group has members from on that day.
  const classIds: number[] = [];
  for (const classId of await groupClassIds(ctx.db, group.id)) {
    const inClass = (await classMembersOn(ctx.db, classId, date)).map((s) => s.id);
    if ((await groupMembersOn(ctx.db, group.id, date, inClass)).size > 0) classIds.push(classId);
  }
  if (classIds.length === 0) throw new AppError('invalid', m.noMembersOn(group.code, date));
  const classes = await Promise.all(classIds.map(async (id) => (await findClassById(ctx.db, id))!));

  const isClassTeacher = classes.some((c) => c.class_teacher_id === actor.id);
  const maySet = authorize(actor, 'set-substitution', { classTeacher: isClassTeacher }).allowed;
  requireRight(ctx, 'record-lesson', {
    target: `group ${group.code}`,
    teaches: teachers.includes(actor.id) && teacherId === actor.id,
    substitutes: !!named && teacherId === actor.id && maySet,
    classTeacher: isClassTeacher,
  });
  const teacher = teacherId === actor.id ? actor : await findStaffById(ctx.db, teacherId);
  if (!teacher?.roles.includes('teacher')) throw new AppError('invalid', m.cannotTeachLesson(teacher?.code ?? String(teacherId)));

  if (!input.force) {
    const reason = whyNoLessons(date, year, await loadCalendar(ctx));
    if (reason) throw new AppError('invalid', m.noLessonsThatDay(reason));
  }
  for (const c of classes) await requireFreeSlot(ctx, { classId: c.id, classCode: c.code, yearId: year.id, date, number }, { groupId: group.id, teacherId });

  const at = entryTimestamp(ctx, input.enteredAt);
  const homework = optionalText(input.homework) ?? null;
  const rows: Lesson[] = [];
  for (const c of classes) {
    rows.push(
      await insertLesson(ctx.db, {
        school_id: ctx.school.id,
        class_id: c.id,
        subject_id: subject.id,
        teacher_id: teacherId,
        substitute_for_id: named?.id ?? null,
        group_id: group.id,
        date,
        number,
        topic,
        homework,
        homework_entered_at: homework === null ? null : at,
        created_at: at,
        created_by: actor.id,
        updated_at: at,
        updated_by: actor.id,
      }),
    );
  }
  return (await listLessonViews(ctx.db, { yearId: year.id, ids: [rows[0]!.id] }))[0]!;
}

/** Whether the student was in the class on the day (for a group lesson across classes: their own class's row). */
export async function studentClassOn(ctx: ServiceContext, studentId: number, yearId: number, date: string): Promise<number | undefined> {
  return (await placementOn(ctx.db, studentId, yearId, date))?.class_id;
}
