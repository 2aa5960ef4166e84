// @sqlite-only: SQLite's own files, pragmas and shell; test/db/postgres.test.ts checks the server's counterparts.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import SqliteDatabase from 'better-sqlite3';
import { inTransaction, openDatabase, resolveDatabasePath } from '../../src/db/connection.ts';
import { LATEST_MIGRATION, MIGRATIONS } from '../../src/db/migrations/index.ts';
import { schemaVersion } from '../../src/db/migrate.ts';
import { AppError } from '../../src/errors.ts';
import { freshSchool, tempDir } from '../support/school.ts';
import { rejects } from '../services/fixtures.ts';

const Migrations = suite('migrations');

Migrations('the static list is ordered and its last entry is LATEST_MIGRATION', () => {
  const names = Object.keys(MIGRATIONS);
  assert.ok(names.length >= 1);
  assert.equal(names, [...names].sort());
  assert.is(LATEST_MIGRATION, names.at(-1));
  assert.is(LATEST_MIGRATION, '0019-redaction-only-blanks');
});

Migrations('a fresh database records every migration, the latest last', async () => {
  const t = tempDir();
  const db = await openDatabase(t.dbPath, { create: true });
  try {
    const rows = await sql<{ name: string; timestamp: string }>`select name, timestamp from kysely_migration order by name`.execute(db);
    assert.equal(rows.rows.map((r) => r.name), Object.keys(MIGRATIONS));
    assert.is(await schemaVersion(db), LATEST_MIGRATION);
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name`.execute(db);
    assert.equal(tables.rows.map((r) => r.name), [
      'absence', 'absence_change', 'absence_note', 'absence_note_absence', 'account', 'assignment', 'audit_log', 'audit_seal', 'behavior_entry', 'briefing', 'briefing_student', 'enrollment',
      'extract_ack', 'extract_online_ack', 'grade', 'grade_change', 'guardian', 'guest_grant', 'holiday', 'individual_work', 'individual_work_student', 'inspection',
      'inspection_class', 'lesson', 'parent_conversation', 'parent_note', 'promotion_decision', 'school', 'school_class', 'school_year', 'sms_outbox',
      'staff', 'staff_role', 'student', 'student_guardian', 'study_group', 'study_group_class', 'study_group_member', 'study_group_teacher', 'subject', 'substitution', 'timetable_slot', 'web_session', 'year_closure', 'year_lock_bypass', 'year_lock_override',
    ]);
  } finally {
    await db.destroy();
    t.cleanup();
  }
});

Migrations('opening again applies nothing and keeps the data', async () => {
  const school = await freshSchool();
  const before = await sql<{ name: string; timestamp: string }>`select name, timestamp from kysely_migration order by name`.execute(school.db);
  await school.db.destroy();
  for (let i = 0; i < 2; i++) {
    const db = await openDatabase(school.dbPath);
    try {
      const after = await sql<{ name: string; timestamp: string }>`select name, timestamp from kysely_migration order by name`.execute(db);
      assert.equal(after.rows, before.rows);
      const schools = await db.selectFrom('school').select('name').execute();
      assert.equal(schools, [{ name: 'Rīgas Parauga vidusskola' }]);
    } finally {
      await db.destroy();
    }
  }
  await school.cleanup(); // destroying the already destroyed Kysely instance again is harmless
});

Migrations('0007 stores the phones already entered in E.164 where they parse, and leaves the others as typed', async () => {
  const t = tempDir();
  try {
    const before = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '0007'));
    const old = new Kysely<any>({ dialect: new SqliteDialect({ database: new SqliteDatabase(t.dbPath) }) });
    const { error } = await new Migrator({ db: old, provider: { getMigrations: async () => before }, migrationTableName: 'kysely_migration' }).migrateToLatest();
    assert.is(error, undefined);
    const at = '2026-09-01T08:00:00+03:00';
    await old.insertInto('school').values({ name: 'Cēsu pamatskola', created_at: at }).execute();
    const student = (code: string, phone: string | null) => ({ school_id: 1, code, first_name: 'Jānis', last_name: 'Bērziņš', phone, created_at: at, updated_at: at });
    await old.insertInto('student').values([student('S001', '29 123 456'), student('S002', '+37129123457'), student('S003', 'zvanīt mātei'), student('S004', null)]).execute();
    await old.insertInto('guardian').values({ school_id: 1, first_name: 'Ilze', last_name: 'Bērziņa', phone: '0037126000101', created_at: at, updated_at: at }).execute();
    await old.insertInto('staff').values({ school_id: 1, code: 'T01', first_name: 'Anna', last_name: 'Kalniņa', phone: '2000-0001', created_at: at, updated_at: at }).execute();
    await old.destroy();

    const db = await openDatabase(t.dbPath);
    try {
      assert.equal((await db.selectFrom('student').select('phone').orderBy('code').execute()).map((r) => r.phone), ['+37129123456', '+37129123457', 'zvanīt mātei', null]);
      assert.equal(await db.selectFrom('guardian').select('phone').execute(), [{ phone: '+37126000101' }]);
      assert.equal(await db.selectFrom('staff').select('phone').execute(), [{ phone: '+37120000001' }]);
      // Migrating sends nothing: profiles come when a phone is entered, or from `account provision`.
      assert.equal(await db.selectFrom('sms_outbox').selectAll().execute(), []);
    } finally {
      await db.destroy();
    }
  } finally {
    t.cleanup();
  }
});

Migrations('a database made before 0002 opens, gains extract_ack and keeps its data', async () => {
  const t = tempDir();
  try {
    // Built the way the previous release did: only the initial migration, then some data.
    const old = new Kysely<any>({ dialect: new SqliteDialect({ database: new SqliteDatabase(t.dbPath) }) });
    const { error } = await new Migrator({ db: old, provider: { getMigrations: async () => ({ '0001-initial': MIGRATIONS['0001-initial']! }) }, migrationTableName: 'kysely_migration' }).migrateToLatest();
    assert.is(error, undefined);
    const at = '2026-09-01T08:00:00+03:00';
    await old.insertInto('school').values({ name: 'Cēsu pamatskola', created_at: at }).execute();
    await old.insertInto('student').values({ school_id: 1, code: 'S001', first_name: 'Jānis', last_name: 'Bērziņš', created_at: at, updated_at: at }).execute();
    await old.insertInto('staff').values({ school_id: 1, code: 'T01', first_name: 'Anna', last_name: 'Kalniņa', created_at: at, updated_at: at }).execute();
    await old.destroy();

    const db = await openDatabase(t.dbPath);
    try {
      assert.is(await schemaVersion(db), LATEST_MIGRATION);
      assert.equal(await db.selectFrom('student').select(['code', 'last_name']).execute(), [{ code: 'S001', last_name: 'Bērziņš' }]);
      const ack = { school_id: 1, student_id: 1, month: '2026-10', returned_on: '2026-11-09', guardian_id: null, note: null, recorded_by: 1, recorded_at: at };
      await db.insertInto('extract_ack').values(ack).execute();
      // One slip per student and month.
      let caught: unknown;
      try {
        await db.insertInto('extract_ack').values({ ...ack, returned_on: '2026-11-10' }).execute();
      } catch (e) {
        caught = e;
      }
      assert.match(String((caught as Error | undefined)?.message), /UNIQUE/);
    } finally {
      await db.destroy();
    }
  } finally {
    t.cleanup();
  }
});

Migrations('a database of the initial schema opens and gets the behaviour journal and the appendices, keeping its data', async () => {
  const t = tempDir();
  // Written as the previous version left it: only 0001 applied, with a school in it.
  const old = new Kysely<any>({ dialect: new SqliteDialect({ database: new SqliteDatabase(t.dbPath) }) });
  const migrator = new Migrator({ db: old, provider: { getMigrations: async () => ({ '0001-initial': MIGRATIONS['0001-initial']! }) }, migrationTableName: 'kysely_migration' });
  assert.is((await migrator.migrateToLatest()).error, undefined);
  await old.insertInto('school').values({ name: 'Cēsu Valsts ģimnāzija', created_at: '2026-09-01T08:00:00+03:00' }).execute();
  await old.destroy();

  const db = await openDatabase(t.dbPath);
  try {
    assert.is(await schemaVersion(db), LATEST_MIGRATION);
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    assert.equal(applied.rows.map((r) => r.name), Object.keys(MIGRATIONS));
    for (const table of ['behavior_entry', 'parent_note', 'briefing', 'briefing_student', 'parent_conversation'] as const) {
      assert.equal(await db.selectFrom(table).selectAll().execute(), [], `${table} exists and is empty`);
    }
    assert.equal(await db.selectFrom('school').select('name').execute(), [{ name: 'Cēsu Valsts ģimnāzija' }]);
  } finally {
    await db.destroy();
    t.cleanup();
  }
});

Migrations('0014 gives students whose code is a personas kods a generated code, and moves a valid one to its empty column', async () => {
  const t = tempDir();
  try {
    const old = new Kysely<any>({ dialect: new SqliteDialect({ database: new SqliteDatabase(t.dbPath) }) });
    const provider = { getMigrations: async () => ({ ...MIGRATIONS }) };
    const { error } = await new Migrator({ db: old, provider, migrationTableName: 'kysely_migration' }).migrateTo('0011-year-closure-audit-head');
    assert.is(error, undefined);
    const at = '2026-09-01T08:00:00+03:00';
    await old.insertInto('school').values([{ name: 'Cēsu pamatskola', created_at: at }, { name: 'Otrā skola', created_at: at }]).execute();
    const student = (school_id: number, code: string, personal_code: string | null) => ({ school_id, code, first_name: 'Anna', last_name: code, personal_code, created_at: at, updated_at: at });
    await old
      .insertInto('student')
      .values([
        student(1, 'S007', null),
        student(1, '160415-21176', null), // valid, column empty: moves
        student(1, '15059912349', null), // valid without the dash: moves normalised
        student(1, '010110-20003', null), // bad checksum: dropped, never shown again
        student(1, '290204-20002', '010110-20002'), // column already holds another: kept there
        student(1, '030403-21234', null),
        student(1, 's008', null), // a code in another case is not given again
        student(2, '160415-21176', null), // another school counts its own codes
      ])
      .execute();
    // Two codes of one person would break the unique column: the second stays without it.
    await old.updateTable('student').set({ personal_code: '030403-21234' }).where('code', '=', 'S007').execute();
    await old.destroy();

    const db = await openDatabase(t.dbPath);
    try {
      const rows = await db.selectFrom('student').select(['school_id', 'code', 'personal_code', 'last_name']).orderBy('id').execute();
      assert.equal(rows, [
        { school_id: 1, code: 'S007', personal_code: '030403-21234', last_name: 'S007' },
        { school_id: 1, code: 'S009', personal_code: '160415-21176', last_name: '160415-21176' },
        { school_id: 1, code: 'S010', personal_code: '150599-12349', last_name: '15059912349' },
        { school_id: 1, code: 'S011', personal_code: null, last_name: '010110-20003' },
        { school_id: 1, code: 'S012', personal_code: '010110-20002', last_name: '290204-20002' },
        { school_id: 1, code: 'S013', personal_code: null, last_name: '030403-21234' },
        { school_id: 1, code: 's008', personal_code: null, last_name: 's008' },
        { school_id: 2, code: 'S001', personal_code: '160415-21176', last_name: '160415-21176' },
      ]);
      assert.is(await schemaVersion(db), LATEST_MIGRATION);
    } finally {
      await db.destroy();
    }
  } finally {
    t.cleanup();
  }
});

Migrations('a database written by a newer version is refused with conflict', async () => {
  const school = await freshSchool();
  await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', ${new Date().toISOString()})`.execute(school.db);
  await school.db.destroy();
  try {
    const error = await rejects(() => openDatabase(school.dbPath), 'conflict', 'newer', '9999-from-the-future', LATEST_MIGRATION);
    assert.is(error.exitCode, 6);
    // The refusal left the database as it was: the unknown row is still there, nothing else ran.
    const native = new SqliteDatabase(school.dbPath, { readonly: true });
    const rows = native.prepare('select name from kysely_migration order by name').all() as { name: string }[];
    native.close();
    assert.equal(rows.map((r) => r.name), [...Object.keys(MIGRATIONS), '9999-from-the-future']);
  } finally {
    await school.cleanup();
  }
});

Migrations('pragmas: WAL, foreign keys, busy timeout', async () => {
  const school = await freshSchool();
  try {
    const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(school.db);
    assert.is(journal.rows[0]?.journal_mode, 'wal');
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(school.db);
    assert.is(fk.rows[0]?.foreign_keys, 1);
    const busy = await sql<{ timeout: number }>`pragma busy_timeout`.execute(school.db);
    assert.ok((busy.rows[0]?.timeout ?? 0) >= 5000, `busy_timeout ${busy.rows[0]?.timeout}`);
    // Foreign keys are really enforced.
    let caught: unknown;
    try {
      await school.db.insertInto('staff_role').values({ staff_id: 9999, role: 'teacher' }).execute();
    } catch (error) {
      caught = error;
    }
    assert.match(String((caught as Error | undefined)?.message), /FOREIGN KEY/);
  } finally {
    await school.cleanup();
  }
});

Migrations('the pragmas hold for a database opened again (not only at creation)', async () => {
  const school = await freshSchool();
  await school.db.destroy();
  const db = await openDatabase(school.dbPath);
  try {
    assert.is((await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db)).rows[0]?.foreign_keys, 1);
    assert.is((await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db)).rows[0]?.journal_mode, 'wal');
    assert.ok(((await sql<{ timeout: number }>`pragma busy_timeout`.execute(db)).rows[0]?.timeout ?? 0) >= 5000);
  } finally {
    await db.destroy();
    await school.cleanup();
  }
});

Migrations('a missing database without create is not_found and no file appears', async () => {
  const t = tempDir();
  try {
    const error = await rejects(() => openDatabase(t.dbPath), 'not_found', t.dbPath, 'ezurnals init');
    assert.is(error.exitCode, 3);
    assert.not.ok(existsSync(t.dbPath));
    assert.equal(readdirSync(t.dir), [], 'no -wal/-shm or other file either');
    // In a folder that does not exist either.
    await rejects(() => openDatabase(join(t.dir, 'nowhere', 'x.db')), 'not_found');
    assert.equal(readdirSync(t.dir), []);
  } finally {
    t.cleanup();
  }
});

Migrations('create refuses an existing file with conflict and leaves it untouched', async () => {
  const t = tempDir();
  try {
    writeFileSync(t.dbPath, 'not a database');
    await rejects(() => openDatabase(t.dbPath, { create: true }), 'conflict', 'already exists');
    assert.equal(readdirSync(t.dir), ['test.db']);
  } finally {
    t.cleanup();
  }
});

Migrations('a file that is not a database is refused with an AppError, not a crash', async () => {
  const t = tempDir();
  try {
    writeFileSync(t.dbPath, 'hello, this is not SQLite at all '.repeat(200));
    let caught: unknown;
    try {
      const db = await openDatabase(t.dbPath);
      await db.destroy();
    } catch (error) {
      caught = error;
    }
    assert.instance(caught, AppError);
    assert.ok(['invalid', 'not_found'].includes((caught as AppError).code), (caught as AppError).code);
  } finally {
    t.cleanup();
  }
});

Migrations('resolveDatabasePath: option, then EZURNALS_DB, then ./ezurnals.db', () => {
  assert.is(resolveDatabasePath('/x/a.db', { EZURNALS_DB: '/y/b.db' }), '/x/a.db');
  assert.is(resolveDatabasePath(undefined, { EZURNALS_DB: '/y/b.db' }), '/y/b.db');
  assert.is(resolveDatabasePath(undefined, {}), './ezurnals.db');
  assert.is(resolveDatabasePath('', {}), './ezurnals.db');
});

const Transactions = suite('inTransaction');

Transactions('commits the work and returns its result', async () => {
  const school = await freshSchool();
  try {
    const id = await inTransaction(school.db, async (trx) => {
      const row = await trx.insertInto('subject').values({ school_id: 1, code: 'mat', name: 'Matemātika', created_at: '2026-11-29T10:00:00+02:00' }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    });
    assert.type(id, 'number');
    const rows = await school.db.selectFrom('subject').select(['id', 'code']).execute();
    assert.equal(rows, [{ id, code: 'mat' }]);
  } finally {
    await school.cleanup();
  }
});

Transactions('rolls back every write when the work throws, and rethrows the same error', async () => {
  const school = await freshSchool();
  try {
    const staffBefore = await school.db.selectFrom('staff').select('code').execute();
    const boom = new AppError('invalid', 'boom after writes');
    let caught: unknown;
    try {
      await inTransaction(school.db, async (trx) => {
        await trx.insertInto('subject').values({ school_id: 1, code: 'mat', name: 'Matemātika', created_at: 'x' }).execute();
        await trx.insertInto('staff').values({ school_id: 1, code: 'T01', first_name: 'A', last_name: 'B', phone: null, email: null, created_at: 'x', updated_at: 'x' }).execute();
        await trx.updateTable('school').set({ name: 'Changed' }).execute();
        assert.is((await trx.selectFrom('subject').selectAll().execute()).length, 1, 'visible inside the transaction');
        throw boom;
      });
    } catch (error) {
      caught = error;
    }
    assert.is(caught, boom);
    assert.equal(await school.db.selectFrom('subject').selectAll().execute(), []);
    assert.equal(await school.db.selectFrom('staff').select('code').execute(), staffBefore);
    assert.equal(await school.db.selectFrom('school').select('name').execute(), [{ name: 'Rīgas Parauga vidusskola' }]);
    // The connection is usable again afterwards: a new transaction commits.
    await inTransaction(school.db, (trx) => trx.insertInto('subject').values({ school_id: 1, code: 'lv', name: 'Latviešu valoda', created_at: 'x' }).execute());
    assert.equal(await school.db.selectFrom('subject').select('code').execute(), [{ code: 'lv' }]);
  } finally {
    await school.cleanup();
  }
});

Transactions('a failing SQL statement also rolls back the earlier statements', async () => {
  const school = await freshSchool();
  try {
    let caught: unknown;
    try {
      await inTransaction(school.db, async (trx) => {
        await trx.insertInto('subject').values({ school_id: 1, code: 'mat', name: 'Matemātika', created_at: 'x' }).execute();
        await trx.insertInto('subject').values({ school_id: 1, code: 'mat', name: 'Again', created_at: 'x' }).execute(); // unique violation
      });
    } catch (error) {
      caught = error;
    }
    assert.match(String((caught as Error)?.message), /UNIQUE/);
    assert.equal(await school.db.selectFrom('subject').selectAll().execute(), []);
  } finally {
    await school.cleanup();
  }
});

Migrations.run();
Transactions.run();
