import { type Kysely, type Migration } from 'kysely';
import { withId } from './0001-initial.ts';
import { checkPhone } from '../../domain/contact.ts';

/**
 * Profiles with passwords (regulation §3, §30–31) and the outbox of the SMS
 * that carry them. Needs only the initial schema. The names `account`,
 * `password_hash`, `sms_outbox` and `body` are relied on by the audit trail
 * and the archive, which leave those secrets out.
 */

const now = 'text';
const PERSON_TABLES = ['student', 'guardian', 'staff'] as const;

export const accountsAndSms: Migration = {
  async up(db: Kysely<any>) {
    await withId(db, db.schema.createTable('account'))
      .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      // The student's, guardian's or staff member's id, by `kind`.
      .addColumn('person_id', 'integer', (c) => c.notNull())
      .addColumn('username', 'text', (c) => c.notNull())
      // Null when no valid password exists (the phone was removed): nobody can sign in until a new one is sent.
      .addColumn('password_hash', 'text')
      .addColumn('phone', 'text')
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', now)
      .addColumn('password_set_at', now)
      .addColumn('created_at', now, (c) => c.notNull())
      .addColumn('updated_at', now, (c) => c.notNull())
      .addUniqueConstraint('account_username_unique', ['school_id', 'username'])
      .addUniqueConstraint('account_person_unique', ['school_id', 'kind', 'person_id'])
      .execute();

    await withId(db, db.schema.createTable('sms_outbox'))
      .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
      .addColumn('account_id', 'integer', (c) => c.references('account.id'))
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      // Where the password stands in `body`, so lists show it masked and delivery scrubs it.
      .addColumn('secret_from', 'integer')
      .addColumn('secret_length', 'integer')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'text')
      // How it left: http, command or export.
      .addColumn('transport', 'text')
      // Set while one `sms send` delivers it, so that a second one running at the same time skips it.
      .addColumn('sending_since', now)
      .addColumn('created_at', now, (c) => c.notNull())
      .addColumn('updated_at', now, (c) => c.notNull())
      .addColumn('sent_at', now)
      .execute();
    await db.schema.createIndex('sms_outbox_state_idx').on('sms_outbox').columns(['state', 'id']).execute();
    await db.schema.createIndex('sms_outbox_account_idx').on('sms_outbox').columns(['account_id']).execute();

    // Phones entered before they were normalised are stored in E.164 where they parse; others are left as typed.
    for (const table of PERSON_TABLES) {
      const rows = await db.selectFrom(table).select(['id', 'phone']).where('phone', 'is not', null).execute();
      for (const row of rows as { id: number; phone: string }[]) {
        const check = checkPhone(row.phone);
        if (check.ok && check.phone !== row.phone) await db.updateTable(table).set({ phone: check.phone }).where('id', '=', row.id).execute();
      }
    }
  },

  async down(db: Kysely<any>) {
    await db.schema.dropTable('sms_outbox').execute();
    await db.schema.dropTable('account').execute();
  },
};
