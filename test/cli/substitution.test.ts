import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { classReportsSchool } from '../reports/class-reports-school.ts';
import { runner } from './_helpers.ts';

const school = await classReportsSchool();
const { run, refused } = runner(school.dbPath, undefined);
test.after(() => school.cleanup());

test('substitution list: each substituted lesson with who taught it and whom they replaced', async () => {
  const r = await run(['substitution', 'list', '--from', '01.10.2026', '--to', '2026-10-31', '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.equal(r.json, [
    {
      date: '2026-10-07',
      number: 1,
      class: '7.a',
      subject: { code: 'mat', name: 'Matemātika' },
      teacher: { code: 'T04', name: 'Jānis Ābele' },
      replaced: { code: 'T01', name: 'Anna Kalniņa' },
      topic: 'Procenti ikdienā',
    },
  ]);
  const table = await run(['substitution', 'list', '--from', '2026-10-01', '--to', '2026-10-31']);
  assert.is(table.code, 0, table.stderr);
  assert.match(table.stdout, 'Jānis Ābele (T04)');
  assert.match(table.stdout, 'Anna Kalniņa (T01)');
  assert.match(table.stderr, '1 substituted lesson.');
  const none = await run(['substitution', 'list', '--from', '2026-10-08', '--to', '2026-10-31', '--json']);
  assert.equal(none.json, []);
});

test('substitution list refuses a missing, invalid or reversed period', async () => {
  await refused('no from', ['substitution', 'list', '--to', '2026-10-31'], 'usage', /--from is required/);
  await refused('bad date', ['substitution', 'list', '--from', '2026-02-30', '--to', '2026-10-31'], 'invalid', /not a date/);
  await refused('reversed', ['substitution', 'list', '--from', '2026-10-31', '--to', '2026-10-01'], 'usage', /after --to/);
  assert.is((await run(['substitution', '--json'])).code, 2, 'the family alone is a usage error');
});

test('a teacher cannot declare themselves a substitute; once the class teacher sets the substitution, the substitute records and grades the lesson', async () => {
  // T04 teaches nothing in 7.a; 2026-10-08 is a Thursday.
  const lesson = ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-08', '--number', '2', '--topic', 'Procenti', '--substitute-for', 'T01', '--as', 'T04'];
  await refused('self-declared substitute', lesson, 'forbidden', /No substitution of T01 by T04 is set for 7\.a, lesson 2 on 2026-10-08/);
  await refused('a subject teacher may not set one', ['substitution', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-08', '--number', '2', '--teacher', 'T04', '--as', 'T02'], 'forbidden', /is not the class teacher of 7\.a/);
  await refused('nor may the substitute', ['substitution', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-08', '--number', '2', '--teacher', 'T04', '--as', 'T04'], 'forbidden');
  const set = await run(['substitution', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-08', '--number', '2', '--teacher', 'T04', '--as', 'T01', '--json']);
  assert.is(set.code, 0, set.stderr);
  assert.equal(set.json, { id: set.json.id, class: '7.a', subject: 'mat', date: '2026-10-08', number: 2, teacher: 'T04', for: 'T01', teacher_name: 'Jānis Ābele', for_name: 'Anna Kalniņa' });
  await refused('another slot is still refused', ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-08', '--number', '3', '--topic', 'X', '--substitute-for', 'T01', '--as', 'T04'], 'forbidden');
  const added = await run(['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-08', '--number', '2', '--topic', 'Procenti', '--as', 'T04', '--json']);
  assert.is(added.code, 0, added.stderr);
  assert.is(added.json.substitute_for, 'T01', 'recorded as a substitution without naming it again');
  const graded = await run(['grade', 'enter', '--lesson', String(added.json.id), '--student', 'S001=7', '--as', 'T04']);
  assert.is(graded.code, 0, graded.stderr);
  const listed = await run(['substitution', 'list', '--from', '2026-10-08', '--to', '2026-10-08', '--json']);
  assert.equal(listed.json.map((l: { teacher: { code: string }; replaced: { code: string } }) => [l.teacher.code, l.replaced.code]), [['T04', 'T01']]);
});

test.run();
