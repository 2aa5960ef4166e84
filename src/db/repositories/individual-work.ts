import type { Insertable } from 'kysely';
import type { Db } from '../connection.ts';
import { byKeys } from '../../domain/latvian-order.ts';
import type { IndividualWorkKind, IndividualWorkTable } from '../schema.ts';

export interface IndividualWorkView {
  id: number;
  kind: IndividualWorkKind;
  date: string;
  students: { code: string; name: string }[];
  text: string;
  author: string;
  author_name: string;
  created_at: string;
}

export interface IndividualWorkFilter {
  ids?: readonly number[];
  authorId?: number;
  studentId?: number;
  from?: string;
  to?: string;
}

export async function insertIndividualWork(db: Db, entry: Insertable<IndividualWorkTable>, studentIds: readonly number[]): Promise<number> {
  const row = await db.insertInto('individual_work').values(entry).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('individual_work_student').values(studentIds.map((student_id) => ({ individual_work_id: row.id, student_id }))).execute();
  return row.id;
}

/** Entries with their students, oldest first. Who may read which is the service's decision. */
export async function listIndividualWorkViews(db: Db, schoolId: number, filter: IndividualWorkFilter): Promise<IndividualWorkView[]> {
  let query = db
    .selectFrom('individual_work as w')
    .innerJoin('staff as a', 'a.id', 'w.created_by')
    .select(['w.id', 'w.kind', 'w.date', 'w.text', 'a.code as author', 'a.first_name', 'a.last_name', 'w.created_at'])
    .where('w.school_id', '=', schoolId);
  if (filter.ids) query = query.where('w.id', 'in', filter.ids.length > 0 ? [...filter.ids] : [-1]);
  if (filter.authorId !== undefined) query = query.where('w.created_by', '=', filter.authorId);
  if (filter.from) query = query.where('w.date', '>=', filter.from);
  if (filter.to) query = query.where('w.date', '<=', filter.to);
  if (filter.studentId !== undefined) {
    const studentId = filter.studentId;
    query = query.where('w.id', 'in', db.selectFrom('individual_work_student').select('individual_work_id').where('student_id', '=', studentId));
  }
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('individual_work_student as l')
    .innerJoin('student as st', 'st.id', 'l.student_id')
    .select(['l.individual_work_id', 'st.code', 'st.first_name', 'st.last_name'])
    .where('l.individual_work_id', 'in', rows.map((r) => r.id))
    .execute();
  links.sort(byKeys((l) => l.last_name, (l) => l.first_name, (l) => l.code));
  return rows
    .sort(byKeys((r) => r.date, (r) => r.id))
    .map(({ first_name, last_name, ...r }) => ({
      id: r.id,
      kind: r.kind,
      date: r.date,
      students: links.filter((l) => l.individual_work_id === r.id).map((l) => ({ code: l.code, name: `${l.first_name} ${l.last_name}` })),
      text: r.text,
      author: r.author,
      author_name: `${first_name} ${last_name}`,
      created_at: r.created_at,
    }));
}

/** The staff id of an entry's author, or undefined when there is no such entry. */
export async function individualWorkAuthor(db: Db, schoolId: number, id: number): Promise<number | undefined> {
  const row = await db.selectFrom('individual_work').select('created_by').where('school_id', '=', schoolId).where('id', '=', id).executeTakeFirst();
  return row?.created_by;
}
