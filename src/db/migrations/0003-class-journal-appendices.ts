import { type Kysely, type Migration } from 'kysely';
import { withId } from './0001-initial.ts';

/**
 * The behaviour journal (regulation §28–29) and the class teacher's appendices
 * (§15–16): safety briefings, conversations with parents, notes for parents.
 * Needs only the initial schema, so it may run after any other 0002.
 */

const now = 'text';

export const classJournalAppendices: Migration = {
  async up(db: Kysely<any>) {
    // Removing an entry marks it (who, when, why): the journal's history is never overwritten.
    await withId(db, db.schema.createTable('behavior_entry'))
      .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
      .addColumn('student_id', 'integer', (c) => c.notNull().references('student.id'))
      .addColumn('class_id', 'integer', (c) => c.notNull().references('school_class.id'))
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('created_at', now, (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.notNull().references('staff.id'))
      .addColumn('removed_at', now)
      .addColumn('removed_by', 'integer', (c) => c.references('staff.id'))
      .addColumn('removed_reason', 'text')
      .execute();
    await db.schema.createIndex('behavior_entry_student_idx').on('behavior_entry').columns(['student_id', 'date']).execute();
    await db.schema.createIndex('behavior_entry_class_idx').on('behavior_entry').columns(['class_id', 'date']).execute();

    // A note is one student's (student_id set) or the whole class's (student_id null); either way it is filed under a class.
    await withId(db, db.schema.createTable('parent_note'))
      .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
      .addColumn('student_id', 'integer', (c) => c.references('student.id'))
      .addColumn('class_id', 'integer', (c) => c.notNull().references('school_class.id'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('valid_from', 'text', (c) => c.notNull())
      .addColumn('valid_until', 'text')
      .addColumn('created_at', now, (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.notNull().references('staff.id'))
      .addColumn('removed_at', now)
      .addColumn('removed_by', 'integer', (c) => c.references('staff.id'))
      .execute();
    await db.schema.createIndex('parent_note_student_idx').on('parent_note').columns(['student_id', 'valid_from']).execute();
    await db.schema.createIndex('parent_note_class_idx').on('parent_note').columns(['class_id', 'valid_from']).execute();

    await withId(db, db.schema.createTable('briefing'))
      .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
      .addColumn('class_id', 'integer', (c) => c.notNull().references('school_class.id'))
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('created_at', now, (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.notNull().references('staff.id'))
      .execute();
    await db.schema.createIndex('briefing_class_idx').on('briefing').columns(['class_id', 'date']).execute();

    await db.schema
      .createTable('briefing_student')
      .addColumn('briefing_id', 'integer', (c) => c.notNull().references('briefing.id'))
      .addColumn('student_id', 'integer', (c) => c.notNull().references('student.id'))
      .addPrimaryKeyConstraint('briefing_student_pk', ['briefing_id', 'student_id'])
      .execute();

    await withId(db, db.schema.createTable('parent_conversation'))
      .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
      .addColumn('student_id', 'integer', (c) => c.notNull().references('student.id'))
      .addColumn('class_id', 'integer', (c) => c.notNull().references('school_class.id'))
      .addColumn('guardian_id', 'integer', (c) => c.notNull().references('guardian.id'))
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('agreed', 'text')
      .addColumn('created_at', now, (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.notNull().references('staff.id'))
      .execute();
    await db.schema.createIndex('parent_conversation_student_idx').on('parent_conversation').columns(['student_id', 'date']).execute();
  },

  async down(db: Kysely<any>) {
    for (const table of ['parent_conversation', 'briefing_student', 'briefing', 'parent_note', 'behavior_entry']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
