// @sqlite-only: SQLite's own files, pragmas and shell; test/db/postgres.test.ts checks the server's counterparts.
// The database's file, its -wal and -shm, and its folder: who may write them,
// and who may open the database (issue 13 §2). The tests run as root, which
// owns every file it makes; "another user" is uid 65534 (nobody), given the
// files with chown. Files are tampered with by hand, behind the tool's back.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chmodSync, chownSync, closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { cli } from '../support/cli.ts';
import { tempDir } from '../support/school.ts';
import { EXAMPLE_SCHOOL, EXIT_CODES, runner } from './_helpers.ts';
import { inTransaction, nativeDatabase, openDatabase, openWarnings } from '../../src/db/connection.ts';
import { findOnlySchool } from '../../src/db/repositories/schools.ts';
import { AppError } from '../../src/errors.ts';

const NOBODY = 65534;
const t = tempDir('ezurnals-files-');
const { setup } = runner(t.dbPath);
test.after(() => t.cleanup());

test.before(async () => {
  await setup(EXAMPLE_SCHOOL);
});

let copies = 0;
/** A copy of the school's database in a folder of its own (0700), to spoil one way. */
function copy(): { dir: string; db: string } {
  const dir = join(t.dir, `copy-${++copies}`);
  mkdirSync(dir, { mode: 0o700 });
  const db = join(dir, 'ezurnals.db');
  copyFileSync(t.dbPath, db);
  return { dir, db };
}

const as = (db: string, args: string[]) => cli([...args, '--json'], { EZURNALS_DB: db, EZURNALS_USER: 'admin' });

async function refusedForbidden(db: string, message: RegExp) {
  const r = await as(db, ['student', 'list']);
  assert.is(r.code, EXIT_CODES.forbidden, r.stderr);
  assert.is(r.stdout, '');
  assert.match(r.errorJson.error.message, message);
}

test('a -wal file another user made is refused (exit 5): its frames would be read as the journal', async () => {
  const { db } = copy();
  // What a non-owner's first read used to leave: a -wal of theirs, into which they can write frames.
  closeSync(openSync(`${db}-wal`, 'w', 0o600));
  chownSync(`${db}-wal`, NOBODY, NOBODY);
  await refusedForbidden(db, /WAL file .*ezurnals\.db-wal belongs to uid 65534, not to the database's owner \(uid 0\).*chown 0 /);
});

test('a database, -shm or folder others may write is refused (exit 5) with the chmod that fixes it', async () => {
  const a = copy();
  chmodSync(a.db, 0o664);
  await refusedForbidden(a.db, /The database .* may be written by users other than its owner \(mode 0664\).*chmod go-w '.*ezurnals\.db'/);
  const b = copy();
  chmodSync(b.dir, 0o777);
  await refusedForbidden(b.db, /The folder .*copy-\d+ may be written by users other than its owner \(mode 0777\).*chmod go-w/);
  const c = copy();
  writeFileSync(`${c.db}-shm`, Buffer.alloc(32768));
  chmodSync(`${c.db}-shm`, 0o666);
  await refusedForbidden(c.db, /shared-memory file .* chmod go-w/);
  // Fixed as the message says, the database opens again.
  chmodSync(a.db, 0o600);
  assert.is((await as(a.db, ['student', 'list'])).code, 0);
});

test('a database others may read opens, with a warning that says so and how to fix it', async () => {
  const { db } = copy();
  chmodSync(db, 0o644);
  const r = await cli(['student', 'list'], { EZURNALS_DB: db, EZURNALS_USER: 'admin' });
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /Bērziņš/);
  assert.match(r.stderr, /warning: Other users may read the database .* \(mode 0644\).*chmod 600/);
});

test('the current user does not own the database: no -wal or -shm is created; refused while there are none', async () => {
  const { dir, db } = copy();
  chmodSync(dir, 0o755);
  chownSync(db, NOBODY, NOBODY);
  chownSync(dir, NOBODY, NOBODY);
  await refusedForbidden(db, /belongs to uid 65534, and you are uid 0: ezurnals does not create its -wal and -shm files as another user/);
  assert.equal(readdirSync(dir), ['ezurnals.db'], 'root created no -wal or -shm of its own beside another user’s database');
});

test('another user reads read-only while the owner’s -wal and -shm are there, and may not write', async () => {
  const { dir, db } = copy();
  // The owner's connection, open the while: its -wal and -shm exist and are the owner's.
  const holder = new SqliteDatabase(db);
  holder.pragma('journal_mode = WAL');
  holder.prepare('select count(*) from school').get();
  try {
    assert.ok(existsSync(`${db}-wal`) && existsSync(`${db}-shm`));
    const reader = await openDatabase(db, { uid: 4242 });
    try {
      assert.is((await findOnlySchool(reader))!.name, 'Rīgas Parauga vidusskola');
      assert.equal(openWarnings(reader), []);
      let refused: unknown;
      try {
        await inTransaction(reader, async () => undefined);
      } catch (error) {
        refused = error;
      }
      assert.ok(refused instanceof AppError && refused.code === 'forbidden', String(refused));
      assert.match((refused as Error).message, /only its owner may write/);
      // Even past the tool's own guard, SQLite itself refuses: the connection is read-only.
      assert.throws(() => nativeDatabase(reader)!.exec("update school set name = 'X'"), /readonly/);
    } finally {
      await reader.destroy();
    }
  } finally {
    holder.close();
  }
  assert.equal(readdirSync(dir), ['ezurnals.db']);
  // And with no connection of the owner's open (no -wal, no -shm), the other user is refused.
  let none: unknown;
  try {
    await openDatabase(db, { uid: 4242 });
  } catch (error) {
    none = error;
  }
  assert.ok(none instanceof AppError && none.code === 'forbidden', String(none));
});

test.run();
