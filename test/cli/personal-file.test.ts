// `student show` (the personal file) and `grade missing` through the real bin: --json shapes,
// conversations only for those who may read them, exit codes of bad input.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { tempDir } from '../support/school.ts';
import { EXAMPLE_SCHOOL, runner } from './_helpers.ts';

const t = tempDir('ezurnals-personal-file-');
const { run, refusedAll, setup } = runner(t.dbPath);
test.after(() => t.cleanup());

test.before(async () => {
  await setup([
    ...EXAMPLE_SCHOOL, // T01 class teacher of 7.a teaching mat there; T02 a teacher; S001 in 7.a
    ['student', 'add', 'S002', '--first-name', 'Līga', '--last-name', 'Ozola', '--class', '7.a'],
    ['guardian', 'add', '--student', 'S001', '--first-name', 'Ilze', '--last-name', 'Bērziņa', '--relation', 'māte', '--phone', '29999999'],
    ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-05', '--number', '1', '--topic', 'Daļskaitļi', '--as', 'T01'],
    ['grade', 'enter', '--lesson', '1', '--student', 'S001=8', '--as', 'T01'],
    ['absence', 'mark', '--lesson', '1', '--student', 'S002', '--as', 'T01'],
    ['grade', 'enter', '--class', '7.a', '--subject', 'mat', '--work', 'semester1', '--date', '2026-11-27', '--student', 'S001=7', '--as', 'T01'],
    ['behavior', 'add', '--student', 'S001', '--kind', 'positive', '--date', '2026-10-06', '--text', 'Palīdzēja klasesbiedram', '--as', 'T01'],
    ['note', 'add', '--class', '7.a', '--text', 'Ekskursija 23. oktobrī', '--from', '2026-10-01', '--until', '2026-10-31', '--as', 'T01'],
    ['briefing', 'add', '--class', '7.a', '--date', '2026-10-05', '--topic', 'Ugunsdrošība', '--student', 'S002', '--as', 'T01'],
    ['conversation', 'add', '--student', 'S001', '--guardian', 'Ilze', '--date', '2026-10-07', '--summary', 'Par sekmēm', '--as', 'T01'],
  ]);
});

test('student show --json: the whole personal file; the class teacher sees the conversations', async () => {
  const r = await run(['student', 'show', 'S001', '--as', 'T01', '--json']);
  assert.is(r.code, 0, r.stderr);
  const f = r.json;
  assert.is(f.personal_code, '010110-20002');
  assert.equal(f.guardians.map((g: any) => [g.first_name, g.phone]), [['Ilze', '+37129999999']]);
  assert.equal(f.classes.map((c: any) => c.class), ['7.a']);
  assert.is(f.year, '2026/2027');
  assert.equal(f.grades, [{ subject: 'mat', subject_name: 'Matemātika', grades: [{ date: '2026-10-05', work: 'regular', value: '8' }], average: 8, term: { semester1: '7', semester2: null, annual: null, state_exam: null, makeup: null } }]);
  assert.equal(f.absences, { n: 0, k: 0, ns: 0, nc: 0 });
  assert.equal(f.behavior.map((b: any) => [b.date, b.kind, b.text]), [['2026-10-06', 'positive', 'Palīdzēja klasesbiedram']]);
  assert.equal(f.notes.map((n: any) => n.text), ['Ekskursija 23. oktobrī']);
  assert.equal(f.briefings, [{ date: '2026-10-05', class: '7.a', topic: 'Ugunsdrošība', briefed: false }]);
  assert.equal(f.conversations.map((c: any) => [c.date, c.summary, c.guardian_name]), [['2026-10-07', 'Par sekmēm', 'Ilze Bērziņa']]);
  assert.is(f.conversations_hidden, false);
  assert.equal((await run(['student', 'show', 'S002', '--json'])).json.absences, { n: 1, k: 0, ns: 0, nc: 0 });
});

test('student show: the operator gets the file without the conversations; a subject teacher not at all', async () => {
  const r = await run(['student', 'show', 'S001', '--json'], { EZURNALS_USER: undefined });
  assert.is(r.code, 0, r.stderr);
  assert.equal(r.json.conversations, []);
  assert.is(r.json.conversations_hidden, true);
  assert.is(r.json.grades.length, 1);
  const teacher = await run(['student', 'show', 'S001', '--as', 'T02', '--json']);
  assert.is(teacher.code, 5, teacher.stderr);
  assert.match(teacher.errorJson.error.message, "T02 (Pēteris Ozoliņš) may not read a student's personal file: is not the class teacher of S001 in 7.a");
  const table = await run(['student', 'show', 'S001'], { EZURNALS_USER: undefined });
  assert.is(table.code, 0, table.stderr);
  assert.match(table.stdout, /Matemātika/);
  assert.match(table.stdout, /Palīdzēja klasesbiedram/);
  assert.not.match(table.stdout, /Par sekmēm/);
  // The section headings, this one too, are on stdout with the tables (issue 14).
  assert.match(table.stdout, /Conversations with parents: hidden/);
});

test('grade missing: the students without the term grade, as a table and as JSON', async () => {
  const r = await run(['grade', 'missing', '--term', '1', '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.equal(r.json, [{ class: '7.a', subject: 'mat', subject_name: 'Matemātika', teacher: 'T01', teacher_name: 'Anna Kalniņa', student: 'S002', student_name: 'Līga Ozola' }]);
  assert.equal((await run(['grade', 'missing', '--term', 'year', '--class', '7.a', '--subject', 'mat', '--json'])).json.map((m: any) => m.student), ['S001', 'S002']);
  const table = await run(['grade', 'missing', '--term', '1'], { EZURNALS_USER: undefined });
  assert.is(table.code, 0, table.stderr);
  assert.match(table.stdout, /Līga Ozola \(S002\)/);
  assert.match(table.stdout, /Anna Kalniņa \(T01\)/);
});

test('bad input exits with its code', async () => {
  await refusedAll([
    { label: 'show of an unknown student', args: ['student', 'show', 'S999'], error: 'not_found' },
    { label: 'show of an unknown year', args: ['student', 'show', 'S001', '--year', '2030/2031'], error: 'not_found' },
    { label: 'missing without --term', args: ['grade', 'missing'], error: 'usage' },
    { label: 'missing with a bad --term', args: ['grade', 'missing', '--term', '3'], error: 'usage' },
    { label: 'missing of an unknown class', args: ['grade', 'missing', '--term', '1', '--class', '9.z'], error: 'not_found' },
  ]);
});

test.run();
