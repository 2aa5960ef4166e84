// `ezurnals import` through the real, built bin: exit codes, the summary on
// stdout, messages on stderr, and that refused or dry runs write nothing.
// (Build first: node scripts/build.mjs.)
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { cli, snapshot } from '../support/cli.ts';
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
  assert.is(await snapshot(t.dbPath), before);
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

Cli.run();
