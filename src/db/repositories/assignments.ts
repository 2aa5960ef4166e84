import type { Db } from '../connection.ts';
import type { Assignment } from '../schema.ts';

export interface AssignmentView {
  id: number;
  year: string;
  class: string;
  subject: string;
  subject_name: string;
  teacher: string;
  teacher_name: string;
}

export async function insertAssignment(db: Db, assignment: Omit<Assignment, 'id'>): Promise<Assignment> {
  return db.insertInto('assignment').values(assignment).returningAll().executeTakeFirstOrThrow();
}

export async function findAssignment(db: Db, classId: number, subjectId: number, teacherId: number): Promise<Assignment | undefined> {
  return db
    .selectFrom('assignment')
    .selectAll()
    .where('class_id', '=', classId)
    .where('subject_id', '=', subjectId)
    .where('teacher_id', '=', teacherId)
    .executeTakeFirst();
}

/** Teachers of a class+subject, in the order they were assigned: the first is the default lesson teacher. */
export async function teacherIdsFor(db: Db, classId: number, subjectId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('assignment')
    .select('teacher_id')
    .where('class_id', '=', classId)
    .where('subject_id', '=', subjectId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.teacher_id);
}

export async function listAssignmentViews(
  db: Db,
  yearId: number,
  filter: { classId?: number; subjectId?: number; teacherId?: number } = {},
): Promise<AssignmentView[]> {
  let query = db
    .selectFrom('assignment as a')
    .innerJoin('school_class as c', 'c.id', 'a.class_id')
    .innerJoin('school_year as y', 'y.id', 'c.school_year_id')
    .innerJoin('subject as s', 's.id', 'a.subject_id')
    .innerJoin('staff as t', 't.id', 'a.teacher_id')
    .select(['a.id', 'y.code as year', 'c.code as class', 's.code as subject', 's.name as subject_name', 't.code as teacher', 't.first_name', 't.last_name'])
    .where('c.school_year_id', '=', yearId);
  if (filter.classId) query = query.where('a.class_id', '=', filter.classId);
  if (filter.subjectId) query = query.where('a.subject_id', '=', filter.subjectId);
  if (filter.teacherId) query = query.where('a.teacher_id', '=', filter.teacherId);
  const rows = await query.orderBy('c.level').orderBy('c.code').orderBy('s.code').orderBy('a.id').execute();
  return rows.map(({ first_name, last_name, ...r }) => ({ ...r, teacher_name: `${first_name} ${last_name}` }));
}

export async function deleteAssignment(db: Db, id: number): Promise<void> {
  await db.deleteFrom('assignment').where('id', '=', id).execute();
}

/** Whether the teacher teaches any subject in the class. */
export async function teachesInClass(db: Db, classId: number, teacherId: number): Promise<boolean> {
  const row = await db.selectFrom('assignment').select('id').where('class_id', '=', classId).where('teacher_id', '=', teacherId).executeTakeFirst();
  return !!row;
}

/** The assignments of some classes, oldest first. */
export async function assignmentsOfClasses(db: Db, classIds: readonly number[]): Promise<Assignment[]> {
  if (classIds.length === 0) return [];
  return db.selectFrom('assignment').selectAll().where('class_id', 'in', [...classIds]).orderBy('id').execute();
}
