import type { Kysely, Migration } from 'kysely';

/**
 * The audit chain's head (`POSITION:HASH`) when a year was closed (issue 13):
 * kept beside the closure and in the archive's manifest, so that a chain
 * later rebuilt from its start no longer contains it (`audit verify --head`).
 * Null for years closed before.
 */
export const yearClosureAuditHead: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('year_closure').addColumn('audit_head', 'text').execute();
    await db.schema.alterTable('year_closure').addColumn('archive_audit_head', 'text').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('year_closure').dropColumn('archive_audit_head').execute();
    await db.schema.alterTable('year_closure').dropColumn('audit_head').execute();
  },
};
