import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { countPerTeacher, substitutionsView, type SubstitutedLesson } from '../../src/reports/substitutions-model.ts';

const anna = { code: 'T01', name: 'Anna Kalniņa' };
const janis = { code: 'T04', name: 'Jānis Ābele' };
const peteris = { code: 'T02', name: 'Pēteris Ozoliņš' };
const lesson = (date: string, teacher: typeof anna, replaced: typeof anna): SubstitutedLesson => ({ date, number: 1, class: '7.a', subject: { code: 'mat', name: 'Matemātika' }, teacher, replaced, topic: 'Procenti' });

test('countPerTeacher: most lessons first, then by Latvian name order', () => {
  const lessons = [lesson('2026-10-05', janis, anna), lesson('2026-10-06', peteris, anna), lesson('2026-10-07', janis, peteris), lesson('2026-10-08', anna, peteris)];
  assert.equal(countPerTeacher(lessons, (l) => l.teacher), [
    { ...janis, lessons: 2 },
    { ...anna, lessons: 1 },
    { ...peteris, lessons: 1 },
  ]);
  assert.equal(countPerTeacher(lessons, (l) => l.replaced), [
    { ...anna, lessons: 2 },
    { ...peteris, lessons: 2 },
  ]);
  assert.equal(countPerTeacher([], (l) => l.teacher), []);
});

test('substitutionsView: rows with Latvian dates and named teachers, the totals', () => {
  const lessons = [lesson('2026-10-05', janis, anna)];
  const view = substitutionsView(
    { school: { name: 'Rīgas Parauga vidusskola', registration_number: null }, from: '2026-10-01', to: '2026-10-31', printed_on: '2026-11-01', lessons, by_substitute: countPerTeacher(lessons, (l) => l.teacher), by_replaced: countPerTeacher(lessons, (l) => l.replaced) },
    'lv',
  );
  assert.equal(view.rows, [{ date: '05.10.2026', number: 1, class: '7.a', subject: 'Matemātika', teacher: 'Jānis Ābele (T04)', replaced: 'Anna Kalniņa (T01)', topic: 'Procenti' }]);
  assert.equal(view.bySubstitute, [{ teacher: 'Jānis Ābele (T04)', lessons: 1 }]);
  assert.is(view.total, 1);
  assert.is(view.header.subtitle, '01.10.2026–31.10.2026');
  assert.ok(view.hasLessons);
});

test.run();
