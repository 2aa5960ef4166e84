import type { Db } from '../db/connection.ts';
import type { Lesson, SchoolClass, Subject } from '../db/schema.ts';
import { teacherIdsFor } from '../db/repositories/assignments.ts';
import type { Actor, Scope } from '../domain/permissions.ts';

/** Facts the permission rule needs about a class+subject (and optionally a lesson) for this actor. */
export async function journalScope(
  ctx: { db: Db },
  actor: Actor,
  target: { schoolClass: SchoolClass; subject: Subject; lesson?: Lesson },
): Promise<Scope> {
  const teachers = await teacherIdsFor(ctx.db, target.schoolClass.id, target.subject.id);
  return {
    target: `${target.subject.code} in ${target.schoolClass.code}`,
    teaches: teachers.includes(actor.id),
    taughtLesson: target.lesson ? target.lesson.teacher_id === actor.id : false,
    classTeacher: target.schoolClass.class_teacher_id === actor.id,
  };
}
