import { type Kysely, type Migration } from 'kysely';
import { withId } from './0001-initial.ts';

/**
 * Substitutions set in advance (issue 13): a deputy, an admin or the class
 * teacher names who substitutes whom in one lesson of a class; only then may
 * that teacher record the lesson as a substitute. One per class, day and
 * lesson number.
 */
export const substitutions: Migration = {
  async up(db: Kysely<any>) {
    await withId(db, db.schema.createTable('substitution'))
      .addColumn('class_id', 'integer', (c) => c.notNull().references('school_class.id'))
      .addColumn('subject_id', 'integer', (c) => c.notNull().references('subject.id'))
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('substitute_id', 'integer', (c) => c.notNull().references('staff.id'))
      .addColumn('replaced_id', 'integer', (c) => c.notNull().references('staff.id'))
      .addColumn('set_by', 'integer', (c) => c.notNull().references('staff.id'))
      .addColumn('set_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('substitution_slot_unique', ['class_id', 'date', 'number'])
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('substitution').execute();
  },
};
