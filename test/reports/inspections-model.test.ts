import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { inspectionsView, sumFigures, waitedTooLong, type InspectionsReportData } from '../../src/reports/inspections-model.ts';
import { groupByTeacher, lessonCount, missingLessonsView, type MissingLessonsData } from '../../src/reports/missing-lessons-model.ts';

const waits: [string, string, boolean][] = [
  ['2026-11-22', '2026-11-29', false],
  ['2026-11-21', '2026-11-29', true],
  ['2026-11-29', '2026-11-29', false],
  ['2026-10-31', '2026-11-08', true],
];
for (const [lesson, today, overdue] of waits) {
  test(`an n from ${lesson} is ${overdue ? '' : 'not '}overdue on ${today} (more than 7 calendar days)`, () => assert.is(waitedTooLong(lesson, today), overdue));
}

const figures = (n: number) => ({ lessons_expected: n, lessons_entered: n - 1, lessons_missing: 1, lessons_without_topic: 0, grades_late: n * 2, absences_n_over_7_days: 3 });

test('sumFigures adds every figure over the classes', () => {
  assert.equal(sumFigures([figures(10), figures(20)]), { lessons_expected: 30, lessons_entered: 28, lessons_missing: 2, lessons_without_topic: 0, grades_late: 60, absences_n_over_7_days: 6 });
  assert.equal(sumFigures([]), { lessons_expected: 0, lessons_entered: 0, lessons_missing: 0, lessons_without_topic: 0, grades_late: 0, absences_n_over_7_days: 0 });
});

const inspections: InspectionsReportData = {
  school: { name: 'Rīgas Parauga vidusskola', registration_number: null },
  from: '2026-11-01',
  to: '2026-11-30',
  through: '2026-11-29',
  printed_on: '2026-11-29',
  whole_school: true,
  inspections: [{ date: '2026-11-27', classes: ['7.a', '7.b'], whole_school: false, findings: 'Jāizvērtē kavējumi', deadline: null, author: { code: 'D01', name: 'Dace Liepa' } }],
  classes: [{ class: '7.a', class_teacher: null, ...figures(10) }],
  totals: figures(10),
};

test('inspections view: the whole school, dates as Latvian documents write them, an empty deadline', () => {
  const view = inspectionsView(inspections, 'lv');
  assert.equal(view.facts, [
    { label: 'Periods', value: '01.11.2026–30.11.2026' },
    { label: 'Klases', value: 'visa skola' },
    { label: 'Stundas skaitītas līdz', value: '29.11.2026' },
  ]);
  assert.equal(view.inspections, [{ date: '27.11.2026', classes: '7.a, 7.b', findings: 'Jāizvērtē kavējumi', deadline: '', author: 'Dace Liepa (D01)' }]);
  assert.equal(view.rows[0], { class: '7.a', classTeacher: '', expected: 10, entered: 9, missing: 1, withoutTopic: 0, gradesLate: 20, absences: 3 });
  assert.is(inspectionsView({ ...inspections, whole_school: false, through: null }, 'en').facts[1]!.value, '7.a');
  assert.is(inspectionsView({ ...inspections, through: null }, 'en').facts[2]!.value, 'the period has not begun');
});

test('lessonCount: Latvian singular after 1, 21, not 11', () => {
  assert.equal([1, 2, 11, 21, 0].map((n) => lessonCount(n, 'lv')), ['1 stunda', '2 stundas', '11 stundas', '21 stunda', '0 stundas']);
  assert.equal([1, 2].map((n) => lessonCount(n, 'en')), ['1 lesson', '2 lessons']);
});

test('groupByTeacher: teachers in Latvian name order, lessons by day, number and class', () => {
  const lesson = (date: string, number: number, cls: string, teacher: { code: string; name: string }) => ({ date, number, class: cls, subject: { code: 'mat', name: 'Matemātika' }, teacher });
  const zane = { code: 'T09', name: 'Zane Ābola' };
  const sandis = { code: 'T02', name: 'Šandis Ozols' };
  const grouped = groupByTeacher([lesson('2026-11-25', 2, '7.b', sandis), lesson('2026-11-24', 3, '7.a', zane), lesson('2026-11-24', 3, '6.a', sandis), lesson('2026-11-24', 1, '7.a', sandis)]);
  assert.equal(grouped.map((t) => [t.code, t.lessons.map((l) => `${l.date} ${l.number} ${l.class}`)]), [
    ['T02', ['2026-11-24 1 7.a', '2026-11-24 3 6.a', '2026-11-25 2 7.b']],
    ['T09', ['2026-11-24 3 7.a']],
  ]);
});

test('missing lessons view: one day prints as one date, weekday names in the language', () => {
  const data: MissingLessonsData = {
    school: { name: 'Skola', registration_number: null },
    from: '2026-11-25', to: '2026-11-25', through: '2026-11-25', printed_on: '2026-11-29', class: null, teacher: { code: 'T02', name: 'Līga Ozola' },
    teaching_days: 1, expected: 3, missing: 1,
    teachers: [{ code: 'T02', name: 'Līga Ozola', lessons: [{ date: '2026-11-25', number: 2, class: '7.a', subject: { code: 'lv', name: 'Latviešu valoda' } }] }],
  };
  const lv = missingLessonsView(data, 'lv');
  assert.is(lv.header.subtitle, '25.11.2026');
  assert.equal(lv.facts.map((f) => f.value), ['25.11.2026', '25.11.2026', 'Līga Ozola (T02)', '1', '3', '1']);
  assert.equal(lv.teachers, [{ teacher: 'Līga Ozola (T02)', count: '1 stunda', rows: [{ date: '25.11.2026', weekday: 'trešdiena', number: 2, class: '7.a', subject: 'Latviešu valoda' }] }]);
  assert.is(missingLessonsView(data, 'en').teachers[0]!.rows[0]!.weekday, 'Wednesday');
});

test.run();
