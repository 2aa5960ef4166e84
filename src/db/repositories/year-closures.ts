import type { Db } from '../connection.ts';
import type { YearClosure } from '../schema.ts';

export async function findYearClosure(db: Db, yearId: number): Promise<YearClosure | undefined> {
  return db.selectFrom('year_closure').selectAll().where('school_year_id', '=', yearId).executeTakeFirst();
}

export async function insertYearClosure(db: Db, closure: YearClosure): Promise<void> {
  await db.insertInto('year_closure').values(closure).execute();
}

/** The recorded overrides of the lock (of one year, or all), oldest first. */
export async function listLockOverrides(db: Db, schoolId: number, yearId?: number) {
  let query = db
    .selectFrom('year_lock_override as o')
    .innerJoin('school_year as y', 'y.id', 'o.school_year_id')
    .innerJoin('staff as s', 's.id', 'o.staff_id')
    .select(['y.code as year', 'o.created_at', 's.code as staff', 'o.command', 'o.rows_written', 'o.reason'])
    .where('y.school_id', '=', schoolId);
  if (yearId !== undefined) query = query.where('o.school_year_id', '=', yearId);
  return query.orderBy('o.id').execute();
}
