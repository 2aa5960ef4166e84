import { dialectOf } from './dialect.ts';
import { AppError } from '../errors.ts';
import type { Db } from './connection.ts';
import { m } from '../i18n/messages/calendar-years.ts';

/** The message of the year_lock_* triggers (migration 0006): a literal, so the year is looked up here. */
export const LOCK_MESSAGE = 'ezurnals-year-closed';

/** The global option by which an admin writes into a closed year anyway. */
export const OVERRIDE_OPTION = '--closed-year-reason';

export function isYearLockError(error: unknown): boolean {
  return error instanceof Error && !(error instanceof AppError) && error.message.includes(LOCK_MESSAGE);
}

export async function closedYearCodes(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('year_closure as k').innerJoin('school_year as y', 'y.id', 'k.school_year_id').select('y.code').orderBy('y.code').execute();
  return rows.map((r) => r.code);
}

/**
 * The one place where the database's refusal becomes the user's exit 5,
 * naming the closed year (or years, when several are closed: the trigger
 * cannot say which one it met).
 */
export async function yearLockError(db: Db): Promise<AppError> {
  const codes = await closedYearCodes(db);
  return new AppError('forbidden', codes.length === 1 ? m.yearClosed(codes[0]!, OVERRIDE_OPTION) : m.yearsClosed(codes.join(', '), OVERRIDE_OPTION));
}

export interface LockOverride {
  staffId: number;
  reason: string;
  /** The command as typed, e.g. "grade correct": recorded beside the reason. */
  command: string;
  at: string;
}

export interface RecordedOverride {
  year: string;
  rows_written: number;
}

/**
 * Runs `work` with every closed year open to it, inside the caller's
 * transaction, and records each closed year it actually wrote to. The
 * bypass rows are gone again before the transaction commits.
 */
export async function withLockOverride<T>(db: Db, override: LockOverride, work: () => Promise<T>): Promise<{ result: T; overrides: RecordedOverride[] }> {
  const closed = await db.selectFrom('year_closure').select('school_year_id').execute();
  for (const { school_year_id } of closed) await db.insertInto('year_lock_bypass').values({ school_year_id, writes: 0 }).execute();
  const result = await work();
  const used = await db
    .selectFrom('year_lock_bypass as b')
    .innerJoin('school_year as y', 'y.id', 'b.school_year_id')
    .select(['b.school_year_id', 'b.writes', 'y.code'])
    .where('b.writes', '>', 0)
    .orderBy('y.code')
    .execute();
  await db.deleteFrom('year_lock_bypass').execute();
  for (const u of used) {
    await db
      .insertInto('year_lock_override')
      .values({ school_year_id: u.school_year_id, staff_id: override.staffId, reason: override.reason, command: override.command, rows_written: u.writes, created_at: override.at })
      .execute();
  }
  return { result, overrides: used.map((u) => ({ year: u.code, rows_written: u.writes })) };
}

/**
 * How each year-bound table finds the school year of a row (`R` stands for
 * NEW or OLD): a query yielding school_year ids. Tables without a year
 * (student, guardian, staff, subject) are not locked: a person's data outlives
 * the year. A new year-bound table gets a line here; databases with a closed
 * year gain its triggers on their next open.
 */
export const YEAR_OF: Readonly<Record<string, string>> = {
  school_class: 'SELECT R.school_year_id',
  grade: 'SELECT R.school_year_id',
  holiday: 'SELECT R.school_year_id',
  promotion_decision: 'SELECT R.school_year_id',
  enrollment: 'SELECT school_year_id FROM school_class WHERE id = R.class_id',
  assignment: 'SELECT school_year_id FROM school_class WHERE id = R.class_id',
  lesson: 'SELECT school_year_id FROM school_class WHERE id = R.class_id',
  behavior_entry: 'SELECT school_year_id FROM school_class WHERE id = R.class_id',
  parent_note: 'SELECT school_year_id FROM school_class WHERE id = R.class_id',
  briefing: 'SELECT school_year_id FROM school_class WHERE id = R.class_id',
  parent_conversation: 'SELECT school_year_id FROM school_class WHERE id = R.class_id',
  briefing_student: 'SELECT c.school_year_id FROM briefing b JOIN school_class c ON c.id = b.class_id WHERE b.id = R.briefing_id',
  grade_change: 'SELECT school_year_id FROM grade WHERE id = R.grade_id',
  absence: 'SELECT c.school_year_id FROM lesson l JOIN school_class c ON c.id = l.class_id WHERE l.id = R.lesson_id',
  absence_change:
    'SELECT c.school_year_id FROM absence a JOIN lesson l ON l.id = a.lesson_id JOIN school_class c ON c.id = l.class_id WHERE a.id = R.absence_id',
  timetable_slot: 'SELECT school_year_id FROM school_class WHERE id = R.class_id',
  guest_grant: 'SELECT school_year_id FROM school_class WHERE id = R.class_id',
  inspection: 'SELECT R.school_year_id',
  inspection_class: 'SELECT school_year_id FROM inspection WHERE id = R.inspection_id',
  individual_work: 'SELECT id FROM school_year WHERE school_id = R.school_id AND starts_on <= R.date AND ends_on >= R.date',
  individual_work_student:
    'SELECT y.id FROM individual_work w JOIN school_year y ON y.school_id = w.school_id AND y.starts_on <= w.date AND y.ends_on >= w.date WHERE w.id = R.individual_work_id',
  // A returned extract slip belongs to the year(s) its month falls in.
  extract_ack: "SELECT id FROM school_year WHERE school_id = R.school_id AND starts_on <= R.month || '-31' AND ends_on >= R.month || '-01'",
};

/**
 * Puts the lock's triggers in place once a year is closed, and only then: a
 * trigger costs every insert into its table (measured on SQLite: about +90 %
 * on a bare grade insert, even for a trigger that never fires), which a
 * school's first year, its imports and benches need not pay. Runs when a year
 * closes and on every open of a database with a closed year (one query when
 * nothing is missing), so a year-bound table added by a later version is
 * locked too. Each dialect has its own triggers (src/db/sqlite/year-lock.ts,
 * src/db/postgres/year-lock.ts); the rule, the tables and the error text are
 * the same.
 */
export async function ensureYearLockTriggers(db: Db): Promise<void> {
  await dialectOf(db).ensureYearLock(db);
}
