import { SqliteAdapter, sql, type Kysely, type Migration } from 'kysely';
import { withId } from './0001-initial.ts';

/**
 * Year end (REFERENCE §7; issue 6): the recorded promotion decisions, the
 * closing of a school year, and the lock that keeps a closed year's journal
 * as it was archived.
 */

const now = 'text';

/**
 * How each year-bound table finds the school year of a row (`R` stands for
 * NEW or OLD): a query yielding school_year ids. Tables without a year
 * (student, guardian, staff, subject) are not locked: a person's data outlives
 * the year. Whoever adds a year-bound table adds it here in their migration by
 * calling `createYearLockTriggers` with its query.
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
 * afterwards by `yearLockError` (src/db/year-lock.ts).
 *
 * An admin's override is a year_lock_bypass row inserted and deleted within
 * the command's own transaction; the trigger counts the rows it let through
 * there, and the override is recorded in year_lock_override.
 */
export async function createYearLockTriggers(db: Kysely<any>, table: string, yearOf: string): Promise<void> {
  const closedIn = (row: 'NEW' | 'OLD') => `school_year_id IN (${yearOf.replace(/\bR\./g, `${row}.`)})`;
  const body = (row: 'NEW' | 'OLD') => `
    SELECT RAISE(ABORT, 'ezurnals-year-closed')
      WHERE EXISTS (SELECT 1 FROM year_closure WHERE ${closedIn(row)} AND school_year_id NOT IN (SELECT school_year_id FROM year_lock_bypass));
    UPDATE year_lock_bypass SET writes = writes + 1 WHERE ${closedIn(row)};`;
  const when = (row: 'NEW' | 'OLD') => `EXISTS (SELECT 1 FROM year_closure WHERE ${closedIn(row)})`;
  const statements = [
    `CREATE TRIGGER year_lock_${table}_insert BEFORE INSERT ON ${table} FOR EACH ROW WHEN ${when('NEW')} BEGIN ${body('NEW')} END`,
    `CREATE TRIGGER year_lock_${table}_update_old BEFORE UPDATE ON ${table} FOR EACH ROW WHEN ${when('OLD')} BEGIN ${body('OLD')} END`,
    `CREATE TRIGGER year_lock_${table}_update_new BEFORE UPDATE ON ${table} FOR EACH ROW WHEN ${when('NEW')} AND NOT ${when('OLD')} BEGIN ${body('NEW')} END`,
    `CREATE TRIGGER year_lock_${table}_delete BEFORE DELETE ON ${table} FOR EACH ROW WHEN ${when('OLD')} BEGIN ${body('OLD')} END`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

/** The year's own dates stay as archived; `is_current` may move on to the next year. */
async function lockYearDates(db: Kysely<any>): Promise<void> {
  const closed = (row: 'NEW' | 'OLD') => `EXISTS (SELECT 1 FROM year_closure WHERE school_year_id = ${row}.id)`;
  const bypassed = (row: 'NEW' | 'OLD') => `(SELECT school_year_id FROM year_lock_bypass WHERE school_year_id = ${row}.id)`;
  const body = (row: 'NEW' | 'OLD') => `
    SELECT RAISE(ABORT, 'ezurnals-year-closed') WHERE NOT EXISTS ${bypassed(row)};
    UPDATE year_lock_bypass SET writes = writes + 1 WHERE school_year_id = ${row}.id;`;
  await sql
    .raw(
      `CREATE TRIGGER year_lock_school_year_update BEFORE UPDATE OF code, starts_on, ends_on, semester1_from, semester1_to, semester2_from, semester2_to ON school_year
       FOR EACH ROW WHEN ${closed('OLD')} BEGIN ${body('OLD')} END`,
    )
    .execute(db);
  await sql.raw(`CREATE TRIGGER year_lock_school_year_delete BEFORE DELETE ON school_year FOR EACH ROW WHEN ${closed('OLD')} BEGIN ${body('OLD')} END`).execute(db);
}

export const promotionAndYearLock: Migration = {
  async up(db: Kysely<any>) {
    // One current decision per student and year (replaced_at null); replaced ones stay as history.
    await withId(db, db.schema.createTable('promotion_decision'))
      .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
      .addColumn('school_year_id', 'integer', (c) => c.notNull().references('school_year.id'))
      .addColumn('student_id', 'integer', (c) => c.notNull().references('student.id'))
      .addColumn('class_id', 'integer', (c) => c.notNull().references('school_class.id'))
      // A PromotionDecision kind (src/domain/promotion.ts) except 'incomplete'.
      .addColumn('kind', 'text', (c) => c.notNull())
      // The whole decision as JSON (next level, stage, make-up or failing subjects): printed as recorded.
      .addColumn('decision', 'text', (c) => c.notNull())
      // 'proposal': recorded from the rule by `year promote --apply`; 'council': `year decide`.
      .addColumn('basis', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('decided_by', 'integer', (c) => c.notNull().references('staff.id'))
      .addColumn('decided_at', now, (c) => c.notNull())
      .addColumn('replaced_at', now)
      .addColumn('replaced_by', 'integer', (c) => c.references('staff.id'))
      .execute();
    await db.schema.createIndex('promotion_decision_student_idx').on('promotion_decision').columns(['school_year_id', 'student_id']).execute();

    await db.schema
      .createTable('year_closure')
      .addColumn('school_year_id', 'integer', (c) => c.primaryKey().references('school_year.id'))
      .addColumn('closed_at', now, (c) => c.notNull())
      .addColumn('closed_by', 'integer', (c) => c.notNull().references('staff.id'))
      .addColumn('archive_path', 'text', (c) => c.notNull())
      .addColumn('archive_files', 'integer', (c) => c.notNull())
      .addColumn('archive_bytes', 'integer', (c) => c.notNull())
      .addColumn('archive_exported_at', 'text')
      .execute();

    // Never holds a row outside the transaction of an admin's override.
    await db.schema
      .createTable('year_lock_bypass')
      .addColumn('school_year_id', 'integer', (c) => c.primaryKey())
      .addColumn('writes', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await withId(db, db.schema.createTable('year_lock_override'))
      .addColumn('school_year_id', 'integer', (c) => c.notNull().references('school_year.id'))
      .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('command', 'text', (c) => c.notNull())
      .addColumn('rows_written', 'integer', (c) => c.notNull())
      .addColumn('created_at', now, (c) => c.notNull())
      .execute();

    if (db.getExecutor().adapter instanceof SqliteAdapter) {
      for (const [table, yearOf] of Object.entries(YEAR_OF)) await createYearLockTriggers(db, table, yearOf);
      await lockYearDates(db);
    }
  },

  async down(db: Kysely<any>) {
    // Dropping a table drops its triggers; these are on tables that stay.
    if (db.getExecutor().adapter instanceof SqliteAdapter) {
      const triggers = await sql<{ name: string }>`select name from sqlite_master where type = 'trigger' and name like 'year_lock_%'`.execute(db);
      for (const { name } of triggers.rows) await sql.raw(`DROP TRIGGER ${name}`).execute(db);
    }
    for (const table of ['year_lock_override', 'year_lock_bypass', 'year_closure', 'promotion_decision']) await db.schema.dropTable(table).execute();
  },
};
