import type { Kysely, Migration } from 'kysely';
import { withId } from './0001-initial.ts';

/**
 * The web diary (issue 16): sign-in sessions, the absence notes (zīmes)
 * guardians send, and the extracts a guardian acknowledged online.
 *
 * - `web_session` keeps only a SHA-256 of the session token: a copy of the
 *   database (a backup, an archive) opens nobody's session.
 * - `absence_note` is the guardian's request; accepting it justifies the
 *   absences (`absence justify`), which `absence_note_absence` links to it.
 * - `extract_online_ack` is apart from `extract_ack` (the returned paper
 *   slip, recorded by a staff member, whose `recorded_by` is required): a
 *   guardian's "Iepazinos" is a different fact, by a different person, and a
 *   month may have both. `report extract-status` shows them apart.
 * - `account.password_chosen_at`: set when the owner chose their password;
 *   null while the password is the one sent by SMS, which the web diary
 *   makes them replace at first sign-in. Passwords already chosen (hashed at
 *   the "chosen" cost, ln=17) are taken as chosen.
 */
export const webSessions: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('account').addColumn('password_chosen_at', 'text').execute();
    await db
      .updateTable('account')
      .set((eb: any) => ({ password_chosen_at: eb.ref('password_set_at') }))
      .where('password_hash', 'like', '$scrypt$ln=17,%')
      .execute();

    await withId(db, db.schema.createTable('web_session'))
      .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
      .addColumn('account_id', 'integer', (c) => c.notNull().references('account.id'))
      .addColumn('token_hash', 'text', (c) => c.notNull())
      // The client's address at sign-in, for the owner's and the admin's eyes.
      .addColumn('client', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('ended_at', 'text')
      // signed-out, idle, expired, password-changed
      .addColumn('ended_reason', 'text')
      .addUniqueConstraint('web_session_token_unique', ['token_hash'])
      .execute();
    await db.schema.createIndex('web_session_account_idx').on('web_session').columns(['account_id']).execute();

    await withId(db, db.schema.createTable('absence_note'))
      .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
      .addColumn('student_id', 'integer', (c) => c.notNull().references('student.id'))
      .addColumn('guardian_id', 'integer', (c) => c.notNull().references('guardian.id'))
      .addColumn('from_date', 'text', (c) => c.notNull())
      .addColumn('to_date', 'text', (c) => c.notNull())
      // illness or other, as `absence justify --reason`
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('text', 'text')
      // pending, accepted, declined
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'integer', (c) => c.references('staff.id'))
      .addColumn('decided_at', 'text')
      .addColumn('decision_note', 'text')
      .execute();
    await db.schema.createIndex('absence_note_student_idx').on('absence_note').columns(['student_id', 'status']).execute();

    await db.schema
      .createTable('absence_note_absence')
      .addColumn('absence_note_id', 'integer', (c) => c.notNull().references('absence_note.id'))
      .addColumn('absence_id', 'integer', (c) => c.notNull().references('absence.id'))
      .addPrimaryKeyConstraint('absence_note_absence_pk', ['absence_note_id', 'absence_id'])
      .execute();

    await withId(db, db.schema.createTable('extract_online_ack'))
      .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
      .addColumn('student_id', 'integer', (c) => c.notNull().references('student.id'))
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('guardian_id', 'integer', (c) => c.notNull().references('guardian.id'))
      .addColumn('acknowledged_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('extract_online_ack_student_month_unique', ['student_id', 'month'])
      .execute();

    // The diary's week: a class's lessons by date, whatever the subject (lesson_subject_idx leads with the subject).
    await db.schema.createIndex('lesson_class_date_idx').on('lesson').columns(['class_id', 'date']).execute();
  },

  async down(db: Kysely<any>) {
    await db.schema.dropIndex('lesson_class_date_idx').execute();
    await db.schema.dropTable('extract_online_ack').execute();
    await db.schema.dropTable('absence_note_absence').execute();
    await db.schema.dropTable('absence_note').execute();
    await db.schema.dropTable('web_session').execute();
    await db.schema.alterTable('account').dropColumn('password_chosen_at').execute();
  },
};
