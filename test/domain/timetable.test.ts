import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { expectedLessons, holdsOn, parseWeekday, replaceFrom, unrecordedLessons, type PlannedSlot, type SlotPeriod } from '../../src/domain/timetable.ts';

const row = (id: number, valid_from: string, valid_to: string | null = null): SlotPeriod => ({ id, valid_from, valid_to });

const replacements: [string, SlotPeriod[], string, ReturnType<typeof replaceFrom>][] = [
  ['an empty place: nothing to change', [], '2026-11-02', { close: [], remove: [] }],
  ['the open slot ends the day before', [row(1, '2026-09-01')], '2026-11-02', { close: [{ id: 1, valid_to: '2026-11-01' }], remove: [] }],
  ['a slot from the very same day is replaced', [row(1, '2026-11-02')], '2026-11-02', { close: [], remove: [1] }],
  ['a slot that ended before stays as it was', [row(1, '2026-09-01', '2026-10-01'), row(2, '2026-10-02')], '2026-11-02', { close: [{ id: 2, valid_to: '2026-11-01' }], remove: [] }],
  ['a slot ending on the day itself is shortened', [row(1, '2026-09-01', '2026-11-02')], '2026-11-02', { close: [{ id: 1, valid_to: '2026-11-01' }], remove: [] }],
  ['a change planned later gives way', [row(1, '2026-09-01', '2026-11-30'), row(2, '2026-12-01')], '2026-11-02', { close: [{ id: 1, valid_to: '2026-11-01' }], remove: [2] }],
  ['from the first day of the month: the month before ends on its last day', [row(1, '2026-09-01')], '2026-10-01', { close: [{ id: 1, valid_to: '2026-09-30' }], remove: [] }],
];
for (const [label, rows, from, expected] of replacements) {
  test(`replaceFrom: ${label}`, () => assert.equal(replaceFrom(rows, from), expected));
}

test('holdsOn: from and to are both inclusive, null is open', () => {
  assert.ok(holdsOn(row(1, '2026-09-01', '2026-09-30'), '2026-09-01'));
  assert.ok(holdsOn(row(1, '2026-09-01', '2026-09-30'), '2026-09-30'));
  assert.not.ok(holdsOn(row(1, '2026-09-01', '2026-09-30'), '2026-10-01'));
  assert.not.ok(holdsOn(row(1, '2026-09-01'), '2026-08-31'));
  assert.ok(holdsOn(row(1, '2026-09-01'), '2027-05-31'));
});

const weekdays: [string | number, number | null][] = [
  ['1', 1], [5, 5], ['6', 6], [' 3 ', 3], ['0', null], ['7', null], ['1.5', null], ['', null],
  ['pirmdiena', 1], ['Trešdiena', 3], ['tresdiena', 3], ['CETURTDIENA', 4], ['sestdiena', 6], ['svētdiena', null],
  ['Monday', 1], ['friday', 5], ['Sunday', null], ['pirmd', null],
];
for (const [value, expected] of weekdays) {
  test(`parseWeekday(${JSON.stringify(value)}) → ${expected}`, () => assert.is(parseWeekday(value), expected));
}

const slot = (class_id: number, weekday: number, number: number, subject_id: number, valid_from = '2026-09-01', valid_to: string | null = null): PlannedSlot => ({ class_id, weekday, number, subject_id, valid_from, valid_to });

test('expectedLessons: the slots of each day’s weekday that hold that day, in class and lesson order', () => {
  const slots = [slot(2, 1, 1, 10), slot(1, 1, 2, 11), slot(1, 1, 1, 12, '2026-09-01', '2026-11-08'), slot(1, 1, 1, 13, '2026-11-09'), slot(1, 2, 1, 10)];
  const days = ['2026-11-02', '2026-11-09', '2026-11-10'];
  const got = expectedLessons(slots, days).map((e) => [e.date, e.slot.class_id, e.slot.number, e.slot.subject_id]);
  assert.equal(got, [
    ['2026-11-02', 1, 1, 12], ['2026-11-02', 1, 2, 11], ['2026-11-02', 2, 1, 10],
    ['2026-11-09', 1, 1, 13], ['2026-11-09', 1, 2, 11], ['2026-11-09', 2, 1, 10],
    ['2026-11-10', 1, 1, 10],
  ]);
});

test('expectedLessons: a day not given (weekend, holiday) expects nothing', () => {
  assert.equal(expectedLessons([slot(1, 6, 1, 10)], ['2026-11-02', '2026-11-03']), []);
});

const planned = (date: string, number: number, subject_id = 10, class_id = 1) => ({ date, slot: slot(class_id, 1, number, subject_id) });
const journal = (date: string, number: number, subject_id = 10, class_id = 1) => ({ class_id, subject_id, date, number });
const missing = (expected: ReturnType<typeof planned>[], recorded: ReturnType<typeof journal>[]) =>
  unrecordedLessons(expected, recorded).map((e) => `${e.date} #${e.slot.number} s${e.slot.subject_id} c${e.slot.class_id}`);

const matches: [string, ReturnType<typeof planned>[], ReturnType<typeof journal>[], string[]][] = [
  ['nothing recorded: all missing', [planned('2026-11-02', 1), planned('2026-11-02', 2, 11)], [], ['2026-11-02 #1 s10 c1', '2026-11-02 #2 s11 c1']],
  ['the same lesson recorded', [planned('2026-11-02', 1)], [journal('2026-11-02', 1)], []],
  ['recorded under another number (a swap) still covers it', [planned('2026-11-02', 1)], [journal('2026-11-02', 4)], []],
  ['a double lesson with one entry: the unmatched number is missing', [planned('2026-11-02', 1), planned('2026-11-02', 2)], [journal('2026-11-02', 2)], ['2026-11-02 #1 s10 c1']],
  ['the exact number is matched before a swapped one', [planned('2026-11-02', 1), planned('2026-11-02', 3)], [journal('2026-11-02', 3), journal('2026-11-02', 5)], []],
  ['another subject does not cover it', [planned('2026-11-02', 1)], [journal('2026-11-02', 1, 11)], ['2026-11-02 #1 s10 c1']],
  ['another class does not cover it', [planned('2026-11-02', 1)], [journal('2026-11-02', 1, 10, 2)], ['2026-11-02 #1 s10 c1']],
  ['another day does not cover it', [planned('2026-11-02', 1)], [journal('2026-11-03', 1)], ['2026-11-02 #1 s10 c1']],
  ['one entry covers one lesson only', [planned('2026-11-02', 1), planned('2026-11-02', 2)], [journal('2026-11-02', 6)], ['2026-11-02 #2 s10 c1']],
];
for (const [label, expected, recorded, result] of matches) {
  test(`unrecordedLessons: ${label}`, () => assert.equal(missing(expected, recorded), result));
}

// Groups (issue 19): group 7 and group 8 of class 1 both learn subject 10 in lesson 1.
const groupSlot = (date: string, number: number, group_id: number | null) => ({ date, slot: { ...slot(1, 1, number, 10), group_id } });
const groupLesson = (date: string, number: number, group_id: number | null) => ({ class_id: 1, subject_id: 10, date, number, group_id });
const groupMatches: [string, ReturnType<typeof groupSlot>[], ReturnType<typeof groupLesson>[], string[]][] = [
  ['both groups recorded: nothing missing', [groupSlot('2026-11-02', 1, 7), groupSlot('2026-11-02', 1, 8)], [groupLesson('2026-11-02', 1, 7), groupLesson('2026-11-02', 1, 8)], []],
  ['one group recorded: the other group is missing', [groupSlot('2026-11-02', 1, 7), groupSlot('2026-11-02', 1, 8)], [groupLesson('2026-11-02', 1, 7)], ['2026-11-02 #1 g8']],
  ['a whole-class lesson does not cover a group slot', [groupSlot('2026-11-02', 1, 7)], [groupLesson('2026-11-02', 1, null)], ['2026-11-02 #1 g7']],
  ['a group lesson covers a whole-class slot of its subject', [groupSlot('2026-11-02', 1, null)], [groupLesson('2026-11-02', 1, 7)], []],
];
for (const [label, expected, recorded, result] of groupMatches) {
  test(`unrecordedLessons with groups: ${label}`, () => assert.equal(unrecordedLessons(expected, recorded).map((e) => `${e.date} #${e.slot.number} g${e.slot.group_id}`), result));
}

test.run();
