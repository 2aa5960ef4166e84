import type { Insertable } from 'kysely';
import type { Db } from '../connection.ts';
import { byKeys } from '../../domain/latvian-order.ts';
import type { Inspection, InspectionTable } from '../schema.ts';

export interface InspectionView {
  id: number;
  date: string;
  /** The classes it covered, in class order. */
  classes: string[];
  whole_school: boolean;
  findings: string;
  deadline: string | null;
  author: string;
  author_name: string;
  created_at: string;
}

export interface InspectionFilter {
  yearId: number;
  ids?: readonly number[];
  /** Inspections covering any of these classes. */
  classIds?: readonly number[];
  from?: string;
  to?: string;
}

export async function insertInspection(db: Db, inspection: Insertable<InspectionTable>, classIds: readonly number[]): Promise<Inspection> {
  const row = await db.insertInto('inspection').values(inspection).returningAll().executeTakeFirstOrThrow();
  await db.insertInto('inspection_class').values(classIds.map((classId) => ({ inspection_id: row.id, class_id: classId }))).execute();
  return row;
}

export async function listInspectionViews(db: Db, filter: InspectionFilter): Promise<InspectionView[]> {
  let query = db
    .selectFrom('inspection as i')
    .innerJoin('staff as a', 'a.id', 'i.created_by')
    .select(['i.id', 'i.date', 'i.findings', 'i.deadline', 'i.whole_school', 'a.code as author', 'a.first_name', 'a.last_name', 'i.created_at'])
    .where('i.school_year_id', '=', filter.yearId);
  if (filter.ids) query = query.where('i.id', 'in', filter.ids.length > 0 ? [...filter.ids] : [-1]);
  if (filter.from) query = query.where('i.date', '>=', filter.from);
  if (filter.to) query = query.where('i.date', '<=', filter.to);
  if (filter.classIds) {
    const classIds = filter.classIds.length > 0 ? [...filter.classIds] : [-1];
    query = query.where('i.id', 'in', (eb) => eb.selectFrom('inspection_class').select('inspection_id').where('class_id', 'in', classIds));
  }
  const rows = await query.orderBy('i.date').orderBy('i.id').execute();
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('inspection_class as ic')
    .innerJoin('school_class as c', 'c.id', 'ic.class_id')
    .select(['ic.inspection_id', 'c.code', 'c.level'])
    .where('ic.inspection_id', 'in', rows.map((r) => r.id))
    .execute();
  links.sort(byKeys((l) => l.level, (l) => l.code));
  return rows.map(({ first_name, last_name, whole_school, ...r }) => ({
    id: r.id,
    date: r.date,
    classes: links.filter((l) => l.inspection_id === r.id).map((l) => l.code),
    whole_school: whole_school === 1,
    findings: r.findings,
    deadline: r.deadline,
    author: r.author,
    author_name: `${first_name} ${last_name}`,
    created_at: r.created_at,
  }));
}
