import type { Db } from '../connection.ts';

export interface GuestGrantView {
  id: number;
  guest: string;
  guest_name: string;
  year: string;
  class: string;
  until: string;
  granted_by: string;
  granted_at: string;
}

/** Grants the guest the class until the day, or moves the day of a grant they already hold. */
export async function upsertGuestGrant(db: Db, grant: { staff_id: number; class_id: number; until: string; granted_by: number; granted_at: string }): Promise<void> {
  await db
    .insertInto('guest_grant')
    .values(grant)
    .onConflict((oc) => oc.columns(['staff_id', 'class_id']).doUpdateSet({ until: grant.until, granted_by: grant.granted_by, granted_at: grant.granted_at }))
    .execute();
}

/** Removes the guest's grant of the class; how many rows went (0 or 1). */
export async function deleteGuestGrant(db: Db, staffId: number, classId: number): Promise<number> {
  const result = await db.deleteFrom('guest_grant').where('staff_id', '=', staffId).where('class_id', '=', classId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function listGuestGrantViews(db: Db, schoolId: number, filter: { staffId?: number } = {}): Promise<GuestGrantView[]> {
  let query = db
    .selectFrom('guest_grant as g')
    .innerJoin('staff as s', 's.id', 'g.staff_id')
    .innerJoin('school_class as c', 'c.id', 'g.class_id')
    .innerJoin('school_year as y', 'y.id', 'c.school_year_id')
    .innerJoin('staff as b', 'b.id', 'g.granted_by')
    .select(['g.id', 's.code as guest', 's.first_name', 's.last_name', 'y.code as year', 'c.code as class', 'g.until', 'b.code as granted_by', 'g.granted_at'])
    .where('s.school_id', '=', schoolId);
  if (filter.staffId) query = query.where('g.staff_id', '=', filter.staffId);
  const rows = await query.orderBy('s.code').orderBy('y.code').orderBy('c.level').orderBy('c.code').execute();
  return rows.map(({ first_name, last_name, ...r }) => ({ ...r, guest_name: `${first_name} ${last_name}`.trim() }));
}
