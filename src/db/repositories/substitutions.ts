import type { Db } from '../connection.ts';
import type { SubstitutionTable } from '../schema.ts';
import type { Insertable, Selectable } from 'kysely';

export type Substitution = Selectable<SubstitutionTable>;

export async function insertSubstitution(db: Db, row: Omit<Insertable<SubstitutionTable>, 'id'>): Promise<Substitution> {
  return db.insertInto('substitution').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findSubstitution(db: Db, classId: number, date: string, number: number): Promise<Substitution | undefined> {
  return db.selectFrom('substitution').selectAll().where('class_id', '=', classId).where('date', '=', date).where('number', '=', number).executeTakeFirst();
}
