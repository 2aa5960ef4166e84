// Issue 14: a personas kods shows masked outside the personal file and the
// exports, in tables, JSON and messages alike, even where an older import made
// it a student's code; no new student gets one as their code.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/connection.ts';
import { tempDir } from '../support/school.ts';
import { EXAMPLE_SCHOOL, runner } from './_helpers.ts';

const t = tempDir('ezurnals-masking-');
const { run, setup } = runner(t.dbPath);
/** S001's personas kods (EXAMPLE_SCHOOL), which an older import would have made its code. */
const PK = '010110-20002';
const SERIAL = /20002/;

test.before(async () => {
  await setup([
    ...EXAMPLE_SCHOOL,
    ['guardian', 'add', '--student', 'S001', '--first-name', 'Ilze', '--last-name', 'Bērziņa', '--relation', 'māte', '--phone', '29999999'],
    ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-05', '--number', '1', '--topic', 'Daļskaitļi', '--as', 'T01'],
    ['grade', 'enter', '--lesson', '1', '--student', 'S001=8', '--as', 'T01'],
    ['absence', 'mark', '--lesson', '1', '--student', 'S001', '--as', 'T01'],
  ]);
  // The state an older import left (migration 0014 repairs it; this is what a database not yet repaired, or any stray value, would show).
  const db = await openDatabase(t.dbPath);
  try {
    await db.updateTable('student').set({ code: PK }).where('code', '=', 'S001').execute();
  } finally {
    await db.destroy();
  }
});

test.after(() => t.cleanup());

test('reads print a personas-kods-shaped student code masked, in tables and in JSON', async () => {
  const reads = [
    ['student', 'list'],
    ['student', 'list', '--class', '7.a'],
    ['grade', 'list', '--class', '7.a', '--subject', 'mat'],
    ['guardian', 'list', '--class', '7.a'],
    ['absence', 'list', '--class', '7.a'],
    ['lesson', 'show', '1'],
    ['grade', 'history', '1'],
  ];
  for (const args of reads) {
    for (const json of [false, true]) {
      const r = await run(json ? [...args, '--json'] : args);
      const label = `${args.join(' ')}${json ? ' --json' : ''}`;
      assert.is(r.code, 0, `${label}: ${r.stderr}`);
      assert.not.match(r.stdout + r.stderr, SERIAL, `${label} shows the personas kods:\n${r.stdout}`);
      if (!['lesson', 'grade'].includes(args[0]!) || args[1] === 'list') assert.match(r.stdout, /010110-\*\*\*\*\*/, `${label}: the masked code`);
    }
  }
  const list = await run(['student', 'list', '--json']);
  assert.equal(list.json.map((s: { code: string; personal_code: string }) => [s.code, s.personal_code]), [['010110-*****', '010110-*****']]);
});

test('messages mask it too: an unknown student, a refusal naming the student', async () => {
  const unknown = await run(['student', 'show', '160415-21176', '--json']);
  assert.is(unknown.code, 3, unknown.stderr);
  assert.match(unknown.errorJson.error.message, /160415-\*\*\*\*\*/);
  assert.not.match(unknown.stderr, /21176/);
  const table = await run(['guardian', 'add', '--student', '160415-21176', '--first-name', 'A', '--last-name', 'B', '--relation', 'māte']);
  assert.not.match(table.stderr, /21176/);
});

test('the personal file and the exports show it whole; so do the profiles, whose usernames an admin types', async () => {
  const file = await run(['student', 'show', PK, '--json']);
  assert.is(file.code, 0, file.stderr);
  assert.match(file.stdout, new RegExp(PK));
  const exported = await run(['export', 'students']);
  assert.is(exported.code, 0, exported.stderr);
  assert.match(exported.stdout, new RegExp(PK));
  // A student's username is their personas kods: the profiles show it whole (an admin types it to reset the profile).
  assert.is((await run(['student', 'set', PK, '--phone', '29123456'])).code, 0);
  const profiles = await run(['account', 'list', '--kind', 'student', '--json']);
  assert.is(profiles.code, 0, profiles.stderr);
  assert.equal(profiles.json.map((a: { username: string }) => a.username), [PK]);
  // …while the same change's own output, a list of the student, masks it.
  const set = await run(['student', 'set', PK, '--phone', '29123457', '--json']);
  assert.not.match(set.stdout, SERIAL);
});

test('a new student never gets a personas kods as code: refused by hand, made a generated code on import', async () => {
  const added = await run(['student', 'add', '160415-21176', '--first-name', 'Anna', '--last-name', 'Liepa', '--class', '7.a', '--json']);
  assert.is(added.code, 4, added.stderr);
  assert.match(added.errorJson.error.message, /may not be a personas kods \(160415-\*\*\*\*\*\)/);
  assert.not.match(added.stderr, /21176/);
  // A students file whose code column holds a personas kods: the student gets a generated code, the personas kods its own column.
  const path = join(t.dir, 'old-export.csv');
  writeFileSync(path, 'Kods;Vārds;Uzvārds;Klase\n160415-21176;Anna;Liepa;7.a\n');
  const imported = await run(['import', 'students', path]);
  assert.is(imported.code, 0, imported.stderr);
  const anna = (await run(['student', 'list', '--json'])).json.find((s: { last_name: string }) => s.last_name === 'Liepa');
  assert.is(anna.code, 'S001', 'the next S code: the old code was a personas kods');
  const shown = await run(['student', 'show', 'S001', '--json']);
  assert.match(shown.stdout, /160415-21176/);
  // Imported again, the same file finds her by the personas kods and changes nothing.
  const again = await run(['import', 'students', path, '--json']);
  assert.is(again.code, 0, again.stderr);
  assert.match(again.stdout, /"unchanged": 1/);
  // An invalid one in the code column is refused, masked.
  writeFileSync(path, 'Kods;Vārds;Uzvārds;Klase\n160415-21177;Anna;Liepa;7.a\n');
  const bad = await run(['import', 'students', path]);
  assert.is(bad.code, 4, bad.stderr);
  assert.match(bad.stderr, /old-export\.csv:2: column "Kods": value "160415-\*\*\*\*\*" — the shape of a personas kods, which is never a student's code, but not a valid one: checksum/);
  assert.not.match(bad.stderr, /21177/);
});

test.run();
