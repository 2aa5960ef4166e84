import type { Insertable } from 'kysely';
import type { Db } from '../connection.ts';
import { byKeys } from '../../domain/latvian-order.ts';
import type { Guardian, GuardianTable } from '../schema.ts';

export interface GuardianView {
  id: number;
  first_name: string;
  last_name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  students: { student: string; relation: string }[];
}

export async function insertGuardian(db: Db, guardian: Insertable<GuardianTable>): Promise<Guardian> {
  return db.insertInto('guardian').values(guardian).returningAll().executeTakeFirstOrThrow();
}

export async function findGuardian(db: Db, schoolId: number, id: number): Promise<Guardian | undefined> {
  return db.selectFrom('guardian').selectAll().where('school_id', '=', schoolId).where('id', '=', id).executeTakeFirst();
}

export async function updateGuardian(db: Db, id: number, changes: Partial<Omit<Guardian, 'id' | 'school_id' | 'created_at'>>): Promise<void> {
  await db.updateTable('guardian').set(changes).where('id', '=', id).execute();
}

export async function linkGuardian(db: Db, link: { student_id: number; guardian_id: number; relation: string }): Promise<void> {
  await db.insertInto('student_guardian').values(link).execute();
}

export async function isLinked(db: Db, studentId: number, guardianId: number): Promise<boolean> {
  const row = await db.selectFrom('student_guardian').select('guardian_id').where('student_id', '=', studentId).where('guardian_id', '=', guardianId).executeTakeFirst();
  return !!row;
}

export async function listGuardianViews(db: Db, schoolId: number, filter: { studentIds?: readonly number[]; guardianId?: number } = {}): Promise<GuardianView[]> {
  let query = db.selectFrom('guardian as g').selectAll('g').where('g.school_id', '=', schoolId);
  if (filter.guardianId) query = query.where('g.id', '=', filter.guardianId);
  if (filter.studentIds) {
    const ids = [...filter.studentIds];
    if (ids.length === 0) return [];
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('student_guardian as l').select('l.guardian_id').whereRef('l.guardian_id', '=', 'g.id').where('l.student_id', 'in', ids)),
    );
  }
  const guardians = await query.execute();
  guardians.sort(byKeys((g) => g.last_name, (g) => g.first_name, (g) => g.id));
  if (guardians.length === 0) return [];
  const links = await db
    .selectFrom('student_guardian as l')
    .innerJoin('student as s', 's.id', 'l.student_id')
    .select(['l.guardian_id', 's.code as student', 'l.relation'])
    .where('l.guardian_id', 'in', guardians.map((g) => g.id))
    .orderBy('s.code')
    .execute();
  return guardians.map((g) => ({
    id: g.id,
    first_name: g.first_name,
    last_name: g.last_name,
    phone: g.phone,
    email: g.email,
    address: g.address,
    students: links.filter((l) => l.guardian_id === g.id).map(({ student, relation }) => ({ student, relation })),
  }));
}
