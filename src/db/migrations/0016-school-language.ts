import type { Kysely, Migration } from 'kysely';

/**
 * The language the tool speaks to this school's staff (issue 18): null is
 * Latvian, the default; 'en' for a school whose administrator chose English.
 * A person's own `--lang` / EZURNALS_LANG still wins for their run.
 */
export const schoolLanguage: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('school').addColumn('language', 'text').execute();
  },
};
