import { sql } from 'kysely';
import type { Db } from '../connection.ts';
import { LOCK_MESSAGE, YEAR_OF } from '../year-lock.ts';

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
export async function ensureSqliteYearLock(db: Db): Promise<void> {
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
