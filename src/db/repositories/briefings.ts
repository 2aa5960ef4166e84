import type { Insertable } from 'kysely';
import type { Db } from '../connection.ts';
import { byKeys } from '../../domain/latvian-order.ts';
import type { Briefing, BriefingTable } from '../schema.ts';
import { classMembersOn } from './students.ts';

export interface BriefedStudent {
  student: string;
  name: string;
}

export interface BriefingView {
  id: number;
  class: string;
  date: string;
  topic: string;
  /** Who was briefed. */
  briefed: BriefedStudent[];
  /** In the class that day but not briefed: they must be briefed later. */
  absent: BriefedStudent[];
  author: string;
  author_name: string;
  created_at: string;
}

export interface BriefingFilter {
  yearId?: number;
  ids?: readonly number[];
  classId?: number;
  from?: string;
  to?: string;
}

export async function insertBriefing(db: Db, briefing: Insertable<BriefingTable>, studentIds: readonly number[]): Promise<Briefing> {
  const row = await db.insertInto('briefing').values(briefing).returningAll().executeTakeFirstOrThrow();
  if (studentIds.length > 0) {
    await db.insertInto('briefing_student').values(studentIds.map((student_id) => ({ briefing_id: row.id, student_id }))).execute();
  }
  return row;
}

export async function listBriefingViews(db: Db, filter: BriefingFilter): Promise<BriefingView[]> {
  let query = db
    .selectFrom('briefing as b')
    .innerJoin('school_class as c', 'c.id', 'b.class_id')
    .innerJoin('staff as a', 'a.id', 'b.created_by')
    .select(['b.id', 'b.class_id', 'c.code as class', 'b.date', 'b.topic', 'a.code as author', 'a.first_name', 'a.last_name', 'b.created_at']);
  if (filter.yearId !== undefined) query = query.where('c.school_year_id', '=', filter.yearId);
  if (filter.ids) query = query.where('b.id', 'in', [...filter.ids]);
  if (filter.classId) query = query.where('b.class_id', '=', filter.classId);
  if (filter.from) query = query.where('b.date', '>=', filter.from);
  if (filter.to) query = query.where('b.date', '<=', filter.to);
  const briefings = await query.execute();
  briefings.sort(byKeys((b) => b.date, (b) => b.class, (b) => b.id));
  if (briefings.length === 0) return [];
  const links = await db
    .selectFrom('briefing_student')
    .select(['briefing_id', 'student_id'])
    .where('briefing_id', 'in', briefings.map((b) => b.id))
    .execute();
  const views: BriefingView[] = [];
  for (const { class_id, first_name, last_name, ...b } of briefings) {
    const briefedIds = new Set(links.filter((l) => l.briefing_id === b.id).map((l) => l.student_id));
    // A briefed student who has since left the class still counts as briefed.
    const members = await classMembersOn(db, class_id, b.date);
    const named = (m: { code: string; first_name: string; last_name: string }) => ({ student: m.code, name: `${m.first_name} ${m.last_name}` });
    const briefedOutsiders = await briefedNotMembers(db, [...briefedIds].filter((id) => !members.some((m) => m.id === id)));
    views.push({
      ...b,
      briefed: [...members.filter((m) => briefedIds.has(m.id)), ...briefedOutsiders].map(named),
      absent: members.filter((m) => !briefedIds.has(m.id)).map(named),
      author_name: `${first_name} ${last_name}`,
    });
  }
  return views;
}

async function briefedNotMembers(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('student').select(['id', 'code', 'first_name', 'last_name']).where('id', 'in', [...ids]).orderBy('code').execute();
}
