import type { Insertable } from 'kysely';
import type { Db } from '../connection.ts';
import { byKeys } from '../../domain/latvian-order.ts';
import type { Grade, GradeChangeTable, GradeTable } from '../schema.ts';

export interface GradeView {
  id: number;
  student: string;
  student_name: string;
  class: string;
  subject: string;
  date: string;
  lesson_id: number | null;
  work: string;
  value: string;
  note: string | null;
  exempt_certificate: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface GradeFilter {
  yearId: number;
  ids?: readonly number[];
  studentId?: number;
  classId?: number;
  subjectId?: number;
  from?: string;
  to?: string;
  work?: string;
}

export async function insertGrade(db: Db, grade: Insertable<GradeTable>): Promise<Grade> {
  return db.insertInto('grade').values(grade).returningAll().executeTakeFirstOrThrow();
}

export async function findGradeById(db: Db, schoolId: number, id: number): Promise<Grade | undefined> {
  return db.selectFrom('grade').selectAll().where('school_id', '=', schoolId).where('id', '=', id).executeTakeFirst();
}

/** Term grades (semester, annual, exams) exist once per student, subject and year. */
export async function findTermGrades(db: Db, yearId: number, subjectId: number, work: string, studentIds: readonly number[]): Promise<Grade[]> {
  if (studentIds.length === 0) return [];
  return db
    .selectFrom('grade')
    .selectAll()
    .where('school_year_id', '=', yearId)
    .where('subject_id', '=', subjectId)
    .where('work', '=', work)
    .where('student_id', 'in', [...studentIds])
    .execute();
}

export async function updateGrade(db: Db, id: number, changes: Partial<Pick<Grade, 'value' | 'note' | 'exempt_certificate' | 'updated_at' | 'updated_by'>>): Promise<void> {
  await db.updateTable('grade').set(changes).where('id', '=', id).execute();
}

export async function insertGradeChange(db: Db, change: Insertable<GradeChangeTable>): Promise<void> {
  await db.insertInto('grade_change').values(change).execute();
}

export async function listGradeViews(db: Db, filter: GradeFilter): Promise<GradeView[]> {
  let query = db
    .selectFrom('grade as g')
    .innerJoin('school_class as c', 'c.id', 'g.class_id')
    .innerJoin('subject as s', 's.id', 'g.subject_id')
    .innerJoin('student as st', 'st.id', 'g.student_id')
    .innerJoin('staff as cb', 'cb.id', 'g.created_by')
    .innerJoin('staff as ub', 'ub.id', 'g.updated_by')
    .select([
      'g.id',
      'st.code as student',
      'st.first_name',
      'st.last_name',
      'c.code as class',
      's.code as subject',
      'g.date',
      'g.lesson_id',
      'g.work',
      'g.value',
      'g.note',
      'g.exempt_certificate',
      'g.created_at',
      'cb.code as created_by',
      'g.updated_at',
      'ub.code as updated_by',
    ])
    .where('g.school_year_id', '=', filter.yearId);
  if (filter.ids) query = query.where('g.id', 'in', [...filter.ids]);
  if (filter.studentId) query = query.where('g.student_id', '=', filter.studentId);
  if (filter.classId) query = query.where('g.class_id', '=', filter.classId);
  if (filter.subjectId) query = query.where('g.subject_id', '=', filter.subjectId);
  if (filter.from) query = query.where('g.date', '>=', filter.from);
  if (filter.to) query = query.where('g.date', '<=', filter.to);
  if (filter.work) query = query.where('g.work', '=', filter.work);
  const rows = await query.execute();
  rows.sort(byKeys((r) => r.date, (r) => r.class, (r) => r.subject, (r) => r.last_name, (r) => r.first_name, (r) => r.id));
  return rows.map(({ id, first_name, last_name, student, ...rest }) => ({ id, student, student_name: `${first_name} ${last_name}`, ...rest }));
}

export interface GradeChangeView {
  grade_id: number;
  value_before: string | null;
  value_after: string;
  reason: string | null;
  changed_by: string;
  changed_at: string;
  /** Set on an improvement (§23): the day the student improved the grade. */
  improved_on: string | null;
}

/**
 * A grade's whole history: its entry, then every correction. Only corrections
 * are stored; the entry is the grade's own creation (who, when), with the
 * value the first correction replaced, so it is not written twice.
 */
export async function listGradeChanges(db: Db, gradeId: number): Promise<GradeChangeView[]> {
  const grade = await db
    .selectFrom('grade as g')
    .innerJoin('staff as s', 's.id', 'g.created_by')
    .select(['g.id', 'g.value', 'g.created_at', 's.code as created_by'])
    .where('g.id', '=', gradeId)
    .executeTakeFirst();
  if (!grade) return [];
  const corrections = await db
    .selectFrom('grade_change as h')
    .innerJoin('staff as s', 's.id', 'h.changed_by')
    .select(['h.grade_id', 'h.value_before', 'h.value_after', 'h.reason', 's.code as changed_by', 'h.changed_at', 'h.improved_on'])
    .where('h.grade_id', '=', gradeId)
    .where('h.value_before', 'is not', null)
    .orderBy('h.id')
    .execute();
  const entered: GradeChangeView = {
    grade_id: grade.id,
    value_before: null,
    value_after: corrections[0]?.value_before ?? grade.value,
    reason: null,
    changed_by: grade.created_by,
    changed_at: grade.created_at,
    improved_on: null,
  };
  return [entered, ...corrections];
}

/** How many corrections (changes after entry) the year's grades have had. */
export async function countGradeCorrections(db: Db, yearId: number): Promise<number> {
  const row = await db
    .selectFrom('grade_change as h')
    .innerJoin('grade as g', 'g.id', 'h.grade_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('g.school_year_id', '=', yearId)
    .where('h.value_before', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
