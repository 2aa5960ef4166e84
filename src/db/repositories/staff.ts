import type { Insertable } from 'kysely';
import type { Db } from '../connection.ts';
import { byKeys } from '../../domain/latvian-order.ts';
import type { Staff, StaffTable } from '../schema.ts';
import type { Role } from '../../domain/roles.ts';

export type StaffWithRoles = Staff & { roles: Role[] };

async function withRoles(db: Db, rows: Staff[]): Promise<StaffWithRoles[]> {
  if (rows.length === 0) return [];
  const roles = await db
    .selectFrom('staff_role')
    .select(['staff_id', 'role'])
    .where('staff_id', 'in', rows.map((r) => r.id))
    .orderBy('role')
    .execute();
  return rows.map((row) => ({ ...row, roles: roles.filter((r) => r.staff_id === row.id).map((r) => r.role as Role) }));
}

export async function insertStaff(db: Db, staff: Insertable<StaffTable>, roles: readonly Role[]): Promise<StaffWithRoles> {
  const row = await db.insertInto('staff').values(staff).returningAll().executeTakeFirstOrThrow();
  await replaceRoles(db, row.id, roles);
  return { ...row, roles: [...roles].sort() };
}

export async function replaceRoles(db: Db, staffId: number, roles: readonly Role[]): Promise<void> {
  await db.deleteFrom('staff_role').where('staff_id', '=', staffId).execute();
  if (roles.length > 0) {
    await db.insertInto('staff_role').values(roles.map((role) => ({ staff_id: staffId, role }))).execute();
  }
}

export async function findStaffByCode(db: Db, schoolId: number, code: string): Promise<StaffWithRoles | undefined> {
  const row = await db.selectFrom('staff').selectAll().where('school_id', '=', schoolId).where('code', '=', code).executeTakeFirst();
  return row ? (await withRoles(db, [row]))[0] : undefined;
}

export async function findStaffById(db: Db, id: number): Promise<StaffWithRoles | undefined> {
  const row = await db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await withRoles(db, [row]))[0] : undefined;
}

export async function listStaff(db: Db, schoolId: number, filter: { role?: Role } = {}): Promise<StaffWithRoles[]> {
  let query = db.selectFrom('staff').selectAll('staff').where('staff.school_id', '=', schoolId);
  if (filter.role) {
    const role = filter.role;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('staff_role').select('staff_role.staff_id').whereRef('staff_role.staff_id', '=', 'staff.id').where('staff_role.role', '=', role)),
    );
  }
  const rows = await query.execute();
  rows.sort(byKeys((r) => r.last_name, (r) => r.first_name, (r) => r.code));
  return withRoles(db, rows);
}

export async function updateStaff(db: Db, id: number, changes: Partial<Pick<Staff, 'first_name' | 'last_name' | 'phone' | 'email' | 'active' | 'updated_at'>>): Promise<void> {
  await db.updateTable('staff').set(changes).where('id', '=', id).execute();
}
