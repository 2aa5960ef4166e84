import type { Insertable } from 'kysely';
import type { Db } from '../connection.ts';
import type { SchoolClass, SchoolClassTable } from '../schema.ts';

export interface ClassView {
  id: number;
  code: string;
  level: number;
  year: string;
  class_teacher: string | null;
  class_teacher_name: string | null;
  students: number;
}

export async function insertClass(db: Db, schoolClass: Insertable<SchoolClassTable>): Promise<SchoolClass> {
  return db.insertInto('school_class').values(schoolClass).returningAll().executeTakeFirstOrThrow();
}

export async function findClassByCode(db: Db, yearId: number, code: string): Promise<SchoolClass | undefined> {
  return db.selectFrom('school_class').selectAll().where('school_year_id', '=', yearId).where('code', '=', code).executeTakeFirst();
}

export async function findClassById(db: Db, id: number): Promise<SchoolClass | undefined> {
  return db.selectFrom('school_class').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listClassCodes(db: Db, yearId: number): Promise<string[]> {
  const rows = await db.selectFrom('school_class').select('code').where('school_year_id', '=', yearId).orderBy('level').orderBy('code').execute();
  return rows.map((r) => r.code);
}

/** `onDate` counts the students enrolled that day. */
export async function listClassViews(db: Db, yearId: number, onDate: string, filter: { code?: string; level?: number } = {}): Promise<ClassView[]> {
  let query = db
    .selectFrom('school_class as c')
    .innerJoin('school_year as y', 'y.id', 'c.school_year_id')
    .leftJoin('staff as t', 't.id', 'c.class_teacher_id')
    .select((eb) => [
      'c.id',
      'c.code',
      'c.level',
      'y.code as year',
      't.code as class_teacher',
      't.first_name as teacher_first',
      't.last_name as teacher_last',
      eb
        .selectFrom('enrollment as e')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('e.class_id', '=', 'c.id')
        .where('e.from_date', '<=', onDate)
        .where((e) => e.or([e('e.to_date', 'is', null), e('e.to_date', '>=', onDate)]))
        .as('students'),
    ])
    .where('c.school_year_id', '=', yearId);
  if (filter.code) query = query.where('c.code', '=', filter.code);
  if (filter.level !== undefined) query = query.where('c.level', '=', filter.level);
  const rows = await query.orderBy('c.level').orderBy('c.code').execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    level: r.level,
    year: r.year,
    class_teacher: r.class_teacher,
    class_teacher_name: r.teacher_first ? `${r.teacher_first} ${r.teacher_last}` : null,
    students: Number(r.students ?? 0),
  }));
}

export async function updateClass(db: Db, id: number, changes: { level?: number; class_teacher_id?: number | null }): Promise<void> {
  await db.updateTable('school_class').set(changes).where('id', '=', id).execute();
}

/** Codes of the current year's classes whose class teacher this is. */
export async function classesLedBy(db: Db, staffId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('school_class as c')
    .innerJoin('school_year as y', 'y.id', 'c.school_year_id')
    .select(['c.code', 'y.code as year'])
    .where('c.class_teacher_id', '=', staffId)
    .where('y.is_current', '=', 1)
    .orderBy('c.code')
    .execute();
  return rows.map((r) => r.code);
}

/** The classes of a school year whose class teacher this is. */
export async function classesLedInYear(db: Db, yearId: number, staffId: number): Promise<SchoolClass[]> {
  return db.selectFrom('school_class').selectAll().where('school_year_id', '=', yearId).where('class_teacher_id', '=', staffId).orderBy('code').execute();
}
