import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { classSummaryView, meanOf, shownPoints, summarizeClass, type ClassSummaryData, type SummaryResult } from '../../src/reports/class-summary-model.ts';

const none = { n: 0, ns: 0, nc: 0, k: 0, total: 0 };

test('shownPoints: a 10-point term grade, else the period average; a decided grade on another scale stands for no number', () => {
  const cases: [SummaryResult, number | null][] = [
    [{ term_grade: '8', average: 6.5 }, 8],
    [{ term_grade: null, average: 6.5 }, 6.5],
    [{ term_grade: 'nv', average: 6.5 }, null],
    [{ term_grade: 'i', average: null }, null],
    [{ term_grade: null, average: null }, null],
  ];
  for (const [result, expected] of cases) assert.is(shownPoints(result), expected, JSON.stringify(result));
});

test('meanOf skips missing values and rounds to 2 decimals', () => {
  const cases: [(number | null)[], number | null][] = [
    [[], null],
    [[null, null], null],
    [[7, null, 8], 7.5],
    [[7, 8, 8], 7.67],
    [[6.33, 7], 6.67],
  ];
  for (const [values, expected] of cases) assert.is(meanOf(values), expected, JSON.stringify(values));
});

const summary = summarizeClass({
  code: '7.a',
  class_teacher: 'Anna Kalniņa',
  subjects: [
    { code: 'lv', name: 'Latviešu valoda' },
    { code: 'mat', name: 'Matemātika' },
  ],
  students: [
    { code: 'S002', first_name: 'Anna', last_name: 'Ābele', results: [{ term_grade: null, average: 9 }, { term_grade: 'nv', average: null }], absences: { ...none, k: 1 } },
    { code: 'S001', first_name: 'Jānis', last_name: 'Bērziņš', results: [{ term_grade: null, average: 6 }, { term_grade: '9', average: 7 }], absences: { ...none, n: 1, ns: 2, total: 3 } },
  ],
});

test('summarizeClass: averages per student (last column) and per subject (bottom row), absence totals', () => {
  assert.equal(summary.students.map((s) => s.average), [9, 7.5]);
  assert.equal(summary.subject_averages, [7.5, 9]);
  assert.is(summary.average, 8.25);
  assert.equal(summary.absences, { n: 1, ns: 2, nc: 0, k: 1, total: 3 });
});

const data = (period: ClassSummaryData['period']): ClassSummaryData => ({
  school: { name: 'Rīgas Parauga vidusskola', registration_number: null },
  year: '2026/2027',
  period,
  printed_on: '2026-12-20',
  classes: [summary],
});

test('classSummaryView: a missing term grade shows the average in italics; a month shows averages plainly', () => {
  const term = classSummaryView(data({ term: '1', month: null, from: '2026-09-01', to: '2026-12-18' }), summary, 'lv');
  assert.equal(term.subjects, ['Latviešu valoda', 'Matemātika']);
  assert.equal(term.rows.map((r) => r.name), ['Ābele Anna', 'Bērziņš Jānis']);
  assert.equal(term.rows[0]!.cells, [{ text: '9', estimated: true }, { text: 'nv', estimated: false }]);
  assert.equal(term.rows[1]!.cells, [{ text: '6', estimated: true }, { text: '9', estimated: false }]);
  assert.equal(term.rows[1]!.absences, [1, 2, '', '', 3]);
  assert.equal(term.subjectAverages, ['7,5', '9']);
  assert.is(term.average, '8,25');
  assert.equal(term.absenceTotals, [1, 2, 0, 1, 3]);
  assert.ok(term.header.subtitle!.includes('mācību gada I semestris'));
  assert.match(term.legend, /Slīprakstā/);

  const month = classSummaryView(data({ term: null, month: '2026-10', from: '2026-10-01', to: '2026-10-31' }), summary, 'en');
  assert.ok(month.rows.flatMap((r) => r.cells).every((c) => !c.estimated));
  assert.is(month.average, '8.25');
  assert.ok(month.header.subtitle!.includes('October 2026'));
});

test.run();
