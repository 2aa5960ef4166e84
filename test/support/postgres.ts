// The suite on PostgreSQL (issue 15): with EZURNALS_TEST_PG set to a server
// (postgres://USER@HOST:PORT, a throwaway one started by scripts/test-pg.mjs),
// every temporary database of the tests is a new database on that server,
// copied from a template that holds one migrated, empty school `test` (CREATE
// DATABASE … TEMPLATE: about 0.2 s, where migrating a school takes over a
// second). Made with psql, synchronously, as tempDir() is.
import { execFileSync } from 'node:child_process';

export const TEST_PG = process.env.EZURNALS_TEST_PG || undefined;
export const TEMPLATE_DATABASE = 'ezt_template';
export const TEST_SCHOOL = 'test';

let counter = 0;

function server(): URL {
  return new URL(TEST_PG!);
}

export function psql(sql: string, database = 'postgres', user?: string): string {
  const url = server();
  return execFileSync('psql', ['-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-h', url.hostname, '-p', url.port || '5432', '-U', user ?? decodeURIComponent(url.username || 'postgres'), '-d', database, '-c', sql], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The URL ezurnals opens for the school of a test database. */
export function schoolUrl(database: string): string {
  const url = server();
  url.pathname = `/${database}`;
  url.search = `?school=${TEST_SCHOOL}`;
  return url.toString();
}

export function databaseOf(schoolUrlText: string): string {
  return new URL(schoolUrlText).pathname.slice(1);
}

/** A new database for one test, copied from the empty template or from another test's (closed) database. */
export function newTestDatabase(from: string = TEMPLATE_DATABASE): string {
  const name = `ezt_${process.pid}_${++counter}`;
  psql(`create database ${name} template ${from}`);
  return schoolUrl(name);
}

/**
 * A test about SQLite's own files, pragmas or shell (file modes, WAL, quick_check,
 * the sqlite3 shell behind the tool's back): skipped when the suite runs on
 * PostgreSQL, where test/db/postgres.test.ts checks the server's counterparts.
 */
export function onSqlite<T extends { skip: unknown }>(test: T): T {
  return TEST_PG ? (test.skip as T) : test;
}
