import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  extractStatusClassView,
  extractStatusSummaryView,
  latenessText,
  slipTotals,
  sumTotals,
  type ExtractStatusData,
  type ExtractStatusStudent,
} from '../../src/reports/extract-status-model.ts';
import { dayCount } from '../../src/reports/labels.ts';

const student = (code: string, last: string, first: string, fields: Partial<ExtractStatusStudent>): ExtractStatusStudent => ({
  code, first_name: first, last_name: last, returned: false, channel: fields.returned ? 'paper' : null, returned_on: null, guardian: null, online_on: null, online_guardian: null, note: null, days_late: null, days_overdue: 0, ...fields,
});

const students = [
  student('S001', 'Bērziņš', 'Jānis', { returned: true, returned_on: '2026-11-09', guardian: 'Ilze Bērziņa', days_late: 0, days_overdue: null }),
  student('S002', 'Ābele', 'Līga', { returned: true, returned_on: '2026-11-15', days_late: 3, days_overdue: null, note: 'Paraksta tēvs' }),
  student('S003', 'Šķēle', 'Ēriks', { days_overdue: 17 }),
];

const data: ExtractStatusData = {
  school: { name: 'Rīgas Parauga vidusskola', registration_number: '3113900123' },
  year: '2026/2027',
  month: '2026-10',
  from: '2026-10-01',
  to: '2026-10-31',
  due_on: '2026-11-12',
  as_of: '2026-11-29',
  classes: [
    { code: '7.a', class_teacher: 'Anna Kalniņa', students, totals: slipTotals(students) },
    { code: '9.b', class_teacher: null, students: [], totals: slipTotals([]) },
  ],
  totals: sumTotals([slipTotals(students), slipTotals([])]),
};

test('dayCount: Latvian accusative singular after 1, 21, … but not 11', () => {
  const cases: [number, 'lv' | 'en', string][] = [
    [1, 'lv', '1 dienu'], [2, 'lv', '2 dienas'], [11, 'lv', '11 dienas'], [21, 'lv', '21 dienu'], [111, 'lv', '111 dienas'], [0, 'lv', '0 dienas'],
    [1, 'en', '1 day'], [2, 'en', '2 days'], [21, 'en', '21 days'],
  ];
  for (const [n, lang, expected] of cases) assert.is(dayCount(n, lang), expected, `${n} ${lang}`);
});

test('latenessText: on time, late, overdue, not yet due', () => {
  const cases: [Pick<ExtractStatusStudent, 'returned' | 'days_late' | 'days_overdue'>, string, string][] = [
    [{ returned: true, days_late: 0, days_overdue: null }, 'laikā', 'on time'],
    [{ returned: true, days_late: 1, days_overdue: null }, '1 dienu pēc termiņa', '1 day late'],
    [{ returned: true, days_late: 8, days_overdue: null }, '8 dienas pēc termiņa', '8 days late'],
    [{ returned: false, days_late: null, days_overdue: 0 }, 'termiņš vēl nav beidzies', 'not yet due'],
    [{ returned: false, days_late: null, days_overdue: 17 }, 'kavējas 17 dienas', 'overdue by 17 days'],
  ];
  for (const [s, lv, en] of cases) {
    assert.is(latenessText(s, 'lv'), lv);
    assert.is(latenessText(s, 'en'), en);
  }
});

test('slipTotals and sumTotals count returned, late, missing and overdue', () => {
  assert.equal(slipTotals(students), { students: 3, returned: 2, late: 1, missing: 1, overdue: 1 });
  assert.equal(slipTotals([student('S9', 'A', 'B', { days_overdue: 0 })]), { students: 1, returned: 0, late: 0, missing: 1, overdue: 0 });
  assert.equal(data.totals, { students: 3, returned: 2, late: 1, missing: 1, overdue: 1 });
});

test('a class page: one row per student in order, with its standing and the totals', () => {
  const view = extractStatusClassView(data, data.classes[0]!, 'lv');
  assert.is(view.header.title, 'Pārskats par sekmju izrakstu atgriešanu');
  assert.is(view.header.subtitle, '7.a klase — 2026. gada oktobris');
  assert.equal(view.facts.map((f) => f.value), ['7.a', 'Anna Kalniņa', '2026. gada oktobris', '2026/2027', '12.11.2026', '29.11.2026']);
  assert.equal(view.rows, [
    { number: 1, name: 'Bērziņš Jānis', returned: 'jā', date: '09.11.2026', guardian: 'Ilze Bērziņa', lateness: 'laikā', note: '', overdue: false },
    { number: 2, name: 'Ābele Līga', returned: 'jā', date: '15.11.2026', guardian: '', lateness: '3 dienas pēc termiņa', note: 'Paraksta tēvs', overdue: false },
    { number: 3, name: 'Šķēle Ēriks', returned: 'nē', date: '', guardian: '', lateness: 'kavējas 17 dienas', note: '', overdue: true },
  ]);
  assert.equal(view.totals, { label: 'Kopā', students: 3, returned: 2, late: 1, missing: 1, overdue: 1 });
  assert.is(view.summary, false);
  assert.match(view.legend, /5\. datumam.*7 kalendārās dienas pēc 5\. datuma — līdz 12\.11\.2026.*līdz 29\.11\.2026/);
  const empty = extractStatusClassView(data, data.classes[1]!, 'en');
  assert.equal([empty.rows, empty.classTeacher, empty.header.subtitle], [[], '', 'Class 9.b — October 2026']);
  assert.match(empty.legend, /by the 5th of the following month.*7 calendar days after the 5th — by 12\.11\.2026/);
});

test('the summary page: one row per class with blank zeros for late and overdue, and the school total', () => {
  const view = extractStatusSummaryView(data, 'en');
  assert.is(view.summary, true);
  assert.equal(view.classes, [
    { label: '7.a', classTeacher: 'Anna Kalniņa', students: 3, returned: 2, late: 1, missing: 1, overdue: 1 },
    { label: '9.b', classTeacher: '', students: 0, returned: 0, late: '', missing: 0, overdue: '' },
  ]);
  assert.equal(view.totals, { label: 'Total', students: 3, returned: 2, late: 1, missing: 1, overdue: 1 });
});


test('an extract acknowledged online in the web diary is named apart from a paper slip', () => {
  const online = [
    student('S004', 'Ozols', 'Oskars', { returned: true, channel: 'online', returned_on: '2026-11-05', online_on: '2026-11-05', online_guardian: 'Rita Ozola', days_late: 0, days_overdue: null }),
    student('S005', 'Egle', 'Emīls', { returned: true, channel: 'both', returned_on: '2026-11-06', days_late: 0, days_overdue: null }),
  ];
  const schoolClass = { code: '7.a', class_teacher: null, students: online, totals: slipTotals(online) };
  const view = extractStatusClassView({ ...data, classes: [schoolClass] }, schoolClass, 'lv');
  assert.equal(view.rows.map((r) => r.returned), ['jā (e-žurnālā)', 'jā (papīrā un e-žurnālā)']);
  assert.is(extractStatusClassView(data, data.classes[0]!, 'en').rows[0]!.returned, 'yes', 'a paper slip reads as before');
});

test.run();
