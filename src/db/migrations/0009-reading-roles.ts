import { type Kysely, type Migration } from 'kysely';
import { withId } from './0001-initial.ts';

/**
 * Guests' read access (regulation §32: a guest reads only what their task
 * needs): an admin or deputy grants a guest one class until a day. Needs only
 * the initial schema, so it may run after any other migration.
 */
export const readingRoles: Migration = {
  async up(db: Kysely<any>) {
    await withId(db, db.schema.createTable('guest_grant'))
      .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
      .addColumn('class_id', 'integer', (c) => c.notNull().references('school_class.id'))
      .addColumn('until', 'text', (c) => c.notNull())
      .addColumn('granted_by', 'integer', (c) => c.notNull().references('staff.id'))
      .addColumn('granted_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('guest_grant_staff_class_unique', ['staff_id', 'class_id'])
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('guest_grant').execute();
  },
};
