import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../connection.ts';
import type { SmsMessage, SmsOutboxTable, SmsState } from '../schema.ts';

export async function insertSms(db: Db, message: Insertable<SmsOutboxTable>): Promise<SmsMessage> {
  return db.insertInto('sms_outbox').values(message).returningAll().executeTakeFirstOrThrow();
}

export async function updateSms(db: Db, id: number, changes: Updateable<SmsOutboxTable>): Promise<void> {
  await db.updateTable('sms_outbox').set(changes).where('id', '=', id).execute();
}

export async function findSms(db: Db, id: number): Promise<SmsMessage | undefined> {
  return db.selectFrom('sms_outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listSms(db: Db, schoolId: number, filter: { states?: readonly SmsState[]; accountId?: number } = {}): Promise<SmsMessage[]> {
  let query = db.selectFrom('sms_outbox').selectAll().where('school_id', '=', schoolId);
  if (filter.states) query = query.where('state', 'in', [...filter.states]);
  if (filter.accountId !== undefined) query = query.where('account_id', '=', filter.accountId);
  return query.orderBy('id').execute();
}

/**
 * Takes a message for one sender: true when this caller got it. A claim older
 * than `staleBefore` belonged to a sender that died and is taken over.
 */
export async function claimSms(db: Db, id: number, states: readonly SmsState[], at: string, staleBefore: string): Promise<boolean> {
  const result = await db
    .updateTable('sms_outbox')
    .set({ sending_since: at })
    .where('id', '=', id)
    .where('state', 'in', [...states])
    .where((eb) => eb.or([eb('sending_since', 'is', null), eb('sending_since', '<', staleBefore)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
