// @sqlite-only: SQLite's own files, pragmas and shell; test/db/postgres.test.ts checks the server's counterparts.
// The audit trail, export-data, anonymize and the 0600 file modes through the
// real bin; tampering is done with the sqlite3 shell behind the tool's back.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/school.ts';
import { cli } from '../support/cli.ts';
import { EXAMPLE_SCHOOL, runner } from './_helpers.ts';
import SqliteDatabase from 'better-sqlite3';
import { corruptTablePage } from '../support/corrupt.ts';
import { RangeDigest, sealHash, valuesDigest, type ChainEntry, type RangeSeal } from '../../src/domain/audit-chain.ts';

const t = tempDir('ezurnals-audit-');
const { run, refusedAll, setup } = runner(t.dbPath);
test.after(() => t.cleanup());

test.before(async () => {
  await setup([
    ...EXAMPLE_SCHOOL,
    ['guardian', 'add', '--student', 'S001', '--first-name', 'Ilze', '--last-name', 'Bērziņa', '--relation', 'māte', '--phone', '29999999'],
    ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-05', '--number', '1', '--topic', 'Daļskaitļi', '--as', 'T01'],
    ['grade', 'enter', '--lesson', '1', '--student', 'S001=8', '--as', 'T01'],
    ['absence', 'mark', '--lesson', '1', '--student', 'S001', '--as', 'T01'],
  ]);
});

function sqlite(db: string, statement: string): void {
  const r = spawnSync('sqlite3', [db, statement], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sqlite3: ${r.stderr}`);
}

test('audit verify: one OK line with the count', async () => {
  const r = await run(['audit', 'verify']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /^OK: \d+ audit entries verified, \d+ rows match their last entry\.\n$/);
  const json = (await run(['audit', 'verify', '--json'])).json;
  assert.is(json.ok, true);
  assert.ok(json.entries >= 10);
  assert.ok(json.rows >= 8, `rows checked: ${json.rows}`);
  assert.match(json.head, new RegExp(`^${json.entries}:[0-9a-f]{64}$`));
});

test('audit list --json: newest first, who, which command, values before and after', async () => {
  const r = await run(['audit', 'list', '--entity', 'grade', '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.json.length, 1);
  const [grade] = r.json;
  assert.is(grade.by, 'T01');
  assert.is(grade.command, 'ezurnals grade enter --lesson 1 --student S001=8 --as T01');
  assert.is(grade.operation, 'insert');
  assert.is(grade.after.value, '8');
  assert.is(grade.before, null);
  const all = (await run(['audit', 'list', '--limit', '1000', '--json'])).json;
  assert.ok(all[0].id > all.at(-1).id);
  assert.is(all.at(-1).table, 'school');
  assert.match(all.at(-1).by, /^system \(/, 'init runs without --as: the system operator');
  const aboutS001 = (await run(['audit', 'list', '--student', 'S001', '--json'])).json;
  assert.equal([...new Set(aboutS001.map((e: any) => e.table))].sort(), ['absence', 'enrollment', 'grade', 'student', 'student_guardian']);
  assert.equal((await run(['audit', 'list', '--by', 'T02', '--json'])).json, []);
  const table = await run(['audit', 'list', '--by', 'T01']);
  assert.match(table.stdout, /grade 1/);
  assert.match(table.stdout, /value=8/);
});

test('teachers may not read the audit log, export a student’s data or anonymise; deputies may not anonymise', async () => {
  await setup([['staff', 'add', 'D01', '--first-name', 'Dace', '--last-name', 'Liepa', '--role', 'deputy']]);
  await refusedAll([
    { label: 'audit list as a class teacher', args: ['audit', 'list', '--as', 'T01'], error: 'forbidden', message: /may not read the audit log/ },
    { label: 'audit verify as a teacher', args: ['audit', 'verify', '--as', 'T02'], error: 'forbidden' },
    { label: 'export-data as the class teacher', args: ['student', 'export-data', 'S001', '--as', 'T01'], error: 'forbidden', message: /export a student's personal data/ },
    { label: 'anonymize as a deputy', args: ['person', 'anonymize', '--left-before', '2020-09-01', '--as', 'D01'], error: 'forbidden', message: /only an admin may/ },
    { label: 'anonymize without a date', args: ['person', 'anonymize', '--as', 'admin'], error: 'usage' },
  ]);
});

test('student export-data: the student, guardians, grades, absences and audit entries, to a 0600 file', async () => {
  const r = await run(['student', 'export-data', 'S001', '--as', 'D01']);
  assert.is(r.code, 0, r.stderr);
  const data = JSON.parse(r.stdout);
  assert.is(data.student.personal_code, '010110-20002');
  assert.equal(data.guardians.map((g: any) => g.phone), ['+37129999999']);
  assert.equal(data.records.grade.map((g: any) => g.value), ['8']);
  assert.equal(data.lessons, [{ date: '2026-10-05', number: 1, class: '7.a', subject: 'mat', topic: 'Daļskaitļi', absence: 'n' }]);
  assert.ok(data.audit.some((e: any) => e.table === 'grade'));
  const out = join(t.dir, 'S001.json');
  const previous = process.umask(0);
  try {
    const w = await run(['student', 'export-data', 'S001', '--out', out]);
    assert.is(w.code, 0, w.stderr);
  } finally {
    process.umask(previous);
  }
  assert.is(statSync(out).mode & 0o777, 0o600);
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).student.code, 'S001');
  assert.is((await run(['student', 'export-data', 'S001', '--out', out])).code, 6, 'an existing file needs --force');
});

test('person anonymize: a dry run changes nothing; nobody has left here', async () => {
  const r = await run(['person', 'anonymize', '--left-before', '2020-09-01', '--dry-run', '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.equal([r.json.dry_run, r.json.students, r.json.guardians], [true, [], []]);
});

/** Each tampering on its own copy of the database; verify must exit 4 and name the entry. */
const tamperings: [string, (db: string) => void, RegExp][] = [
  ['a value edited', (db) => sqlite(db, `update audit_log set after_values = replace(after_values, '"value":"8"', '"value":"10"') where table_name = 'grade'`), /the entries #\d+–#\d+ sealed together were changed: one of them no longer matches their seal \(by T01, ezurnals grade enter/],
  ['the author edited', (db) => sqlite(db, `update audit_seal set actor = 'T02' where command like '%grade enter%'`), /the seal of the entries #\d+–#\d+ sealed together was changed: it no longer matches its hash/],
  ['an author written into a sealed entry', (db) => sqlite(db, `update audit_log set actor = 'T02' where table_name = 'grade'`), /entry #\d+ \(insert of grade #1\) was changed: it carries seal values of its own inside the entries #\d+–#\d+ sealed together/],
  ['an entry deleted', (db) => sqlite(db, 'delete from audit_log where id = 5'), /at entry #6: 1 entry before entry #6 .* was deleted/],
  ['the last entry deleted', (db) => sqlite(db, 'delete from audit_log where id = (select max(id) from audit_log)'), /the last 1 entry .* was deleted/],
  ['two entries swapped', (db) => sqlite(db, 'update audit_log set id = -1 where id = 3; update audit_log set id = 3 where id = 4; update audit_log set id = 4 where id = -1'), /at entry #\d+: the entries #\d+–#\d+ sealed together were changed/],
  // Ids moved up by one from #5, and an entry of its own put at #5, nonce and all: inside the range that held #5.
  ['an entry inserted into a sealed range', (db) => sqlite(db, "update audit_log set id = -(id + 1) where id >= 5; update audit_log set id = -id where id < 0; insert into audit_log (id, table_name, operation, record_key, student_id, before_values, after_values, at, nonce) values (5, 'subject', 'insert', '9', null, null, '{}', '2026-10-05T10:00:00.000Z', lower(hex(randomblob(16)))); update sqlite_sequence set seq = seq + 1 where name = 'audit_log'"), /sealed together/],
  ['a seal deleted', (db) => sqlite(db, "delete from audit_seal where command like '%grade enter%'"), /entry #\d+ \(insert of grade #1\) was written outside ezurnals: it was never sealed/],
  ['every entry deleted, the seals left', (db) => sqlite(db, "delete from audit_log; delete from sqlite_sequence where name = 'audit_log'"), /at entry #1: the entries #1–#\d+ sealed together end at #\d+, but the log ends at #0: entries were deleted/],
  ['a grade changed with the sqlite3 shell', (db) => sqlite(db, "update grade set value = '10' where id = 1"), /entry #\d+ \(update of grade #1\) was written outside ezurnals: it was never sealed/],
  ['an audit trigger dropped', (db) => sqlite(db, 'drop trigger audit_grade_update'), /audit trigger audit_grade_update is missing/],
  // Issue 13: each of these three passed with exit 0.
  ['every entry deleted, and the sqlite_sequence row', (db) => sqlite(db, "delete from audit_log; delete from audit_seal; delete from sqlite_sequence where name = 'audit_log'"), /the data does not match them: \w+ #\d+ has no audit entry/],
  ['the last entries cut, and sqlite_sequence set back', (db) => sqlite(db, `delete from audit_log where id > (select max(id) from audit_log where table_name = 'grade') - 1; update sqlite_sequence set seq = (select max(id) from audit_log) where name = 'audit_log'; delete from audit_seal where last_id > (select max(id) from audit_log)`), /the data does not match them: (grade #1 has no audit entry|absence #1 has no audit entry)/],
  ['a trigger dropped, a grade edited, the trigger recreated', (db) => withTriggerDropped(db, 'audit_grade_update', "update grade set value = '10' where id = 1"), /the data does not match them: grade #1 does not hold the values of its last audit entry #\d+: it was changed with the audit off/],
  ['a trigger dropped, a grade deleted, the trigger recreated', (db) => withTriggerDropped(db, 'audit_grade_delete', 'delete from grade where id = 1'), /grade #1 is missing, but its last audit entry #\d+ wrote it: it was deleted with the audit off/],
  ['a trigger dropped, a row inserted, the trigger recreated', (db) => withTriggerDropped(db, 'audit_subject_insert', "insert into subject (school_id, code, name, created_at) values (1, 'xx', 'Slepens', '2026-10-05T10:00:00+03:00')"), /subject #2 has no audit entry/],
];

/** Drops one audit trigger, runs a statement, and puts the trigger back exactly as it was. */
function withTriggerDropped(db: string, trigger: string, statement: string): void {
  const definition = spawnSync('sqlite3', [db, `select sql from sqlite_master where name = '${trigger}'`], { encoding: 'utf8' }).stdout.trim();
  assert.ok(definition.startsWith('CREATE TRIGGER'), definition);
  sqlite(db, `drop trigger ${trigger}; ${statement}; ${definition};`);
}
for (const [name, tamper, message] of tamperings) {
  test(`audit verify detects: ${name} (exit 4)`, async () => {
    const copy = join(t.dir, `tampered-${name.replace(/\W+/g, '-')}.db`);
    sqlite(t.dbPath, `vacuum into '${copy}'`);
    chmodSync(copy, 0o600);
    tamper(copy);
    const r = await cli(['audit', 'verify', '--json'], { EZURNALS_DB: copy, EZURNALS_USER: 'admin' });
    assert.is(r.code, 4, r.stderr);
    assert.match(r.errorJson.error.message, message);
  });
}

/** A copy of the test database to tamper with, 0600 like the tool's own. */
function tamperable(name: string): string {
  const copy = join(t.dir, `${name}.db`);
  sqlite(t.dbPath, `vacuum into '${copy}'`);
  chmodSync(copy, 0o600);
  return copy;
}

/**
 * What someone with the code and write access can do: change an entry's
 * values, then recompute the digest of its sealed range and every seal's hash
 * from there to the end. The chain is then whole again; only a head kept
 * elsewhere shows it.
 */
function rebuildChainFrom(db: string, entryId: number): void {
  const native = new SqliteDatabase(db);
  try {
    const seals = native.prepare('select * from audit_seal where last_id >= ? order by last_id').all(entryId) as RangeSeal[];
    let prev = (native.prepare('select hash from audit_seal where last_id < ? order by last_id desc limit 1').get(seals[0]!.first_id) as { hash: string }).hash;
    const entries = native.prepare('select * from audit_log where id between ? and ? order by id');
    const reseal = native.prepare('update audit_seal set digest = ?, prev_hash = ?, hash = ? where id = ?');
    for (const s of seals) {
      const digest = new RangeDigest();
      for (const e of entries.all(s.first_id, s.last_id) as ChainEntry[]) digest.add(e, valuesDigest(e.nonce!, e.before_values, e.after_values));
      const body = { ...s, digest: digest.digest(), prev_hash: prev };
      const hash = sealHash(body);
      reseal.run(body.digest, prev, hash, s.id);
      prev = hash;
    }
  } finally {
    native.close();
  }
}

test('audit head prints POSITION:HASH; verify --head passes while the head is in the chain, and catches a chain rebuilt from its start', async () => {
  const head = await run(['audit', 'head', '--json']);
  assert.is(head.code, 0, head.stderr);
  assert.match(head.json.head, /^\d+:[0-9a-f]{64}$/);
  assert.is(head.json.head, `${head.json.position}:${head.json.hash}`);
  const table = await run(['audit', 'head']);
  assert.ok(table.stdout.includes(head.json.head), table.stdout);
  const ok = await run(['audit', 'verify', '--head', head.json.head]);
  assert.is(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, new RegExp(`the remembered head #${head.json.position} is in the chain`));

  // The grade changed from 8 to 10 in the row and in its entry, and the chain recomputed from that entry to the end.
  const copy = tamperable('rebuilt');
  const grade = Number(spawnSync('sqlite3', [copy, "select max(id) from audit_log where table_name = 'grade'"], { encoding: 'utf8' }).stdout.trim());
  withTriggerDropped(copy, 'audit_grade_update', "update grade set value = '10' where id = 1");
  sqlite(copy, `update audit_log set after_values = replace(after_values, '"value":"8"', '"value":"10"') where id = ${grade}`);
  rebuildChainFrom(copy, grade);
  const env = { EZURNALS_DB: copy, EZURNALS_USER: 'admin' };
  const unseen = await cli(['audit', 'verify'], env);
  assert.is(unseen.code, 0, `without a head kept elsewhere this is not detected (as the README says): ${unseen.stderr}`);
  const caught = await cli(['audit', 'verify', '--head', head.json.head, '--json'], env);
  assert.is(caught.code, 4, caught.stderr);
  assert.match(caught.errorJson.error.message, new RegExp(`remembered head ${head.json.head} is not in the audit log: entry #${head.json.position} now has the hash [0-9a-f]{64}, so the chain was rewritten`));

  // A head beyond the end: entries were cut, and the chain's end made to agree.
  const beyond = await run(['audit', 'verify', '--head', `${head.json.position + 1000}:${head.json.hash}`, '--json']);
  assert.is(beyond.code, 4);
  assert.match(beyond.errorJson.error.message, /is not in the audit log: the log ends at #\d+, so entries were cut/);
  const bad = await run(['audit', 'verify', '--head', 'latest', '--json']);
  assert.is(bad.code, 2);
  assert.match(bad.errorJson.error.message, /give POSITION:HASH/);
});

test('audit verify runs SQLite quick_check first: a corrupt page is exit 4, not OK', async () => {
  const copy = tamperable('corrupt');
  corruptTablePage(copy, 'grade');
  const r = await cli(['audit', 'verify', '--json'], { EZURNALS_DB: copy, EZURNALS_USER: 'admin' });
  assert.is(r.code, 4, r.stderr);
  assert.match(r.errorJson.error.message, /The database file is damaged \(SQLite quick_check: .+\): its audit log cannot be verified/);
});

test('the database file and its -wal and -shm are created 0600, whatever the umask; so are reports and exports', async () => {
  const dir = tempDir('ezurnals-modes-');
  const previous = process.umask(0);
  try {
    const db = join(dir.dir, 'skola.db');
    const r = await cli(['init', '--school', 'Cēsu pamatskola', '--year', '2026/2027', '--db', db]);
    assert.is(r.code, 0, r.stderr);
    assert.is(statSync(db).mode & 0o777, 0o600);
    // The -wal and -shm exist while a connection is open: looked at while the sqlite3 shell holds one.
    const hold = spawnSync('sh', ['-c', `(echo "begin; select count(*) from school;"; sleep 1.5) | sqlite3 '${db}' >/dev/null & sleep 0.7; stat -c '%n %a' '${db}'*; wait`], { encoding: 'utf8' });
    assert.equal(hold.stdout.trim().split('\n').map((line) => line.slice(db.length)).sort(), [' 600', '-shm 600', '-wal 600']);
    const env = { EZURNALS_DB: db, EZURNALS_USER: 'admin' };
    const csv = join(dir.dir, 'staff.csv');
    assert.is((await cli(['export', 'staff', '--out', csv], env)).code, 0);
    assert.is(statSync(csv).mode & 0o777, 0o600);
    copyFileSync(t.dbPath, join(dir.dir, 'with-class.db'));
    const reports = join(dir.dir, 'reports');
    const rep = await cli(['report', 'extract', '--month', '2026-10', '--class', '7.a', '--format', 'html', '--out', reports], { EZURNALS_DB: join(dir.dir, 'with-class.db'), EZURNALS_USER: 'admin' });
    assert.is(rep.code, 0, rep.stderr);
    const files = readdirSync(reports);
    assert.ok(files.length > 0);
    for (const file of files) assert.is(statSync(join(reports, file)).mode & 0o777, 0o600, file);
  } finally {
    process.umask(previous);
    dir.cleanup();
  }
});

test.run();
