// The reading rules over a real database: the facts a Reading gathers (classes taught, led,
// granted; a student's or guardian's own students) and a guest's grant running out.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { addStaff } from '../../src/services/staff.ts';
import { addGuardian } from '../../src/services/guardians.ts';
import { grantGuest, listGuestGrants } from '../../src/services/guest-grants.ts';
import { listStudentViews } from '../../src/services/students.ts';
import { listLessons, addLesson } from '../../src/services/lessons.ts';
import { readingIn } from '../../src/services/reading.ts';
import { resolveYear } from '../../src/services/lookup.ts';
import { findStudentByCode } from '../../src/db/repositories/students.ts';
import type { Actor } from '../../src/domain/permissions.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { DEFAULT_NOW, rejects, smallSchool, type SmallSchool } from './fixtures.ts';

let s: SmallSchool;
test.before.each(async () => {
  s = await smallSchool();
});
test.after.each(() => s.cleanup());

async function asStudent(code: string): Promise<ServiceContext> {
  const base = await s.ctx(null);
  const student = (await findStudentByCode(s.db, base.school.id, code))!;
  const actor: Actor = { kind: 'student', id: student.id, code, name: `${student.first_name} ${student.last_name}`, roles: [] };
  return { ...base, actor };
}

test('facts: a teacher reads the classes they teach (T02: 7.a lv, 7.b mat), the class teacher their class', async () => {
  const ctx = await s.ctx('T02');
  const reading = await readingIn(ctx, await resolveYear(ctx));
  assert.equal(reading.scope({ classes: ['7.b'] }), { target: '7.b', teachesClass: true, classTeacher: false, granted: false, own: false, ownClass: false });
  assert.is(reading.may('read-journal', { classes: ['2.a'] }), false);
  assert.is(reading.may('read-personal-file', { classes: ['7.a'], student: 'S001' }), false);
  const t01 = await s.ctx('T01');
  assert.is((await readingIn(t01, await resolveYear(t01))).may('read-personal-file', { classes: ['7.a'], student: 'S001' }), true);
  assert.equal((await listStudentViews(ctx)).map((r) => r.code).sort(), ['S001', 'S002', 'S003', 'S004']);
});

test('facts: a student owns themselves and reads lessons of their class, a guardian their children', async () => {
  const ctx = await asStudent('S004');
  assert.equal((await listStudentViews(ctx)).map((r) => r.code), ['S004']);
  await rejects(() => listStudentViews(ctx, { class: '7.a' }), 'forbidden', 'S004', 'read the student registry', '7.a is not their own data');
  await s.as('T02', (c) => addLesson(c, { class: '7.b', subject: 'mat', date: '2026-10-05', number: '1', topic: 'Procenti' }));
  await s.as('T01', (c) => addLesson(c, { class: '7.a', subject: 'mat', date: '2026-10-05', number: '2', topic: 'Daļskaitļi' }));
  assert.equal((await listLessons(ctx)).map((l) => l.topic), ['Procenti']);

  const guardian = await s.as('admin', (c) => addGuardian(c, { students: ['S001', 'S004'], firstName: 'Ilze', lastName: 'Ozola', relation: 'mother' }));
  const base = await s.ctx(null);
  const parent: ServiceContext = { ...base, actor: { kind: 'guardian', id: guardian.id, code: `guardian:${guardian.id}`, name: 'Ilze Ozola', roles: [] } };
  assert.equal((await listStudentViews(parent)).map((r) => r.code).sort(), ['S001', 'S004']);
  assert.equal((await listLessons(parent)).map((l) => l.topic).sort(), ['Daļskaitļi', 'Procenti']);
});

test("a guest's grant covers its class through its last day, and not after", async () => {
  await s.as('admin', (c) => addStaff(c, 'G01', { firstName: 'Rita', lastName: 'Vīksna', roles: ['guest'] }));
  await s.as('D01', (c) => grantGuest(c, 'G01', { class: '7.b', until: '2026-12-31' }));
  const onTheDay = await s.ctx('G01', new Date('2026-12-31T20:00:00Z')); // 22:00 in Riga
  assert.equal((await listStudentViews(onTheDay)).map((r) => r.code), ['S004']);
  const after = await s.ctx('G01', new Date('2027-01-01T08:00:00Z'));
  await rejects(() => listStudentViews(after, { class: '7.b' }), 'forbidden', 'G01 (Rita Vīksna) may not read the student registry: no grant of theirs covers 7.b today');
  assert.equal((await listStudentViews(after)).map((r) => r.code), []);
  assert.equal((await listGuestGrants(await s.ctx('T01', DEFAULT_NOW))).map((g) => [g.guest, g.class, g.until, g.granted_by]), [['G01', '7.b', '2026-12-31', 'D01']]);
  // Granting again moves the day instead of adding a second grant.
  const moved = await s.as('admin', (c) => grantGuest(c, 'G01', { class: '7.b', until: '2027-01-15' }));
  assert.equal(moved.map((g) => [g.class, g.until, g.granted_by]), [['7.b', '2027-01-15', 'admin']]);
  assert.equal((await listStudentViews(after, { class: '7.b' })).map((r) => r.code), ['S004']);
});

test.run();
