import type { Insertable } from 'kysely';
import type { Db } from '../connection.ts';
import { byKeys } from '../../domain/latvian-order.ts';
import type { Absence, AbsenceChange, AbsenceChangeTable, AbsenceCode, AbsenceTable } from '../schema.ts';

export interface AbsenceView {
  id: number;
  lesson_id: number;
  class: string;
  subject: string;
  date: string;
  number: number;
  student: string;
  student_name: string;
  code: AbsenceCode;
  marked_code: AbsenceCode;
  marked_by: string;
  marked_at: string;
  decided_by: string | null;
  decided_at: string | null;
  note: string | null;
  removed: boolean;
}

export interface AbsenceFilter {
  /** Omitted only when fetching by ids, which may span years. */
  yearId?: number;
  ids?: readonly number[];
  studentId?: number;
  classId?: number;
  lessonId?: number;
  from?: string;
  to?: string;
  code?: AbsenceCode;
  includeRemoved?: boolean;
}

export async function insertAbsence(db: Db, absence: Insertable<AbsenceTable>): Promise<Absence> {
  return db.insertInto('absence').values(absence).returningAll().executeTakeFirstOrThrow();
}

export async function updateAbsence(db: Db, id: number, changes: Partial<Omit<Absence, 'id' | 'school_id' | 'lesson_id' | 'student_id'>>): Promise<void> {
  await db.updateTable('absence').set(changes).where('id', '=', id).execute();
}

export async function insertAbsenceChange(db: Db, change: Insertable<AbsenceChangeTable>): Promise<void> {
  await db.insertInto('absence_change').values(change).execute();
}

export async function findAbsencesOfLesson(db: Db, lessonId: number, studentIds: readonly number[]): Promise<Absence[]> {
  if (studentIds.length === 0) return [];
  return db.selectFrom('absence').selectAll().where('lesson_id', '=', lessonId).where('student_id', 'in', [...studentIds]).execute();
}

export async function findAbsenceById(db: Db, schoolId: number, id: number): Promise<Absence | undefined> {
  return db.selectFrom('absence').selectAll().where('school_id', '=', schoolId).where('id', '=', id).executeTakeFirst();
}

/** The student's absences with a given code in a date range, with the lesson's class. */
export async function findStudentAbsencesInRange(db: Db, studentId: number, from: string, to: string, code: AbsenceCode): Promise<(Absence & { class_id: number; date: string })[]> {
  return db
    .selectFrom('absence as a')
    .innerJoin('lesson as l', 'l.id', 'a.lesson_id')
    .selectAll('a')
    .select(['l.class_id', 'l.date'])
    .where('a.student_id', '=', studentId)
    .where('a.removed', '=', 0)
    .where('a.code', '=', code)
    .where('l.date', '>=', from)
    .where('l.date', '<=', to)
    .orderBy('l.date')
    .orderBy('l.number')
    .execute();
}

export async function listAbsenceViews(db: Db, filter: AbsenceFilter): Promise<AbsenceView[]> {
  let query = db
    .selectFrom('absence as a')
    .innerJoin('lesson as l', 'l.id', 'a.lesson_id')
    .innerJoin('school_class as c', 'c.id', 'l.class_id')
    .innerJoin('subject as s', 's.id', 'l.subject_id')
    .innerJoin('student as st', 'st.id', 'a.student_id')
    .innerJoin('staff as mb', 'mb.id', 'a.marked_by')
    .leftJoin('staff as db', 'db.id', 'a.decided_by')
    .select([
      'a.id',
      'a.lesson_id',
      'c.code as class',
      's.code as subject',
      'l.date',
      'l.number',
      'st.code as student',
      'st.first_name',
      'st.last_name',
      'a.code',
      'a.marked_code',
      'mb.code as marked_by',
      'a.marked_at',
      'db.code as decided_by',
      'a.decided_at',
      'a.note',
      'a.removed',
    ]);
  if (filter.yearId !== undefined) query = query.where('c.school_year_id', '=', filter.yearId);
  if (!filter.includeRemoved) query = query.where('a.removed', '=', 0);
  if (filter.ids) query = query.where('a.id', 'in', [...filter.ids]);
  if (filter.studentId) query = query.where('a.student_id', '=', filter.studentId);
  if (filter.classId) query = query.where('l.class_id', '=', filter.classId);
  if (filter.lessonId) query = query.where('a.lesson_id', '=', filter.lessonId);
  if (filter.from) query = query.where('l.date', '>=', filter.from);
  if (filter.to) query = query.where('l.date', '<=', filter.to);
  if (filter.code) query = query.where('a.code', '=', filter.code);
  const rows = await query.execute();
  rows.sort(byKeys((r) => r.date, (r) => r.number, (r) => r.class, (r) => r.last_name, (r) => r.first_name, (r) => r.id));
  return rows.map(({ first_name, last_name, removed, code, ...r }) => ({
    ...r,
    student_name: `${first_name} ${last_name}`,
    code,
    removed: removed === 1,
  }));
}

export interface AbsenceChangeView {
  absence_id: number;
  action: AbsenceChange['action'];
  code_before: AbsenceCode | null;
  code_after: AbsenceCode | null;
  reason: string | null;
  changed_by: string;
  changed_at: string;
}

export async function listAbsenceChanges(db: Db, absenceId: number): Promise<AbsenceChangeView[]> {
  return db
    .selectFrom('absence_change as h')
    .innerJoin('staff as s', 's.id', 'h.changed_by')
    .select(['h.absence_id', 'h.action', 'h.code_before', 'h.code_after', 'h.reason', 's.code as changed_by', 'h.changed_at'])
    .where('h.absence_id', '=', absenceId)
    .orderBy('h.id')
    .execute();
}

/** Students absent (n, ns or nc — not merely late) from some lesson of the class that day. */
export async function studentsAbsentOn(db: Db, classId: number, date: string): Promise<Set<number>> {
  const rows = await db
    .selectFrom('absence as a')
    .innerJoin('lesson as l', 'l.id', 'a.lesson_id')
    .select('a.student_id')
    .distinct()
    .where('l.class_id', '=', classId)
    .where('l.date', '=', date)
    .where('a.removed', '=', 0)
    .where('a.code', 'in', ['n', 'ns', 'nc'])
    .execute();
  return new Set(rows.map((r) => r.student_id));
}
