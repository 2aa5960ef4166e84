import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { WorkingCalendar, type CalendarAdjustment } from '../../src/domain/calendar.ts';
import {
  DEFAULT_GRADE_DEADLINES,
  gradeEntryDeadline,
  LESSON_ENTRY_TIME,
  lessonEntryDeadline,
  workingDaysLate,
} from '../../src/domain/deadlines.ts';
import type { WorkKind } from '../../src/domain/grade-scale.ts';
import { defaultYearDates } from '../../src/domain/school-year.ts';

const plain = new WorkingCalendar();
const breaks: CalendarAdjustment[] = defaultYearDates(2026).breaks.map((b) => ({ ...b, kind: 'school-break' }));
const school = new WorkingCalendar(breaks);

test('defaults', () => {
  assert.equal(DEFAULT_GRADE_DEADLINES, { credit: 3, test: 5, large: 7 });
  assert.is(LESSON_ENTRY_TIME, '17:00');
});

const cases: [string, WorkKind, string, WorkingCalendar, string | null][] = [
  ['credit on a Monday', 'credit', '2026-10-05', plain, '2026-10-08'],
  ['credit on a Thursday crosses the weekend', 'credit', '2026-10-08', plain, '2026-10-13'],
  ['credit written on a Saturday', 'credit', '2026-10-10', plain, '2026-10-14'],
  ['test on a Monday', 'test', '2026-10-05', plain, '2026-10-12'],
  ['test before Easter', 'test', '2026-04-01', plain, '2026-04-10'],
  ['test before Christmas and New Year', 'test', '2026-12-22', plain, '2027-01-04'],
  ['large work over 18 November', 'large', '2026-11-10', plain, '2026-11-20'],
  ['large work on a Friday', 'large', '2026-10-02', plain, '2026-10-13'],
  ['credit before the winter break', 'credit', '2026-12-17', school, '2027-01-05'],
  ['test before the autumn break', 'test', '2026-10-14', school, '2026-10-28'],
  // 1 May (Wednesday) and the moved Monday 6 May are both off
  ['large work over 1 May and 4 May on Saturday 2024', 'large', '2024-04-29', plain, '2024-05-10'],
  ['regular lesson grade', 'regular', '2026-10-05', plain, null],
  ['semester grade', 'semester1', '2026-12-18', plain, null],
  ['semester 2 grade', 'semester2', '2027-05-28', plain, null],
  ['annual grade', 'annual', '2027-05-28', plain, null],
  ['state exam', 'state-exam', '2027-06-01', plain, null],
  ['make-up exam', 'makeup', '2027-06-10', plain, null],
];
for (const [name, work, date, calendar, expected] of cases) {
  test(`gradeEntryDeadline: ${name}`, () => assert.is(gradeEntryDeadline(work, date, calendar), expected));
}

test('gradeEntryDeadline with school rules', () => {
  const rules = { credit: 2, test: 7, large: 10 };
  assert.is(gradeEntryDeadline('credit', '2026-10-05', plain, rules), '2026-10-07');
  assert.is(gradeEntryDeadline('test', '2026-10-05', plain, rules), '2026-10-14');
  assert.is(gradeEntryDeadline('large', '2026-10-05', plain, rules), '2026-10-19');
  assert.is(gradeEntryDeadline('credit', '2026-10-10', plain, { ...rules, credit: 0 }), '2026-10-12');
  assert.throws(() => gradeEntryDeadline('test', '2026-10-05', plain, { ...rules, test: -1 }), /whole number/);
});

const lessonCases: [string, string][] = [
  ['2026-10-05', '2026-10-05T14:00:00.000Z'],
  ['2026-12-01', '2026-12-01T15:00:00.000Z'],
  ['2026-03-29', '2026-03-29T14:00:00.000Z'],
  ['2026-03-27', '2026-03-27T15:00:00.000Z'],
  ['2026-10-25', '2026-10-25T15:00:00.000Z'],
  ['2026-10-23', '2026-10-23T14:00:00.000Z'],
];
for (const [date, expected] of lessonCases) {
  test(`lessonEntryDeadline ${date}`, () => assert.is(lessonEntryDeadline(date).toISOString(), expected));
}

const lateCases: [string, string, WorkingCalendar, number][] = [
  ['2026-10-08', '2026-10-07', plain, 0],
  ['2026-10-08', '2026-10-08', plain, 0],
  ['2026-10-08', '2026-10-09', plain, 1],
  ['2026-10-09', '2026-10-10', plain, 0], // Saturday after a Friday deadline
  ['2026-10-09', '2026-10-12', plain, 1],
  ['2026-10-08', '2026-10-15', plain, 5],
  ['2026-04-02', '2026-04-07', plain, 1], // Easter in between
  ['2026-11-17', '2026-11-19', plain, 1], // 18 November in between
  ['2026-10-16', '2026-10-26', school, 1], // autumn break in between
];
for (const [deadline, entered, calendar, expected] of lateCases) {
  test(`workingDaysLate ${deadline} → ${entered}`, () => assert.is(workingDaysLate(deadline, entered, calendar), expected));
}

test.run();
