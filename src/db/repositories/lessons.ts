import type { Insertable } from 'kysely';
import type { Db } from '../connection.ts';
import type { Lesson, LessonTable } from '../schema.ts';

export interface LessonView {
  id: number;
  class: string;
  subject: string;
  subject_name: string;
  date: string;
  number: number;
  teacher: string;
  teacher_name: string;
  substitute_for: string | null;
  /** The group whose lesson it is; null: the whole class. */
  group: string | null;
  topic: string;
  homework: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface LessonFilter {
  yearId: number;
  ids?: readonly number[];
  classId?: number;
  subjectId?: number;
  teacherId?: number;
  from?: string;
  to?: string;
  date?: string;
  number?: number;
}

export async function insertLesson(db: Db, lesson: Insertable<LessonTable>): Promise<Lesson> {
  return db.insertInto('lesson').values(lesson).returningAll().executeTakeFirstOrThrow();
}

export async function findLessonById(db: Db, schoolId: number, id: number): Promise<Lesson | undefined> {
  return db.selectFrom('lesson').selectAll().where('school_id', '=', schoolId).where('id', '=', id).executeTakeFirst();
}

export async function findLessonInSlot(db: Db, classId: number, date: string, number: number): Promise<Lesson | undefined> {
  return db.selectFrom('lesson').selectAll().where('class_id', '=', classId).where('date', '=', date).where('number', '=', number).orderBy('id').executeTakeFirst();
}

/** Every lesson of a class in one slot: the whole class's, or its groups' (several). */
export async function findLessonsInSlot(db: Db, classId: number, date: string, number: number): Promise<Lesson[]> {
  return db.selectFrom('lesson').selectAll().where('class_id', '=', classId).where('date', '=', date).where('number', '=', number).orderBy('id').execute();
}

export async function findLessonsOn(db: Db, classId: number, subjectId: number, date: string): Promise<Lesson[]> {
  return db
    .selectFrom('lesson')
    .selectAll()
    .where('class_id', '=', classId)
    .where('subject_id', '=', subjectId)
    .where('date', '=', date)
    .orderBy('number')
    .execute();
}

export async function updateLesson(db: Db, id: number, changes: Partial<Pick<Lesson, 'topic' | 'homework' | 'homework_entered_at' | 'teacher_id' | 'substitute_for_id' | 'updated_at' | 'updated_by'>>): Promise<void> {
  await db.updateTable('lesson').set(changes).where('id', '=', id).execute();
}

export async function listLessonViews(db: Db, filter: LessonFilter): Promise<LessonView[]> {
  let query = db
    .selectFrom('lesson as l')
    .innerJoin('school_class as c', 'c.id', 'l.class_id')
    .innerJoin('subject as s', 's.id', 'l.subject_id')
    .innerJoin('staff as t', 't.id', 'l.teacher_id')
    .leftJoin('staff as sf', 'sf.id', 'l.substitute_for_id')
    .leftJoin('study_group as g', 'g.id', 'l.group_id')
    .innerJoin('staff as cb', 'cb.id', 'l.created_by')
    .innerJoin('staff as ub', 'ub.id', 'l.updated_by')
    .select([
      'l.id',
      'c.code as class',
      's.code as subject',
      's.name as subject_name',
      'l.date',
      'l.number',
      't.code as teacher',
      't.first_name as teacher_first',
      't.last_name as teacher_last',
      'sf.code as substitute_for',
      'g.code as group',
      'l.topic',
      'l.homework',
      'l.created_at',
      'cb.code as created_by',
      'l.updated_at',
      'ub.code as updated_by',
    ])
    .where('c.school_year_id', '=', filter.yearId);
  if (filter.ids) query = query.where('l.id', 'in', [...filter.ids]);
  if (filter.classId) query = query.where('l.class_id', '=', filter.classId);
  if (filter.subjectId) query = query.where('l.subject_id', '=', filter.subjectId);
  if (filter.teacherId) query = query.where('l.teacher_id', '=', filter.teacherId);
  if (filter.from) query = query.where('l.date', '>=', filter.from);
  if (filter.to) query = query.where('l.date', '<=', filter.to);
  if (filter.date) query = query.where('l.date', '=', filter.date);
  if (filter.number !== undefined) query = query.where('l.number', '=', filter.number);
  const rows = await query.orderBy('l.date').orderBy('c.level').orderBy('c.code').orderBy('l.number').orderBy('l.id').execute();
  return rows.map(({ teacher_first, teacher_last, ...r }) => ({
    id: r.id,
    class: r.class,
    subject: r.subject,
    subject_name: r.subject_name,
    date: r.date,
    number: r.number,
    teacher: r.teacher,
    teacher_name: `${teacher_first} ${teacher_last}`,
    substitute_for: r.substitute_for,
    group: r.group ?? null,
    topic: r.topic,
    homework: r.homework,
    created_at: r.created_at,
    created_by: r.created_by,
    updated_at: r.updated_at,
    updated_by: r.updated_by,
  }));
}
