import { SqliteAdapter, sql, type Kysely, type Migration } from 'kysely';
import { withId } from './0001-initial.ts';

/**
 * Groups (issue 19): a class split into groups (languages, informatics, sport,
 * mājturība) and groups across the classes of a year (electives). A group has
 * a code unique in its school year, a subject, one or more teachers, the
 * classes it draws from, and members each from a day (to a day).
 *
 * A lesson of a group is one `lesson` row per class the group draws from in
 * that lesson (group_id set), so every per-class report, the absences and the
 * grades keep their class; the rows of one group lesson share group, date and
 * number. Two groups of a class may now meet in one slot, so the old rule
 * "one lesson per class, date and number" (the unique constraint
 * lesson_slot_unique) becomes the service's conflict rule
 * (src/domain/group-slots.ts); what stays unique is one row per class, date,
 * number and group.
 */
export const groups: Migration = {
  async up(db: Kysely<any>) {
    await withId(db, db.schema.createTable('study_group'))
      .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
      .addColumn('school_year_id', 'integer', (c) => c.notNull().references('school_year.id'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('subject_id', 'integer', (c) => c.notNull().references('subject.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.notNull().references('staff.id'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('study_group_code_unique', ['school_year_id', 'code'])
      .execute();

    await db.schema
      .createTable('study_group_teacher')
      .addColumn('group_id', 'integer', (c) => c.notNull().references('study_group.id'))
      .addColumn('teacher_id', 'integer', (c) => c.notNull().references('staff.id'))
      .addPrimaryKeyConstraint('study_group_teacher_pk', ['group_id', 'teacher_id'])
      .execute();

    await db.schema
      .createTable('study_group_class')
      .addColumn('group_id', 'integer', (c) => c.notNull().references('study_group.id'))
      .addColumn('class_id', 'integer', (c) => c.notNull().references('school_class.id'))
      .addPrimaryKeyConstraint('study_group_class_pk', ['group_id', 'class_id'])
      .execute();

    // A member belongs from from_date through to_date (null: open); leaving and coming back is a second row.
    await withId(db, db.schema.createTable('study_group_member'))
      .addColumn('group_id', 'integer', (c) => c.notNull().references('study_group.id'))
      .addColumn('student_id', 'integer', (c) => c.notNull().references('student.id'))
      .addColumn('from_date', 'text', (c) => c.notNull())
      .addColumn('to_date', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.notNull().references('staff.id'))
      .execute();
    await db.schema.createIndex('study_group_member_group_idx').on('study_group_member').columns(['group_id', 'student_id']).execute();
    await db.schema.createIndex('study_group_member_student_idx').on('study_group_member').columns(['student_id', 'from_date']).execute();

    await db.schema.alterTable('timetable_slot').addColumn('group_id', 'integer', (c) => c.references('study_group.id')).execute();

    if (db.getExecutor().adapter instanceof SqliteAdapter) await rebuildSqliteLesson(db);
    else {
      await db.schema.alterTable('lesson').dropConstraint('lesson_slot_unique').execute();
      await db.schema.alterTable('lesson').addColumn('group_id', 'integer', (c) => c.references('study_group.id')).execute();
      await db.schema.createIndex('lesson_slot_idx').on('lesson').columns(['class_id', 'date', 'number']).execute();
      await db.schema.createIndex('lesson_group_slot_unique').unique().on('lesson').columns(['class_id', 'date', 'number', 'group_id']).execute();
    }
  },
  async down() {
    throw new Error('The groups migration is not reversible: restore a backup instead.');
  },
};

/**
 * SQLite cannot drop a table constraint, so `lesson` is made anew without
 * lesson_slot_unique, the SQLite way (https://sqlite.org/lang_altertable.html,
 * "other kinds of table schema changes"): foreign keys off while the table is
 * swapped (absences and grades refer to lessons by id, and the ids are kept),
 * checked before they go back on; the year lock's triggers that read lesson
 * are dropped first and made again on open. The migrator runs SQLite migrations outside
 * a transaction, where the pragma takes effect. This is the one SQLite-only
 * step of the migration; other dialects drop the constraint above. The audit
 * and year-lock triggers of the new table are made again after migrating.
 */
async function rebuildSqliteLesson(db: Kysely<any>): Promise<void> {
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      // Triggers of other tables that read lesson (the year lock's) would stop the rename while lesson is
      // away; they are ours and made again on open (ensureYearLockTriggers, the audit triggers after migrating).
      const readers = await sql<{ name: string }>`select name from sqlite_master where type = 'trigger' and tbl_name <> 'lesson' and sql like '%lesson%'`.execute(trx);
      for (const { name } of readers.rows) {
        if (!/^(year_lock_|audit_)\w+$/.test(name)) throw new Error(`trigger ${name} reads lesson and is not ezurnals': drop it before upgrading`);
        await sql`drop trigger ${sql.id(name)}`.execute(trx);
      }
      await withId(trx as unknown as Kysely<unknown>, trx.schema.createTable('lesson_next'))
        .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
        .addColumn('class_id', 'integer', (c) => c.notNull().references('school_class.id'))
        .addColumn('subject_id', 'integer', (c) => c.notNull().references('subject.id'))
        .addColumn('teacher_id', 'integer', (c) => c.notNull().references('staff.id'))
        .addColumn('substitute_for_id', 'integer', (c) => c.references('staff.id'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('homework', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.notNull().references('staff.id'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'integer', (c) => c.notNull().references('staff.id'))
        .addColumn('homework_entered_at', 'text')
        .addColumn('group_id', 'integer', (c) => c.references('study_group.id'))
        .addUniqueConstraint('lesson_group_slot_unique', ['class_id', 'date', 'number', 'group_id'])
        .execute();
      const columns = [
        'id', 'school_id', 'class_id', 'subject_id', 'teacher_id', 'substitute_for_id', 'date', 'number', 'topic', 'homework',
        'created_at', 'created_by', 'updated_at', 'updated_by', 'homework_entered_at',
      ] as const;
      await trx.insertInto('lesson_next').columns([...columns]).expression(trx.selectFrom('lesson').select([...columns])).execute();
      await trx.schema.dropTable('lesson').execute();
      await trx.schema.alterTable('lesson_next').renameTo('lesson').execute();
      await trx.schema.createIndex('lesson_subject_idx').on('lesson').columns(['class_id', 'subject_id', 'date']).execute();
      await trx.schema.createIndex('lesson_teacher_idx').on('lesson').columns(['teacher_id', 'date']).execute();
      await trx.schema.createIndex('lesson_slot_idx').on('lesson').columns(['class_id', 'date', 'number']).execute();
      const broken = await sql<{ table: string }>`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length > 0) throw new Error(`foreign keys broken after rebuilding lesson: ${broken.rows.length} row(s)`);
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
