import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { moveStudent } from '../../src/services/students.ts';
import { loadSummaryJournalData, summaryJournalDocuments } from '../../src/reports/summary-journal.ts';
import { rejects } from '../services/fixtures.ts';
import { cardSchool } from './card-fixture.ts';

const s = await cardSchool();
// Zane moves to 7.b in February: she stays in 7.a's journal as a student who left, and is in 7.b's too.
await s.as('admin', (c) => moveStudent(c, 'S003', { class: '7.b', date: '2027-02-15' }), new Date('2027-02-15T08:00:00Z'));
const ctx = await s.ctx(null);

test('summary journal data: students × subjects with every term grade, and the decisions', async () => {
  const data = await loadSummaryJournalData(ctx, { class: ['7.a'] });
  assert.is(data.year, '2026/2027');
  assert.is(data.classes.length, 1);
  const [schoolClass] = data.classes;
  assert.equal([schoolClass!.code, schoolClass!.level, schoolClass!.class_teacher], ['7.a', 7, 'Anna Kalniņa']);
  assert.equal(schoolClass!.subjects, [
    { code: 'lv', name: 'Latviešu valoda' },
    { code: 'mat', name: 'Matemātika' },
    { code: 'sp', name: 'Sports' },
  ]);
  assert.equal(
    schoolClass!.students.map((st) => [st.code, st.left_on, st.grades, st.promotion]),
    [
      [
        'S002',
        null,
        {
          lv: { semester1: null, semester2: null, annual: '3', state_exam: null, makeup: null },
          mat: { semester1: '5', semester2: null, annual: '2', state_exam: null, makeup: null },
          sp: { semester1: null, semester2: null, annual: null, state_exam: '7', makeup: null },
        },
        { kind: 'not-promoted', failing: ['Latviešu valoda', 'Matemātika'] },
      ],
      [
        'S001',
        null,
        {
          lv: { semester1: '8', semester2: null, annual: '8', state_exam: null, makeup: null },
          mat: { semester1: '7', semester2: null, annual: '3', state_exam: null, makeup: '6' },
        },
        { kind: 'promoted', nextLevel: 8 },
      ],
      ['S003', '2027-02-14', {}, null],
    ],
  );
});

test('summary journal data: --all gives every class, the moved student in her new class too', async () => {
  const data = await loadSummaryJournalData(ctx, { all: true });
  assert.equal(data.classes.map((c) => [c.code, c.students.map((st) => st.code)]), [
    ['2.a', ['S101']],
    ['7.a', ['S002', 'S001', 'S003']],
    ['7.b', ['S004', 'S003']],
  ]);
  const sevenB = data.classes.find((c) => c.code === '7.b')!;
  assert.equal(sevenB.students.find((st) => st.code === 'S003')!.promotion, { kind: 'incomplete', missing: ['Matemātika'] });
});

test('summary journal data: whom for', async () => {
  await rejects(() => loadSummaryJournalData(ctx, {}), 'usage', '--class');
  await rejects(() => loadSummaryJournalData(ctx, { class: ['9.z'] }), 'not_found', 'Unknown class 9.z');
});

test('summary journal documents: one per class', async () => {
  const data = await loadSummaryJournalData(ctx, { class: ['7.a', '7.b'] });
  assert.equal(summaryJournalDocuments(data, 'lv').map((d) => d.name), ['2026-2027_7a_kopsavilkuma-zurnals', '2026-2027_7b_kopsavilkuma-zurnals']);
  assert.equal(summaryJournalDocuments(data, 'en').map((d) => d.name), ['2026-2027_7a_summary-journal', '2026-2027_7b_summary-journal']);
});

test.after(() => s.cleanup());
test.run();
