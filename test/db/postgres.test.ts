// @postgres-only: many schools on one server (issue 15), run by `npm run test:pg`.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/connection.ts';
import { dumpDatabase } from '../../src/db/dump.ts';
import { auditHead } from '../../src/db/dialect.ts';
import { psql, schoolUrl, TEST_PG } from '../support/postgres.ts';
import { runner } from '../cli/_helpers.ts';
import { cli } from '../support/cli.ts';

const Pg = suite('postgres');

let n = 0;
/** Two schools on one database: each its own schema. */
function twoSchools(): { a: string; b: string; database: string } {
  const database = `ezt_tenancy_${process.pid}_${++n}`;
  psql(`create database ${database} template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`);
  const url = (school: string) => schoolUrl(database).replace('school=test', `school=${school}`);
  return { a: url('rpv'), b: url('jvs'), database };
}

async function school(url: string, name: string, teacher: string, grade: string): Promise<void> {
  const { setup } = runner(url);
  const init = await cli(['init', '--school', name, '--year', '2026/2027', '--json'], { EZURNALS_DB: url });
  assert.is(init.code, 0, init.stderr);
  await setup([
    ['staff', 'add', teacher, '--first-name', 'Anna', '--last-name', 'Kalniņa', '--role', 'teacher'],
    ['subject', 'add', 'mat', '--name', 'Matemātika'],
    ['class', 'add', '7.a'],
    ['student', 'add', 'S001', '--first-name', 'Jānis', '--last-name', 'Bērziņš', '--class', '7.a'],
    ['assign', 'add', '--class', '7.a', '--subject', 'mat', '--teacher', teacher],
    ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-11-23', '--number', '1', '--topic', 'Daļskaitļi', '--as', teacher],
    ['grade', 'enter', '--lesson', '1', '--student', 'S001', '--value', grade, '--as', teacher],
  ]);
}

Pg('one schema per school: ids, codes and the audit chain are each school own, and one school never sees the other', async () => {
  assert.ok(TEST_PG);
  const { a, b } = twoSchools();
  await school(a, 'Rīgas Purvciema vidusskola', 'T01', '8');
  await school(b, 'Jelgavas Valsts ģimnāzija', 'T77', '4');
  const gradesOf = async (url: string, as: string) => (await runner(url, as).read(['grade', 'list', '--class', '7.a']));
  const inA = await gradesOf(a, 'admin');
  const inB = await gradesOf(b, 'admin');
  assert.equal(inA.map((g: { id: number; value: string }) => [g.id, g.value]), [[1, '8']]);
  assert.equal(inB.map((g: { id: number; value: string }) => [g.id, g.value]), [[1, '4']]);
  // A teacher of one school is nobody in the other.
  const { refused } = runner(b, 'T01');
  await refused('T01 of rpv in jvs', ['grade', 'list', '--class', '7.a'], 'not_found', /T01/);
  // Each chain starts at 1 and verifies alone.
  const headA = (await runner(a).read(['audit', 'head']));
  const headB = (await runner(b).read(['audit', 'head']));
  assert.ok(headA.position > 10 && headB.position > 10);
  assert.is.not(headA.hash, headB.hash);
  for (const url of [a, b]) assert.is((await cli(['audit', 'verify'], { EZURNALS_DB: url, EZURNALS_USER: 'admin' })).code, 0);
  // The server's operator lists both.
  const list = await cli(['school', 'list', '--json', '--db', a.replace(/\?school=\w+/, '')]);
  assert.is(list.code, 0, list.stderr);
  assert.equal(list.json.map((s: { school: string; name: string }) => [s.school, s.name]), [['jvs', 'Jelgavas Valsts ģimnāzija'], ['rpv', 'Rīgas Purvciema vidusskola']]);
});

Pg('a school moves from PostgreSQL to an SQLite file and back, its audit chain whole, its reports the same', async () => {
  const { a, database } = twoSchools();
  await school(a, 'Rīgas Purvciema vidusskola', 'T01', '8');
  const dir = mkdtempSync(join(tmpdir(), 'ezurnals-pg-copy-'));
  try {
    const file = join(dir, 'rpv.db');
    const back = schoolUrl(database).replace('school=test', 'school=rpv_back');
    for (const [from, to] of [[a, file], [file, back]] as const) {
      const r = await cli(['db', 'copy', from, to, '--json']);
      assert.is(r.code, 0, r.stderr);
      assert.ok(r.json.audit_entries > 10 || r.json.auditEntries > 10, r.stdout);
    }
    const dumps = [];
    for (const url of [a, file, back]) {
      assert.is((await cli(['audit', 'verify'], { EZURNALS_DB: url, EZURNALS_USER: 'admin' })).code, 0, `audit verify ${url}`);
      const db = await openDatabase(url);
      try {
        dumps.push({ dump: await dumpDatabase(db), head: await auditHead(db) });
      } finally {
        await db.destroy();
      }
    }
    assert.is(dumps[1]!.dump, dumps[0]!.dump);
    assert.is(dumps[2]!.dump, dumps[0]!.dump);
    assert.equal(dumps[2]!.head, dumps[0]!.head);
    const reportOf = async (url: string) => {
      const r = await cli(['grade', 'list', '--class', '7.a', '--json'], { EZURNALS_DB: url, EZURNALS_USER: 'admin' });
      assert.is(r.code, 0, r.stderr);
      assert.match(r.stdout, /"value": "8"/);
      return r.stdout;
    };
    assert.is(await reportOf(back), await reportOf(a));
    assert.is(await reportOf(file), await reportOf(a));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

Pg('a school whose audit trigger was dropped behind the tool is refused, not used', async () => {
  const { a, database } = twoSchools();
  await school(a, 'Rīgas Purvciema vidusskola', 'T01', '8');
  psql('drop trigger audit_grade on rpv.grade', database);
  const r = await cli(['grade', 'list', '--class', '7.a', '--json'], { EZURNALS_DB: a, EZURNALS_USER: 'admin' });
  assert.is(r.code, 4, r.stderr);
  assert.match(r.errorJson.error.message, /audit trigger audit_grade is missing/);
});

Pg('a write behind the tool takes the school lock and its audit id comes from the same gap-free counter', async () => {
  const { a, database } = twoSchools();
  await school(a, 'Rīgas Purvciema vidusskola', 'T01', '8');
  const before = (await runner(a).read(['audit', 'head'])).position;
  psql("update rpv.student set first_name = 'Jānis Pēteris' where code = 'S001'", database);
  const ids = psql('select id from rpv.audit_log order by id', database).trim().split('\n').map(Number);
  assert.equal(ids, ids.map((_, i) => i + 1), 'no gap');
  assert.is(ids.at(-1), before + 1);
  const r = await cli(['audit', 'verify', '--json'], { EZURNALS_DB: a, EZURNALS_USER: 'admin' });
  assert.is(r.code, 4);
  assert.match(r.errorJson.error.message, new RegExp(`entry #${before + 1} .*never sealed`));
});

Pg('an application role granted with db grant writes the journal, but may not update or delete the audit log, the head row or a year closure, nor redact an entry with values of its own', async () => {
  const { a, database } = twoSchools();
  await school(a, 'Rīgas Purvciema vidusskola', 'T01', '8');
  const role = `ezt_app_${process.pid}_${n}`;
  psql(`create role ${role} login`);
  const granted = await cli(['db', 'grant', role, '--json'], { EZURNALS_DB: a });
  assert.is(granted.code, 0, granted.stderr);
  const asApp = a.replace(/\/\/[^@]+@/, `//${role}@`);
  const { setup, read } = runner(asApp);
  await setup([['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-11-24', '--number', '1', '--topic', 'Procenti', '--as', 'T01']]);
  assert.is((await read(['lesson', 'list', '--class', '7.a'])).length, 2);
  assert.is((await cli(['audit', 'verify'], { EZURNALS_DB: asApp, EZURNALS_USER: 'admin' })).code, 0);
  const seals = psql('select count(*) from rpv.audit_seal', database);
  const grade = Number(psql("select id from rpv.audit_log where table_name = 'grade' and operation = 'insert' order by id desc limit 1", database));
  const after = psql(`select after_values from rpv.audit_log where id = ${grade}`, database);
  assert.match(after, /"value":"8"/);
  for (const statement of [
    "update rpv.audit_log set actor = 'T02' where id = 1",
    'delete from rpv.audit_log where id = 1',
    "insert into rpv.audit_log (table_name, operation, at) values ('x', 'insert', 'y')",
    "update rpv.audit_seal set actor = 'T02'",
    'delete from rpv.audit_seal',
    'delete from rpv.ezurnals_head',
    'update rpv.ezurnals_head set last_audit_id = 0',
    'delete from rpv.year_closure',
    "select rpv.ezurnals_seal_range('T02', 'x', 'x', 1, 1, '0', '0', '0', array[]::bigint[], array[]::text[])",
    // A redaction that writes values of its own rather than blanking the entry's: the grade's entry made to say 10.
    `select rpv.ezurnals_redact(${grade}, null, replace(after_values, '"value":"8"', '"value":"10"'), true, 'x', null) from rpv.audit_log where id = ${grade}`,
    `select rpv.ezurnals_redact(${grade}, null, '{"value":"[anonimizēts]"}', true, 'x', null)`,
  ]) {
    let error = '';
    try {
      psql(statement, database, role);
    } catch (e) {
      error = String((e as { stderr?: string }).stderr);
    }
    // Sealing entries sealed already, or redacting with anything but the placeholder, is refused by the owner's function itself.
    const expected = statement.includes('ezurnals_seal_range') ? /not a range above the last seal/ : statement.includes('ezurnals_redact') ? /may only have values replaced by \[anonimizēts\]/ : /permission denied/;
    assert.match(error, expected, statement);
  }
  assert.is(psql(`select after_values from rpv.audit_log where id = ${grade}`, database), after);
  assert.is(psql('select count(*) from rpv.audit_seal', database), seals);
  assert.is((await cli(['audit', 'verify'], { EZURNALS_DB: a, EZURNALS_USER: 'admin' })).code, 0);
});

Pg('an entry changed, deleted or inserted inside a sealed range is caught on the server too', async () => {
  const { a, database } = twoSchools();
  await school(a, 'Rīgas Purvciema vidusskola', 'T01', '8');
  const grade = Number(psql("select id from rpv.audit_log where table_name = 'grade' order by id desc limit 1", database));
  const verify = async () => (await cli(['audit', 'verify', '--json'], { EZURNALS_DB: a, EZURNALS_USER: 'admin' })).errorJson?.error.message ?? 'OK';
  const original = psql(`select after_values from rpv.audit_log where id = ${grade}`, database).trim();
  psql(`update rpv.audit_log set after_values = replace(after_values, '"value":"8"', '"value":"10"') where id = ${grade}`, database);
  assert.match(await verify(), /the entries #\d+–#\d+ sealed together were changed: one of them no longer matches their seal/);
  psql(`update rpv.audit_log set after_values = '${original}' where id = ${grade}`, database);
  assert.is(await verify(), 'OK');
  // Deleted, the ids closed up behind it (the counter set back to match).
  psql(`begin; delete from rpv.audit_log where id = ${grade}; update rpv.audit_log set id = -(id - 1) where id > ${grade}; update rpv.audit_log set id = -id where id < 0; update rpv.ezurnals_head set last_audit_id = last_audit_id - 1; commit`, database);
  assert.match(await verify(), /sealed together/);
  // Inserted where it was, with a nonce of its own.
  psql(`insert into rpv.audit_log (id, table_name, operation, record_key, after_values, at, nonce) values (${grade}, 'grade', 'insert', '1', '{}', 'x', 'n'); update rpv.ezurnals_head set last_audit_id = last_audit_id + 1`, database);
  assert.match(await verify(), /sealed together were changed/);
});

Pg('demo --force never replaces a real school the URL names; EZURNALS_DB alone does not put the demo on a server', async () => {
  const { a, database } = twoSchools();
  await school(a, 'Rīgas Purvciema vidusskola', 'T01', '8');
  const dir = mkdtempSync(join(tmpdir(), 'ezurnals-pg-demo-'));
  try {
    const r = await cli(['demo', '--db', a, '--dir', dir, '--force', '--json']);
    assert.is(r.code, 6, r.stderr);
    assert.match(r.errorJson.error.message, /Rīgas Purvciema vidusskola, not the demo school/);
    assert.is(psql('select name from rpv.school', database).trim(), 'Rīgas Purvciema vidusskola');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

Pg.run();
