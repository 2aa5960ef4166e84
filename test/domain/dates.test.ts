import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  parseMonth,
  addDays,
  compareDates,
  daysBetween,
  instantOfLocal,
  isIsoDate,
  localDateOf,
  localTimeOf,
  localTimestamp,
  parseDateInput,
  SCHOOL_TIME_ZONE,
  weekday,
} from '../../src/domain/dates.ts';

const isoCases: [string, boolean][] = [
  ['2026-09-01', true],
  ['2024-02-29', true],
  ['2000-02-29', true],
  ['1900-02-29', false],
  ['2026-02-29', false],
  ['2026-02-30', false],
  ['2026-04-31', false],
  ['2026-13-01', false],
  ['2026-00-10', false],
  ['2026-01-00', false],
  ['2026-1-05', false],
  ['26-01-05', false],
  [' 2026-01-05', false],
  ['2026-01-05T00:00', false],
  ['', false],
];
for (const [input, expected] of isoCases) {
  test(`isIsoDate ${JSON.stringify(input)}`, () => assert.is(isIsoDate(input), expected));
}

const parseCases: [string, string | null][] = [
  ['2026-09-01', '2026-09-01'],
  ['  2026-09-01 ', '2026-09-01'],
  ['01.09.2026', '2026-09-01'],
  ['1.9.2026', '2026-09-01'],
  ['05.10.2026', '2026-10-05'],
  ['5.10.2026', '2026-10-05'],
  ['29.02.2024', '2024-02-29'],
  ['29.02.2026', null],
  ['31.04.2026', null],
  ['2026-02-30', null],
  ['01.13.2026', null],
  ['01/09/2026', null],
  ['01.09.26', null],
  ['001.09.2026', null],
  ['2026.09.01', null],
  ['yesterday', null],
  ['', null],
];
for (const [input, expected] of parseCases) {
  test(`parseDateInput ${JSON.stringify(input)}`, () => assert.is(parseDateInput(input), expected));
}

const addCases: [string, number, string][] = [
  ['2026-01-31', 1, '2026-02-01'],
  ['2024-02-28', 1, '2024-02-29'],
  ['2026-02-28', 1, '2026-03-01'],
  ['2026-12-31', 1, '2027-01-01'],
  ['2027-01-01', -1, '2026-12-31'],
  ['2026-03-28', 2, '2026-03-30'], // across the spring DST switch
  ['2026-10-24', 2, '2026-10-26'], // across the autumn DST switch
  ['2026-09-01', 365, '2027-09-01'],
  ['2026-09-01', 0, '2026-09-01'],
];
for (const [d, n, expected] of addCases) {
  test(`addDays ${d} ${n}`, () => assert.is(addDays(d, n), expected));
}

const weekdayCases: [string, number][] = [
  ['2026-09-07', 1],
  ['2026-09-01', 2],
  ['2026-03-29', 7],
  ['2026-10-25', 7],
  ['2024-05-04', 6],
  ['2029-11-18', 7],
  ['2026-11-18', 3],
  ['2000-01-01', 6],
];
for (const [d, expected] of weekdayCases) {
  test(`weekday ${d}`, () => assert.is(weekday(d), expected));
}

test('compareDates and daysBetween', () => {
  assert.ok(compareDates('2026-01-02', '2026-01-10') < 0);
  assert.ok(compareDates('2026-10-01', '2026-09-30') > 0);
  assert.is(compareDates('2026-10-01', '2026-10-01'), 0);
  assert.is(daysBetween('2026-09-01', '2027-09-01'), 365);
  assert.is(daysBetween('2027-09-01', '2028-09-01'), 366);
  assert.is(daysBetween('2026-03-30', '2026-03-28'), -2);
  assert.is(daysBetween('2026-10-24', '2026-10-26'), 2);
});

test('bad input is refused loudly', () => {
  assert.throws(() => addDays('2026-02-30', 1), /not a YYYY-MM-DD date/);
  assert.throws(() => addDays('2026-02-01', 1.5), /integer/);
  assert.throws(() => weekday('01.02.2026'), /not a YYYY-MM-DD date/);
  assert.throws(() => localTimestamp(new Date(Number.NaN)), /invalid Date/);
  assert.throws(() => instantOfLocal('2026-01-01', '25:00'), /HH:MM/);
  assert.throws(() => instantOfLocal('2026-01-01', '17.00'), /HH:MM/);
});

test('the school time zone is Riga', () => assert.is(SCHOOL_TIME_ZONE, 'Europe/Riga'));

// Riga: EET (+02:00) in winter, EEST (+03:00) in summer; the switches are at 01:00 UTC.
const stampCases: [string, string][] = [
  ['2026-10-05T14:03:09.999Z', '2026-10-05T17:03:09+03:00'],
  ['2026-11-29T06:00:00Z', '2026-11-29T08:00:00+02:00'],
  ['2026-07-01T21:30:00Z', '2026-07-02T00:30:00+03:00'],
  ['2026-12-31T22:00:00Z', '2027-01-01T00:00:00+02:00'],
  ['2026-03-29T00:59:59Z', '2026-03-29T02:59:59+02:00'],
  ['2026-03-29T01:00:00Z', '2026-03-29T04:00:00+03:00'],
  ['2026-10-25T00:59:59Z', '2026-10-25T03:59:59+03:00'],
  ['2026-10-25T01:00:00Z', '2026-10-25T03:00:00+02:00'],
];
for (const [utc, expected] of stampCases) {
  test(`localTimestamp ${utc}`, () => assert.is(localTimestamp(new Date(utc)), expected));
}

test('localTimestamp in other zones', () => {
  assert.is(localTimestamp(new Date('2026-01-15T12:00:00Z'), 'UTC'), '2026-01-15T12:00:00+00:00');
  assert.is(localTimestamp(new Date('2026-01-15T12:00:00Z'), 'America/St_Johns'), '2026-01-15T08:30:00-03:30');
  assert.is(localTimestamp(new Date('2026-01-15T12:00:00Z'), 'Asia/Kolkata'), '2026-01-15T17:30:00+05:30');
});

test('localDateOf and localTimeOf follow Riga, not UTC', () => {
  const lateEvening = new Date('2026-09-30T22:30:00Z');
  assert.is(localDateOf(lateEvening), '2026-10-01');
  assert.is(localTimeOf(lateEvening), '01:30');
  assert.is(localDateOf(lateEvening, 'UTC'), '2026-09-30');
  assert.is(localTimeOf(lateEvening, 'UTC'), '22:30');
  assert.is(localTimeOf(new Date('2026-01-05T22:00:00Z')), '00:00');
});

const instantCases: [string, string, string][] = [
  ['2026-10-05', '17:00', '2026-10-05T14:00:00.000Z'],
  ['2026-11-30', '17:00', '2026-11-30T15:00:00.000Z'],
  ['2026-03-29', '17:00', '2026-03-29T14:00:00.000Z'],
  ['2026-10-25', '17:00', '2026-10-25T15:00:00.000Z'],
  ['2026-03-29', '02:30', '2026-03-29T00:30:00.000Z'],
  // 03:30 does not exist on 2026-03-29: pushed forward by the gap to 04:30 EEST
  ['2026-03-29', '03:30', '2026-03-29T01:30:00.000Z'],
  // 03:30 happens twice on 2026-10-25: the earlier one (EEST)
  ['2026-10-25', '03:30', '2026-10-25T00:30:00.000Z'],
  ['2026-10-25', '04:00', '2026-10-25T02:00:00.000Z'],
  ['2027-01-01', '00:00', '2026-12-31T22:00:00.000Z'],
];
for (const [date, time, expected] of instantCases) {
  test(`instantOfLocal ${date} ${time}`, () => {
    assert.is(instantOfLocal(date, time).toISOString(), expected);
  });
}

test('instantOfLocal round trip through localDateOf/localTimeOf, every quarter hour of the DST days', () => {
  for (const date of ['2026-03-29', '2026-10-25', '2026-06-21', '2026-12-21']) {
    for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
      const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      const instant = instantOfLocal(date, time);
      const skipped = date === '2026-03-29' && time >= '03:00' && time < '04:00';
      const shown = skipped ? `04:${time.slice(3)}` : time;
      assert.is(localDateOf(instant), date, `${date} ${time}`);
      assert.is(localTimeOf(instant), shown, `${date} ${time}`);
    }
  }
});

test('instantOfLocal in another zone', () => {
  assert.is(instantOfLocal('2026-07-01', '09:00', 'America/New_York').toISOString(), '2026-07-01T13:00:00.000Z');
  assert.is(instantOfLocal('2026-07-01', '09:00', 'UTC').toISOString(), '2026-07-01T09:00:00.000Z');
});

test('the direct Riga offset agrees with ICU hour by hour around every switch from 2001 to 2040, and every 5 days between', () => {
  const icu = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Riga', timeZoneName: 'longOffset' });
  const icuOffset = (ms: number) => {
    const name = icu.formatToParts(ms).find((p) => p.type === 'timeZoneName')!.value; // "GMT+03:00"
    return name.slice(3);
  };
  const instants: number[] = [];
  for (let ms = Date.UTC(2001, 0, 1); ms < Date.UTC(2041, 0, 1); ms += 5 * 86_400_000) instants.push(ms);
  for (let year = 2001; year <= 2040; year++) {
    for (const month of [2, 9]) {
      for (let h = 24 * 20; h < 24 * 32; h++) instants.push(Date.UTC(year, month, 1) + h * 3_600_000 - 1);
    }
  }
  let checked = 0;
  for (const ms of instants) {
    const ours = localTimestamp(new Date(ms)).slice(-6);
    assert.is(ours, icuOffset(ms), new Date(ms).toISOString());
    checked++;
  }
  assert.ok(checked > 10_000);
});

test('parseMonth gives the first and last day of a month', () => {
  const cases: [string, { month: string; from: string; to: string } | null][] = [
    ['2026-10', { month: '2026-10', from: '2026-10-01', to: '2026-10-31' }],
    ['2027-02', { month: '2027-02', from: '2027-02-01', to: '2027-02-28' }],
    ['2028-02', { month: '2028-02', from: '2028-02-01', to: '2028-02-29' }],
    ['2026-12', { month: '2026-12', from: '2026-12-01', to: '2026-12-31' }],
    ['10.2026', { month: '2026-10', from: '2026-10-01', to: '2026-10-31' }],
    ['4.2027', { month: '2027-04', from: '2027-04-01', to: '2027-04-30' }],
    [' 2026-11 ', { month: '2026-11', from: '2026-11-01', to: '2026-11-30' }],
    ['2026-13', null],
    ['2026-00', null],
    ['2026-1', null],
    ['oktobris', null],
    ['2026-10-01', null],
  ];
  for (const [input, expected] of cases) assert.equal(parseMonth(input), expected, input);
});

test.run();
