import { SqliteAdapter, sql, type Kysely, type Migration } from 'kysely';
import { withId } from './0001-initial.ts';

/**
 * Year end (REFERENCE §7; issue 6): the recorded promotion decisions, the
 * closing of a school year, and the record of the lock that keeps a closed
 * year's journal as it was archived.
 */

const now = 'text';

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

    // The lock's triggers are made when the first year closes (src/db/year-lock.ts): until then no write pays for them.
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

  },

  async down(db: Kysely<any>) {
    // The year_lock_* triggers (src/db/year-lock.ts) sit on tables that stay.
    if (db.getExecutor().adapter instanceof SqliteAdapter) {
      const triggers = await sql<{ name: string }>`select name from sqlite_master where type = 'trigger' and name like 'year_lock_%'`.execute(db);
      for (const { name } of triggers.rows) await sql.raw(`DROP TRIGGER ${name}`).execute(db);
    }
    for (const table of ['year_lock_override', 'year_lock_bypass', 'year_closure', 'promotion_decision']) await db.schema.dropTable(table).execute();
  },
};
