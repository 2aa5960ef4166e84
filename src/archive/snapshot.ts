import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { Kysely, SqliteDialect } from 'kysely';
import SqliteDatabase from 'better-sqlite3';
import { nativeBindingPath, type Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import { systemFailure } from '../system-error.ts';

/** Pages per backup step: all of them, so the copy is read in one read transaction (see takeSnapshot). */
const ALL_PAGES = 0x7fffffff;

/**
 * A consistent copy of the live database by SQLite's online backup. Copied
 * in one step, it is read inside one read transaction: in WAL mode writers in
 * other processes carry on meanwhile, and the copy is the database as of one
 * moment (in small steps, every write elsewhere would restart the copy, and a
 * busy school could keep it from ever finishing). The copy is switched from WAL
 * to a rollback journal, so that it opens read-only from a CD, where SQLite
 * cannot create the -wal and -shm files.
 */
export async function takeSnapshot(live: SqliteDatabase.Database, target: string): Promise<void> {
  try {
    await live.backup(target, { progress: () => ALL_PAGES });
  } catch (error) {
    // A full disk here is the copy's, not the journal's: the journal was only read.
    throw systemFailure(error, `the archive's database copy ${target}`) ?? error;
  }
  const copy = new SqliteDatabase(target, { nativeBinding: nativeBindingPath() });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** The snapshot, read-only, as a Kysely database for the report builders. */
export function openSnapshot(path: string): { db: Db; native: SqliteDatabase.Database } {
  const native = new SqliteDatabase(path, { readonly: true, fileMustExist: true, nativeBinding: nativeBindingPath() });
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: native }) }), native };
}

/** Copies a verified snapshot to a new database file, never over an existing one, and never leaving half a file. */
export function copySnapshot(snapshot: string, target: string): void {
  const partial = `${target}.part-${process.pid}`;
  try {
    copyFileSync(snapshot, partial);
    if (existsSync(target)) throw new Error(`${target} appeared while restoring.`);
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
}
