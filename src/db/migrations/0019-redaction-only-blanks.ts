import type { Migration } from 'kysely';

/**
 * No change to any table: on PostgreSQL, ezurnals_redact (the anonymisation's
 * SECURITY DEFINER function, which the application's role may call) now
 * refuses values that are not the entry's own with some replaced by the
 * placeholder (src/db/postgres/audit.ts). The school's functions are made
 * again after every migration; this one is what makes an existing school
 * renew them. On SQLite nothing changes.
 */
export const redactionOnlyBlanks: Migration = {
  async up() {},
};
