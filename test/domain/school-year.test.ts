import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { currentYearCodeFor, defaultYearDates, parseYearCode, type YearCode } from '../../src/domain/school-year.ts';

const codes: [string, YearCode | null][] = [
  ['2026/2027', { code: '2026/2027', startYear: 2026 }],
  [' 2026/2027 ', { code: '2026/2027', startYear: 2026 }],
  ['2026 / 2027', { code: '2026/2027', startYear: 2026 }],
  ['2026/27', { code: '2026/2027', startYear: 2026 }],
  ['2099/00', { code: '2099/2100', startYear: 2099 }],
  ['2026/2028', null],
  ['2026/2026', null],
  ['2027/2026', null],
  ['2026/28', null],
  ['2026/7', null],
  ['2026-2027', null],
  ['26/27', null],
  ['2026', null],
  ['', null],
];
for (const [input, expected] of codes) {
  test(`parseYearCode ${JSON.stringify(input)}`, () => assert.equal(parseYearCode(input), expected));
}

const current: [string, string][] = [
  ['2026-09-01', '2026/2027'],
  ['2026-12-31', '2026/2027'],
  ['2027-01-01', '2026/2027'],
  ['2027-08-31', '2026/2027'],
  ['2026-08-31', '2025/2026'],
];
for (const [date, expected] of current) {
  test(`currentYearCodeFor ${date}`, () => assert.is(currentYearCodeFor(date), expected));
}

test('defaults for 2025/2026 match the ministry dates of that year', () => {
  assert.equal(defaultYearDates(2025), {
    startsOn: '2025-09-01',
    endsOn: '2026-08-31',
    semester1: { from: '2025-09-01', to: '2025-12-19' },
    semester2: { from: '2026-01-05', to: '2026-05-29' },
    breaks: [
      { name: 'Rudens brīvlaiks', from: '2025-10-20', to: '2025-10-24' },
      { name: 'Ziemas brīvlaiks', from: '2025-12-22', to: '2026-01-04' },
      { name: 'Pavasara brīvlaiks', from: '2026-03-16', to: '2026-03-20' },
    ],
  });
});

test('defaults for 2026/2027', () => {
  assert.equal(defaultYearDates(2026), {
    startsOn: '2026-09-01',
    endsOn: '2027-08-31',
    semester1: { from: '2026-09-01', to: '2026-12-18' },
    semester2: { from: '2027-01-04', to: '2027-05-28' },
    breaks: [
      { name: 'Rudens brīvlaiks', from: '2026-10-19', to: '2026-10-23' },
      { name: 'Ziemas brīvlaiks', from: '2026-12-21', to: '2027-01-03' },
      // 16 March 2027 is a Tuesday, so the break starts the following Monday
      { name: 'Pavasara brīvlaiks', from: '2027-03-22', to: '2027-03-26' },
    ],
  });
});

test('a weekend 1 September moves the semester start to Monday, not the year start', () => {
  const y2024 = defaultYearDates(2024); // 1 Sep 2024 is a Sunday
  assert.is(y2024.startsOn, '2024-09-01');
  assert.is(y2024.semester1.from, '2024-09-02');
  assert.is(defaultYearDates(2029).semester1.from, '2029-09-03'); // Saturday
});

test('semester 1 ends the last Friday on or before 23 Dec, so the winter break stays two weeks', () => {
  const y2028 = defaultYearDates(2028); // 23 Dec 2028 is a Saturday, 2 Jan 2029 a Tuesday
  assert.is(y2028.semester1.to, '2028-12-22');
  assert.is(y2028.semester2.from, '2029-01-08');
  assert.equal(y2028.breaks[1], { name: 'Ziemas brīvlaiks', from: '2028-12-25', to: '2029-01-07' });
  assert.is(defaultYearDates(2027).semester1.to, '2027-12-17'); // 23 Dec 2027 is a Thursday
  assert.is(defaultYearDates(2029).semester1.to, '2029-12-21'); // 23 Dec 2029 is a Sunday
});

test('defaultYearDates refuses a fractional year', () => {
  assert.throws(() => defaultYearDates(2026.5), /whole number/);
});

test.run();
