import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { findCurrentSchoolYear } from '../../src/db/repositories/school-years.ts';
import { findOnlySchool } from '../../src/db/repositories/schools.ts';
import { buildClassJournals, classJournalDocuments, loadClassJournals } from '../../src/reports/class-journal.ts';
import { rejects } from '../services/fixtures.ts';
import { classJournalSchool, LAST_LV_TOPIC, LONG_SUBJECT_LESSONS } from './class-journal-fixture.ts';

const s = await classJournalSchool();
const ctx = await s.ctx(null);

test('class journal data: the whole year of 7.a, subject by subject, with every lesson, mark and appendix', async () => {
  const { data, landscape } = await loadClassJournals(ctx, { class: ['7.a'] });
  assert.is(landscape, true);
  assert.equal([data.year, data.from, data.to, data.whole_year, data.only_subjects, data.printed_on], ['2026/2027', '2026-09-01', '2027-08-31', true, null, '2026-11-29']);
  assert.equal(data.term_columns, ['semester1', 'semester2', 'annual']);
  assert.is(data.classes.length, 1);
  const [c] = data.classes;
  assert.equal([c!.code, c!.class_teacher], ['7.a', 'Anna Kalniņa']);
  // Latvian order; Ziemele left after 20.10.
  assert.equal(
    c!.students.map((st) => [st.code, st.last_name, st.enrolled]),
    [
      ['S002', 'Ābele', [{ from: '2026-09-01', to: null }]],
      ['S001', 'Bērziņš', [{ from: '2026-09-01', to: null }]],
      ['S003', 'Ziemele', [{ from: '2026-09-01', to: '2026-10-20' }]],
    ],
  );
  assert.equal(c!.subjects.map((sub) => [sub.code, sub.lessons.length]), [
    ['lv', LONG_SUBJECT_LESSONS],
    ['mat', 3],
  ]);
  const mat = c!.subjects.find((sub) => sub.code === 'mat')!;
  assert.equal(mat.teachers, [{ code: 'T01', name: 'Anna Kalniņa' }]);
  assert.equal(mat.lessons[0], { date: '2026-10-05', number: 1, teacher: { code: 'T01', name: 'Anna Kalniņa' }, substitute_for: null, topic: 'Daļskaitļi un to saīsināšana', homework: 'Uzdevumu krājums 12. lpp.' });
  assert.equal(mat.lessons[2]!.teacher, { code: 'T04', name: 'Jānis Ābele' });
  assert.equal(mat.lessons[2]!.substitute_for, { code: 'T01', name: 'Anna Kalniņa' });
  const marks = Object.fromEntries(mat.marks.map((m) => [m.student, m]));
  assert.equal(marks.S001!.absences, [{ date: '2026-10-05', number: 1, code: 'n' }]);
  assert.equal(marks.S001!.grades, [
    { date: '2026-10-05', number: 1, work: 'regular', value: '8' },
    { date: '2026-10-06', number: 1, work: 'test', value: '6' },
  ]);
  assert.is(marks.S001!.term.semester1, '9');
  // The grade entered for a day without a lesson has no lesson number.
  assert.equal(marks.S002!.grades, [
    { date: '2026-10-05', number: 1, work: 'regular', value: 'i' },
    { date: '2026-10-08', number: null, work: 'regular', value: '7' },
  ]);
  assert.equal(marks.S003!.absences, [{ date: '2026-10-06', number: 1, code: 'n' }]);
  const lv = c!.subjects.find((sub) => sub.code === 'lv')!;
  assert.is(lv.lessons.at(-1)!.topic, LAST_LV_TOPIC);
  assert.equal(lv.marks.find((m) => m.student === 'S001')!.grades.at(-1), { date: lv.lessons.at(-1)!.date, number: lv.lessons.at(-1)!.number, work: 'regular', value: '10' });

  assert.equal(c!.behavior, [{ student: 'S001', date: '2026-10-12', kind: 'positive', text: 'Palīdzēja klasesbiedram ar mājasdarbu', author: 'Anna Kalniņa' }]);
  assert.equal(c!.briefings, [
    { date: '2026-09-02', topic: 'Ugunsdrošība un rīcība evakuācijas gadījumā', author: 'Skolas administrators', briefed: ['Anna Ābele (S002)', 'Jānis Bērziņš (S001)'], absent: ['Zane Ziemele (S003)'] },
  ]);
  assert.equal(c!.conversations.map((x) => [x.date, x.student, x.guardian, x.relation, x.summary, x.agreed]), [
    ['2026-10-15', 'Jānis Bērziņš (S001)', 'Ilze Bērziņa', 'mother', 'Par sekmēm matemātikā', 'Apmeklēs konsultācijas'],
  ]);
  assert.equal(c!.notes.map((n) => [n.student, n.text, n.valid_from, n.valid_until]), [[null, 'Ekskursija uz Siguldu 20. novembrī', '2026-11-01', null]]);
});

test('class journal data: a period and some subjects; the appendices only with the whole journal', async () => {
  const { data } = await loadClassJournals(ctx, { class: ['7.a'], subject: ['mat'], from: '2026-10-06', to: '06.10.2026' });
  assert.equal([data.from, data.to, data.whole_year, data.only_subjects], ['2026-10-06', '2026-10-06', false, ['mat']]);
  assert.equal(data.term_columns, ['semester1']);
  const [c] = data.classes;
  assert.equal(c!.subjects.map((sub) => [sub.code, sub.lessons.map((l) => l.topic)]), [['mat', ['Pārbaudes darbs: daļskaitļi']]]);
  assert.equal([c!.behavior, c!.briefings, c!.conversations, c!.notes], [[], [], [], []]);
  const term2 = await loadClassJournals(ctx, { class: ['7.a'], term: '2' });
  assert.equal([term2.data.from, term2.data.to, term2.data.term_columns], ['2027-01-04', '2027-05-28', ['semester2', 'annual']]);
});

test('class journal: whom and when, refused', async () => {
  await rejects(() => loadClassJournals(ctx, {}), 'usage', '--class');
  await rejects(() => loadClassJournals(ctx, { class: ['7.a'], all: true }), 'usage', '--class');
  await rejects(() => loadClassJournals(ctx, { class: ['9.z'] }), 'not_found', 'Unknown class 9.z');
  await rejects(() => loadClassJournals(ctx, { class: ['7.a'], subject: ['xx'] }), 'not_found', 'Unknown subject xx');
  await rejects(() => loadClassJournals(ctx, { class: ['7.a'], term: '3' }), 'usage', '--term 3');
  await rejects(() => loadClassJournals(ctx, { class: ['7.a'], term: '1', from: '2026-10-01' }), 'usage', 'not both');
  await rejects(() => loadClassJournals(ctx, { class: ['7.a'], from: '2026-11-01', to: '2026-10-01' }), 'usage', 'after');
  await rejects(() => loadClassJournals(ctx, { class: ['7.a'], from: '2025-10-01' }), 'invalid', 'outside the school year');
});

test('buildClassJournals: the archive calls it without the CLI; every class of the year, one file each', async () => {
  const school = (await findOnlySchool(s.db))!;
  const year = (await findCurrentSchoolYear(s.db, school.id))!;
  const built = await buildClassJournals(s.db, school, year, { printedOn: '2027-06-30' });
  assert.equal(built.data.classes.map((c) => c.code), ['2.a', '7.a', '7.b']);
  assert.is(built.data.printed_on, '2027-06-30');
  const documents = built.documents(built.data, 'lv');
  assert.equal(documents.map((d) => d.name), ['2026-2027_2a_zurnals', '2026-2027_7a_zurnals', '2026-2027_7b_zurnals']);
  const sevenA = documents[1]!;
  // Title, lv, mat, behaviour journal, briefings, conversations, notes: each a section with its own footer.
  assert.is(sevenA.bodies.length, 7);
  assert.equal(sevenA.footers, [
    'Klases žurnāls 2026/2027 — 7.a',
    'Klases žurnāls 2026/2027 — 7.a · Latviešu valoda',
    'Klases žurnāls 2026/2027 — 7.a · Matemātika',
    'Klases žurnāls 2026/2027 — 7.a · Uzvedības žurnāls',
    'Klases žurnāls 2026/2027 — 7.a · Drošības instruktāžas',
    'Klases žurnāls 2026/2027 — 7.a · Individuālās sarunas ar vecākiem',
    'Klases žurnāls 2026/2027 — 7.a · Piezīmes vecāku ievērībai',
  ]);
  const only = await buildClassJournals(s.db, school, year, { printedOn: '2026-11-02', classIds: [], period: { from: '2026-10-01', to: '2026-10-31' } });
  assert.equal(only.data.classes, []);
  const period = await buildClassJournals(s.db, school, year, { printedOn: '2026-11-02', period: { from: '2026-10-01', to: '2026-10-31' } });
  assert.equal(classJournalDocuments(period.data, 'en').map((d) => d.name)[1], '2026-2027_7a_class-journal_2026-10-01_2026-10-31');
});

test.after(() => s.cleanup());
test.run();
