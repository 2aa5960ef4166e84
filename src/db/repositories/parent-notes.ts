import type { Insertable } from 'kysely';
import type { Db } from '../connection.ts';
import type { ParentNote, ParentNoteTable } from '../schema.ts';

export interface ParentNoteView {
  id: number;
  /** The student's code, or null for a note to the whole class. */
  student: string | null;
  student_name: string | null;
  class: string;
  text: string;
  valid_from: string;
  valid_until: string | null;
  author: string;
  author_name: string;
  created_at: string;
  removed: boolean;
  removed_by: string | null;
  removed_at: string | null;
}

export interface ParentNoteFilter {
  schoolId?: number;
  ids?: readonly number[];
  /** Every note filed under this class: the class's own and its students'. */
  classId?: number;
  /** The students' own notes, or the whole-class notes of these classes (either matches). */
  studentIds?: readonly number[];
  wholeClassIds?: readonly number[];
  /** Notes valid on some day of from..to. */
  from?: string;
  to?: string;
  includeRemoved?: boolean;
}

export async function insertParentNote(db: Db, note: Insertable<ParentNoteTable>): Promise<ParentNote> {
  return db.insertInto('parent_note').values(note).returningAll().executeTakeFirstOrThrow();
}

export async function findParentNote(db: Db, schoolId: number, id: number): Promise<ParentNote | undefined> {
  return db.selectFrom('parent_note').selectAll().where('school_id', '=', schoolId).where('id', '=', id).executeTakeFirst();
}

export async function markParentNoteRemoved(db: Db, id: number, removal: { removed_by: number; removed_at: string }): Promise<void> {
  await db.updateTable('parent_note').set(removal).where('id', '=', id).execute();
}

function notesQuery(db: Db, filter: ParentNoteFilter) {
  let query = db
    .selectFrom('parent_note as n')
    .leftJoin('student as st', 'st.id', 'n.student_id')
    .innerJoin('school_class as c', 'c.id', 'n.class_id')
    .innerJoin('staff as a', 'a.id', 'n.created_by')
    .leftJoin('staff as r', 'r.id', 'n.removed_by')
    .select([
      'n.id',
      'n.student_id',
      'n.class_id',
      'st.code as student',
      'st.first_name',
      'st.last_name',
      'c.code as class',
      'n.text',
      'n.valid_from',
      'n.valid_until',
      'a.code as author',
      'a.first_name as author_first',
      'a.last_name as author_last',
      'n.created_at',
      'r.code as removed_by',
      'n.removed_at',
    ]);
  if (filter.schoolId !== undefined) query = query.where('n.school_id', '=', filter.schoolId);
  if (!filter.includeRemoved) query = query.where('n.removed_at', 'is', null);
  if (filter.ids) query = query.where('n.id', 'in', [...filter.ids]);
  if (filter.classId) query = query.where('n.class_id', '=', filter.classId);
  const studentIds = filter.studentIds ? [...filter.studentIds] : undefined;
  const wholeClassIds = filter.wholeClassIds ? [...filter.wholeClassIds] : undefined;
  if (studentIds || wholeClassIds) {
    query = query.where((eb) =>
      eb.or([
        ...(studentIds?.length ? [eb('n.student_id', 'in', studentIds)] : []),
        ...(wholeClassIds?.length ? [eb.and([eb('n.student_id', 'is', null), eb('n.class_id', 'in', wholeClassIds)])] : []),
      ]),
    );
  }
  if (filter.to) query = query.where('n.valid_from', '<=', filter.to);
  if (filter.from) {
    const from = filter.from;
    query = query.where((eb) => eb.or([eb('n.valid_until', 'is', null), eb('n.valid_until', '>=', from)]));
  }
  return query.orderBy('n.valid_from').orderBy('n.id');
}

export async function listParentNoteViews(db: Db, filter: ParentNoteFilter): Promise<ParentNoteView[]> {
  const rows = await notesQuery(db, filter).execute();
  return rows.map(({ first_name, last_name, author_first, author_last, student_id: _s, class_id: _c, ...r }) => ({
    ...r,
    student_name: first_name === null ? null : `${first_name} ${last_name}`,
    author_name: `${author_first} ${author_last}`,
    removed: r.removed_at !== null,
  }));
}

/** A note for parents as the monthly extract prints it. */
export interface ExtractParentNote {
  id: number;
  /** Set for a student's own note; null for the whole class's. */
  student_id: number | null;
  class_id: number;
  text: string;
  valid_from: string;
  valid_until: string | null;
  author_name: string;
}

/**
 * Notes valid on some day of from..to (inclusive): the students' own, and the
 * whole-class notes of the classes (regulation §16; REFERENCE §6: notes for
 * parents go into the extract).
 */
export async function notesForExtract(db: Db, studentIds: readonly number[], classIds: readonly number[], from: string, to: string): Promise<ExtractParentNote[]> {
  if (studentIds.length === 0 && classIds.length === 0) return [];
  const rows = await notesQuery(db, { studentIds, wholeClassIds: classIds, from, to }).execute();
  return rows.map((r) => ({
    id: r.id,
    student_id: r.student_id,
    class_id: r.class_id,
    text: r.text,
    valid_from: r.valid_from,
    valid_until: r.valid_until,
    author_name: `${r.author_first} ${r.author_last}`,
  }));
}
