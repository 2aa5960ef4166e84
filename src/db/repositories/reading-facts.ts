import type { Db } from '../connection.ts';

/** Codes of the year's classes where the employee teaches some subject. */
export async function classesTaughtInYear(db: Db, yearId: number, staffId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('assignment as a')
    .innerJoin('school_class as c', 'c.id', 'a.class_id')
    .select('c.code')
    .distinct()
    .where('c.school_year_id', '=', yearId)
    .where('a.teacher_id', '=', staffId)
    .execute();
  // A group's teacher teaches in each class the group draws from (issue 19), assigned to the class or not.
  const groups = await db
    .selectFrom('study_group_teacher as t')
    .innerJoin('study_group as g', 'g.id', 't.group_id')
    .innerJoin('study_group_class as gc', 'gc.group_id', 'g.id')
    .innerJoin('school_class as c', 'c.id', 'gc.class_id')
    .select('c.code')
    .distinct()
    .where('g.school_year_id', '=', yearId)
    .where('t.teacher_id', '=', staffId)
    .execute();
  return [...new Set([...rows, ...groups].map((r) => r.code))];
}

/** Codes of the year's classes a guest's grants cover on the day. */
export async function classesGrantedOn(db: Db, yearId: number, staffId: number, day: string): Promise<string[]> {
  const rows = await db
    .selectFrom('guest_grant as g')
    .innerJoin('school_class as c', 'c.id', 'g.class_id')
    .select('c.code')
    .where('c.school_year_id', '=', yearId)
    .where('g.staff_id', '=', staffId)
    .where('g.until', '>=', day)
    .execute();
  return rows.map((r) => r.code);
}

/** The students a guardian is linked to. */
export async function childrenOf(db: Db, guardianId: number): Promise<{ id: number; code: string }[]> {
  return db
    .selectFrom('student_guardian as l')
    .innerJoin('student as s', 's.id', 'l.student_id')
    .select(['s.id', 's.code'])
    .where('l.guardian_id', '=', guardianId)
    .orderBy('s.code')
    .execute();
}

/** Codes of the year's classes the students were placed in at any time. */
export async function classesOfStudentsInYear(db: Db, yearId: number, studentIds: readonly number[]): Promise<string[]> {
  if (studentIds.length === 0) return [];
  const rows = await db
    .selectFrom('enrollment as e')
    .innerJoin('school_class as c', 'c.id', 'e.class_id')
    .select('c.code')
    .distinct()
    .where('c.school_year_id', '=', yearId)
    .where('e.student_id', 'in', studentIds)
    .execute();
  return rows.map((r) => r.code);
}
