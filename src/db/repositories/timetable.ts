import type { Insertable } from 'kysely';
import type { Db } from '../connection.ts';
import type { TimetableSlot, TimetableSlotTable } from '../schema.ts';

/** A timetable slot with its class, subject and teacher named. */
export interface TimetableSlotView {
  id: number;
  class: string;
  class_id: number;
  weekday: number;
  number: number;
  subject: string;
  subject_id: number;
  subject_name: string;
  teacher: string;
  teacher_id: number;
  teacher_name: string;
  valid_from: string;
  valid_to: string | null;
  /** The group whose lesson the slot is; null: the whole class. */
  group_id: number | null;
  group: string | null;
}

export interface TimetableFilter {
  yearId: number;
  classIds?: readonly number[];
  teacherId?: number;
  /** Slots holding on this day. */
  on?: string;
  /** Slots holding on any day of from..to. */
  from?: string;
  to?: string;
  ids?: readonly number[];
}

export async function insertTimetableSlot(db: Db, slot: Insertable<TimetableSlotTable>): Promise<TimetableSlot> {
  return db.insertInto('timetable_slot').values(slot).returningAll().executeTakeFirstOrThrow();
}

/** Every row a place (class, weekday, lesson number) ever had, oldest first. */
export async function slotsAtPlace(db: Db, classId: number, weekday: number, number: number): Promise<TimetableSlot[]> {
  return db
    .selectFrom('timetable_slot')
    .selectAll()
    .where('class_id', '=', classId)
    .where('weekday', '=', weekday)
    .where('number', '=', number)
    .orderBy('valid_from')
    .execute();
}

export async function endTimetableSlot(db: Db, id: number, validTo: string): Promise<void> {
  await db.updateTable('timetable_slot').set({ valid_to: validTo }).where('id', '=', id).execute();
}

export async function deleteTimetableSlots(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('timetable_slot').where('id', 'in', [...ids]).execute();
}

export async function listTimetableSlotViews(db: Db, filter: TimetableFilter): Promise<TimetableSlotView[]> {
  let query = db
    .selectFrom('timetable_slot as t')
    .innerJoin('school_class as c', 'c.id', 't.class_id')
    .innerJoin('subject as s', 's.id', 't.subject_id')
    .innerJoin('staff as p', 'p.id', 't.teacher_id')
    .leftJoin('study_group as g', 'g.id', 't.group_id')
    .select([
      't.group_id',
      'g.code as group',
      't.id',
      'c.code as class',
      't.class_id',
      't.weekday',
      't.number',
      's.code as subject',
      't.subject_id',
      's.name as subject_name',
      'p.code as teacher',
      't.teacher_id',
      'p.first_name',
      'p.last_name',
      't.valid_from',
      't.valid_to',
    ])
    .where('c.school_year_id', '=', filter.yearId);
  if (filter.classIds) query = query.where('t.class_id', 'in', filter.classIds.length > 0 ? [...filter.classIds] : [-1]);
  if (filter.teacherId !== undefined) query = query.where('t.teacher_id', '=', filter.teacherId);
  if (filter.ids) query = query.where('t.id', 'in', filter.ids.length > 0 ? [...filter.ids] : [-1]);
  const until = filter.on ?? filter.to;
  const since = filter.on ?? filter.from;
  if (until !== undefined) query = query.where('t.valid_from', '<=', until);
  if (since !== undefined) query = query.where((eb) => eb.or([eb('t.valid_to', 'is', null), eb('t.valid_to', '>=', since)]));
  // Two groups side by side in one slot come in one order on every dialect: by id, the order they were set in.
  const rows = await query.orderBy('c.level').orderBy('c.code').orderBy('t.weekday').orderBy('t.number').orderBy('t.valid_from').orderBy('t.id').execute();
  return rows.map(({ first_name, last_name, ...r }) => ({ ...r, group_id: r.group_id ?? null, group: r.group ?? null, teacher_name: `${first_name} ${last_name}` }));
}
