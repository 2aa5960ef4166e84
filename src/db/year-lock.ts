import { SqliteAdapter, sql } from 'kysely';
import { AppError } from '../errors.ts';
import type { Db } from './connection.ts';

/** The message of the year_lock_* triggers (migration 0006): a literal, so the year is looked up here. */
const LOCK_MESSAGE = 'ezurnals-year-closed';

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
  const which = codes.length === 1 ? `School year ${codes[0]} is closed` : `This change falls in a closed school year (closed: ${codes.join(', ')})`;
  return new AppError(
    'forbidden',
    `${which}: its journal was archived and can no longer be changed. An admin may still change it with ${OVERRIDE_OPTION} "why", which is recorded.`,
  );
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
const YEAR_OF: Readonly<Record<string, string>> = {
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
 * The lock is enforced in the database, so that no write path can miss it:
 * the services, the per-row import and the bulk import's prepared statements
 * all end in these statements. SQLite triggers, hence dialect-specific SQL
 * (PostgreSQL would need a trigger function in plpgsql; the rule, the tables
 * and the error text stay the same).
 *
 * RAISE takes a literal message only: older SQLite (3.40, the archivist's
 * `sqlite3` shell) cannot even parse an expression there, and a schema it
 * cannot parse is a database it cannot open. Which year was closed is found
 * afterwards by `yearLockError`.
 *
 * An admin's override is a year_lock_bypass row inserted and deleted within
 * the command's own transaction (`withLockOverride`); the trigger counts the
 * rows it let through there.
 */
function triggersOf(table: string, yearOf: string): Record<string, string> {
  const closedIn = (row: 'NEW' | 'OLD') => `school_year_id IN (${yearOf.replace(/\bR\./g, `${row}.`)})`;
  const body = (row: 'NEW' | 'OLD') => `
    SELECT RAISE(ABORT, '${LOCK_MESSAGE}')
      WHERE EXISTS (SELECT 1 FROM year_closure WHERE ${closedIn(row)} AND school_year_id NOT IN (SELECT school_year_id FROM year_lock_bypass));
    UPDATE year_lock_bypass SET writes = writes + 1 WHERE ${closedIn(row)};`;
  const when = (row: 'NEW' | 'OLD') => `EXISTS (SELECT 1 FROM year_closure WHERE ${closedIn(row)})`;
  return {
    [`year_lock_${table}_insert`]: `BEFORE INSERT ON ${table} FOR EACH ROW WHEN ${when('NEW')} BEGIN ${body('NEW')} END`,
    [`year_lock_${table}_update_old`]: `BEFORE UPDATE ON ${table} FOR EACH ROW WHEN ${when('OLD')} BEGIN ${body('OLD')} END`,
    // Moving a row into a closed year; a row already in one was handled just above.
    [`year_lock_${table}_update_new`]: `BEFORE UPDATE ON ${table} FOR EACH ROW WHEN ${when('NEW')} AND NOT ${when('OLD')} BEGIN ${body('NEW')} END`,
    [`year_lock_${table}_delete`]: `BEFORE DELETE ON ${table} FOR EACH ROW WHEN ${when('OLD')} BEGIN ${body('OLD')} END`,
  };
}

/** The year's own dates stay as archived; `is_current` may move on to the next year. */
function yearDateTriggers(): Record<string, string> {
  const closed = `EXISTS (SELECT 1 FROM year_closure WHERE school_year_id = OLD.id)`;
  const body = `
    SELECT RAISE(ABORT, '${LOCK_MESSAGE}') WHERE NOT EXISTS (SELECT 1 FROM year_lock_bypass WHERE school_year_id = OLD.id);
    UPDATE year_lock_bypass SET writes = writes + 1 WHERE school_year_id = OLD.id;`;
  return {
    year_lock_school_year_update: `BEFORE UPDATE OF code, starts_on, ends_on, semester1_from, semester1_to, semester2_from, semester2_to ON school_year FOR EACH ROW WHEN ${closed} BEGIN ${body} END`,
    year_lock_school_year_delete: `BEFORE DELETE ON school_year FOR EACH ROW WHEN ${closed} BEGIN ${body} END`,
  };
}

/**
 * Puts the lock's triggers in place once a year is closed, and only then: a
 * trigger costs every insert into its table (measured: about +90 % on a bare
 * grade insert, even for a trigger that never fires), which a school's first
 * year, its imports and benches need not pay. Runs when a year closes and on
 * every open of a database with a closed year (one query when nothing is
 * missing), so a year-bound table added by a later version is locked too.
 */
export async function ensureYearLockTriggers(db: Db): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  if (!(await db.selectFrom('year_closure').select('school_year_id').limit(1).executeTakeFirst())) return;
  const present = await sql<{ type: string; name: string }>`select type, name from sqlite_master where type in ('table', 'trigger')`.execute(db);
  const tables = new Set(present.rows.filter((r) => r.type === 'table').map((r) => r.name));
  const triggers = new Set(present.rows.filter((r) => r.type === 'trigger').map((r) => r.name));
  const wanted: Record<string, string> = { ...yearDateTriggers() };
  for (const [table, yearOf] of Object.entries(YEAR_OF)) if (tables.has(table)) Object.assign(wanted, triggersOf(table, yearOf));
  for (const [name, definition] of Object.entries(wanted)) {
    if (!triggers.has(name)) await sql.raw(`CREATE TRIGGER IF NOT EXISTS ${name} ${definition}`).execute(db);
  }
}
