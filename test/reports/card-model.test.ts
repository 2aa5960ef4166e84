import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { PromotionDecision } from '../../src/domain/promotion.ts';
import { cardView, type CardData, type CardStudent } from '../../src/reports/card-model.ts';
import { termTitle } from '../../src/reports/labels.ts';
import type { Term } from '../../src/reports/term-period.ts';
import { promotionText } from '../../src/reports/labels.ts';
import type { ReportLang } from '../../src/reports/publish.ts';

const TITLES: [Term, ReportLang, string][] = [
  ['1', 'lv', '2026./2027. mācību gada I semestris'],
  ['2', 'lv', '2026./2027. mācību gada II semestris'],
  ['year', 'lv', '2026./2027. mācību gads'],
  ['1', 'en', '1st semester, school year 2026/2027'],
  ['2', 'en', '2nd semester, school year 2026/2027'],
  ['year', 'en', 'school year 2026/2027'],
];

for (const [term, lang, expected] of TITLES) {
  test(`card: term title ${term} in ${lang}`, () => assert.is(termTitle(term, '2026/2027', lang), expected));
}

const DECISIONS: [PromotionDecision, number, string, string][] = [
  [{ kind: 'promoted', nextLevel: 8 }, 7, 'pārcelts(-a) uz 8. klasi', 'promoted to grade 8'],
  [{ kind: 'makeup', subjects: ['Matemātika'] }, 7, 'jākārto pēcpārbaudījums: Matemātika', 'make-up exam required: Matemātika'],
  [{ kind: 'makeup', subjects: ['Fizika', 'Ķīmija'] }, 10, 'jākārto pēcpārbaudījumi: Fizika, Ķīmija', 'make-up exams required: Fizika, Ķīmija'],
  [{ kind: 'not-promoted', failing: ['Fizika'] }, 7, 'atstāts(-a) otru gadu 7. klasē (nepietiekams vērtējums: Fizika)', 'to repeat grade 7 (insufficient: Fizika)'],
  [{ kind: 'not-promoted', failing: ['Fizika', 'Vēsture'] }, 5, 'atstāts(-a) otru gadu 5. klasē (nepietiekami vērtējumi: Fizika, Vēsture)', 'to repeat grade 5 (insufficient: Fizika, Vēsture)'],
  [{ kind: 'completed', stage: 'basic' }, 9, 'ieguvis(-usi) vispārējo pamatizglītību', 'has completed general basic education'],
  [{ kind: 'completed', stage: 'secondary' }, 12, 'ieguvis(-usi) vispārējo vidējo izglītību', 'has completed general secondary education'],
  [
    { kind: 'certificate', stage: 'basic', failing: ['Matemātika'] },
    9,
    'izsniedzama liecība par vispārējās pamatizglītības apguvi (nepietiekams vērtējums: Matemātika)',
    'receives a certificate of studies in basic education (insufficient: Matemātika)',
  ],
  [
    { kind: 'certificate', stage: 'secondary', failing: ['Fizika'] },
    12,
    'izsniedzama izziņa par vispārējās vidējās izglītības apguvi (nepietiekams vērtējums: Fizika)',
    'receives a certificate of studies in secondary education (insufficient: Fizika)',
  ],
  [{ kind: 'incomplete', missing: ['Mūzika'] }, 7, 'lēmums vēl nav pieņemts: nav gada vērtējuma (Mūzika)', 'no decision yet: annual grade missing (Mūzika)'],
];

for (const [decision, level, lv, en] of DECISIONS) {
  test(`card: promotion text ${decision.kind} ${lv}`, () => {
    assert.is(promotionText(decision, level, 'lv'), lv);
    assert.is(promotionText(decision, level, 'en'), en);
  });
}

const student = (overrides: Partial<CardStudent> = {}): CardStudent => ({
  code: 'S001',
  first_name: 'Jānis',
  last_name: 'Bērziņš',
  class: '7.a',
  level: 7,
  class_teacher: 'Anna Kalniņa',
  left_on: null,
  subjects: [
    { code: 'lv', name: 'Latviešu valoda', grade: '8', lessons: 61, state_exam: null, makeup: null },
    { code: 'mat', name: 'Matemātika', grade: null, lessons: 72, state_exam: null, makeup: null },
  ],
  absences: { missed: 7, justified: 5, unjustified: 2, late: 1 },
  promotion: null,
  promotion_record: null,
  ...overrides,
});

const data = (term: Term): CardData => ({
  school: { name: 'Rīgas Parauga vidusskola', registration_number: '3113900123', director: 'Dace Liepiņa' },
  year: '2026/2027',
  term,
  from: '2026-09-01',
  to: '2026-12-18',
  printed_on: '2026-12-18',
  students: [],
});

test('card view: a semester card lists grades with their Latvian meaning, lessons and empty cells', () => {
  const view = cardView(data('1'), student(), 'lv');
  assert.equal(view.header.title, 'Liecība');
  assert.equal(view.header.subtitle, '2026./2027. mācību gada I semestris');
  assert.is(view.gradeHeading, 'Semestra vērtējums');
  assert.equal(view.rows, [
    { number: 1, subject: 'Latviešu valoda', grade: '8', meaning: 'ļoti labi', lessons: 61, stateExam: '', makeup: '' },
    { number: 2, subject: 'Matemātika', grade: '', meaning: '', lessons: 72, stateExam: '', makeup: '' },
  ]);
  assert.equal(view.facts[3], { label: 'Periods', value: '01.09.2026 – 18.12.2026' });
  assert.equal(view.absences, { missed: 7, justified: 5, unjustified: 2, late: 1 });
  assert.is(view.showStateExam, false);
  assert.is(view.decision, '');
  assert.is(view.director, 'Dace Liepiņa');
  assert.is(view.classTeacher, 'Anna Kalniņa');
  assert.is(view.date, '18.12.2026');
});

test('card view: English cards carry no Latvian grade words', () => {
  const view = cardView(data('2'), student(), 'en');
  assert.is(view.rows[0]!.meaning, '');
  assert.is(view.gradeHeading, 'Semester grade');
});

test('card view: the annual card shows exam and make-up columns only when the student has them, and the decision', () => {
  const subjects = student().subjects.map((s) => (s.code === 'mat' ? { ...s, grade: '3', makeup: '5' } : s));
  const annual = cardView(data('year'), student({ subjects, promotion: { kind: 'promoted', nextLevel: 8 } }), 'lv');
  assert.is(annual.gradeHeading, 'Gada vērtējums');
  assert.is(annual.showMakeup, true);
  assert.is(annual.showStateExam, false);
  assert.is(annual.rows[1]!.makeup, '5');
  assert.is(annual.decision, 'priekšlikums: pārcelts(-a) uz 8. klasi', 'nothing recorded: the proposal, marked');
  // The same data on a semester card prints no make-up column.
  assert.is(cardView(data('1'), student({ subjects }), 'lv').showMakeup, false);
});

test('card view: a recorded decision is printed as it is, the council\'s too', () => {
  const record = { basis: 'council' as const, decided_by: 'D01', decided_at: '2027-06-10T10:00:00+03:00' };
  const view = cardView(data('year'), student({ promotion: { kind: 'not-promoted', failing: [] }, promotion_record: record }), 'lv');
  assert.is(view.decision, 'atstāts(-a) otru gadu 7. klasē');
  const proposal = cardView(data('year'), student({ promotion: { kind: 'makeup', subjects: ['Matemātika'] } }), 'en');
  assert.is(proposal.decision, 'proposal: make-up exam required: Matemātika');
});

test('card view: a student who left says so and gets no decision', () => {
  const view = cardView(data('year'), student({ left_on: '2027-02-12' }), 'lv');
  assert.is(view.left, 'izstājies(-usies) no klases 12.02.2027');
  assert.is(view.decision, '');
});

test.run();
