import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { classSummaryDocuments, loadClassSummaryData } from '../../src/reports/class-summary.ts';
import { rejects } from '../services/fixtures.ts';
import { classReportsSchool } from './class-reports-school.ts';

const school = await classReportsSchool();
const ctx = await school.ctx(null);

test('--term 1: the semester grade where entered, else the semester average; absences; class averages', async () => {
  const data = await loadClassSummaryData(ctx, { class: ['7.a'], term: '1' });
  assert.equal(data.period, { term: '1', month: null, from: '2026-09-01', to: '2026-12-18' });
  const [summary] = data.classes;
  assert.equal(summary!.subjects.map((s) => s.code), ['lv', 'mat']);
  assert.equal(summary!.students.map((s) => s.code), ['S002', 'S001', 'S003']);
  const [ābele, bērziņš, ziemele] = summary!.students;
  assert.equal(bērziņš!.results, [{ term_grade: null, average: 6 }, { term_grade: '9', average: 7 }]);
  assert.equal(ābele!.results, [{ term_grade: null, average: 9 }, { term_grade: 'nv', average: null }]);
  assert.equal(ziemele!.results, [{ term_grade: null, average: null }, { term_grade: null, average: null }]);
  assert.equal(bērziņš!.absences, { n: 1, ns: 0, nc: 0, k: 0, total: 1 });
  assert.equal(ābele!.absences, { n: 0, ns: 0, nc: 0, k: 1, total: 0 });
  assert.equal([bērziņš!.average, ābele!.average, ziemele!.average], [7.5, 9, null]);
  assert.equal(summary!.subject_averages, [7.5, 9]);
  assert.is(summary!.average, 8.25);
  assert.equal(summary!.absences, { n: 2, ns: 0, nc: 0, k: 1, total: 2 });
});

test('--month: the month averages only, never the semester grades', async () => {
  const data = await loadClassSummaryData(ctx, { class: ['7.a'], month: '2026-10' });
  assert.is(data.period.month, '2026-10');
  const bērziņš = data.classes[0]!.students.find((s) => s.code === 'S001')!;
  assert.equal(bērziņš.results, [{ term_grade: null, average: 6 }, { term_grade: null, average: 7 }]);
  const september = await loadClassSummaryData(ctx, { class: ['7.a'], month: '2026-09' });
  assert.ok(september.classes[0]!.students.every((s) => s.average === null && s.absences.n === 0));
});

test('no --term nor --month: the semester today falls in', async () => {
  const december = await loadClassSummaryData(await school.ctx(null, new Date('2026-12-28T10:00:00Z')), { class: ['7.a'] });
  assert.is(december.period.term, '1');
  const february = await loadClassSummaryData(await school.ctx(null, new Date('2027-02-10T10:00:00Z')), { class: ['7.a'] });
  assert.is(february.period.term, '2');
  assert.is(february.classes[0]!.students[1]!.results[1]!.term_grade, null);
});

test('--all: one document per class, each named by period and class', async () => {
  const data = await loadClassSummaryData(ctx, { all: true, term: 'year' });
  assert.equal(data.classes.map((c) => c.code), ['2.a', '7.a', '7.b']);
  assert.equal(classSummaryDocuments(data, 'lv').map((d) => d.name), ['2026-2027_gads_2a_kopsavilkums', '2026-2027_gads_7a_kopsavilkums', '2026-2027_gads_7b_kopsavilkums']);
});

test('refusals: both periods, a bad term or month, an unknown class, no class at all', async () => {
  await rejects(() => loadClassSummaryData(ctx, { class: ['7.a'], term: '1', month: '2026-10' }), 'usage', 'not both');
  await rejects(() => loadClassSummaryData(ctx, { class: ['7.a'], term: '3' }), 'usage', '--term 3');
  await rejects(() => loadClassSummaryData(ctx, { class: ['7.a'], month: 'oktobris' }), 'usage', 'YYYY-MM');
  await rejects(() => loadClassSummaryData(ctx, { class: ['8.c'], term: '1' }), 'not_found', 'Unknown class 8.c');
  await rejects(() => loadClassSummaryData(ctx, { term: '1' }), 'usage', '--class CODE (repeatable) or --all');
  await rejects(() => loadClassSummaryData(ctx, { class: ['7.a'], all: true, term: '1' }), 'usage', '--all');
});

test.after(() => school.cleanup());
test.run();
