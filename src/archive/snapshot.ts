import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { Kysely, SqliteDialect } from 'kysely';
import SqliteDatabase from 'better-sqlite3';
import { nativeBindingPath, type Db } from '../db/connection.ts';
import { dialectOf } from '../db/dialect.ts';
import type { Database } from '../db/schema.ts';
import { REDACTED, SECRET_COLUMNS } from '../domain/secret-columns.ts';
import { systemFailure } from '../system-error.ts';

/**
 * A consistent copy of the live database as an SQLite file, made by the
 * dialect as of one moment while writers carry on (SQLite's online backup in
 * one step; from PostgreSQL, one REPEATABLE READ read into a file made by the
 * SQLite migrations). The copy is switched from WAL
 * to a rollback journal, so that it opens read-only from a CD, where SQLite
 * cannot create the -wal and -shm files.
 */
export async function takeSnapshot(live: Db, target: string): Promise<void> {
  try {
    await dialectOf(live).snapshot(live, target);
  } catch (error) {
    // A full disk here is the copy's, not the journal's: the journal was only read.
    throw systemFailure(error, `the archive's database copy ${target}`) ?? error;
  }
  const copy = new SqliteDatabase(target, { nativeBinding: nativeBindingPath() });
  try {
    copy.pragma('journal_mode = DELETE');
    scrubSecrets(copy);
  } finally {
    copy.close();
  }
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The archive is for the archivist: it keeps no secret. Password hashes and
 * the bodies of queued SMS (which carry new passwords) become "[redacted]",
 * the very value the audit log holds for them, so the audit trail of the
 * restored snapshot still matches its rows. The tables' own triggers (audit,
 * year lock) would log or refuse this, so they are set aside for the update
 * and put back as they were. VACUUM then rebuilds the file, so that the old
 * values do not linger in free pages.
 */
export function scrubSecrets(copy: SqliteDatabase.Database): void {
  const tables = new Set((copy.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name));
  copy.transaction(() => {
    for (const [table, columns] of Object.entries(SECRET_COLUMNS)) {
      if (!tables.has(table)) continue;
      const present = new Set((copy.pragma(`table_info(${ident(table)})`) as { name: string }[]).map((c) => c.name));
      const secret = columns.filter((c) => present.has(c));
      if (secret.length === 0) continue;
      const triggers = copy.prepare("select name, sql from sqlite_master where type = 'trigger' and tbl_name = ?").all(table) as { name: string; sql: string }[];
      for (const t of triggers) copy.exec(`drop trigger ${ident(t.name)}`);
      for (const column of secret) copy.prepare(`update ${ident(table)} set ${ident(column)} = ? where ${ident(column)} is not null`).run(REDACTED);
      for (const t of triggers) copy.exec(t.sql);
    }
  })();
  copy.exec('vacuum');
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
