import type { Kysely, Migration } from 'kysely';
import { withId } from './0001-initial.ts';

/**
 * Returned slips of the monthly grade extract (REFERENCE §6): the class teacher
 * records that a parent signed and brought back the slip. One slip per student
 * and month; recording it again replaces the row.
 */
export const extractAcknowledgement: Migration = {
  async up(db: Kysely<any>) {
    await withId(db, db.schema.createTable('extract_ack'))
      .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
      .addColumn('student_id', 'integer', (c) => c.notNull().references('student.id'))
      // The extract's month as YYYY-MM text: sorts and compares the same in every dialect.
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('returned_on', 'text', (c) => c.notNull())
      .addColumn('guardian_id', 'integer', (c) => c.references('guardian.id'))
      .addColumn('note', 'text')
      .addColumn('recorded_by', 'integer', (c) => c.notNull().references('staff.id'))
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('extract_ack_student_month_unique', ['student_id', 'month'])
      .execute();
  },

  async down(db: Kysely<any>) {
    await db.schema.dropTable('extract_ack').execute();
  },
};
