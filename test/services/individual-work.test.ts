import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { addIndividualWork, listIndividualWork, showIndividualWork } from '../../src/services/individual-work.ts';
import { personalFile } from '../../src/services/personal-file.ts';
import { counts, rejects, smallSchool, type SmallSchool } from './fixtures.ts';

let s: SmallSchool;
test.before.each(async () => {
  s = await smallSchool();
  await s.as('T01', (c) => addIndividualWork(c, { kind: 'consultation', date: '2026-11-20', students: ['S001', 'S002'], text: 'Daļskaitļu konsultācija' }));
  await s.as('N01', (c) => addIndividualWork(c, { kind: 'nurse', date: '2026-11-23', students: ['S001'], text: 'Galvassāpes, sazinājās ar māti' }));
  await s.as('P01', (c) => addIndividualWork(c, { kind: 'social-pedagogue', date: '2026-11-24', students: ['S004'], text: 'Saruna par kavējumiem' }));
});
test.after.each(() => s.cleanup());

const texts = (list: { text: string }[]) => list.map((w) => w.text);

test('an entry names its author, kind, day and students', async () => {
  const [entry] = await s.as('T01', (c) => listIndividualWork(c));
  assert.equal(entry, {
    id: 1,
    kind: 'consultation',
    date: '2026-11-20',
    students: [{ code: 'S002', name: 'Anna Ābele' }, { code: 'S001', name: 'Jānis Bērziņš' }],
    text: 'Daļskaitļu konsultācija',
    author: 'T01',
    author_name: 'Anna Kalniņa',
    created_at: '2026-11-29T10:00:00+02:00',
  });
});

test('each employee lists only their own entries; deputies, admins and the operator (no --as) all of them', async () => {
  assert.equal(texts(await s.as('T01', (c) => listIndividualWork(c))), ['Daļskaitļu konsultācija']);
  assert.equal(texts(await s.as('N01', (c) => listIndividualWork(c, { student: 'S001' }))), ['Galvassāpes, sazinājās ar māti']);
  assert.equal(await s.as('T02', (c) => listIndividualWork(c)), []);
  for (const reader of ['D01', 'admin']) assert.is((await s.as(reader, (c) => listIndividualWork(c))).length, 3, reader);
  assert.is((await listIndividualWork(await s.ctx(null))).length, 3);
  assert.equal(texts(await s.as('D01', (c) => listIndividualWork(c, { student: 'S001', author: 'N01' }))), ['Galvassāpes, sazinājās ar māti']);
  assert.equal(texts(await s.as('D01', (c) => listIndividualWork(c, { from: '2026-11-21', to: '2026-11-23' }))), ['Galvassāpes, sazinājās ar māti']);
});

test("another author's entries asked for by name are refused (exit 5)", async () => {
  await rejects(() => s.as('T01', (c) => listIndividualWork(c, { author: 'N01' })), 'forbidden', "N01's individual work");
  await rejects(() => s.as('T02', (c) => showIndividualWork(c, 1)), 'forbidden', 'individual work entry 1');
  assert.is((await s.as('T01', (c) => listIndividualWork(c, { author: 'T01' }))).length, 1);
  assert.is((await s.as('T01', (c) => showIndividualWork(c, 1))).author, 'T01');
  assert.is((await s.as('D01', (c) => showIndividualWork(c, 2))).author, 'N01');
  await rejects(() => s.as('D01', (c) => showIndividualWork(c, 99)), 'not_found', 'No individual work entry with id 99');
});

test('the personal file shows a teacher only their own entries about the student', async () => {
  const authors = async (code: string | null) => (await personalFile(await s.ctx(code), 'S001')).individual_work.map((w) => w.author);
  assert.equal(await authors('T01'), ['T01']);
  await rejects(() => authors('T02'), 'forbidden', 'is not the class teacher of S001');
  assert.equal(await authors('D01'), ['T01', 'N01']);
  assert.equal(await authors(null), ['T01', 'N01']);
});

test('somebody acting who is no employee (a student, should one act) reads none of it', async () => {
  const student = { ...(await s.ctx(null)), actor: { kind: 'student' as const, id: 2, code: 'S001', name: 'Jānis Bērziņš', roles: [] } };
  await rejects(() => listIndividualWork(student), 'forbidden', 'kept by employees');
  assert.equal((await personalFile(student, 'S001')).individual_work, []);
});

test('refusals write nothing', async () => {
  const before = await counts(s.db, 'individual_work', 'individual_work_student');
  await rejects(() => s.as('T01', (c) => addIndividualWork(c, { kind: 'lecture', date: '2026-11-20', students: ['S001'], text: 'x' })), 'usage', 'consultation, nurse, social-pedagogue, other');
  await rejects(() => s.as('T01', (c) => addIndividualWork(c, { kind: 'other', date: '2026-12-01', students: ['S001'], text: 'x' })), 'invalid', 'in the future');
  await rejects(() => s.as('T01', (c) => addIndividualWork(c, { kind: 'other', date: '2026-11-20', students: [], text: 'x' })), 'usage', '--student');
  await rejects(() => s.as('T01', (c) => addIndividualWork(c, { kind: 'other', date: '2026-11-20', students: ['S001', 'S001'], text: 'x' })), 'invalid', 'twice');
  await rejects(() => s.as('T01', (c) => addIndividualWork(c, { kind: 'other', date: '2026-11-20', students: ['S999'], text: 'x' })), 'not_found');
  await rejects(() => s.as('T01', (c) => addIndividualWork(c, { kind: 'other', date: '2026-11-20', students: ['S001'], text: ' ' })), 'usage', '--text');
  await rejects(async () => addIndividualWork(await s.ctx(null), { kind: 'other', date: '2026-11-20', students: ['S001'], text: 'x' }), 'usage', '--as');
  assert.equal(await counts(s.db, 'individual_work', 'individual_work_student'), before);
});

test.run();
