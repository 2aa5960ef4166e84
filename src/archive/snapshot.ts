import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import type { Db } from '../db/connection.ts';
import { dialectOf } from '../db/dialect.ts';
import { finishSnapshotFile } from '../db/sqlite/snapshot-file.ts';
import { systemFailure } from '../system-error.ts';

/**
 * A consistent copy of the live database as an SQLite file, made by the
 * dialect as of one moment while writers carry on (SQLite's online backup in
 * one step; from PostgreSQL, one REPEATABLE READ read into a file made by the
 * SQLite migrations), then made fit to archive: a rollback journal, so that
 * it opens read-only from a CD, and no secrets (finishSnapshotFile).
 */
export async function takeSnapshot(live: Db, target: string): Promise<void> {
  try {
    await dialectOf(live).snapshot(live, target);
  } catch (error) {
    // A full disk here is the copy's, not the journal's: the journal was only read.
    throw systemFailure(error, `the archive's database copy ${target}`) ?? error;
  }
  finishSnapshotFile(target);
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
