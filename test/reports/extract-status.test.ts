// Loading the extract-status report's data from a fresh temporary database.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { addGuardian } from '../../src/services/guardians.ts';
import { moveStudent } from '../../src/services/students.ts';
import { recordExtractAck } from '../../src/services/extract-acks.ts';
import { extractStatusDocuments, loadExtractStatusData } from '../../src/reports/extract-status.ts';
import { rejects, smallSchool, type SmallSchool } from '../services/fixtures.ts';

let school: SmallSchool;
test.before(async () => {
  school = await smallSchool();
  await school.as('admin', (c) => addGuardian(c, { students: ['S002'], firstName: 'Rita', lastName: 'Ābele', relation: 'mother' }));
  await school.as('admin', (c) => moveStudent(c, 'S003', { class: '7.b', date: '2026-10-20' }));
  await school.as('T01', (c) => recordExtractAck(c, { student: 'S002', month: '2026-10', date: '2026-11-16', guardian: 'Rita Ābele', note: 'vēlu' }));
  await school.as('T01', (c) => recordExtractAck(c, { student: 'S003', month: '2026-10', date: '2026-11-05' }));
  // Another month's slip is not this month's.
  await school.as('T01', (c) => recordExtractAck(c, { student: 'S001', month: '2026-09', date: '2026-10-09' }));
});
test.after(() => school.cleanup());

test('every class of the school by default, each student enrolled in the month with the slip standing at ctx.now', async () => {
  const data = await loadExtractStatusData(await school.ctx(null), { month: '2026-10' });
  assert.equal([data.month, data.due_on, data.as_of, data.year], ['2026-10', '2026-11-12', '2026-11-29', '2026/2027']);
  assert.equal(data.classes.map((c) => [c.code, c.class_teacher, c.students.map((s) => s.code)]), [
    ['2.a', 'Ilze Priede', ['S101']],
    ['7.a', 'Anna Kalniņa', ['S002', 'S001', 'S003']],
    ['7.b', null, ['S004', 'S003']], // S003 moved on 20.10 and is listed in both classes
  ]);
  const sevenA = data.classes[1]!;
  assert.equal(sevenA.students[0], { code: 'S002', first_name: 'Anna', last_name: 'Ābele', returned: true, channel: 'paper', returned_on: '2026-11-16', guardian: 'Rita Ābele', online_on: null, online_guardian: null, note: 'vēlu', days_late: 4, days_overdue: null });
  assert.equal(sevenA.students[1], { code: 'S001', first_name: 'Jānis', last_name: 'Bērziņš', returned: false, channel: null, returned_on: null, guardian: null, online_on: null, online_guardian: null, note: null, days_late: null, days_overdue: 17 });
  assert.equal(sevenA.totals, { students: 3, returned: 2, late: 1, missing: 1, overdue: 1 });
  assert.equal(data.classes[2]!.totals, { students: 2, returned: 1, late: 0, missing: 1, overdue: 1 });
  assert.equal(data.totals, { students: 6, returned: 3, late: 1, missing: 3, overdue: 3 });
});

test('before the due date missing slips are not overdue; named classes only', async () => {
  const data = await loadExtractStatusData(await school.ctx(null, new Date('2026-11-10T10:00:00Z')), { month: '2026-10', class: ['7.a'] });
  assert.equal(data.classes.map((c) => c.code), ['7.a']);
  assert.equal(data.classes[0]!.students.find((s) => s.code === 'S001')!.days_overdue, 0);
  assert.equal(data.totals.overdue, 0);
});

test('documents: one file; a summary page first when there are several classes', async () => {
  const all = await loadExtractStatusData(await school.ctx(null), { month: '2026-10' });
  const [document, ...rest] = extractStatusDocuments(all, 'lv');
  assert.equal(rest, []);
  assert.is(document!.name, '2026-10_sekmju-izrakstu-atgriesana');
  assert.is(document!.bodies.length, 4);
  assert.match(document!.bodies[0]!.trustedHtml, /Kopsavilkums pa klasēm/);
  const one = await loadExtractStatusData(await school.ctx(null), { month: '2026-10', class: ['7.b'] });
  const [single] = extractStatusDocuments(one, 'en');
  assert.equal([single!.name, single!.bodies.length, single!.label], ['2026-10_7b_extract-slip-returns', 1, '7.b (2 students)']);
});

test('wrong input is refused', async () => {
  const ctx = await school.ctx(null);
  await rejects(() => loadExtractStatusData(ctx, {}), 'usage', '--month');
  await rejects(() => loadExtractStatusData(ctx, { month: '2026-13' }), 'usage', 'YYYY-MM');
  await rejects(() => loadExtractStatusData(ctx, { month: '2025-10' }), 'not_found', 'No school year contains');
  await rejects(() => loadExtractStatusData(ctx, { month: '2026-10', class: ['5.c'] }), 'not_found', '5.c');
});

test.run();
