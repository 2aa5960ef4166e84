import type { Kysely, Migration } from 'kysely';
import { withId } from './0001-initial.ts';

/**
 * Seals over ranges of audit entries (issue 17 §3): each write transaction's
 * entries get one seal row here, instead of an UPDATE of every entry
 * (src/db/audit/seal.ts, src/domain/audit-chain.ts). Entries sealed one by
 * one before keep their own seal and verify as they did; the chain runs from
 * them into the seals.
 *
 * Not audited itself (src/db/audit/triggers.ts): it is part of the log.
 */
export const auditSeal: Migration = {
  async up(db: Kysely<any>) {
    await withId(db, db.schema.createTable('audit_seal'))
      .addColumn('first_id', 'integer', (c) => c.notNull())
      // The chain's order: each range ends at its own entry, never at another's.
      .addColumn('last_id', 'integer', (c) => c.notNull().unique())
      .addColumn('actor', 'text')
      .addColumn('os_user', 'text', (c) => c.notNull())
      .addColumn('command', 'text', (c) => c.notNull())
      .addColumn('digest', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('audit_seal').execute();
  },
};
