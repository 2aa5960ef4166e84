// Recording returned extract slips (REFERENCE §6): who may, and the date, guardian and conflict rules.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { addGuardian } from '../../src/services/guardians.ts';
import { addStudent, moveStudent } from '../../src/services/students.ts';
import { recordExtractAck } from '../../src/services/extract-acks.ts';
import { counts, rejects, smallSchool, type SmallSchool } from './fixtures.ts';

const Acks = suite('extract ack');

let school: SmallSchool;
let ilzeId: number;
Acks.before.each(async () => {
  school = await smallSchool();
  ilzeId = (await school.as('admin', (c) => addGuardian(c, { students: ['S001'], firstName: 'Ilze', lastName: 'Bērziņa', relation: 'mother' }))).id;
  await school.as('admin', (c) => addGuardian(c, { students: ['S002'], firstName: 'Rita', lastName: 'Ābele', relation: 'mother' }));
});
Acks.after.each(() => school.cleanup());

const october = { student: 'S001', month: '2026-10' };

Acks('the class teacher records a slip; today by default, with the signing guardian by name', async () => {
  const ack = await school.as('T01', (c) => recordExtractAck(c, { ...october, guardian: 'bērziņa ilze', note: 'Paraksta māte' }));
  assert.equal(
    { ...ack, recorded_at: undefined },
    {
      id: ack.id, month: '2026-10', student: 'S001', student_name: 'Jānis Bērziņš', returned_on: '2026-11-29', guardian_id: ilzeId, guardian: 'Ilze Bērziņa',
      note: 'Paraksta māte', recorded_by: 'T01', recorded_at: undefined, classes: ['7.a'], due_on: '2026-11-12', days_late: 17, change: 'recorded',
    },
  );
  assert.is(ack.recorded_at, '2026-11-29T10:00:00+02:00');
});

Acks('deputies and admins may record for any class; the guardian may be named by id', async () => {
  const byDeputy = await school.as('D01', (c) => recordExtractAck(c, { ...october, date: '09.11.2026', guardian: String(ilzeId) }));
  assert.is(byDeputy.returned_on, '2026-11-09');
  assert.is(byDeputy.days_late, 0);
  assert.is(byDeputy.guardian, 'Ilze Bērziņa');
  const byAdmin = await school.as('admin', (c) => recordExtractAck(c, { student: 'S101', month: '2026-10', date: '2026-11-12' }));
  assert.is(byAdmin.guardian, null);
  assert.is(byAdmin.days_late, 0);
});

Acks('a teacher who is not the class teacher of the student is refused (exit 5) and nothing is written', async () => {
  for (const who of ['T03', 'T02', 'T04', 'N01']) {
    const error = await rejects(() => school.as(who, (c) => recordExtractAck(c, october)), 'forbidden', who, 'may not record returned grade extract slips', '7.a');
    assert.is(error.exitCode, 5);
  }
  assert.equal(await counts(school.db, 'extract_ack'), { extract_ack: 0 });
  await rejects(async () => recordExtractAck(await school.ctx(null), october), 'usage', '--as');
});

Acks('the month must be over, and the returned date after its end and not in the future', async () => {
  const now = new Date('2026-11-29T08:00:00Z');
  await rejects(() => school.as('T01', (c) => recordExtractAck(c, { student: 'S001', month: '2026-11' }), now), 'invalid', '2026-11 is not over');
  // The last day of the month itself: still not over.
  await rejects(() => school.as('T01', (c) => recordExtractAck(c, october), new Date('2026-10-31T20:00:00Z')), 'invalid', '2026-10 is not over');
  await rejects(() => school.as('T01', (c) => recordExtractAck(c, { ...october, date: '2026-10-31' })), 'invalid', 'not after the end of 2026-10');
  await rejects(() => school.as('T01', (c) => recordExtractAck(c, { ...october, date: '2026-11-30' })), 'invalid', 'in the future', '2026-11-29');
  await rejects(() => school.as('T01', (c) => recordExtractAck(c, { ...october, date: '2026-11-31' })), 'invalid', 'not a date');
  await rejects(() => school.as('T01', (c) => recordExtractAck(c, { student: 'S001', month: '10/2026' })), 'usage', 'YYYY-MM');
  await rejects(() => school.as('T01', (c) => recordExtractAck(c, { student: 'S001' })), 'usage', '--month');
  await rejects(() => school.as('T01', (c) => recordExtractAck(c, { month: '2026-10' })), 'usage', '--student');
  // The first day after the month is fine.
  const first = await school.as('T01', (c) => recordExtractAck(c, { ...october, date: '2026-11-01' }));
  assert.is(first.returned_on, '2026-11-01');
  assert.equal(await counts(school.db, 'extract_ack'), { extract_ack: 1 });
});

Acks('the guardian must be one of the student\'s own guardians', async () => {
  await rejects(() => school.as('T01', (c) => recordExtractAck(c, { ...october, guardian: 'Rita Ābele' })), 'invalid', 'not a guardian of', '(S001)', `${ilzeId} Ilze Bērziņa`);
  const ritaId = ilzeId + 1;
  await rejects(() => school.as('T01', (c) => recordExtractAck(c, { ...october, guardian: String(ritaId) })), 'invalid', 'not a guardian of', '(S001)');
  await rejects(() => school.as('T01', (c) => recordExtractAck(c, { student: 'S003', month: '2026-10', guardian: 'Ilze' })), 'invalid', 'none recorded');
  assert.equal(await counts(school.db, 'extract_ack'), { extract_ack: 0 });
});

Acks('recording the same month again is a conflict (exit 6) unless --replace, which keeps the row', async () => {
  const first = await school.as('T01', (c) => recordExtractAck(c, { ...october, date: '2026-11-09' }));
  const error = await rejects(() => school.as('T01', (c) => recordExtractAck(c, { ...october, date: '2026-11-10' })), 'conflict', 'already recorded', '2026-11-09', '--replace');
  assert.is(error.exitCode, 6);
  const replaced = await school.as('D01', (c) => recordExtractAck(c, { ...october, date: '2026-11-16', guardian: 'Ilze Bērziņa', replace: true }));
  assert.is(replaced.id, first.id);
  assert.is(replaced.change, 'replaced');
  assert.is(replaced.returned_on, '2026-11-16');
  assert.is(replaced.days_late, 4);
  assert.is(replaced.recorded_by, 'D01');
  assert.equal(await counts(school.db, 'extract_ack'), { extract_ack: 1 });
  // Another month is another slip.
  const september = await school.as('T01', (c) => recordExtractAck(c, { student: 'S001', month: '2026-09', date: '2026-10-08' }));
  assert.is.not(september.id, first.id);
});

Acks('a student who moved during the month: the class teacher of either class may record it; one in no class is refused', async () => {
  await school.as('admin', (c) => moveStudent(c, 'S001', { class: '2.a', date: '2026-10-15' }));
  const byNewTeacher = await school.as('T03', (c) => recordExtractAck(c, october));
  assert.equal(byNewTeacher.classes, ['7.a', '2.a']);
  // In September S001 was only in 7.a: 2.a's class teacher may not record that month's slip.
  await rejects(() => school.as('T03', (c) => recordExtractAck(c, { student: 'S001', month: '2026-09', date: '2026-10-08' })), 'forbidden', '7.a');
  await school.as('admin', (c) => addStudent(c, 'S009', { firstName: 'Pēteris', lastName: 'Kļaviņš' }));
  await rejects(() => school.as('admin', (c) => recordExtractAck(c, { student: 'S009', month: '2026-10' })), 'invalid', 'in no class in 2026-10');
  await rejects(() => school.as('admin', (c) => recordExtractAck(c, { student: 'S404', month: '2026-10' })), 'not_found');
});

Acks.run();
