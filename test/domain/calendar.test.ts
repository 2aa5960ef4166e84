import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  easterSunday,
  KNOWN_ONE_OFF_HOLIDAYS,
  publicHolidays,
  WorkingCalendar,
  type CalendarAdjustment,
} from '../../src/domain/calendar.ts';

const easters: [number, string][] = [
  [2024, '2024-03-31'],
  [2025, '2025-04-20'],
  [2026, '2026-04-05'],
  [2027, '2027-03-28'],
  [2038, '2038-04-25'],
  [2000, '2000-04-23'],
  [2008, '2008-03-23'],
  [2011, '2011-04-24'],
  [2019, '2019-04-21'],
  [1818, '1818-03-22'], // earliest possible
  [1943, '1943-04-25'], // latest possible
];
for (const [year, expected] of easters) {
  test(`Easter ${year}`, () => assert.is(easterSunday(year), expected));
}

test('easterSunday refuses years the formula does not cover', () => {
  assert.throws(() => easterSunday(1582), /1583–9999/);
  assert.throws(() => easterSunday(2026.5), /whole number/);
});

test('public holidays 2026, in date order', () => {
  assert.equal(publicHolidays(2026), [
    { date: '2026-01-01', name: 'Jaunais gads' },
    { date: '2026-04-03', name: 'Lielā Piektdiena' },
    { date: '2026-04-05', name: 'Lieldienas' },
    { date: '2026-04-06', name: 'Otrās Lieldienas' },
    { date: '2026-05-01', name: 'Darba svētki' },
    { date: '2026-05-04', name: 'Latvijas Republikas Neatkarības atjaunošanas diena' },
    { date: '2026-06-23', name: 'Līgo diena' },
    { date: '2026-06-24', name: 'Jāņu diena' },
    { date: '2026-11-18', name: 'Latvijas Republikas proklamēšanas diena' },
    { date: '2026-12-24', name: 'Ziemassvētku vakars' },
    { date: '2026-12-25', name: 'Ziemassvētki' },
    { date: '2026-12-26', name: 'Otrie Ziemassvētki' },
    { date: '2026-12-31', name: 'Vecgada diena' },
  ]);
});

const movedCases: [number, string[]][] = [
  [2024, ['2024-05-04', '2024-05-06']], // 4 May on Saturday
  [2025, ['2025-05-04', '2025-05-05']], // 4 May on Sunday
  [2026, ['2026-05-04']], // Monday: nothing moves
  [2029, ['2029-05-04']], // Friday
];
for (const [year, expected] of movedCases) {
  test(`4 May ${year}`, () => {
    const dates = publicHolidays(year).map((h) => h.date).filter((d) => d >= `${year}-05-02` && d <= `${year}-05-31`);
    assert.equal(dates, expected);
  });
}

test('18 November on Sunday 2029 moves to Monday 19th and keeps both', () => {
  const nov = publicHolidays(2029).filter((h) => h.date.startsWith('2029-11'));
  assert.equal(nov, [
    { date: '2029-11-18', name: 'Latvijas Republikas proklamēšanas diena' },
    { date: '2029-11-19', name: 'Latvijas Republikas proklamēšanas diena (pārceltā brīvdiena)' },
  ]);
  // 18 Nov 2028 is a Saturday: the Monday is the 20th
  assert.equal(publicHolidays(2028).filter((h) => h.date.startsWith('2028-11')).map((h) => h.date), ['2028-11-18', '2028-11-20']);
  assert.equal(publicHolidays(2026).filter((h) => h.date.startsWith('2026-11')).map((h) => h.date), ['2026-11-18']);
});

const plain = new WorkingCalendar();
const reasons: [string, string | null][] = [
  ['2026-04-03', 'public holiday: Lielā Piektdiena'],
  ['2026-04-05', 'public holiday: Lieldienas'],
  ['2026-04-06', 'public holiday: Otrās Lieldienas'],
  ['2026-04-07', null],
  ['2024-05-04', 'public holiday: Latvijas Republikas Neatkarības atjaunošanas diena'],
  ['2024-05-06', 'public holiday: Latvijas Republikas Neatkarības atjaunošanas diena (pārceltā brīvdiena)'],
  ['2024-05-07', null],
  ['2029-11-19', 'public holiday: Latvijas Republikas proklamēšanas diena (pārceltā brīvdiena)'],
  ['2026-11-18', 'public holiday: Latvijas Republikas proklamēšanas diena'],
  ['2026-11-19', null],
  ['2026-06-23', 'public holiday: Līgo diena'],
  ['2026-06-24', 'public holiday: Jāņu diena'],
  ['2026-12-24', 'public holiday: Ziemassvētku vakars'],
  ['2026-12-25', 'public holiday: Ziemassvētki'],
  ['2026-12-28', null],
  ['2026-12-31', 'public holiday: Vecgada diena'],
  ['2027-01-01', 'public holiday: Jaunais gads'],
  ['2026-10-10', 'Saturday'],
  ['2026-10-11', 'Sunday'],
  ['2026-10-12', null],
  ['2023-05-29', null], // one-off holidays only count when the calendar is given them
];
for (const [date, expected] of reasons) {
  test(`whyNotWorking ${date}`, () => {
    assert.is(plain.whyNotWorking(date), expected);
    assert.is(plain.isWorkingDay(date), expected === null);
  });
}

const adjustments: CalendarAdjustment[] = [
  ...KNOWN_ONE_OFF_HOLIDAYS,
  { from: '2026-10-19', to: '2026-10-23', kind: 'school-break', name: 'Rudens brīvlaiks' },
  { from: '2026-05-09', to: '2026-05-09', kind: 'working-day', name: 'pārceltā darba diena' },
  { from: '2024-05-04', to: '2024-05-04', kind: 'working-day', name: 'cannot beat a holiday' },
  { from: '2026-10-24', to: '2026-10-24', kind: 'working-day', name: 'cannot beat a break' },
  { from: '2026-10-24', to: '2026-10-24', kind: 'school-break', name: 'Rudens brīvlaiks (sestdiena)' },
];
const school = new WorkingCalendar(adjustments);
const adjusted: [string, string | null][] = [
  ['2023-05-29', 'holiday: Hokeja bronzas diena'],
  ['2023-07-10', 'holiday: Dziesmu un deju svētku noslēguma diena'],
  ['2023-07-11', null],
  ['2026-10-19', 'school break: Rudens brīvlaiks'],
  ['2026-10-23', 'school break: Rudens brīvlaiks'],
  ['2026-10-26', null],
  ['2026-10-16', null],
  ['2026-05-09', null], // Saturday made a working day
  ['2026-05-10', 'Sunday'],
  ['2024-05-04', 'public holiday: Latvijas Republikas Neatkarības atjaunošanas diena'],
  ['2026-10-24', 'school break: Rudens brīvlaiks (sestdiena)'],
];
for (const [date, expected] of adjusted) {
  test(`adjusted whyNotWorking ${date}`, () => {
    assert.is(school.whyNotWorking(date), expected);
    assert.is(school.isWorkingDay(date), expected === null);
  });
}

test('the known one-off holidays', () => {
  assert.equal(
    KNOWN_ONE_OFF_HOLIDAYS.map((a) => [a.from, a.to, a.kind]),
    [
      ['2023-05-29', '2023-05-29', 'holiday'],
      ['2023-07-10', '2023-07-10', 'holiday'],
    ],
  );
});

test('constructor refuses broken adjustments', () => {
  assert.throws(() => new WorkingCalendar([{ from: '2026-10-23', to: '2026-10-19', kind: 'school-break', name: 'x' }]), /ends \(2026-10-19\) before/);
  assert.throws(() => new WorkingCalendar([{ from: '19.10.2026', to: '2026-10-23', kind: 'school-break', name: 'x' }]), /YYYY-MM-DD/);
  assert.throws(
    () => new WorkingCalendar([{ from: '2026-10-19', to: '2026-10-23', kind: 'vacation' as CalendarAdjustment['kind'], name: 'x' }]),
    /unknown kind/,
  );
});

test('the calendar keeps its own copy of the adjustments', () => {
  const list: CalendarAdjustment[] = [{ from: '2026-10-19', to: '2026-10-23', kind: 'school-break', name: 'Rudens brīvlaiks' }];
  const cal = new WorkingCalendar(list);
  list[0]!.to = '2026-10-19';
  list.push({ from: '2026-10-26', to: '2026-10-26', kind: 'holiday', name: 'later' });
  assert.is(cal.isWorkingDay('2026-10-22'), false);
  assert.is(cal.isWorkingDay('2026-10-26'), true);
});

const addCases: [string, number, string][] = [
  ['2026-10-09', 0, '2026-10-09'], // Friday, working
  ['2026-10-10', 0, '2026-10-12'], // Saturday → Monday
  ['2026-10-09', 1, '2026-10-12'], // Friday + 1 skips the weekend
  ['2026-10-10', 1, '2026-10-12'], // counting from a Saturday
  ['2026-10-05', 5, '2026-10-12'],
  ['2026-04-02', 0, '2026-04-02'],
  ['2026-04-02', 1, '2026-04-07'], // Good Friday, weekend, Easter Monday
  ['2026-04-02', 2, '2026-04-08'],
  ['2026-04-03', 0, '2026-04-07'],
  ['2026-12-23', 1, '2026-12-28'],
  ['2026-12-30', 1, '2027-01-04'], // 31 Dec, 1 Jan, weekend
];
for (const [date, n, expected] of addCases) {
  test(`addWorkingDays ${date} + ${n}`, () => assert.is(plain.addWorkingDays(date, n), expected));
}

test('addWorkingDays with a school break and a working Saturday', () => {
  assert.is(school.addWorkingDays('2026-10-16', 1), '2026-10-26');
  assert.is(school.addWorkingDays('2026-05-08', 1), '2026-05-09');
  assert.is(school.addWorkingDays('2023-05-26', 1), '2023-05-30');
});

test('addWorkingDays refuses bad counts and endless holidays', () => {
  assert.throws(() => plain.addWorkingDays('2026-10-05', -1), /≥ 0/);
  assert.throws(() => plain.addWorkingDays('2026-10-05', 1.5), /≥ 0/);
  const never = new WorkingCalendar([{ from: '2026-01-01', to: '2040-12-31', kind: 'school-break', name: 'forever' }]);
  assert.throws(() => never.addWorkingDays('2026-01-01', 1), /no working day/);
});

const afterCases: [string, string, number][] = [
  ['2026-10-05', '2026-10-05', 0],
  ['2026-10-05', '2026-10-01', 0],
  ['2026-10-05', '2026-10-06', 1],
  ['2026-10-09', '2026-10-11', 0], // only the weekend
  ['2026-10-09', '2026-10-12', 1],
  ['2026-04-02', '2026-04-07', 1],
  ['2026-04-02', '2026-04-10', 4],
  ['2026-12-01', '2026-12-31', 19], // 24, 25 and 31 Dec fall on weekdays
  ['2026-01-01', '2026-12-31', 250], // 261 weekdays, 11 of them holidays
];
for (const [from, to, expected] of afterCases) {
  test(`workingDaysAfter ${from} → ${to}`, () => assert.is(plain.workingDaysAfter(from, to), expected));
}

test('workingDaysAfter counts the school calendar', () => {
  assert.is(school.workingDaysAfter('2026-10-16', '2026-10-26'), 1);
  assert.is(school.workingDaysAfter('2026-05-08', '2026-05-11'), 2);
});

test.run();
