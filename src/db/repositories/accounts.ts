import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../connection.ts';
import type { Account, AccountKind, AccountTable } from '../schema.ts';

export async function insertAccount(db: Db, account: Insertable<AccountTable>): Promise<Account> {
  return db.insertInto('account').values(account).returningAll().executeTakeFirstOrThrow();
}

export async function updateAccount(db: Db, id: number, changes: Updateable<AccountTable>): Promise<Account> {
  return db.updateTable('account').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function findAccountOf(db: Db, schoolId: number, kind: AccountKind, personId: number): Promise<Account | undefined> {
  return db.selectFrom('account').selectAll().where('school_id', '=', schoolId).where('kind', '=', kind).where('person_id', '=', personId).executeTakeFirst();
}

export async function findAccountByUsername(db: Db, schoolId: number, username: string): Promise<Account | undefined> {
  return db.selectFrom('account').selectAll().where('school_id', '=', schoolId).where('username', '=', username).executeTakeFirst();
}

/** Usernames that are `base` or start with it: the candidates a new namesake must avoid. */
export async function usernamesLike(db: Db, schoolId: number, base: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('account')
    .select('username')
    .where('school_id', '=', schoolId)
    .where((eb) => eb.or([eb('username', '=', base), eb('username', 'like', `${base.replace(/[\\%_]/g, '\\$&')}%`)]))
    .execute();
  return new Set(rows.map((r) => r.username));
}

/** An account with the name and code of its person, for lists. */
export interface AccountRow extends Account {
  first_name: string;
  last_name: string;
  /** The student's or staff member's code; a guardian's id. */
  person_code: string;
}

export async function listAccountRows(db: Db, schoolId: number, filter: { kind?: AccountKind; ids?: readonly number[] } = {}): Promise<AccountRow[]> {
  let query = db
    .selectFrom('account as a')
    .leftJoin('student as st', (j) => j.onRef('st.id', '=', 'a.person_id').on('a.kind', '=', 'student'))
    .leftJoin('guardian as g', (j) => j.onRef('g.id', '=', 'a.person_id').on('a.kind', '=', 'guardian'))
    .leftJoin('staff as sf', (j) => j.onRef('sf.id', '=', 'a.person_id').on('a.kind', '=', 'staff'))
    .selectAll('a')
    .select((eb) => [
      eb.fn.coalesce('st.first_name', 'g.first_name', 'sf.first_name').$castTo<string>().as('first_name'),
      eb.fn.coalesce('st.last_name', 'g.last_name', 'sf.last_name').$castTo<string>().as('last_name'),
      eb.fn.coalesce('st.code', eb.cast<string>('g.id', 'text'), 'sf.code').$castTo<string>().as('person_code'),
    ])
    .where('a.school_id', '=', schoolId);
  if (filter.kind) query = query.where('a.kind', '=', filter.kind);
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    query = query.where('a.id', 'in', [...filter.ids]);
  }
  return query.orderBy('a.username').execute() as Promise<AccountRow[]>;
}

/** Ids of `kind` people with a phone on file and no profile yet (active staff only). */
export async function personIdsWithoutProfile(db: Db, schoolId: number, kind: AccountKind): Promise<number[]> {
  const noProfile = db.selectFrom('account').select('person_id').where('school_id', '=', schoolId).where('kind', '=', kind);
  const rows =
    kind === 'staff'
      ? await db.selectFrom('staff').select('id').where('school_id', '=', schoolId).where('phone', 'is not', null).where('active', '=', 1).where('id', 'not in', noProfile).orderBy('id').execute()
      : await db.selectFrom(kind).select('id').where('school_id', '=', schoolId).where('phone', 'is not', null).where('id', 'not in', noProfile).orderBy('id').execute();
  return rows.map((r) => r.id);
}
