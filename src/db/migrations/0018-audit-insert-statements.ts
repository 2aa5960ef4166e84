import type { Migration } from 'kysely';

/**
 * No change to any table: on PostgreSQL, the audit trail logs inserts with
 * one statement-level trigger per table instead of a row-level one
 * (src/db/postgres/audit.ts). Triggers are renewed after every migration;
 * this one is what makes an existing school renew them, since the open-time
 * check refuses triggers that differ from the ones this version generates.
 * SQLite's triggers are renewed too, unchanged.
 */
export const auditInsertStatements: Migration = {
  async up() {},
};
