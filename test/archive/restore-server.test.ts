// @postgres-only: `archive restore` into a new school on a PostgreSQL server (issue 15), run by `npm run test:pg`.
// A year's archive is exported from an SQLite file, as a school on SQLite
// makes it, then restored through the CLI into a server school: the same
// rows and audit chain as the snapshot, `audit verify` passing there, the
// same report printed from both; and the refusals (a school that already
// exists, a changed snapshot) change nothing and leave no school behind. A
// restore killed part-way leaves no temporary snapshot, and what it left on
// the server a second restore takes over.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listSchoolsAt, openDatabase } from '../../src/db/connection.ts';
import { dumpDatabase } from '../../src/db/dump.ts';
import { auditHead } from '../../src/db/dialect.ts';
import { psql, schoolUrl, TEST_PG } from '../support/postgres.ts';
import { BIN, cli } from '../support/cli.ts';
import { dbState, EXIT_CODES, runner } from '../cli/_helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'ezurnals-restore-pg-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const source = join(dir, 'skola.db');
const archive = join(dir, 'arhīvs');
const iso = join(dir, 'arhīvs.iso');
const SNAPSHOT = '07_datubāze/ezurnals.sqlite';
let database = '';
/** A school's URL on this test's own database on the server. */
const at = (school: string) => schoolUrl(database).replace('school=test', `school=${school}`);

test.before(async () => {
  assert.ok(TEST_PG, 'EZURNALS_TEST_PG names the server');
  database = `ezt_restore_${process.pid}`;
  psql(`create database ${database} template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`);
  // The year's journal in an SQLite file, through the CLI as a school keeps it.
  const init = await cli(['init', '--school', 'Rīgas Parauga vidusskola', '--year', '2026/2027', '--json'], { EZURNALS_DB: source });
  assert.is(init.code, 0, init.stderr);
  await runner(source).setup([
    ['staff', 'add', 'T01', '--first-name', 'Anna', '--last-name', 'Kalniņa', '--role', 'teacher', '--role', 'class-teacher'],
    ['subject', 'add', 'mat', '--name', 'Matemātika'],
    ['subject', 'add', 'lv', '--name', 'Latviešu valoda'],
    ['class', 'add', '7.a', '--class-teacher', 'T01'],
    ['student', 'add', 'S001', '--first-name', 'Jānis', '--last-name', 'Bērziņš', '--class', '7.a'],
    ['student', 'add', 'S002', '--first-name', 'Līga', '--last-name', 'Ozoliņa', '--class', '7.a'],
    ['assign', 'add', '--class', '7.a', '--subject', 'mat', '--teacher', 'T01'],
    ['assign', 'add', '--class', '7.a', '--subject', 'lv', '--teacher', 'T01'],
    ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-05', '--number', '1', '--topic', 'Daļskaitļu saskaitīšana', '--as', 'T01'],
    ['lesson', 'add', '--class', '7.a', '--subject', 'lv', '--date', '2026-10-06', '--number', '2', '--topic', 'Teikuma locekļi', '--as', 'T01'],
    ['grade', 'enter', '--lesson', '1', '--student', 'S001', '--value', '8', '--as', 'T01'],
    ['grade', 'enter', '--lesson', '2', '--student', 'S002', '--value', '9', '--as', 'T01'],
    ['absence', 'mark', '--lesson', '1', '--student', 'S002', '--as', 'T01'],
  ]);
  const exported = await cli(['archive', 'export', '--year', '2026/2027', '--out', archive, '--iso', iso, '--json'], { EZURNALS_DB: source, EZURNALS_USER: 'admin' });
  assert.is(exported.code, 0, exported.stderr);
});

/** Every row and the audit chain's head, read through the data layer (either dialect). */
async function contents(target: string): Promise<{ dump: string; head: unknown; counts: Record<string, number>; names: string[] }> {
  const db = await openDatabase(target);
  try {
    const counts: Record<string, number> = {};
    for (const table of ['student', 'staff', 'subject', 'lesson', 'grade', 'absence', 'audit_log'] as const) {
      counts[table] = (await db.selectFrom(table).select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
      counts[table] = Number(counts[table]);
    }
    const names = [
      ...(await db.selectFrom('school').select('name').execute()).map((r) => r.name),
      ...(await db.selectFrom('student').select(['first_name', 'last_name']).orderBy('code').execute()).map((r) => `${r.first_name} ${r.last_name}`),
      ...(await db.selectFrom('lesson').select('topic').orderBy('date').execute()).map((r) => String(r.topic)),
    ];
    return { dump: await dumpDatabase(db), head: await auditHead(db), counts, names };
  } finally {
    await db.destroy();
  }
}

/** The month's extract of 7.a as HTML text, printed from `target`. */
async function extractOf(target: string, out: string): Promise<string> {
  const r = await cli(['report', 'extract', '--month', '2026-10', '--class', '7.a', '--format', 'html', '--out', out], { EZURNALS_DB: target, EZURNALS_USER: 'admin' });
  assert.is(r.code, 0, r.stderr);
  const files = readdirSync(out).sort();
  assert.ok(files.length > 0, 'an extract was written');
  return files.map((f) => `${f}\n${readFileSync(join(out, f), 'utf8')}`).join('\n');
}

const schoolsOnServer = async () => (await listSchoolsAt(at('x').replace(/\?school=\w+/, ''))).map((s) => s.school).sort();

test('archive restore --db postgres://…?school=NEW: the snapshot whole in a new server school, its chain verifying, its reports the same', async () => {
  const target = at('atjaunota');
  const r = await cli(['archive', 'restore', archive, '--db', target, '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.json.snapshot, SNAPSHOT);
  assert.match(r.json.db, /school=atjaunota/);

  // The snapshot itself, restored as a file, is the reference.
  const file = join(dir, 'momentuzņēmums.db');
  const asFile = await cli(['archive', 'restore', archive, '--db', file, '--json']);
  assert.is(asFile.code, 0, asFile.stderr);
  const [server, snapshot] = [await contents(target), await contents(file)];
  assert.equal(server.counts, snapshot.counts);
  assert.equal(server.counts, { ...server.counts, student: 2, staff: 2, subject: 2, lesson: 2, grade: 2, absence: 1 }, JSON.stringify(server.counts));
  assert.ok((server.counts.audit_log ?? 0) > 10, 'the audit chain came along');
  assert.equal(server.names, ['Rīgas Parauga vidusskola', 'Jānis Bērziņš', 'Līga Ozoliņa', 'Daļskaitļu saskaitīšana', 'Teikuma locekļi']);
  assert.is(server.dump, snapshot.dump);
  assert.equal(server.head, snapshot.head);
  // From the archive's ISO image the same.
  const fromIso = await cli(['archive', 'restore', iso, '--db', at('no_iso'), '--json']);
  assert.is(fromIso.code, 0, fromIso.stderr);
  assert.is((await contents(at('no_iso'))).dump, snapshot.dump);

  for (const db of [target, file]) {
    const verify = await cli(['audit', 'verify'], { EZURNALS_DB: db, EZURNALS_USER: 'admin' });
    assert.is(verify.code, 0, `audit verify on ${db}: ${verify.stderr}`);
  }
  const fromServer = await extractOf(target, join(dir, 'izraksts-serveris'));
  const fromFile = await extractOf(file, join(dir, 'izraksts-fails'));
  assert.match(fromServer, /Bērziņš/);
  assert.match(fromServer, /Matemātika/);
  assert.is(fromServer, fromFile);
  // The restored school is a working school: a write takes the next id and the next audit entries, and the chain still verifies.
  const grades = await cli(['grade', 'list', '--class', '7.a', '--json'], { EZURNALS_DB: target, EZURNALS_USER: 'admin' });
  assert.is(grades.code, 0, grades.stderr);
  assert.equal(grades.json.map((g: { value: string }) => g.value).sort(), ['8', '9']);
  const added = await cli(['student', 'add', 'S003', '--first-name', 'Ēriks', '--last-name', 'Šķēle', '--class', '7.a', '--json'], { EZURNALS_DB: target, EZURNALS_USER: 'admin' });
  assert.is(added.code, 0, added.stderr);
  const after = await contents(target);
  assert.is(after.counts.student, 3);
  assert.ok((after.counts.audit_log ?? 0) > (server.counts.audit_log ?? 0), 'the write was audited');
  assert.is((await cli(['audit', 'verify'], { EZURNALS_DB: target, EZURNALS_USER: 'admin' })).code, 0);
});

test('restoring into a school that exists on the server is refused (exit 6) before the archive is read, that school unchanged', async () => {
  const target = at('esosa');
  const init = await cli(['init', '--school', 'Jelgavas Valsts ģimnāzija', '--year', '2026/2027', '--json'], { EZURNALS_DB: target });
  assert.is(init.code, 0, init.stderr);
  const before = await dbState(target);
  const r = await cli(['archive', 'restore', archive, '--db', target, '--json']);
  assert.is(r.code, EXIT_CODES.conflict, r.stderr);
  assert.is(r.stdout, '');
  assert.match(r.errorJson.error.message, /school=esosa already exists; restore writes a new database and never overwrites one/);
  assert.is(await dbState(target), before);
  // Refused before the archive is read: a damaged one says the same.
  const damaged = join(dir, 'bojāts-pirms');
  cpSync(archive, damaged, { recursive: true });
  writeFileSync(join(damaged, ...SNAPSHOT.split('/')), 'nav datubāze');
  const first = await cli(['archive', 'restore', damaged, '--db', target, '--json']);
  assert.is(first.code, EXIT_CODES.conflict, first.stderr);
  assert.is(await dbState(target), before);
  assert.match(JSON.stringify(await runner(target).read(['school', 'show'])), /Jelgavas Valsts ģimnāzija/);
});

test('a changed snapshot is refused (exit 4) and leaves no school on the server', async () => {
  const copy = join(dir, 'bojāts');
  cpSync(archive, copy, { recursive: true });
  const snapshot = join(copy, ...SNAPSHOT.split('/'));
  writeFileSync(snapshot, Buffer.concat([readFileSync(snapshot), Buffer.from([0])]));
  const before = await schoolsOnServer();
  const r = await cli(['archive', 'restore', copy, '--db', at('bojata'), '--json']);
  assert.is(r.code, EXIT_CODES.invalid, r.stderr);
  assert.match(r.errorJson.error.message, /does not match its SHA-256/);
  assert.equal(await schoolsOnServer(), before);
  assert.not.ok(before.includes('bojata'));
  // No schema either, not even an empty one.
  assert.is(psql(`select count(*) from pg_namespace where nspname = 'bojata'`, database).trim(), '0');
});

/** The snapshot restored as a file: the reference a server school restored from it is compared with. */
let reference: Awaited<ReturnType<typeof contents>> | undefined;
async function referenceContents() {
  if (!reference) {
    const file = join(dir, `atsauce-${Date.now()}.db`);
    const r = await cli(['archive', 'restore', archive, '--db', file, '--json']);
    assert.is(r.code, 0, r.stderr);
    reference = await contents(file);
  }
  return reference;
}

/** A restore into `school` that completes, with the snapshot's rows and a chain that verifies. */
async function restoresWhole(school: string): Promise<void> {
  const r = await cli(['archive', 'restore', archive, '--db', at(school), '--json']);
  assert.is(r.code, 0, r.stderr);
  const restored = await contents(at(school));
  const expected = await referenceContents();
  assert.is(restored.dump, expected.dump);
  assert.equal(restored.head, expected.head);
  const verify = await cli(['audit', 'verify'], { EZURNALS_DB: at(school), EZURNALS_USER: 'admin' });
  assert.is(verify.code, 0, verify.stderr);
}

test('a restore interrupted with Ctrl-C while it copies into the server leaves no temporary snapshot, and restoring again completes the school', async () => {
  const temporary = join(dir, 'tmp');
  mkdirSync(temporary);
  const child = spawn(process.execPath, [BIN, 'archive', 'restore', archive, '--db', at('partraukta')], { env: { ...process.env, TMPDIR: temporary, EZURNALS_LANG: 'en' }, stdio: 'ignore' });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  // Interrupted once the new school's schema is on the server: the snapshot is restored as a file by then, and the copy has begun.
  const begun = () => psql(`select count(*) from pg_namespace where nspname = 'partraukta'`, database).trim() === '1';
  for (let i = 0; i < 600 && !begun(); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(begun(), 'the copy had begun');
  child.kill('SIGINT');
  const code = await exited;
  // The whole journal with its personal data was in the temporary snapshot: it is gone.
  assert.equal(readdirSync(temporary), []);
  if (code === 0) {
    // The signal came after the copy had committed: the school is whole.
    assert.is((await contents(at('partraukta'))).dump, (await referenceContents()).dump);
    return;
  }
  assert.is(code, 130);
  // What is left holds no school: the copy's rows go in as one transaction, rolled back.
  if (psql(`select count(*) from pg_tables where schemaname = 'partraukta' and tablename = 'school'`, database).trim() === '1') assert.is(psql(`select count(*) from partraukta.school`, database).trim(), '0');
  await restoresWhole('partraukta');
});

test('what a creation killed part-way leaves on the server is taken over by the next restore: only the tables that record migrations, or every table without its audit triggers', async () => {
  // Killed during the first migration: the migrator made its own tables, the migrations' transaction rolled back.
  psql(`create schema puse_a; create table puse_a.kysely_migration (name varchar(255) primary key, timestamp varchar(255) not null); create table puse_a.kysely_migration_lock (id varchar(255) primary key, is_locked integer not null default 0)`, database);
  await restoresWhole('puse_a');
  // Killed after the migrations, before the audit triggers were made.
  const made = await openDatabase(at('puse_b'), { create: true });
  await made.destroy();
  psql(`do $$ declare t record; begin for t in select c.relname, g.tgname from pg_trigger g join pg_class c on c.oid = g.tgrelid where c.relnamespace = 'puse_b'::regnamespace and g.tgname like 'audit\\_%' loop execute format('drop trigger %I on puse_b.%I', t.tgname, t.relname); end loop; end $$`, database);
  assert.is(psql(`select count(*) from pg_trigger g join pg_class c on c.oid = g.tgrelid where c.relnamespace = 'puse_b'::regnamespace and g.tgname like 'audit%'`, database).trim(), '0');
  await restoresWhole('puse_b');
  // A schema holding anything else is not taken over: the restore refuses it (exit 6) and leaves it as it was.
  psql(`create schema cita; create table cita.kysely_migration (name varchar(255) primary key, timestamp varchar(255) not null); create table cita.piezimes (teksts text); insert into cita.piezimes values ('svarīgi')`, database);
  const refused = await cli(['archive', 'restore', archive, '--db', at('cita'), '--json']);
  assert.is(refused.code, EXIT_CODES.conflict, refused.stderr);
  assert.is(psql(`select string_agg(tablename, ',' order by tablename) from pg_tables where schemaname = 'cita'`, database).trim(), 'kysely_migration,piezimes');
  assert.is(psql(`select teksts from cita.piezimes`, database).trim(), 'svarīgi');
});

test.run();
