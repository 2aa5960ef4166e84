import type { Db } from '../connection.ts';

/**
 * Reads behind the inspection figures (§11): when grades went in, and which
 * absences still wait for the class teacher's decision.
 */

export interface GradeEntryRow {
  class_id: number;
  work: string;
  date: string;
  created_at: string;
}

/** Grades of the classes whose work is dated in the period, with when they were entered. */
export async function gradeEntriesInPeriod(db: Db, classIds: readonly number[], from: string, to: string): Promise<GradeEntryRow[]> {
  if (classIds.length === 0) return [];
  return db
    .selectFrom('grade')
    .select(['class_id', 'work', 'date', 'created_at'])
    .where('class_id', 'in', [...classIds])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute();
}

export interface UnjustifiedAbsenceRow {
  class_id: number;
  lesson_date: string;
}

/** Absences still `n` (no reason decided) in the classes' lessons of the period. */
export async function unjustifiedAbsencesInPeriod(db: Db, classIds: readonly number[], from: string, to: string): Promise<UnjustifiedAbsenceRow[]> {
  if (classIds.length === 0) return [];
  return db
    .selectFrom('absence as a')
    .innerJoin('lesson as l', 'l.id', 'a.lesson_id')
    .select(['l.class_id', 'l.date as lesson_date'])
    .where('l.class_id', 'in', [...classIds])
    .where('l.date', '>=', from)
    .where('l.date', '<=', to)
    .where('a.code', '=', 'n')
    .where('a.removed', '=', 0)
    .execute();
}
