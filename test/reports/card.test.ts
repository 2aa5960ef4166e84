import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cardDocuments, cardWarnings, loadCardData } from '../../src/reports/card.ts';
import type { CardStudent } from '../../src/reports/card-model.ts';
import { rejects } from '../services/fixtures.ts';
import { cardSchool } from './card-fixture.ts';

const s = await cardSchool();
const ctx = await s.ctx(null);
const byCode = (students: CardStudent[], code: string) => students.find((st) => st.code === code)!;
const subjectRows = (student: CardStudent) => student.subjects.map((sub) => [sub.code, sub.grade, sub.lessons, sub.state_exam, sub.makeup]);

test('card data, I semester: semester grades, the semester\'s lessons and absences, empty cells', async () => {
  const data = await loadCardData(ctx, { term: '1', class: ['7.a'] });
  assert.equal([data.year, data.term, data.from, data.to], ['2026/2027', '1', '2026-09-01', '2026-12-18']);
  assert.equal(data.school.director, 'Dace Liepiņa');
  assert.equal(data.students.map((st) => st.code), ['S002', 'S001', 'S003'], 'Latvian order: Ābele, Bērziņš, Ziemele');
  const janis = byCode(data.students, 'S001');
  assert.equal(subjectRows(janis), [
    ['lv', '8', 1, null, null],
    ['mat', '7', 2, null, null],
  ]);
  assert.equal(janis.absences, { missed: 2, justified: 2, unjustified: 0, late: 1 });
  assert.is(janis.class_teacher, 'Anna Kalniņa');
  assert.is(janis.promotion, null, 'no decision on a semester card');
  const anna = byCode(data.students, 'S002');
  assert.equal(subjectRows(anna), [
    ['lv', null, 1, null, null],
    ['mat', '5', 2, null, null],
  ]);
  assert.equal(anna.absences, { missed: 1, justified: 0, unjustified: 1, late: 0 }, "the January absence is not the I semester's");
  assert.equal(subjectRows(byCode(data.students, 'S003')), [
    ['lv', null, 1, null, null],
    ['mat', null, 2, null, null],
  ]);
});

test('card data, II semester: its own lessons and absences, no semester grades yet', async () => {
  const data = await loadCardData(ctx, { term: '2', student: ['S002'] });
  assert.equal(data.students.map((st) => st.code), ['S002']);
  assert.equal(subjectRows(data.students[0]!), [
    ['lv', null, 0, null, null],
    ['mat', null, 1, null, null],
  ]);
  assert.equal(data.students[0]!.absences, { missed: 1, justified: 0, unjustified: 1, late: 0 });
});

test('card data, annual: annual grades, make-up and state exams, lessons of the year, the promotion decision', async () => {
  const data = await loadCardData(ctx, { term: 'year', class: ['7.a'] });
  const janis = byCode(data.students, 'S001');
  assert.equal(subjectRows(janis), [
    ['lv', '8', 1, null, null],
    ['mat', '3', 3, null, '6'],
  ]);
  assert.equal(janis.promotion, { kind: 'promoted', nextLevel: 8 });
  const anna = byCode(data.students, 'S002');
  assert.equal(subjectRows(anna), [
    ['lv', '3', 1, null, null],
    ['mat', '2', 3, null, null],
    ['sp', null, 0, '7', null],
  ]);
  assert.equal(anna.absences, { missed: 2, justified: 0, unjustified: 2, late: 0 });
  assert.equal(anna.promotion, { kind: 'not-promoted', failing: ['Latviešu valoda', 'Matemātika'] }, 'a state exam subject not taught does not count');
  assert.equal(byCode(data.students, 'S003').promotion, { kind: 'incomplete', missing: ['Latviešu valoda', 'Matemātika'] });
});

test('card data: --term is required and checked', async () => {
  await rejects(() => loadCardData(ctx, { class: ['7.a'] }), 'usage', '--term is required');
  await rejects(() => loadCardData(ctx, { term: '3', class: ['7.a'] }), 'usage', '--term 3 is not a term');
  await rejects(() => loadCardData(ctx, { term: '1' }), 'usage', 'exactly one');
});

test('card documents: one per student named after the year and term, and one per class', async () => {
  const data = await loadCardData(ctx, { term: '1', class: ['7.a'] });
  assert.equal(
    cardDocuments(data, 'lv').map((d) => [d.name, d.bodies.length]),
    [
      ['2026-2027_sem1_7a_abele-anna', 1],
      ['2026-2027_sem1_7a_berzins-janis', 1],
      ['2026-2027_sem1_7a_ziemele-zane', 1],
      ['2026-2027_sem1_7a_visa-klase', 3],
    ],
  );
  const annual = await loadCardData(ctx, { term: 'year', student: ['S001'] });
  // One student asked for: no whole-class file, which would replace the class's printout (issue 14).
  assert.equal(cardDocuments(annual, 'en').map((d) => d.name), ['2026-2027_year_7a_berzins-janis']);
  const html = cardDocuments(annual, 'lv')[0]!.bodies[0]!.trustedHtml;
  assert.ok(html.includes('pārcelts(-a) uz 8. klasi'), 'the decision is on the annual card');
  assert.ok(html.includes('Dace Liepiņa'), "the director's name is on it");
});

test('card warnings: a term not over on the given day, and each student\'s subjects without a term grade', async () => {
  const data = await loadCardData(ctx, { term: '1', class: ['7.a'] });
  const after = cardWarnings(data, '2026-12-19');
  assert.equal(after, ['semester 1 grades missing for 2 student(s), printed as empty cells — 7.a Anna Ābele: Latviešu valoda; 7.a Zane Ziemele: Latviešu valoda, Matemātika.']);
  const lastDay = cardWarnings(data, '2026-12-18');
  assert.is(lastDay.length, 2);
  assert.is(lastDay[0], 'semester 1 of 2026/2027 ends on 2026-12-18, and today is 2026-12-18: these cards show the grades entered so far.');
  const annual = await loadCardData(ctx, { term: 'year', class: ['7.a'] });
  assert.equal(cardWarnings(annual, '2027-06-30'), ['annual grades missing for 1 student(s), printed as empty cells — 7.a Zane Ziemele: Latviešu valoda, Matemātika.'], 'a state exam subject without lessons needs no annual grade');
  const janis = await loadCardData(ctx, { term: '1', student: ['S001'] });
  assert.equal(cardWarnings(janis, '2027-01-10'), [], 'all in, term over: nothing to say');
});

test.after(() => s.cleanup());
test.run();
