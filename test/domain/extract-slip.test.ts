import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseMonth } from '../../src/domain/dates.ts';
import { slipDueDate, slipState } from '../../src/domain/extract-slip.ts';

const month = (text: string) => parseMonth(text)!;

test('a slip is due 7 days after the 5th of the following month', () => {
  const cases: [string, string][] = [
    ['2026-10', '2026-11-12'],
    ['2026-09', '2026-10-12'],
    ['2026-12', '2027-01-12'], // across the year
    ['2027-01', '2027-02-12'],
    ['2028-01', '2028-02-12'],
  ];
  for (const [m, due] of cases) assert.is(slipDueDate(month(m)), due, m);
});

test('slipState: lateness of returned slips and overdue days of missing ones', () => {
  const october = month('2026-10');
  const cases: [string, string | null, string, ReturnType<typeof slipState>][] = [
    ['returned before the due date', '2026-11-09', '2026-11-29', { kind: 'returned', returnedOn: '2026-11-09', daysLate: 0 }],
    ['returned on the due date', '2026-11-12', '2026-11-29', { kind: 'returned', returnedOn: '2026-11-12', daysLate: 0 }],
    ['returned a day late', '2026-11-13', '2026-11-29', { kind: 'returned', returnedOn: '2026-11-13', daysLate: 1 }],
    ['returned 20 days late', '2026-12-02', '2026-12-10', { kind: 'returned', returnedOn: '2026-12-02', daysLate: 20 }],
    ['missing, not yet due', null, '2026-11-06', { kind: 'missing', daysOverdue: 0 }],
    ['missing on the due date', null, '2026-11-12', { kind: 'missing', daysOverdue: 0 }],
    ['missing, overdue', null, '2026-11-29', { kind: 'missing', daysOverdue: 17 }],
  ];
  for (const [label, returnedOn, today, expected] of cases) assert.equal(slipState(october, returnedOn, today), expected, label);
});

test.run();
