import type { Insertable } from 'kysely';
import type { Db } from '../connection.ts';
import type { Subject, SubjectTable } from '../schema.ts';

export async function insertSubject(db: Db, subject: Insertable<SubjectTable>): Promise<Subject> {
  return db.insertInto('subject').values(subject).returningAll().executeTakeFirstOrThrow();
}

export async function findSubjectByCode(db: Db, schoolId: number, code: string): Promise<Subject | undefined> {
  return db.selectFrom('subject').selectAll().where('school_id', '=', schoolId).where('code', '=', code).executeTakeFirst();
}

export async function listSubjects(db: Db, schoolId: number): Promise<Subject[]> {
  return db.selectFrom('subject').selectAll().where('school_id', '=', schoolId).orderBy('code').execute();
}

export async function updateSubject(db: Db, id: number, changes: { name?: string }): Promise<Subject> {
  return db.updateTable('subject').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function findSubjectById(db: Db, id: number): Promise<Subject | undefined> {
  return db.selectFrom('subject').selectAll().where('id', '=', id).executeTakeFirst();
}
