import type { Kysely, Migration } from 'kysely';
import { withId } from './0001-initial.ts';

/**
 * The audit trail (issue 7): one row per written record, filled by triggers
 * (src/db/audit/triggers.ts, installed after every migration) and sealed into
 * a hash chain by the tool before each commit (src/db/audit/seal.ts).
 *
 * No foreign keys on purpose: an entry must outlive the record it describes,
 * and the log never blocks a delete.
 */
export const auditLog: Migration = {
  async up(db: Kysely<any>) {
    // AUTOINCREMENT: ids are never reused, so a gap in them means a deleted entry.
    await withId(db, db.schema.createTable('audit_log'))
      // Filled by the trigger: what was written, and when.
      .addColumn('table_name', 'text', (c) => c.notNull())
      .addColumn('operation', 'text', (c) => c.notNull())
      .addColumn('record_key', 'text')
      .addColumn('student_id', 'integer')
      .addColumn('before_values', 'text')
      .addColumn('after_values', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      // Filled by the seal; all null on an entry written behind the tool's back.
      .addColumn('actor', 'text')
      .addColumn('os_user', 'text')
      .addColumn('command', 'text')
      .addColumn('nonce', 'text')
      .addColumn('values_digest', 'text')
      .addColumn('prev_hash', 'text')
      .addColumn('hash', 'text')
      // Set when anonymisation removed personal values (and the nonce) from the entry.
      .addColumn('redacted_at', 'text')
      .execute();
    await db.schema.createIndex('audit_log_student_idx').on('audit_log').columns(['student_id', 'id']).execute();
    await db.schema.createIndex('audit_log_record_idx').on('audit_log').columns(['table_name', 'record_key']).execute();
  },

  async down(db: Kysely<any>) {
    await db.schema.dropTable('audit_log').execute();
  },
};
