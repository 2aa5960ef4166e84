import { sql, type Kysely, type Migration } from 'kysely';
import { withId } from './0001-initial.ts';

/**
 * Deadline control (regulation §17, §22–23) and the individual work journal (§24–25).
 *
 * - `lesson.homework_entered_at`: homework is often set after the lesson was recorded, and it
 *   is due by 17:00 like the topic; the lesson's `created_at` is the topic's entry time (a
 *   lesson cannot be recorded without one), `updated_at` moves with any later correction.
 * - `grade_change.improved_on`: the day a student improved a grade (§23); the improved grade
 *   is due within the work's deadline counted from that day.
 * - `school.test_deadline_days`: §22 gives tests "a week"; null is the default of 5 working days.
 * - `individual_work` + `individual_work_student`: consultations, the nurse's and the social
 *   pedagogue's work, bound to the employee who wrote the entry.
 */
export const individualWorkAndEntryTimes: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('lesson').addColumn('homework_entered_at', 'text').execute();
    // Homework already there was entered with the lesson, as far as the journal knows.
    await db.updateTable('lesson').set({ homework_entered_at: sql`created_at` }).where('homework', 'is not', null).execute();
    await db.schema.alterTable('grade_change').addColumn('improved_on', 'text').execute();
    await db.schema.alterTable('school').addColumn('test_deadline_days', 'integer').execute();

    await withId(db, db.schema.createTable('individual_work'))
      .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.notNull().references('staff.id'))
      .execute();
    await db.schema.createIndex('individual_work_author_idx').on('individual_work').columns(['created_by', 'date']).execute();

    await db.schema
      .createTable('individual_work_student')
      .addColumn('individual_work_id', 'integer', (c) => c.notNull().references('individual_work.id'))
      .addColumn('student_id', 'integer', (c) => c.notNull().references('student.id'))
      .addPrimaryKeyConstraint('individual_work_student_pk', ['individual_work_id', 'student_id'])
      .execute();
    await db.schema.createIndex('individual_work_student_idx').on('individual_work_student').columns(['student_id']).execute();
  },

  async down(db: Kysely<any>) {
    await db.schema.dropTable('individual_work_student').execute();
    await db.schema.dropTable('individual_work').execute();
    await db.schema.alterTable('school').dropColumn('test_deadline_days').execute();
    await db.schema.alterTable('grade_change').dropColumn('improved_on').execute();
    await db.schema.alterTable('lesson').dropColumn('homework_entered_at').execute();
  },
};
