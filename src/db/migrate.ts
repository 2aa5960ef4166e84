import { Migrator, type Kysely, type MigrationProvider } from 'kysely';
import { AppError } from '../errors.ts';
import { systemFailure } from '../system-error.ts';
import { LATEST_MIGRATION, MIGRATIONS } from './migrations/index.ts';
import { m as d } from '../i18n/messages/db.ts';

const provider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };
const MIGRATION_TABLE = 'kysely_migration';

async function appliedMigrations(db: Kysely<any>): Promise<string[] | null> {
  try {
    const rows = await db.selectFrom(MIGRATION_TABLE).select('name').orderBy('name').execute();
    return rows.map((r) => r.name as string);
  } catch {
    return null; // no migration table yet: a database being created
  }
}

/**
 * Brings the schema to the latest version. The common case (already current)
 * costs one small query, so it can run on every open without slowing scripts.
 * Says whether it migrated (the caller then renews the audit triggers).
 */
/** `schema`: the PostgreSQL schema of the school, so that Kysely never takes another school's migration table for this one's. */
export async function migrateToLatestOrThrow(db: Kysely<any>, schema?: string): Promise<boolean> {
  const applied = await appliedMigrations(db);
  if (applied) {
    const unknown = applied.filter((name) => !(name in MIGRATIONS));
    if (unknown.length > 0) {
      throw new AppError('conflict', d.newerSchema(String(unknown.at(-1)), LATEST_MIGRATION));
    }
    if (applied.at(-1) === LATEST_MIGRATION) return false;
  }
  const migrator = new Migrator({ db, provider, migrationTableName: MIGRATION_TABLE, ...(schema ? { migrationTableSchema: schema, migrationLockTableName: 'kysely_migration_lock' } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    // A full disk or a read-only file is said as such, not as a broken migration.
    if (systemFailure(error)) throw error;
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new AppError('unexpected', d.migrationFailed(failed, String((error as Error).message ?? error)));
  }
  return true;
}

export async function schemaVersion(db: Kysely<any>): Promise<string | null> {
  return (await appliedMigrations(db))?.at(-1) ?? null;
}

/** Whether the database lacks a migration this version has (a read-only reader cannot apply it). */
export async function schemaBehind(db: Kysely<any>): Promise<boolean> {
  return (await appliedMigrations(db))?.at(-1) !== LATEST_MIGRATION;
}
