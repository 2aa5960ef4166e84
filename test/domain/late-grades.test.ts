import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { WorkingCalendar } from '../../src/domain/calendar.ts';
import { lateGradeEntries } from '../../src/domain/late-grades.ts';

// Autumn break 19–23 Oct 2026; 18 Nov 2026 is a Wednesday (public holiday).
const calendar = new WorkingCalendar([{ from: '2026-10-19', to: '2026-10-23', kind: 'school-break', name: 'Rudens brīvlaiks' }]);

const cases: [string, string, string, string, number | null][] = [
  // label, work, work date, created_at, working days late (null: on time)
  ['credit on its third working day', 'credit', '2026-10-05', '2026-10-08T16:00:00+03:00', null],
  ['credit on the fourth working day', 'credit', '2026-10-05', '2026-10-09T08:00:00+03:00', 1],
  ['credit entered late at night still counts the local day', 'credit', '2026-10-05', '2026-10-08T21:30:00Z', 1],
  ['test on its fifth working day', 'test', '2026-10-05', '2026-10-12T18:00:00+03:00', null],
  ['test over the autumn break is not late', 'test', '2026-10-14', '2026-10-28T12:00:00+02:00', null],
  ['test a day after the deadline over the break', 'test', '2026-10-14', '2026-10-29T12:00:00+02:00', 1],
  ['large work over 18 November', 'large', '2026-11-10', '2026-11-20T12:00:00+02:00', null],
  ['large work two working days late', 'large', '2026-11-10', '2026-11-24T12:00:00+02:00', 2],
  ['a weekend after the deadline does not add days', 'credit', '2026-11-24', '2026-11-29T12:00:00+02:00', null],
  ['lesson grades have no deadline', 'regular', '2026-09-07', '2026-11-27T12:00:00+02:00', null],
  ['semester grades have no deadline', 'semester1', '2026-09-07', '2026-11-27T12:00:00+02:00', null],
  ['an unknown kind is never late', 'project', '2026-09-07', '2026-11-27T12:00:00+02:00', null],
];
for (const [label, work, date, created_at, late] of cases) {
  test(label, () => {
    const found = lateGradeEntries([{ work, date, created_at }], calendar);
    assert.equal(found.map((l) => l.working_days_late), late === null ? [] : [late]);
  });
}

test('returns the rows it was given, with the deadline', () => {
  const grade = { id: 7, work: 'credit', date: '2026-10-05', created_at: '2026-10-12T10:00:00+03:00' };
  assert.equal(lateGradeEntries([grade], calendar), [{ grade, deadline: '2026-10-08', working_days_late: 2 }]);
});

test('rules may be changed (a test allowed 3 working days)', () => {
  const grade = { work: 'test', date: '2026-10-05', created_at: '2026-10-09T10:00:00+03:00' };
  assert.equal(lateGradeEntries([grade], calendar, { credit: 3, test: 3, large: 7 }).map((l) => l.working_days_late), [1]);
});

test.run();
