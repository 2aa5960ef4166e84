import { type Kysely, type Migration } from 'kysely';
import { withId } from './0001-initial.ts';

/**
 * The weekly timetable (regulation §17: the lessons a class is expected to have,
 * against which missing journal entries are found) and the deputy's journal
 * inspections (§11). Needs only the initial schema.
 */

const now = 'text';

export const timetableAndInspections: Migration = {
  async up(db: Kysely<any>) {
    // A slot holds from valid_from to valid_to (inclusive; null: open). A change closes the old row and
    // starts a new one, so the timetable of any past day can still be read back.
    await withId(db, db.schema.createTable('timetable_slot'))
      .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
      .addColumn('class_id', 'integer', (c) => c.notNull().references('school_class.id'))
      .addColumn('weekday', 'integer', (c) => c.notNull())
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('subject_id', 'integer', (c) => c.notNull().references('subject.id'))
      .addColumn('teacher_id', 'integer', (c) => c.notNull().references('staff.id'))
      .addColumn('valid_from', 'text', (c) => c.notNull())
      .addColumn('valid_to', 'text')
      .addColumn('created_at', now, (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.notNull().references('staff.id'))
      .execute();
    await db.schema.createIndex('timetable_slot_place_idx').on('timetable_slot').columns(['class_id', 'weekday', 'number']).execute();
    await db.schema.createIndex('timetable_slot_teacher_idx').on('timetable_slot').columns(['teacher_id']).execute();

    await withId(db, db.schema.createTable('inspection'))
      .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
      .addColumn('school_year_id', 'integer', (c) => c.notNull().references('school_year.id'))
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('findings', 'text', (c) => c.notNull())
      .addColumn('deadline', 'text')
      // Whole-school inspections also list every class they covered in inspection_class.
      .addColumn('whole_school', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', now, (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.notNull().references('staff.id'))
      .execute();
    await db.schema.createIndex('inspection_year_idx').on('inspection').columns(['school_year_id', 'date']).execute();

    await db.schema
      .createTable('inspection_class')
      .addColumn('inspection_id', 'integer', (c) => c.notNull().references('inspection.id'))
      .addColumn('class_id', 'integer', (c) => c.notNull().references('school_class.id'))
      .addPrimaryKeyConstraint('inspection_class_pk', ['inspection_id', 'class_id'])
      .execute();
  },

  async down(db: Kysely<any>) {
    for (const table of ['inspection_class', 'inspection', 'timetable_slot']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
