import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatAverage, formatDate, formatDayMonth, monthTitle } from '../../src/reports/labels.ts';

test('month titles in Latvian and English', () => {
  const cases: [string, 'lv' | 'en', string][] = [
    ['2026-10', 'lv', '2026. gada oktobris'],
    ['2027-01', 'lv', '2027. gada janvāris'],
    ['2027-06', 'lv', '2027. gada jūnijs'],
    ['2026-10', 'en', 'October 2026'],
    ['2027-05', 'en', 'May 2027'],
  ];
  for (const [month, lang, expected] of cases) assert.is(monthTitle(month, lang), expected, `${month} ${lang}`);
});

test('dates as Latvian documents write them', () => {
  assert.is(formatDate('2026-10-05'), '05.10.2026');
  assert.is(formatDayMonth('2026-10-05'), '05.10.');
});

test('averages: comma in Latvian, no trailing zeros, nothing for null', () => {
  const cases: [number | null, 'lv' | 'en', string][] = [
    [7.45, 'lv', '7,45'],
    [7.45, 'en', '7.45'],
    [9.5, 'lv', '9,5'],
    [10, 'lv', '10'],
    [8.1, 'en', '8.1'],
    [null, 'lv', ''],
  ];
  for (const [value, lang, expected] of cases) assert.is(formatAverage(value, lang), expected, `${value} ${lang}`);
});

test.run();
