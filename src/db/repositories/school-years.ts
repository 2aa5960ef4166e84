import type { Insertable } from 'kysely';
import type { Db } from '../connection.ts';
import type { SchoolYear, SchoolYearTable } from '../schema.ts';

export async function insertSchoolYear(db: Db, year: Insertable<SchoolYearTable>): Promise<SchoolYear> {
  return db.insertInto('school_year').values(year).returningAll().executeTakeFirstOrThrow();
}

export async function findSchoolYear(db: Db, schoolId: number, code: string): Promise<SchoolYear | undefined> {
  return db.selectFrom('school_year').selectAll().where('school_id', '=', schoolId).where('code', '=', code).executeTakeFirst();
}

export async function findCurrentSchoolYear(db: Db, schoolId: number): Promise<SchoolYear | undefined> {
  return db.selectFrom('school_year').selectAll().where('school_id', '=', schoolId).where('is_current', '=', 1).executeTakeFirst();
}

export async function listSchoolYears(db: Db, schoolId: number): Promise<SchoolYear[]> {
  return db.selectFrom('school_year').selectAll().where('school_id', '=', schoolId).orderBy('code').execute();
}

export async function updateSchoolYear(db: Db, id: number, changes: Partial<Omit<SchoolYear, 'id' | 'school_id'>>): Promise<SchoolYear> {
  return db.updateTable('school_year').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function clearCurrentSchoolYear(db: Db, schoolId: number): Promise<void> {
  await db.updateTable('school_year').set({ is_current: 0 }).where('school_id', '=', schoolId).execute();
}

export async function findSchoolYearById(db: Db, id: number): Promise<SchoolYear | undefined> {
  return db.selectFrom('school_year').selectAll().where('id', '=', id).executeTakeFirst();
}
