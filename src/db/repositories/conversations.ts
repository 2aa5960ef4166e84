import type { Insertable } from 'kysely';
import type { Db } from '../connection.ts';
import { byKeys } from '../../domain/latvian-order.ts';
import type { ParentConversation, ParentConversationTable } from '../schema.ts';

export interface ConversationView {
  id: number;
  date: string;
  class: string;
  student: string;
  student_name: string;
  guardian_id: number;
  guardian_name: string;
  relation: string | null;
  summary: string;
  agreed: string | null;
  author: string;
  author_name: string;
  created_at: string;
}

export interface ConversationFilter {
  yearId?: number;
  ids?: readonly number[];
  studentId?: number;
  classIds?: readonly number[];
}

export async function insertConversation(db: Db, conversation: Insertable<ParentConversationTable>): Promise<ParentConversation> {
  return db.insertInto('parent_conversation').values(conversation).returningAll().executeTakeFirstOrThrow();
}

export async function listConversationViews(db: Db, filter: ConversationFilter): Promise<ConversationView[]> {
  let query = db
    .selectFrom('parent_conversation as p')
    .innerJoin('school_class as c', 'c.id', 'p.class_id')
    .innerJoin('student as st', 'st.id', 'p.student_id')
    .innerJoin('guardian as g', 'g.id', 'p.guardian_id')
    .leftJoin('student_guardian as l', (join) => join.onRef('l.student_id', '=', 'p.student_id').onRef('l.guardian_id', '=', 'p.guardian_id'))
    .innerJoin('staff as a', 'a.id', 'p.created_by')
    .select([
      'p.id',
      'p.date',
      'c.code as class',
      'st.code as student',
      'st.first_name',
      'st.last_name',
      'p.guardian_id',
      'g.first_name as guardian_first',
      'g.last_name as guardian_last',
      'l.relation',
      'p.summary',
      'p.agreed',
      'a.code as author',
      'a.first_name as author_first',
      'a.last_name as author_last',
      'p.created_at',
    ]);
  if (filter.yearId !== undefined) query = query.where('c.school_year_id', '=', filter.yearId);
  if (filter.ids) query = query.where('p.id', 'in', [...filter.ids]);
  if (filter.studentId) query = query.where('p.student_id', '=', filter.studentId);
  if (filter.classIds) {
    if (filter.classIds.length === 0) return [];
    query = query.where('p.class_id', 'in', [...filter.classIds]);
  }
  const rows = await query.execute();
  rows.sort(byKeys((r) => r.date, (r) => r.class, (r) => r.last_name, (r) => r.first_name, (r) => r.id));
  return rows.map(({ first_name, last_name, guardian_first, guardian_last, author_first, author_last, ...r }) => ({
    ...r,
    student_name: `${first_name} ${last_name}`,
    guardian_name: `${guardian_first} ${guardian_last}`,
    author_name: `${author_first} ${author_last}`,
  }));
}
