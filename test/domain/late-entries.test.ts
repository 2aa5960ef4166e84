import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { WorkingCalendar } from '../../src/domain/calendar.ts';
import { entryLateness, lateEntries, type TimedEntry } from '../../src/domain/late-entries.ts';

// Weekends, Easter 2024 (29 Mar – 1 Apr), 1 May and 4 May 2024 on a Saturday (off on Monday 6 May),
// 18 Nov 2029 on a Sunday (off on Monday 19 Nov), and a school holiday week in October 2029.
const plain = new WorkingCalendar();
const school = new WorkingCalendar([{ from: '2029-10-22', to: '2029-10-26', kind: 'school-break', name: 'Rudens brīvlaiks' }]);

type Case = [string, TimedEntry, WorkingCalendar, { due_on: string; working_days_late: number } | null];
const cases: Case[] = [
  // Lessons: due 17:00 Europe/Riga on the lesson's working day.
  ['lesson entered before 17:00', { rule: 'lesson', date: '2024-04-08', entered_at: '2024-04-08T16:59:00+03:00' }, plain, null],
  ['lesson entered at 17:00 sharp', { rule: 'lesson', date: '2024-04-08', entered_at: '2024-04-08T17:00:00+03:00' }, plain, null],
  ['lesson entered at 17:01 the same day', { rule: 'lesson', date: '2024-04-08', entered_at: '2024-04-08T17:01:00+03:00' }, plain, { due_on: '2024-04-08', working_days_late: 1 }],
  ['lesson entered the next morning', { rule: 'lesson', date: '2024-04-08', entered_at: '2024-04-09T10:00:00+03:00' }, plain, { due_on: '2024-04-08', working_days_late: 1 }],
  ['lesson entered the next evening', { rule: 'lesson', date: '2024-04-08', entered_at: '2024-04-09T18:00:00+03:00' }, plain, { due_on: '2024-04-08', working_days_late: 2 }],
  ['Friday lesson entered on Saturday', { rule: 'lesson', date: '2024-04-12', entered_at: '2024-04-13T10:00:00+03:00' }, plain, { due_on: '2024-04-12', working_days_late: 1 }],
  ['Friday lesson entered Monday evening', { rule: 'lesson', date: '2024-04-12', entered_at: '2024-04-15T18:00:00+03:00' }, plain, { due_on: '2024-04-12', working_days_late: 2 }],
  ['a UTC timestamp is judged on Riga time', { rule: 'lesson', date: '2024-04-08', entered_at: '2024-04-08T13:30:00Z' }, plain, null],
  ['lesson before Easter entered after Easter Monday', { rule: 'lesson', date: '2024-03-28', entered_at: '2024-04-02T09:00:00+03:00' }, plain, { due_on: '2024-03-28', working_days_late: 1 }],
  ['lesson before 4 May 2024 entered after the moved Monday', { rule: 'lesson', date: '2024-05-03', entered_at: '2024-05-07T08:00:00+03:00' }, plain, { due_on: '2024-05-03', working_days_late: 1 }],
  ['lesson recorded on Saturday 4 May 2024 is due on Tuesday', { rule: 'lesson', date: '2024-05-04', entered_at: '2024-05-07T16:00:00+03:00' }, plain, null],
  ['lesson before 18 Nov 2029 entered after the moved Monday', { rule: 'lesson', date: '2029-11-16', entered_at: '2029-11-20T08:00:00+02:00' }, plain, { due_on: '2029-11-16', working_days_late: 1 }],
  ['lesson before the school break entered after it', { rule: 'lesson', date: '2029-10-19', entered_at: '2029-10-29T12:00:00+02:00' }, school, { due_on: '2029-10-19', working_days_late: 1 }],
  ['the same without the break', { rule: 'lesson', date: '2029-10-19', entered_at: '2029-10-29T12:00:00+02:00' }, plain, { due_on: '2029-10-19', working_days_late: 6 }],
  // Grades: i/ni 3, tests 5, large works 7 working days; due by the end of that day.
  ['credit on its last day', { rule: 'credit', date: '2024-04-08', entered_at: '2024-04-11T23:00:00+03:00' }, plain, null],
  ['credit a day late', { rule: 'credit', date: '2024-04-08', entered_at: '2024-04-12T08:00:00+03:00' }, plain, { due_on: '2024-04-11', working_days_late: 1 }],
  ['credit entered on the Saturday after', { rule: 'credit', date: '2024-04-08', entered_at: '2024-04-13T08:00:00+03:00' }, plain, { due_on: '2024-04-11', working_days_late: 1 }],
  ['credit entered the Tuesday after', { rule: 'credit', date: '2024-04-08', entered_at: '2024-04-16T08:00:00+03:00' }, plain, { due_on: '2024-04-11', working_days_late: 3 }],
  ['credit over Easter', { rule: 'credit', date: '2024-03-27', entered_at: '2024-04-04T09:00:00+03:00' }, plain, { due_on: '2024-04-03', working_days_late: 1 }],
  ['test over 1 May and the moved 6 May', { rule: 'test', date: '2024-04-29', entered_at: '2024-05-09T09:00:00+03:00' }, plain, { due_on: '2024-05-08', working_days_late: 1 }],
  ['test on time over 1 May and 6 May', { rule: 'test', date: '2024-04-29', entered_at: '2024-05-08T20:00:00+03:00' }, plain, null],
  ['large work over 18 Nov 2029 and the moved 19 Nov', { rule: 'large', date: '2029-11-12', entered_at: '2029-11-26T09:00:00+02:00' }, plain, { due_on: '2029-11-22', working_days_late: 2 }],
  ['test over the school break is on time', { rule: 'test', date: '2029-10-18', entered_at: '2029-10-29T09:00:00+02:00' }, school, null],
  ['the same test without the break is late', { rule: 'test', date: '2029-10-18', entered_at: '2029-10-29T09:00:00+02:00' }, plain, { due_on: '2029-10-25', working_days_late: 2 }],
  ['a lesson grade has no deadline', { rule: 'regular', date: '2024-04-08', entered_at: '2024-06-01T09:00:00+03:00' }, plain, null],
  ['a semester grade has no deadline', { rule: 'semester1', date: '2024-12-20', entered_at: '2025-01-20T09:00:00+02:00' }, plain, null],
  // An improvement counts from the day of the improvement (§23).
  ['credit improved on Friday 3 May 2024', { rule: 'credit', date: '2024-05-03', entered_at: '2024-05-10T09:00:00+03:00' }, plain, { due_on: '2024-05-09', working_days_late: 1 }],
];

for (const [name, entry, calendar, expected] of cases) {
  test(name, () => {
    const got = entryLateness(entry, calendar);
    assert.equal(got && { due_on: got.due_on, working_days_late: got.working_days_late }, expected);
  });
}

test('lessons are due by 17:00, grades by the end of the day', () => {
  assert.is(entryLateness({ rule: 'lesson', date: '2024-04-08', entered_at: '2024-04-09T10:00:00+03:00' }, plain)?.due_time, '17:00');
  assert.is(entryLateness({ rule: 'credit', date: '2024-04-08', entered_at: '2024-04-16T10:00:00+03:00' }, plain)?.due_time, null);
});

test("the school's own test deadline", () => {
  const entry: TimedEntry = { rule: 'test', date: '2024-04-08', entered_at: '2024-04-16T10:00:00+03:00' };
  assert.is(entryLateness(entry, plain)?.due_on, '2024-04-15');
  assert.is(entryLateness(entry, plain, { credit: 3, test: 7, large: 7 }), null);
  assert.is(entryLateness({ ...entry, entered_at: '2024-04-18T10:00:00+03:00' }, plain, { credit: 3, test: 7, large: 7 })?.due_on, '2024-04-17');
});

test('lateEntries keeps the late rows with their own fields', () => {
  const rows = [
    { id: 1, rule: 'lesson' as const, date: '2024-04-08', entered_at: '2024-04-08T12:00:00+03:00' },
    { id: 2, rule: 'lesson' as const, date: '2024-04-08', entered_at: '2024-04-09T12:00:00+03:00' },
    { id: 3, rule: 'credit' as const, date: '2024-04-08', entered_at: '2024-04-17T12:00:00+03:00' },
  ];
  assert.equal(lateEntries(rows, plain).map((r) => [r.id, r.working_days_late]), [[2, 1], [3, 4]]);
});

test('a timestamp that is none is refused', () => {
  assert.throws(() => entryLateness({ rule: 'lesson', date: '2024-04-08', entered_at: 'vakar' }, plain), /not a timestamp/);
});

test.run();
