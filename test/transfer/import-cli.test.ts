// `ezurnals import` through the real, built bin: exit codes, the summary on
// stdout, messages on stderr, and that refused or dry runs write nothing.
// (Build first: node scripts/build.mjs.)
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { encodeWin1257 } from '../fixtures/csv/make-fixtures.ts';
import { cli, snapshot } from '../support/cli.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { tempDir } from '../support/school.ts';
import { IMPORT_FIXTURES } from '../fixtures/import/make-fixtures.ts';

const BUNDLE = join(IMPORT_FIXTURES, 'bundle');
const fixture = (name: string) => join(IMPORT_FIXTURES, name);

let t: ReturnType<typeof tempDir>;
const ez = (...args: string[]) => cli(['--db', t.dbPath, '--as', 'admin', ...args]);

const Cli = suite('import: CLI');
Cli.before.each(async () => {
  t = tempDir();
  const init = await cli(['--db', t.dbPath, 'init', '--school', 'Rīgas Parauga vidusskola', '--year', '2026/2027']);
  assert.is(init.code, 0, init.stderr);
});
Cli.after.each(() => t.cleanup());

Cli('import bundle: a JSON summary per kind, unknown files named, and a second run changes nothing', async () => {
  const first = await ez('import', 'bundle', BUNDLE, '--json');
  assert.is(first.code, 0, first.stderr);
  assert.is(first.json.length, 10);
  assert.equal(first.json[0], { kind: 'holidays', file: join(BUNDLE, 'holidays.csv'), created: 2, updated: 0, unchanged: 0, errors: 0 });
  assert.match(first.stderr, /not imported: README\.txt/);
  assert.match(first.stderr, /Imported: 49 created, 0 updated, 0 unchanged\./);
  const before = await snapshot(t.dbPath);
  const second = await ez('import', 'bundle', BUNDLE, '--json');
  assert.is(second.code, 0, second.stderr);
  assert.ok(second.json.every((k: { created: number; updated: number }) => k.created === 0 && k.updated === 0));
  assert.is(await snapshot(t.dbPath), before);
});

Cli('ten mistakes: exit 4, each as FILE:LINE: column "X": value "Y" — reason, database unchanged', async () => {
  await ez('import', 'bundle', BUNDLE);
  const before = await snapshot(t.dbPath);
  const file = fixture('students-ten-errors.csv');
  const r = await ez('import', 'students', file);
  assert.is(r.code, 4);
  const problems = r.stderr.split('\n').map((l) => l.replace(/^error: /, '')).filter((l) => l.startsWith(`${file}:`));
  assert.is(problems.length, 10, r.stderr);
  assert.equal(problems.map((l) => Number(l.slice(file.length + 1).split(':')[0])), [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  assert.ok(problems.slice(0, 9).every((l) => / column "[a-z_]+": value "[^"]*" — /.test(l)), r.stderr);
  assert.match(r.stdout, /students .* 10/, 'the summary counts the rows with errors');
  assert.match(r.stderr, /Nothing imported: 10 rows with errors \(listed below\); the other rows would be /);
  assert.is(await snapshot(t.dbPath), before);
});

Cli('one row with an error is "1 row", not "1 row(s)"', async () => {
  const file = join(t.dir, 'students.csv');
  writeFileSync(file, 'code,first_name,last_name,sex\nS101,Jānis,Bērziņš,X\n');
  const r = await ez('import', 'students', file);
  assert.is(r.code, 4, r.stderr);
  assert.match(r.stderr, /Nothing imported: 1 row with errors \(listed below\); the other rows would be 0 created, 0 updated, 0 unchanged\./);
  assert.not.match(r.stderr, /row\(s\)/);
});

Cli('--dry-run reports what would be created and writes nothing', async () => {
  const before = await snapshot(t.dbPath);
  const r = await ez('import', 'bundle', BUNDLE, '--dry-run', '--json');
  assert.is(r.code, 0, r.stderr);
  assert.is(r.json.find((k: { kind: string }) => k.kind === 'grades').created, 6);
  assert.match(r.stderr, /Dry run, nothing written: would be 49 created/);
  assert.is(await snapshot(t.dbPath), before);
});

Cli('--encoding and --delimiter override detection; a spreadsheet gets one line; bad kinds are usage errors', async () => {
  await ez('import', 'bundle', BUNDLE);
  const forced = await ez('import', 'students', fixture('students-lv-win1257.csv'), '--encoding', 'cp1257', '--delimiter', ';', '--json');
  assert.is(forced.code, 0, forced.stderr);
  assert.is(forced.json[0].unchanged, 6);
  const xlsx = await ez('import', 'students', fixture('roster.xlsx'));
  assert.is(xlsx.code, 4);
  assert.is(xlsx.stderr.trim().split('\n').length, 1);
  assert.match(xlsx.stderr, /roster\.xlsx: this is an Excel workbook \(\.xlsx\), not CSV/);
  assert.is((await ez('import', 'pupils', fixture('roster.xlsx'))).code, 2);
  assert.is((await ez('import', 'students', fixture('nothing-here.csv'))).code, 3);
  const teacher = await cli(['--db', t.dbPath, '--as', 'T04', 'import', 'subjects', join(BUNDLE, 'subjects.csv')]);
  assert.is(teacher.code, 5, teacher.stderr);
});

// --- Issue 14: data that used to go in wrong without a word -------------------

/** A file in the test's folder. */
const file = (name: string, bytes: string | Uint8Array) => {
  const path = join(t.dir, name);
  writeFileSync(path, bytes);
  return path;
};

Cli('the same grade row twice: exit 4 naming both lines, nothing written', async () => {
  await ez('import', 'bundle', BUNDLE);
  const before = await snapshot(t.dbPath);
  const path = file('dup.csv', 'class,subject,date,student,value,work\n7.a,mat,2026-09-14,S101,3,test\n7.a,mat,2026-09-14,S101,3,pārbaudes darbs\n');
  const r = await ez('import', 'grades', path);
  assert.is(r.code, 4, r.stderr);
  assert.match(r.stderr, /dup\.csv:3: column "student": value "S101" — duplicate grade of S101 in 7\.a mat on 2026-09-14 \(test\) \(also on line 2, alike in every column\)/);
  assert.is(await snapshot(t.dbPath), before);
});

Cli('a students file of UTF-8 and Windows-1257 rows: exit 4, one line naming the first line that does not decode', async () => {
  await ez('import', 'bundle', BUNDLE);
  const before = await snapshot(t.dbPath);
  const path = file('mixed.csv', Buffer.concat([Buffer.from('Kods;Vārds;Uzvārds;Klase\nS901;Jānis;Kalns;7.a\n'), Buffer.from(encodeWin1257('S902;Līga;Bērziņa;7.a\n'))]));
  const r = await ez('import', 'students', path);
  assert.is(r.code, 4, r.stderr);
  assert.is(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, /mixed\.csv:3: the file is UTF-8 but has an invalid byte 0xEE here/);
  assert.is(await snapshot(t.dbPath), before);
  const whole = file('w1257.csv', encodeWin1257('Kods;Vārds;Uzvārds;Klase\nS902;Līga;Bērziņa;7.a\n'));
  assert.is((await ez('import', 'students', whole)).code, 0, 'Windows-1257 throughout is accepted');
});

Cli('unknown columns: a warning each with the header meant, exit 0; --strict: exit 4 and nothing written', async () => {
  await ez('import', 'bundle', BUNDLE);
  const path = file('extra.csv', 'Kods;Vārds;Uzvārds;Pers. kods;Telefons;Māte;Mātes tālrunis\nS901;Anna;Liepa;160415-21176;+37120000001;Ilze Liepa;+37120000002\n');
  const before = await snapshot(t.dbPath);
  const strict = await ez('import', 'students', path, '--strict');
  assert.is(strict.code, 4, strict.stderr);
  assert.match(strict.stderr, /extra\.csv:1: column "Pers\. kods" — not a known column: did you mean "Personas kods"\?/);
  assert.match(strict.stderr, /extra\.csv:1: column "Telefons" — not a known column: did you mean "Tālrunis"\?/);
  assert.is(await snapshot(t.dbPath), before);
  const r = await ez('import', 'students', path);
  assert.is(r.code, 0, r.stderr);
  const warnings = r.stderr.split('\n').filter((l) => l.startsWith('warning: '));
  assert.equal(warnings.map((w) => /column "([^"]+)"/.exec(w)?.[1]), ['Pers. kods', 'Telefons', 'Māte', 'Mātes tālrunis']);
  assert.match(warnings[2]!, /a parent's or guardian's details go in a guardians file/);
});

Cli('students without a Kods column get generated codes; a personas kods used as a code shows masked in lists', async () => {
  await ez('import', 'bundle', BUNDLE);
  const path = file('pk.csv', 'Vārds;Uzvārds;Personas kods;Klase\nAnna;Liepa;160415-21176;7.a\n');
  assert.is((await ez('import', 'students', path)).code, 0);
  const list = await ez('student', 'list', '--class', '7.a');
  assert.is(list.code, 0, list.stderr);
  assert.match(list.stdout, /S107\s.*Anna Liepa/, 'after the bundle\'s S101–S106: S107');
  assert.not.match(list.stdout, /21176/);
  // An earlier version made the personas kods the code (migration 0014 repairs that): such a code shows masked.
  const db = await openDatabase(t.dbPath);
  try {
    await db.updateTable('student').set({ code: '010110-20002' }).where('code', '=', 'S101').execute();
  } finally {
    await db.destroy();
  }
  const again = await ez('student', 'list', '--class', '7.a');
  assert.match(again.stdout, /010110-\*\*\*\*\*/);
  assert.not.match(again.stdout, /20002/);
  const unknown = await ez('import', 'guardians', file('g.csv', 'Skolēns;Vārds;Uzvārds;Radniecība\nS999;Ilze;Liepa;māte\n'));
  assert.is(unknown.code, 4);
  assert.match(unknown.stderr, /known: .*010110-\*\*\*\*\*/);
  assert.not.match(unknown.stderr, /20002/);
});

Cli('importing lessons entered long ago: a warning says how many count as late and points at entered_at', async () => {
  const r = await ez('import', 'bundle', BUNDLE);
  assert.is(r.code, 0, r.stderr);
  // The bundle's lessons are of September 2026, imported on the real day this bin runs (later than that).
  assert.match(r.stderr, /warning: .*lessons\.csv: 6 new lesson\(s\) have no entered_at, so they count as entered now, after their deadline: .*entered_at \(Ievadīts\) column/);
});

Cli.run();
