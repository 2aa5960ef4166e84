import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { emptyTermGrades, type TermGrades } from '../../src/reports/card-grades.ts';
import { summaryJournalView, type SummaryJournalClass, type SummaryJournalData } from '../../src/reports/summary-journal-model.ts';

const grades = (values: Partial<TermGrades>): TermGrades => ({ ...emptyTermGrades(), ...values });

const schoolClass: SummaryJournalClass = {
  code: '7.a',
  level: 7,
  class_teacher: 'Anna Kalniņa',
  subjects: [
    { code: 'lv', name: 'Latviešu valoda' },
    { code: 'mat', name: 'Matemātika' },
  ],
  students: [
    {
      code: 'S002',
      first_name: 'Anna',
      last_name: 'Ābele',
      left_on: null,
      grades: { lv: grades({ semester1: '7', semester2: '8', annual: '8' }), mat: grades({ semester1: '3', annual: '3', makeup: '5', state_exam: '6' }) },
      promotion: { kind: 'promoted', nextLevel: 8 },
      promotion_record: { basis: 'proposal', decided_by: 'D01', decided_at: '2027-06-10T10:00:00+03:00' },
    },
    {
      code: 'S001',
      first_name: 'Jānis',
      last_name: 'Bērziņš',
      left_on: null,
      grades: { lv: grades({ annual: '5' }) },
      promotion: { kind: 'incomplete', missing: ['Matemātika'] },
      promotion_record: null,
    },
    {
      code: 'S003',
      first_name: 'Zane',
      last_name: 'Ziemele',
      left_on: '2027-02-12',
      grades: { lv: grades({ semester1: '10', annual: '10' }), mat: grades({ annual: 'a' }) },
      promotion: null,
      promotion_record: null,
    },
  ],
};

const data: SummaryJournalData = {
  school: { name: 'Rīgas Parauga vidusskola', registration_number: null, director: 'Dace Liepiņa' },
  year: '2026/2027',
  printed_on: '2027-06-20',
  classes: [schoolClass],
};

test('summary journal view: a cell holds the annual grade, the semesters below it, then make-up and exam results', () => {
  const view = summaryJournalView(data, schoolClass, 'lv');
  assert.equal(view.subjects, ['Latviešu valoda', 'Matemātika']);
  assert.equal(view.rows[0]!.cells, [
    { annual: '8', semesters: '7 | 8', extras: [] },
    { annual: '3', semesters: '3 | –', extras: [{ mark: 'pp', value: '5' }, { mark: 'eks', value: '6' }] },
  ]);
  assert.equal(view.rows[1]!.cells[1], { annual: '', semesters: '', extras: [] }, 'no grade at all is an empty cell');
  assert.equal(view.rows.map((r) => r.name), ['Ābele Anna', 'Bērziņš Jānis', 'Ziemele Zane']);
});

test('summary journal view: decisions, and a student who left', () => {
  const view = summaryJournalView(data, schoolClass, 'lv');
  assert.equal(
    view.rows.map((r) => [r.decision, r.left]),
    [
      ['pārcelts(-a) uz 8. klasi', false],
      ['lēmums vēl nav pieņemts: nav gada vērtējuma (Matemātika)', false],
      ['izstājies(-usies) no klases 12.02.2027', true],
    ],
  );
  assert.is(summaryJournalView(data, schoolClass, 'en').rows[0]!.decision, 'promoted to grade 8');
});

test('summary journal view: a proposal nobody recorded yet is marked as one', () => {
  const proposed = { ...schoolClass, students: [{ ...schoolClass.students[0]!, promotion_record: null }] };
  assert.is(summaryJournalView(data, proposed, 'lv').rows[0]!.decision, 'priekšlikums: pārcelts(-a) uz 8. klasi');
  assert.is(summaryJournalView(data, proposed, 'en').rows[0]!.decision, 'proposal: promoted to grade 8');
});

test('summary journal view: class averages count the annual points of students still in the class', () => {
  // lv: 8 and 5 (Zane's 10 left with her); mat: 3 only ("a" is no points).
  assert.equal(summaryJournalView(data, schoolClass, 'lv').averages, ['6,5', '3']);
  assert.equal(summaryJournalView(data, schoolClass, 'en').averages, ['6.5', '3']);
});

test('summary journal view: heading and facts', () => {
  const view = summaryJournalView(data, schoolClass, 'lv');
  assert.is(view.header.title, 'Mācību sasniegumu kopsavilkuma žurnāls');
  assert.is(view.header.subtitle, '7.a · 2026./2027. mācību gads');
  assert.equal(view.facts.map((f) => f.value), ['7.a', '2026/2027', 'Anna Kalniņa', '3']);
  assert.is(view.director, 'Dace Liepiņa');
  assert.is(view.date, '20.06.2027');
});

test.run();
