import type { Insertable } from 'kysely';
import type { Db } from '../connection.ts';
import type { ExtractAck, ExtractAckTable } from '../schema.ts';

/** A recorded slip as commands print it: codes and names instead of ids. */
export interface ExtractAckView {
  id: number;
  month: string;
  student: string;
  student_name: string;
  returned_on: string;
  guardian_id: number | null;
  guardian: string | null;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

export async function findExtractAck(db: Db, studentId: number, month: string): Promise<ExtractAck | undefined> {
  return db.selectFrom('extract_ack').selectAll().where('student_id', '=', studentId).where('month', '=', month).executeTakeFirst();
}

export async function insertExtractAck(db: Db, ack: Insertable<ExtractAckTable>): Promise<number> {
  const row = await db.insertInto('extract_ack').values(ack).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateExtractAck(db: Db, id: number, changes: Pick<ExtractAck, 'returned_on' | 'guardian_id' | 'note' | 'recorded_by' | 'recorded_at'>): Promise<void> {
  await db.updateTable('extract_ack').set(changes).where('id', '=', id).execute();
}

export async function findExtractAckView(db: Db, id: number): Promise<ExtractAckView | undefined> {
  const row = await db
    .selectFrom('extract_ack as a')
    .innerJoin('student as s', 's.id', 'a.student_id')
    .innerJoin('staff as r', 'r.id', 'a.recorded_by')
    .leftJoin('guardian as g', 'g.id', 'a.guardian_id')
    .select([
      'a.id',
      'a.month',
      's.code as student',
      's.first_name',
      's.last_name',
      'a.returned_on',
      'a.guardian_id',
      'g.first_name as guardian_first_name',
      'g.last_name as guardian_last_name',
      'a.note',
      'r.code as recorded_by',
      'a.recorded_at',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { first_name, last_name, guardian_first_name, guardian_last_name, ...rest } = row;
  return { ...rest, student_name: `${first_name} ${last_name}`, guardian: guardian_first_name === null ? null : `${guardian_first_name} ${guardian_last_name}` };
}
