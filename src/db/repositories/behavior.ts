import type { Insertable } from 'kysely';
import type { Db } from '../connection.ts';
import { byKeys } from '../../domain/latvian-order.ts';
import type { BehaviorEntry, BehaviorEntryTable, BehaviorKind } from '../schema.ts';

export interface BehaviorView {
  id: number;
  date: string;
  class: string;
  student: string;
  student_name: string;
  kind: BehaviorKind;
  text: string;
  author: string;
  author_name: string;
  created_at: string;
  removed: boolean;
  removed_by: string | null;
  removed_at: string | null;
  removed_reason: string | null;
}

export interface BehaviorFilter {
  /** Entries written in this school year's classes; omitted only when fetching by ids. */
  yearId?: number;
  ids?: readonly number[];
  studentId?: number;
  classId?: number;
  from?: string;
  to?: string;
  kind?: BehaviorKind;
  includeRemoved?: boolean;
}

export async function insertBehaviorEntry(db: Db, entry: Insertable<BehaviorEntryTable>): Promise<BehaviorEntry> {
  return db.insertInto('behavior_entry').values(entry).returningAll().executeTakeFirstOrThrow();
}

export async function findBehaviorEntry(db: Db, schoolId: number, id: number): Promise<BehaviorEntry | undefined> {
  return db.selectFrom('behavior_entry').selectAll().where('school_id', '=', schoolId).where('id', '=', id).executeTakeFirst();
}

export async function markBehaviorEntryRemoved(db: Db, id: number, removal: { removed_by: number; removed_at: string; removed_reason: string }): Promise<void> {
  await db.updateTable('behavior_entry').set(removal).where('id', '=', id).execute();
}

export async function listBehaviorViews(db: Db, filter: BehaviorFilter): Promise<BehaviorView[]> {
  let query = db
    .selectFrom('behavior_entry as b')
    .innerJoin('school_class as c', 'c.id', 'b.class_id')
    .innerJoin('student as st', 'st.id', 'b.student_id')
    .innerJoin('staff as a', 'a.id', 'b.created_by')
    .leftJoin('staff as r', 'r.id', 'b.removed_by')
    .select([
      'b.id',
      'b.date',
      'c.code as class',
      'st.code as student',
      'st.first_name',
      'st.last_name',
      'b.kind',
      'b.text',
      'a.code as author',
      'a.first_name as author_first',
      'a.last_name as author_last',
      'b.created_at',
      'r.code as removed_by',
      'b.removed_at',
      'b.removed_reason',
    ]);
  if (filter.yearId !== undefined) query = query.where('c.school_year_id', '=', filter.yearId);
  if (!filter.includeRemoved) query = query.where('b.removed_at', 'is', null);
  if (filter.ids) query = query.where('b.id', 'in', [...filter.ids]);
  if (filter.studentId) query = query.where('b.student_id', '=', filter.studentId);
  if (filter.classId) query = query.where('b.class_id', '=', filter.classId);
  if (filter.from) query = query.where('b.date', '>=', filter.from);
  if (filter.to) query = query.where('b.date', '<=', filter.to);
  if (filter.kind) query = query.where('b.kind', '=', filter.kind);
  const rows = await query.execute();
  rows.sort(byKeys((r) => r.date, (r) => r.class, (r) => r.last_name, (r) => r.first_name, (r) => r.id));
  return rows.map(({ first_name, last_name, author_first, author_last, ...r }) => ({
    ...r,
    student_name: `${first_name} ${last_name}`,
    author_name: `${author_first} ${author_last}`,
    removed: r.removed_at !== null,
  }));
}

/** A behaviour remark as the monthly extract prints it (regulation §29: remarks flow into the extracts). */
export interface ExtractBehaviorEntry {
  student_id: number;
  date: string;
  kind: BehaviorKind;
  text: string;
  author_name: string;
}

/** The students' remarks dated from..to (inclusive), removed ones left out, oldest first. */
export async function behaviorForExtract(db: Db, studentIds: readonly number[], from: string, to: string): Promise<ExtractBehaviorEntry[]> {
  if (studentIds.length === 0) return [];
  const rows = await db
    .selectFrom('behavior_entry as b')
    .innerJoin('staff as a', 'a.id', 'b.created_by')
    .select(['b.id', 'b.student_id', 'b.date', 'b.kind', 'b.text', 'a.first_name', 'a.last_name'])
    .where('b.student_id', 'in', [...studentIds])
    .where('b.removed_at', 'is', null)
    .where('b.date', '>=', from)
    .where('b.date', '<=', to)
    .orderBy('b.date')
    .orderBy('b.id')
    .execute();
  return rows.map((r) => ({ student_id: r.student_id, date: r.date, kind: r.kind, text: r.text, author_name: `${r.first_name} ${r.last_name}` }));
}
