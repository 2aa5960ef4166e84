// Who reads what, through the real bin: students and guardians as themselves, teachers by
// their classes, the nurse by the registry, guests by their grants, and the operator rule.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { tempDir } from '../support/school.ts';
import { EXAMPLE_SCHOOL, runner } from './_helpers.ts';

const t = tempDir('ezurnals-reading-');
const { run, refused, refusedAll, setup } = runner(t.dbPath);
test.after(() => t.cleanup());

test.before(async () => {
  await setup([
    ...EXAMPLE_SCHOOL, // T01 class teacher of 7.a teaching mat there; T02 a teacher of nothing; S001 in 7.a
    ['staff', 'add', 'T03', '--first-name', 'Ilze', '--last-name', 'Priede', '--role', 'teacher', '--role', 'class-teacher'],
    ['staff', 'add', 'N01', '--first-name', 'Līga', '--last-name', 'Zariņa', '--role', 'nurse'],
    ['staff', 'add', 'G01', '--first-name', 'Rita', '--last-name', 'Vīksna', '--role', 'guest'],
    ['class', 'add', '7.b', '--level', '7', '--class-teacher', 'T03'],
    ['assign', 'add', '--class', '7.b', '--subject', 'mat', '--teacher', 'T03'],
    ['student', 'add', 'S002', '--first-name', 'Līga', '--last-name', 'Ozola', '--class', '7.a'],
    ['student', 'add', 'S003', '--first-name', 'Marta', '--last-name', 'Liepa', '--class', '7.b'],
    ['guardian', 'add', '--student', 'S001', '--first-name', 'Ilze', '--last-name', 'Bērziņa', '--relation', 'māte', '--phone', '29999999'],
    ['guardian', 'add', '--student', 'S003', '--first-name', 'Andris', '--last-name', 'Liepa', '--relation', 'tēvs', '--phone', '29999998'],
    ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-05', '--number', '1', '--topic', 'Daļskaitļi', '--as', 'T01'],
    ['grade', 'enter', '--lesson', '1', '--student', 'S001=8', '--student', 'S002=6', '--as', 'T01'],
    ['lesson', 'add', '--class', '7.b', '--subject', 'mat', '--date', '2026-10-05', '--number', '2', '--topic', 'Procenti', '--as', 'T03'],
    ['grade', 'enter', '--lesson', '2', '--student', 'S003=9', '--as', 'T03'],
  ]);
});

const gradesOf = (r: { json: any }) => (r.json as any[]).map((g) => `${g.student}=${g.value}`).sort();

test('a student reads their own grades (all of theirs, unasked or asked) and lessons of their class', async () => {
  const own = await run(['grade', 'list', '--as', 'S001', '--json']);
  assert.is(own.code, 0, own.stderr);
  assert.equal(gradesOf(own), ['S001=8']);
  assert.equal(gradesOf(await run(['grade', 'list', '--student', 'S001', '--as', 'student:S001', '--json'])), ['S001=8']);
  const lessons = await run(['lesson', 'list', '--as', 'S001', '--json']);
  assert.is(lessons.code, 0, lessons.stderr);
  assert.equal(lessons.json.map((l: any) => l.topic), ['Daļskaitļi']);
});

test('a guardian reads their child\'s extract and personal file', async () => {
  const extract = await run(['report', 'extract', '--month', '2026-10', '--student', 'S001', '--as', 'guardian:1', '--json']);
  assert.is(extract.code, 0, extract.stderr);
  assert.equal(extract.json.students.map((s: any) => s.code), ['S001']);
  const file = await run(['student', 'show', 'S001', '--as', 'guardian:1', '--json']);
  assert.is(file.code, 0, file.stderr);
  assert.is(file.json.code, 'S001');
  assert.is(file.json.conversations_hidden, true);
});

test('a teacher reads the classes they teach or lead, and only those', async () => {
  const r = await run(['grade', 'list', '--as', 'T01', '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.equal(gradesOf(r), ['S001=8', 'S002=6']);
  assert.equal(gradesOf(await run(['grade', 'list', '--class', '7.b', '--as', 'T03', '--json'])), ['S003=9']);
});

test('the nurse reads the registry with the guardians\' phones', async () => {
  const students = await run(['student', 'list', '--as', 'N01', '--json']);
  assert.is(students.code, 0, students.stderr);
  assert.equal(students.json.map((s: any) => s.code).sort(), ['S001', 'S002', 'S003']);
  const guardians = await run(['guardian', 'list', '--class', '7.b', '--as', 'N01', '--json']);
  assert.is(guardians.code, 0, guardians.stderr);
  assert.equal(guardians.json.map((g: any) => g.phone), ['+37129999998']);
});

test('refused reads exit 5 and name the missing right', async () => {
  await refusedAll([
    { label: "a student reading another student's grades", args: ['grade', 'list', '--student', 'S002', '--as', 'S001'], error: 'forbidden', message: /S001 \(Jānis Bērziņš\) may not read the class journal: S002 in 7\.a is not their own data/ },
    { label: "a student reading another's personal file", args: ['student', 'show', 'S002', '--as', 'S001'], error: 'forbidden', message: /read a student's personal file/ },
    { label: "a guardian reading another child's extract", args: ['report', 'extract', '--month', '2026-10', '--student', 'S003', '--as', 'guardian:1'], error: 'forbidden', message: /guardian:1 \(Ilze Bērziņa\) may not read the class journal: S003 in 7\.b is not their child's data/ },
    { label: 'a teacher reading a class they do not teach', args: ['grade', 'list', '--class', '7.b', '--as', 'T01'], error: 'forbidden', message: /T01 \(Anna Kalniņa\) may not read the class journal: neither teaches in 7\.b nor is its class teacher/ },
    { label: "a subject teacher reading a personal file", args: ['student', 'show', 'S003', '--as', 'T01'], error: 'forbidden', message: /personal file/ },
    { label: 'the nurse reading grades', args: ['grade', 'list', '--as', 'N01'], error: 'forbidden', message: /N01 \(Līga Zariņa\) may not read the class journal/ },
    { label: 'a guest without a grant', args: ['grade', 'list', '--class', '7.b', '--as', 'G01'], error: 'forbidden', message: /G01 \(Rita Vīksna\) may not read the class journal: no grant of theirs covers 7\.b today/ },
    { label: 'a teacher exporting', args: ['export', 'grades', '--as', 'T01'], error: 'forbidden', message: /may not export records/ },
    { label: 'a student writing', args: ['behavior', 'add', '--student', 'S001', '--kind', 'positive', '--date', '2026-10-06', '--text', 'x', '--as', 'S001'], error: 'forbidden', message: /S001 \(Jānis Bērziņš\) may not .*: a student only reads/ },
    { label: 'a guardian writing', args: ['note', 'add', '--class', '7.a', '--text', 'x', '--as', 'guardian:1'], error: 'forbidden', message: /a guardian only reads it/ },
    { label: 'an unknown guardian', args: ['grade', 'list', '--as', 'guardian:99'], error: 'not_found', message: /no guardian has the id 99/ },
  ]);
});

test('a guest reads a granted class only, until the grant is revoked, and never writes', async () => {
  const granted = await run(['staff', 'grant', 'G01', '--class', '7.b', '--until', '2026-12-31', '--json']);
  assert.is(granted.code, 0, granted.stderr);
  assert.equal(granted.json.map((g: any) => [g.guest, g.class, g.until, g.granted_by]), [['G01', '7.b', '2026-12-31', 'admin']]);
  assert.equal(gradesOf(await run(['grade', 'list', '--class', '7.b', '--as', 'G01', '--json'])), ['S003=9']);
  assert.equal(gradesOf(await run(['grade', 'list', '--as', 'G01', '--json'])), ['S003=9']);
  await refused('a guest reading a class not granted', ['grade', 'list', '--class', '7.a', '--as', 'G01'], 'forbidden', /no grant of theirs covers 7\.a/);
  await refused('a guest writing in the granted class', ['behavior', 'add', '--student', 'S003', '--kind', 'positive', '--date', '2026-10-06', '--text', 'x', '--as', 'G01'], 'forbidden', /a guest only reads/);
  await refused('a teacher granting', ['staff', 'grant', 'G01', '--class', '7.a', '--until', '2026-12-31', '--as', 'T01'], 'forbidden', /manage the school registry/);
  await refused('a grant to a non-guest', ['staff', 'grant', 'T02', '--class', '7.a', '--until', '2026-12-31'], 'invalid', /T02 \(Pēteris Ozoliņš\) is not a guest/);
  await refused('a grant already past', ['staff', 'grant', 'G01', '--class', '7.a', '--until', '2026-11-01'], 'invalid', /already past/);
  assert.is((await run(['staff', 'revoke', 'G01', '--class', '7.b', '--json'])).code, 0);
  await refused('a guest after the revocation', ['grade', 'list', '--class', '7.b', '--as', 'G01'], 'forbidden', /no grant/);
  await refused('revoking what is not granted', ['staff', 'revoke', 'G01', '--class', '7.b'], 'not_found');
});

test('with no identity the owner of the database file reads everything (the operator)', async () => {
  const r = await run(['grade', 'list', '--json'], { EZURNALS_USER: undefined });
  assert.is(r.code, 0, r.stderr);
  assert.equal(gradesOf(r), ['S001=8', 'S002=6', 'S003=9']);
});

test('a code that is both an employee\'s and a student\'s must say which', async () => {
  await setup([['staff', 'add', 'S003', '--first-name', 'Sandra', '--last-name', 'Kalna', '--role', 'teacher']]);
  await refused('an ambiguous --as', ['grade', 'list', '--as', 'S003'], 'usage', /S003 \(from --as\) names both an employee and a student: say staff:S003 or student:S003/);
  const r = await run(['grade', 'list', '--as', 'student:S003', '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.equal(gradesOf(r), ['S003=9']);
  await refused('the employee S003 teaches nothing', ['grade', 'list', '--class', '7.b', '--as', 'staff:S003'], 'forbidden', /S003 \(Sandra Kalna\) may not read the class journal/);
});

test.run();
