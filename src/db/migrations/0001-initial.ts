import { SqliteAdapter, type CreateTableBuilder, type Kysely, type Migration } from 'kysely';

/** Auto-increment ids: SQLite's AUTOINCREMENT never reuses an id, which history rows rely on. */
export function withId<T extends string>(db: Kysely<unknown>, table: CreateTableBuilder<T, never>) {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  return table.addColumn('id', sqlite ? 'integer' : 'serial', (c) =>
    sqlite ? c.primaryKey().autoIncrement() : c.primaryKey(),
  );
}

// Timestamps are ISO 8601 text with offset, comparable as strings within one zone.
const now = 'text';

export const initial: Migration = {
  async up(db: Kysely<any>) {
    await withId(db, db.schema.createTable('school'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('registration_number', 'text')
      .addColumn('director', 'text')
      .addColumn('created_at', now, (c) => c.notNull())
      .execute();

    await withId(db, db.schema.createTable('school_year'))
      .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text', (c) => c.notNull())
      .addColumn('semester1_from', 'text', (c) => c.notNull())
      .addColumn('semester1_to', 'text', (c) => c.notNull())
      .addColumn('semester2_from', 'text', (c) => c.notNull())
      .addColumn('semester2_to', 'text', (c) => c.notNull())
      .addColumn('is_current', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', now, (c) => c.notNull())
      .addUniqueConstraint('school_year_code_unique', ['school_id', 'code'])
      .execute();

    await withId(db, db.schema.createTable('staff'))
      .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('first_name', 'text', (c) => c.notNull())
      .addColumn('last_name', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('email', 'text')
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', now, (c) => c.notNull())
      .addColumn('updated_at', now, (c) => c.notNull())
      .addUniqueConstraint('staff_code_unique', ['school_id', 'code'])
      .execute();

    await db.schema
      .createTable('staff_role')
      .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('staff_role_pk', ['staff_id', 'role'])
      .execute();

    await withId(db, db.schema.createTable('holiday'))
      .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
      .addColumn('school_year_id', 'integer', (c) => c.references('school_year.id'))
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', now, (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('staff.id'))
      .execute();

    await withId(db, db.schema.createTable('subject'))
      .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', now, (c) => c.notNull())
      .addUniqueConstraint('subject_code_unique', ['school_id', 'code'])
      .execute();

    await withId(db, db.schema.createTable('school_class'))
      .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
      .addColumn('school_year_id', 'integer', (c) => c.notNull().references('school_year.id'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('level', 'integer', (c) => c.notNull())
      .addColumn('class_teacher_id', 'integer', (c) => c.references('staff.id'))
      .addColumn('created_at', now, (c) => c.notNull())
      .addUniqueConstraint('school_class_code_unique', ['school_year_id', 'code'])
      .execute();

    await withId(db, db.schema.createTable('student'))
      .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('first_name', 'text', (c) => c.notNull())
      .addColumn('last_name', 'text', (c) => c.notNull())
      .addColumn('personal_code', 'text')
      .addColumn('birth_date', 'text')
      .addColumn('sex', 'text')
      .addColumn('phone', 'text')
      .addColumn('email', 'text')
      .addColumn('address', 'text')
      .addColumn('created_at', now, (c) => c.notNull())
      .addColumn('updated_at', now, (c) => c.notNull())
      .addUniqueConstraint('student_code_unique', ['school_id', 'code'])
      .addUniqueConstraint('student_personal_code_unique', ['school_id', 'personal_code'])
      .execute();

    await withId(db, db.schema.createTable('enrollment'))
      .addColumn('student_id', 'integer', (c) => c.notNull().references('student.id'))
      .addColumn('class_id', 'integer', (c) => c.notNull().references('school_class.id'))
      .addColumn('from_date', 'text', (c) => c.notNull())
      .addColumn('to_date', 'text')
      .addColumn('created_at', now, (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('staff.id'))
      .execute();
    await db.schema.createIndex('enrollment_class_idx').on('enrollment').columns(['class_id', 'student_id']).execute();
    await db.schema.createIndex('enrollment_student_idx').on('enrollment').columns(['student_id', 'from_date']).execute();

    await withId(db, db.schema.createTable('guardian'))
      .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
      .addColumn('first_name', 'text', (c) => c.notNull())
      .addColumn('last_name', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('email', 'text')
      .addColumn('address', 'text')
      .addColumn('created_at', now, (c) => c.notNull())
      .addColumn('updated_at', now, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('student_guardian')
      .addColumn('student_id', 'integer', (c) => c.notNull().references('student.id'))
      .addColumn('guardian_id', 'integer', (c) => c.notNull().references('guardian.id'))
      .addColumn('relation', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('student_guardian_pk', ['student_id', 'guardian_id'])
      .execute();

    await withId(db, db.schema.createTable('assignment'))
      .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
      .addColumn('class_id', 'integer', (c) => c.notNull().references('school_class.id'))
      .addColumn('subject_id', 'integer', (c) => c.notNull().references('subject.id'))
      .addColumn('teacher_id', 'integer', (c) => c.notNull().references('staff.id'))
      .addColumn('created_at', now, (c) => c.notNull())
      .addUniqueConstraint('assignment_unique', ['class_id', 'subject_id', 'teacher_id'])
      .execute();

    await withId(db, db.schema.createTable('lesson'))
      .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
      .addColumn('class_id', 'integer', (c) => c.notNull().references('school_class.id'))
      .addColumn('subject_id', 'integer', (c) => c.notNull().references('subject.id'))
      .addColumn('teacher_id', 'integer', (c) => c.notNull().references('staff.id'))
      .addColumn('substitute_for_id', 'integer', (c) => c.references('staff.id'))
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('homework', 'text')
      .addColumn('created_at', now, (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.notNull().references('staff.id'))
      .addColumn('updated_at', now, (c) => c.notNull())
      .addColumn('updated_by', 'integer', (c) => c.notNull().references('staff.id'))
      .addUniqueConstraint('lesson_slot_unique', ['class_id', 'date', 'number'])
      .execute();
    await db.schema.createIndex('lesson_subject_idx').on('lesson').columns(['class_id', 'subject_id', 'date']).execute();
    await db.schema.createIndex('lesson_teacher_idx').on('lesson').columns(['teacher_id', 'date']).execute();

    await withId(db, db.schema.createTable('absence'))
      .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
      .addColumn('lesson_id', 'integer', (c) => c.notNull().references('lesson.id'))
      .addColumn('student_id', 'integer', (c) => c.notNull().references('student.id'))
      .addColumn('marked_code', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('marked_by', 'integer', (c) => c.notNull().references('staff.id'))
      .addColumn('marked_at', now, (c) => c.notNull())
      .addColumn('decided_by', 'integer', (c) => c.references('staff.id'))
      .addColumn('decided_at', now)
      .addColumn('note', 'text')
      .addColumn('removed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', now, (c) => c.notNull())
      .addColumn('updated_by', 'integer', (c) => c.notNull().references('staff.id'))
      .addUniqueConstraint('absence_unique', ['lesson_id', 'student_id'])
      .execute();
    await db.schema.createIndex('absence_student_idx').on('absence').columns(['student_id', 'lesson_id']).execute();

    await withId(db, db.schema.createTable('absence_change'))
      .addColumn('absence_id', 'integer', (c) => c.notNull().references('absence.id'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('code_before', 'text')
      .addColumn('code_after', 'text')
      .addColumn('reason', 'text')
      .addColumn('changed_by', 'integer', (c) => c.notNull().references('staff.id'))
      .addColumn('changed_at', now, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('absence_change_absence_idx').on('absence_change').column('absence_id').execute();

    await withId(db, db.schema.createTable('grade'))
      .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
      .addColumn('school_year_id', 'integer', (c) => c.notNull().references('school_year.id'))
      .addColumn('student_id', 'integer', (c) => c.notNull().references('student.id'))
      .addColumn('class_id', 'integer', (c) => c.notNull().references('school_class.id'))
      .addColumn('subject_id', 'integer', (c) => c.notNull().references('subject.id'))
      .addColumn('lesson_id', 'integer', (c) => c.references('lesson.id'))
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('work', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('exempt_certificate', 'text')
      .addColumn('created_at', now, (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.notNull().references('staff.id'))
      .addColumn('updated_at', now, (c) => c.notNull())
      .addColumn('updated_by', 'integer', (c) => c.notNull().references('staff.id'))
      .execute();
    await db.schema.createIndex('grade_student_idx').on('grade').columns(['student_id', 'subject_id', 'date']).execute();
    await db.schema.createIndex('grade_class_idx').on('grade').columns(['class_id', 'subject_id', 'date']).execute();

    await withId(db, db.schema.createTable('grade_change'))
      .addColumn('grade_id', 'integer', (c) => c.notNull().references('grade.id'))
      .addColumn('value_before', 'text')
      .addColumn('value_after', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('changed_by', 'integer', (c) => c.notNull().references('staff.id'))
      .addColumn('changed_at', now, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('grade_change_grade_idx').on('grade_change').column('grade_id').execute();
  },

  async down() {
    throw new Error('The initial schema is not reversible: restore a backup instead.');
  },
};

