import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ANONYMIZED_VALUE, guardianPlaceholder, isAnonymized, leftOn, redactValues, studentPlaceholder } from '../../src/domain/anonymization.ts';

test('a student placeholder keeps the code as the name and drops the personal fields', () => {
  assert.equal(studentPlaceholder('S001'), { first_name: 'Anonimizēts', last_name: 'S001', personal_code: null, birth_date: null, phone: null, email: null, address: null });
  assert.equal(guardianPlaceholder(12), { first_name: 'Anonimizēts', last_name: 'G12', phone: null, email: null, address: null });
});

test('isAnonymized: every placeholder value in place', () => {
  assert.ok(isAnonymized({ id: 1, sex: 'M', ...studentPlaceholder('S001') }, studentPlaceholder('S001')));
  assert.not.ok(isAnonymized({ ...studentPlaceholder('S001'), phone: '+37120000001' }, studentPlaceholder('S001')));
});

test('redactValues replaces personal values, keeps the rest, the placeholders and nulls', () => {
  const p = studentPlaceholder('S001');
  const json = JSON.stringify({ id: 1, code: 'S001', first_name: 'Jānis', last_name: 'Bērziņš', personal_code: '030403-21234', phone: null, sex: 'M' });
  assert.equal(JSON.parse(redactValues(json, p)!), { id: 1, code: 'S001', first_name: ANONYMIZED_VALUE, last_name: ANONYMIZED_VALUE, personal_code: ANONYMIZED_VALUE, phone: null, sex: 'M' });
  const own = JSON.stringify({ id: 1, first_name: 'Anonimizēts', last_name: 'S001', personal_code: null });
  assert.is(redactValues(own, p), own, 'nothing personal: the same string');
  assert.is(redactValues(null, p), null);
});

const spans: [string, { to_date: string | null; year_ends_on: string }[], string | null][] = [
  ['never in a class', [], null],
  ['left during a year', [{ to_date: '2019-03-15', year_ends_on: '2019-08-31' }], '2019-03-15'],
  ['an open place in an old year ended with the year', [{ to_date: null, year_ends_on: '2019-08-31' }], '2019-08-31'],
  ['the latest of several classes', [{ to_date: null, year_ends_on: '2018-08-31' }, { to_date: null, year_ends_on: '2027-08-31' }], '2027-08-31'],
];
for (const [name, enrollments, expected] of spans) test(`leftOn: ${name}`, () => assert.is(leftOn(enrollments), expected));

test.run();
