import type { Insertable } from 'kysely';
import type { Db } from '../connection.ts';
import { byKeys } from '../../domain/latvian-order.ts';
import type { Student, StudentTable, StudentUpdate } from '../schema.ts';

export interface Placement {
  enrollment_id: number;
  class_id: number;
  class: string;
  level: number;
  year: string;
  from_date: string;
  to_date: string | null;
}

export async function insertStudent(db: Db, student: Insertable<StudentTable>): Promise<Student> {
  return db.insertInto('student').values(student).returningAll().executeTakeFirstOrThrow();
}

export async function findStudentByCode(db: Db, schoolId: number, code: string): Promise<Student | undefined> {
  return db.selectFrom('student').selectAll().where('school_id', '=', schoolId).where('code', '=', code).executeTakeFirst();
}

export async function findStudentById(db: Db, id: number): Promise<Student | undefined> {
  return db.selectFrom('student').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findStudentsByCodes(db: Db, schoolId: number, codes: readonly string[]): Promise<Student[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('student').selectAll().where('school_id', '=', schoolId).where('code', 'in', [...codes]).execute();
}

export async function findStudentByPersonalCode(db: Db, schoolId: number, personalCode: string): Promise<Student | undefined> {
  return db.selectFrom('student').selectAll().where('school_id', '=', schoolId).where('personal_code', '=', personalCode).executeTakeFirst();
}

/** Every student code of the school (all years), for generating new ones. */
export async function listStudentCodes(db: Db, schoolId: number): Promise<string[]> {
  return (await db.selectFrom('student').select('code').where('school_id', '=', schoolId).execute()).map((r) => r.code);
}

export async function updateStudent(db: Db, id: number, changes: StudentUpdate): Promise<Student> {
  return db.updateTable('student').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function insertEnrollment(db: Db, enrollment: { student_id: number; class_id: number; from_date: string; created_at: string; created_by: number | null }): Promise<void> {
  await db.insertInto('enrollment').values({ ...enrollment, to_date: null }).execute();
}

export async function endEnrollment(db: Db, enrollmentId: number, toDate: string): Promise<void> {
  await db.updateTable('enrollment').set({ to_date: toDate }).where('id', '=', enrollmentId).execute();
}

/** Every class the student has been in, oldest first: the class history of the personal file. */
function placementsQuery(db: Db, studentId: number) {
  return db
    .selectFrom('enrollment as e')
    .innerJoin('school_class as c', 'c.id', 'e.class_id')
    .innerJoin('school_year as y', 'y.id', 'c.school_year_id')
    .select(['e.id as enrollment_id', 'c.id as class_id', 'c.code as class', 'c.level', 'y.code as year', 'e.from_date', 'e.to_date'])
    .where('e.student_id', '=', studentId);
}

export async function placementsOf(db: Db, studentId: number): Promise<Placement[]> {
  return placementsQuery(db, studentId).orderBy('e.from_date').orderBy('e.id').execute();
}

/** The class the student is in within a school year (the open enrollment, else the last one). */
export async function placementInYear(db: Db, studentId: number, yearId: number): Promise<Placement | undefined> {
  return placementsQuery(db, studentId)
    .where('c.school_year_id', '=', yearId)
    .orderBy((eb) => eb.case().when('e.to_date', 'is', null).then(0).else(1).end())
    .orderBy('e.from_date', 'desc')
    .executeTakeFirst();
}

/** Ids of the given students that are in the class on that date. */
export async function enrolledOn(db: Db, classId: number, date: string, studentIds: readonly number[]): Promise<Set<number>> {
  if (studentIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('enrollment')
    .select('student_id')
    .where('class_id', '=', classId)
    .where('student_id', 'in', [...studentIds])
    .where('from_date', '<=', date)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', date)]))
    .execute();
  return new Set(rows.map((r) => r.student_id));
}

/** A student's own data with the class they are in on the day asked for. */
export type StudentListRow = Omit<Student, 'school_id' | 'created_at' | 'updated_at'> & { class: string | null };

/** Students of a year with the class they are in on `onDate`, sorted as a class register lists them. */
export async function listStudents(db: Db, schoolId: number, yearId: number, onDate: string, filter: { classId?: number } = {}): Promise<StudentListRow[]> {
  let query = db
    .selectFrom('student as s')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('enrollment as e')
          .innerJoin('school_class as c', 'c.id', 'e.class_id')
          .select(['e.student_id', 'c.code', 'c.id as class_id', 'c.level'])
          .where('c.school_year_id', '=', yearId)
          .where('e.from_date', '<=', onDate)
          .where((w) => w.or([w('e.to_date', 'is', null), w('e.to_date', '>=', onDate)]))
          .as('p'),
      (join) => join.onRef('p.student_id', '=', 's.id'),
    )
    .select(['s.id', 's.code', 's.first_name', 's.last_name', 's.personal_code', 's.birth_date', 's.sex', 's.phone', 's.email', 's.address', 'p.code as class', 'p.level'])
    .where('s.school_id', '=', schoolId);
  if (filter.classId) query = query.where('p.class_id', '=', filter.classId);
  const rows = await query.execute();
  rows.sort(byKeys((r) => r.level, (r) => r.class, (r) => r.last_name, (r) => r.first_name, (r) => r.code));
  return rows.map(({ level: _level, ...row }) => row);
}

/** The class the student is in on that day, within a school year. */
export async function placementOn(db: Db, studentId: number, yearId: number, date: string): Promise<Placement | undefined> {
  return placementsQuery(db, studentId)
    .where('c.school_year_id', '=', yearId)
    .where('e.from_date', '<=', date)
    .where((eb) => eb.or([eb('e.to_date', 'is', null), eb('e.to_date', '>=', date)]))
    .orderBy('e.from_date', 'desc')
    .executeTakeFirst();
}

export interface ClassMember {
  id: number;
  code: string;
  first_name: string;
  last_name: string;
}

/** The students in the class on that day, in register order. */
export async function classMembersOn(db: Db, classId: number, date: string): Promise<ClassMember[]> {
  const rows = await db
    .selectFrom('enrollment as e')
    .innerJoin('student as s', 's.id', 'e.student_id')
    .select(['s.id', 's.code', 's.first_name', 's.last_name'])
    .where('e.class_id', '=', classId)
    .where('e.from_date', '<=', date)
    .where((eb) => eb.or([eb('e.to_date', 'is', null), eb('e.to_date', '>=', date)]))
    .distinct()
    .execute();
  rows.sort(byKeys((r) => r.last_name, (r) => r.first_name, (r) => r.code));
  return rows;
}
