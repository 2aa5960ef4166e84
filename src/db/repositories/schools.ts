import type { Db } from '../connection.ts';
import type { School } from '../schema.ts';

export async function insertSchool(db: Db, school: { name: string; registration_number?: string | null; director?: string | null; created_at: string }): Promise<School> {
  return db.insertInto('school').values(school).returningAll().executeTakeFirstOrThrow();
}

/** One database holds one school today; rows carry school_id so that it may hold many later. */
export async function findOnlySchool(db: Db): Promise<School | undefined> {
  return db.selectFrom('school').selectAll().orderBy('id').limit(1).executeTakeFirst();
}

export async function updateSchool(db: Db, id: number, changes: { name?: string; registration_number?: string | null; director?: string | null; test_deadline_days?: number | null; language?: string | null }): Promise<School> {
  return db.updateTable('school').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}
