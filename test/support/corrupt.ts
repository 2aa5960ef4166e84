// Damage done to a database file by hand, for the tests of SQLite's quick_check.
import { readFileSync, writeFileSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';

/** Overwrites the header of a table's root page: SQLite's quick_check fails on it, while other tables still read. */
export function corruptTablePage(db: string, table: string): void {
  const native = new SqliteDatabase(db);
  const pageSize = native.pragma('page_size', { simple: true }) as number;
  const root = (native.prepare('select rootpage from sqlite_master where name = ?').get(table) as { rootpage: number }).rootpage;
  native.close();
  const bytes = readFileSync(db);
  bytes.fill(0xff, (root - 1) * pageSize, (root - 1) * pageSize + 12);
  writeFileSync(db, bytes);
}
