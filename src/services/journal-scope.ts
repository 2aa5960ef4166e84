import type { Db } from '../db/connection.ts';
import type { Lesson, SchoolClass, Subject } from '../db/schema.ts';
import { teacherIdsFor, teachesInClass } from '../db/repositories/assignments.ts';
import { findGroupById, groupTeacherIds } from '../db/repositories/groups.ts';
import type { Actor, Right, Scope } from '../domain/permissions.ts';
import { requireRight, type ServiceContext } from './context.ts';
import { m } from '../i18n/messages/rights.ts';

/** Facts the permission rule needs about a class+subject (and optionally a lesson) for this actor. */
export async function journalScope(
  ctx: { db: Db },
  actor: Actor,
  target: { schoolClass: SchoolClass; subject: Subject; lesson?: Lesson },
): Promise<Scope> {
  // Rights follow the group: only its teachers write in a group's lessons (the teacher of group 1 may not grade group 2).
  const group = target.lesson?.group_id ? await findGroupById(ctx.db, target.lesson.group_id) : undefined;
  const teachers = group ? await groupTeacherIds(ctx.db, group.id) : await teacherIdsFor(ctx.db, target.schoolClass.id, target.subject.id);
  return {
    target: group ? m.scopeGroup(group.code, target.subject.code, target.schoolClass.code) : m.scopeSubject(target.subject.code, target.schoolClass.code),
    teaches: teachers.includes(actor.id),
    taughtLesson: target.lesson ? target.lesson.teacher_id === actor.id : false,
    classTeacher: target.schoolClass.class_teacher_id === actor.id,
  };
}

/** Facts about a whole class for this actor: the behaviour journal and the class teacher's appendices. */
export async function classScope(ctx: { db: Db }, actor: Actor, schoolClass: SchoolClass): Promise<Scope> {
  return {
    target: schoolClass.code,
    classTeacher: schoolClass.class_teacher_id === actor.id,
    teachesClass: await teachesInClass(ctx.db, schoolClass.id, actor.id),
  };
}

/** The class teacher's appendices (regulation §15–16) are the class teacher's: they, deputies and admins. */
export function requireClassTeacherRight(ctx: ServiceContext, schoolClass: SchoolClass, right: Extract<Right, 'keep-class-appendix' | 'read-parent-conversations'> = 'keep-class-appendix'): Actor {
  return requireRight(ctx, right, { target: schoolClass.code, classTeacher: schoolClass.class_teacher_id === ctx.actor?.id });
}
