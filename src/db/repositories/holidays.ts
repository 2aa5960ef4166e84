import type { Insertable } from 'kysely';
import type { Db } from '../connection.ts';
import type { Holiday, HolidayTable } from '../schema.ts';

export async function insertHoliday(db: Db, holiday: Insertable<HolidayTable>): Promise<Holiday> {
  return db.insertInto('holiday').values(holiday).returningAll().executeTakeFirstOrThrow();
}

export async function listHolidays(db: Db, schoolId: number, filter: { from?: string; to?: string; kind?: string } = {}): Promise<Holiday[]> {
  let query = db.selectFrom('holiday').selectAll().where('school_id', '=', schoolId);
  if (filter.from) query = query.where('ends_on', '>=', filter.from);
  if (filter.to) query = query.where('starts_on', '<=', filter.to);
  if (filter.kind) query = query.where('kind', '=', filter.kind as Holiday['kind']);
  return query.orderBy('starts_on').orderBy('id').execute();
}

export async function findHoliday(db: Db, schoolId: number, entry: { starts_on: string; ends_on: string; kind: Holiday['kind'] }): Promise<Holiday | undefined> {
  return db
    .selectFrom('holiday')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('starts_on', '=', entry.starts_on)
    .where('ends_on', '=', entry.ends_on)
    .where('kind', '=', entry.kind)
    .executeTakeFirst();
}

export async function deleteHoliday(db: Db, schoolId: number, id: number): Promise<Holiday | undefined> {
  return db.deleteFrom('holiday').where('school_id', '=', schoolId).where('id', '=', id).returningAll().executeTakeFirst();
}
