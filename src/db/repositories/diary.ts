import type { Db } from '../connection.ts';
import type { AbsenceCode } from '../schema.ts';

// Lean reads for the web diary's pages (src/services/diary.ts): one student's
// rows with only the columns a page shows. The general list views join every
// author's name and sort in Latvian order, which a page asked for hundreds of
// times a minute does not need.

export interface DiaryLessonRow {
  id: number;
  date: string;
  number: number;
  topic: string;
  homework: string | null;
  subject: string;
  subject_name: string;
  teacher_first: string;
  teacher_last: string;
}

export async function classLessonsBetween(db: Db, classId: number, from: string, to: string): Promise<DiaryLessonRow[]> {
  return db
    .selectFrom('lesson as l')
    .innerJoin('subject as s', 's.id', 'l.subject_id')
    .innerJoin('staff as t', 't.id', 'l.teacher_id')
    .select(['l.id', 'l.date', 'l.number', 'l.topic', 'l.homework', 's.code as subject', 's.name as subject_name', 't.first_name as teacher_first', 't.last_name as teacher_last'])
    .where('l.class_id', '=', classId)
    .where('l.date', '>=', from)
    .where('l.date', '<=', to)
    .orderBy('l.date')
    .orderBy('l.number')
    .execute();
}

export interface DiaryGradeRow {
  lesson_id: number | null;
  date: string;
  value: string;
  work: string;
  subject: string;
  subject_name: string;
}

export async function studentGradesBetween(db: Db, yearId: number, studentId: number, from?: string, to?: string): Promise<DiaryGradeRow[]> {
  let query = db
    .selectFrom('grade as g')
    .innerJoin('subject as s', 's.id', 'g.subject_id')
    .select(['g.lesson_id', 'g.date', 'g.value', 'g.work', 's.code as subject', 's.name as subject_name'])
    .where('g.student_id', '=', studentId)
    .where('g.school_year_id', '=', yearId);
  if (from) query = query.where('g.date', '>=', from);
  if (to) query = query.where('g.date', '<=', to);
  return query.orderBy('g.date').orderBy('g.id').execute();
}

export interface DiaryAbsenceRow {
  lesson_id: number;
  date: string;
  number: number;
  code: AbsenceCode;
  note: string | null;
  subject_name: string;
}

/** The student's absences (withdrawn ones left out) in the year's classes. */
export async function studentAbsencesBetween(db: Db, yearId: number, studentId: number, from?: string, to?: string): Promise<DiaryAbsenceRow[]> {
  let query = db
    .selectFrom('absence as a')
    .innerJoin('lesson as l', 'l.id', 'a.lesson_id')
    .innerJoin('school_class as c', 'c.id', 'l.class_id')
    .innerJoin('subject as s', 's.id', 'l.subject_id')
    .select(['a.lesson_id', 'l.date', 'l.number', 'a.code', 'a.note', 's.name as subject_name'])
    .where('a.student_id', '=', studentId)
    .where('a.removed', '=', 0)
    .where('c.school_year_id', '=', yearId);
  if (from) query = query.where('l.date', '>=', from);
  if (to) query = query.where('l.date', '<=', to);
  return query.orderBy('l.date', 'desc').orderBy('l.number', 'desc').execute();
}

/** Students with their class in the year (the latest placement), in one query: a guardian's children or a student themselves. */
export async function studentsWithClass(db: Db, yearId: number, who: { guardianId: number } | { studentId: number }): Promise<{ id: number; code: string; first_name: string; last_name: string; class: string | null }[]> {
  let query = db
    .selectFrom('student as s')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('enrollment as e')
          .innerJoin('school_class as c', 'c.id', 'e.class_id')
          .select(['e.student_id', 'c.code', 'e.from_date'])
          .where('c.school_year_id', '=', yearId)
          .as('p'),
      (join) => join.onRef('p.student_id', '=', 's.id'),
    )
    .select(['s.id', 's.code', 's.first_name', 's.last_name', 'p.code as class', 'p.from_date']);
  query = 'guardianId' in who
    ? query.where('s.id', 'in', (eb) => eb.selectFrom('student_guardian').select('student_id').where('guardian_id', '=', who.guardianId))
    : query.where('s.id', '=', who.studentId);
  const rows = await query.orderBy('s.code').orderBy('p.from_date').execute();
  const latest = new Map<number, (typeof rows)[number]>();
  for (const r of rows) latest.set(r.id, r);
  return [...latest.values()].map(({ from_date: _from, ...r }) => r);
}
