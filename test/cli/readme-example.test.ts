// The "Examples that must work as written", run through the real bin
// in order, on a temporary database named by EZURNALS_DB, as EZURNALS_USER=admin.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli, type CliResult } from '../support/cli.ts';
import { dbState } from './_helpers.ts';
import { tempDir } from '../support/school.ts';

const t = tempDir('ezurnals-readme-');
const env = { EZURNALS_DB: t.dbPath, EZURNALS_USER: 'admin' };
const run = (args: string[]): Promise<CliResult> => cli(args, env);

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[23]:00$/;

test.after(() => t.cleanup());

let lesson: CliResult;
let historyResult: CliResult;
let listResult: CliResult;
let justify: CliResult;
let refused11: CliResult;
let refusedT02: CliResult;
const codes: [string, number, number][] = [];
/** Whether each refused command left the database as it was. */
const unchanged: [string, boolean][] = [];

test.before(async () => {
  const step = async (label: string, args: string[], expected = 0): Promise<CliResult> => {
    const r = await run(args);
    codes.push([label, expected, r.code]);
    return r;
  };
  await step('init', ['init', '--school', 'Rīgas Parauga vidusskola', '--year', '2026/2027']);
  await step('staff add T01', ['staff', 'add', 'T01', '--first-name', 'Anna', '--last-name', 'Kalniņa', '--role', 'teacher', '--role', 'class-teacher', '--phone', '+37120000001']);
  await step('staff add T02', ['staff', 'add', 'T02', '--first-name', 'Pēteris', '--last-name', 'Ozoliņš', '--role', 'teacher']);
  await step('subject add', ['subject', 'add', 'mat', '--name', 'Matemātika']);
  await step('class add', ['class', 'add', '7.a', '--level', '7', '--class-teacher', 'T01']);
  await step('student add', ['student', 'add', 'S001', '--first-name', 'Jānis', '--last-name', 'Bērziņš', '--personal-code', '010110-20002', '--class', '7.a']);
  await step('guardian add', ['guardian', 'add', '--student', 'S001', '--first-name', 'Ilze', '--last-name', 'Bērziņa', '--relation', 'mother', '--phone', '+37129999999']);
  await step('assign add', ['assign', 'add', '--class', '7.a', '--subject', 'mat', '--teacher', 'T01']);
  lesson = await step('lesson add', ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-05', '--number', '2', '--topic', 'Daļskaitļi', '--homework', '12. lpp., 3. uzd.', '--as', 'T01', '--json']);
  await step('absence mark', ['absence', 'mark', '--lesson', '1', '--student', 'S001', '--as', 'T01']);
  justify = await step('absence justify', ['absence', 'justify', '--student', 'S001', '--from', '2026-10-05', '--reason', 'illness', '--as', 'T01']);
  await step('grade enter 8', ['grade', 'enter', '--lesson', '1', '--student', 'S001', '--value', '8', '--work', 'test', '--as', 'T01']);
  const before11 = await dbState(t.dbPath);
  refused11 = await step('grade enter 11', ['grade', 'enter', '--lesson', '1', '--student', 'S001', '--value', '11', '--as', 'T01'], 4);
  unchanged.push(['value 11', await dbState(t.dbPath) === before11]);
  const beforeT02 = await dbState(t.dbPath);
  refusedT02 = await step('grade enter as T02', ['grade', 'enter', '--lesson', '1', '--student', 'S001', '--value', '7', '--as', 'T02'], 5);
  unchanged.push(['T02', await dbState(t.dbPath) === beforeT02]);
  await step('grade correct', ['grade', 'correct', '1', '--value', '9', '--reason', 'Darbs pārrakstīts', '--as', 'T01']);
  historyResult = await step('grade history', ['grade', 'history', '1', '--json']);
  listResult = await step('grade list', ['grade', 'list', '--class', '7.a', '--subject', 'mat', '--json']);
});

test('every step exits with the documented code', () => {
  assert.equal(
    codes.map(([label, , actual]) => [label, actual]),
    codes.map(([label, expected]) => [label, expected]),
  );
});

test('lesson add --json prints the lesson with its id', () => {
  assert.is(lesson.stdout.trim().startsWith('{'), true, 'a single record, not a list');
  const l = lesson.json;
  assert.ok(l, lesson.stdout);
  assert.is(l.id, 1);
  assert.is(l.class, '7.a');
  assert.is(l.subject, 'mat');
  assert.is(l.date, '2026-10-05');
  assert.is(l.number, 2);
  assert.is(l.topic, 'Daļskaitļi');
  assert.is(l.homework, '12. lpp., 3. uzd.');
  assert.is(l.teacher, 'T01');
  // Diacritics survive in JSON output, unescaped.
  assert.ok(lesson.stdout.includes('Daļskaitļi'));
});

test('absence justify turns n into ns, keeping the original mark and who decided', async () => {
  // As written (no --json): the changed absence as a table on stdout, the count on stderr.
  assert.match(justify.stdout, /\bns\b/);
  assert.match(justify.stderr, /Justified 1 absence/);
  const listed = await run(['absence', 'list', '--student', 'S001', '--json']);
  assert.is(listed.code, 0, listed.stderr);
  assert.is(listed.json.length, 1);
  const a = listed.json[0];
  assert.is(a.student, 'S001');
  assert.is(a.lesson_id, 1);
  assert.is(a.code, 'ns');
  assert.is(a.marked_code, 'n');
  assert.is(a.marked_by, 'T01');
  assert.is(a.decided_by, 'T01');
  assert.match(a.decided_at, TIMESTAMP);
});

test('refusals name the accepted values and the missing right, and change nothing', () => {
  assert.equal(unchanged, [['value 11', true], ['T02', true]]);
  assert.is(refused11.stdout, '');
  assert.match(refused11.stderr, /11/);
  assert.match(refused11.stderr, /1–10/);
  assert.match(refused11.stderr, /\bi\b.*\bni\b/);
  assert.is(refusedT02.stdout, '');
  assert.match(refusedT02.stderr, /T02/);
  assert.match(refusedT02.stderr, /mat/);
  assert.match(refusedT02.stderr, /7\.a/);
});

test('grade history 1 --json: entered 8, then corrected 8 → 9 with the reason', () => {
  const h = historyResult.json;
  assert.ok(Array.isArray(h), historyResult.stdout);
  assert.is(h.length, 2);
  assert.is(h[0].value_before, null);
  assert.is(h[0].value_after, '8');
  assert.is(h[0].changed_by, 'T01');
  assert.match(h[0].changed_at, TIMESTAMP);
  assert.is(h[1].value_before, '8');
  assert.is(h[1].value_after, '9');
  assert.is(h[1].reason, 'Darbs pārrakstīts');
  assert.is(h[1].changed_by, 'T01');
  assert.match(h[1].changed_at, TIMESTAMP);
  assert.ok(h[1].changed_at >= h[0].changed_at);
  assert.ok(historyResult.stdout.includes('Darbs pārrakstīts'));
});

test('grade list --json holds the corrected grade 9', () => {
  const list = listResult.json;
  assert.ok(Array.isArray(list), listResult.stdout);
  assert.is(list.length, 1);
  assert.is(list[0].id, 1);
  assert.is(list[0].value, '9');
  assert.is(list[0].student, 'S001');
  assert.is(list[0].work, 'test');
  assert.is(list[0].date, '2026-10-05');
});

test('Latvian diacritics survive in JSON output', async () => {
  const [staff, student, subjects, lessons, school] = await Promise.all(
    [['staff', 'list'], ['student', 'show', 'S001'], ['subject', 'list'], ['lesson', 'list'], ['school', 'show']].map((args) => cli([...args, '--json'], env)),
  );
  for (const r of [staff, student, subjects, lessons, school]) assert.is(r!.code, 0, r!.stderr);
  assert.ok(staff!.json.some((s: { last_name: string }) => s.last_name === 'Kalniņa'));
  assert.ok(staff!.json.some((s: { first_name: string; last_name: string }) => s.first_name === 'Pēteris' && s.last_name === 'Ozoliņš'));
  assert.is(student!.json.last_name, 'Bērziņš');
  assert.is(student!.json.first_name, 'Jānis');
  assert.ok(student!.json.guardians.some((g: { last_name: string }) => g.last_name === 'Bērziņa'));
  assert.equal(subjects!.json.map((s: { name: string }) => s.name), ['Matemātika']);
  assert.is(lessons!.json[0].topic, 'Daļskaitļi');
  assert.ok(lessons!.stdout.includes('Daļskaitļi'), 'not \\u-escaped');
  assert.is(school!.json.name, 'Rīgas Parauga vidusskola');
});

test.run();
