import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkPersonalCode, looksLikePersonalCode, maskPersonalCode, maskPersonalCodesDeep, maskPersonalCodesIn } from '../../src/domain/personal-code.ts';

type Expected =
  | { normalized: string; form: 'legacy'; birthDate: string }
  | { normalized: string; form: 'new' }
  | { reason: string };

const FORMAT = 'must be 11 digits, DDMMYY-CNNNN or 32XXXX-XXXXX';

const cases: [string, Expected][] = [
  ['010110-20002', { normalized: '010110-20002', form: 'legacy', birthDate: '2010-01-01' }],
  ['01011020002', { normalized: '010110-20002', form: 'legacy', birthDate: '2010-01-01' }],
  ['  010110-20002\t', { normalized: '010110-20002', form: 'legacy', birthDate: '2010-01-01' }],
  ['010110-20003', { reason: 'checksum does not match (expected last digit 2)' }],
  ['010110-20001', { reason: 'checksum does not match (expected last digit 2)' }],
  ['311299-19870', { normalized: '311299-19870', form: 'legacy', birthDate: '1999-12-31' }],
  ['150599-12349', { normalized: '150599-12349', form: 'legacy', birthDate: '1999-05-15' }],
  // century digits: 0 = 1800s, 1 = 1900s, 2 = 2000s, anything else refused
  ['010180-01234', { normalized: '010180-01234', form: 'legacy', birthDate: '1880-01-01' }],
  ['010110-30008', { reason: 'century digit 3 is not 0, 1 or 2' }],
  ['010110-90008', { reason: 'century digit 9 is not 0, 1 or 2' }],
  // 29 February: 2004 and 2000 are leap years, 2005 and 1900 are not
  ['290204-20002', { normalized: '290204-20002', form: 'legacy', birthDate: '2004-02-29' }],
  ['290200-20009', { normalized: '290200-20009', form: 'legacy', birthDate: '2000-02-29' }],
  ['290296-10005', { normalized: '290296-10005', form: 'legacy', birthDate: '1996-02-29' }],
  ['290205-20003', { reason: 'not a real date 29.02.2005' }],
  ['290200-10003', { reason: 'not a real date 29.02.1900' }],
  ['310210-20003', { reason: 'not a real date 31.02.2010' }],
  ['000110-20008', { reason: 'not a real date 00.01.2010' }],
  ['131310-20005', { reason: 'not a real date 13.13.2010' }],
  // new form since July 2017: format only
  ['321234-56789', { normalized: '321234-56789', form: 'new' }],
  ['32123456789', { normalized: '321234-56789', form: 'new' }],
  [' 329999-00000 ', { normalized: '329999-00000', form: 'new' }],
  // garbage
  ['', { reason: FORMAT }],
  ['abc', { reason: FORMAT }],
  ['010110-2000', { reason: FORMAT }],
  ['010110-200021', { reason: FORMAT }],
  ['010110--20002', { reason: FORMAT }],
  ['010110 20002', { reason: FORMAT }],
  ['0101-1020002', { reason: FORMAT }],
  ['010110-2000a', { reason: FORMAT }],
  ['３２１２３４-５６７８９', { reason: FORMAT }],
];

for (const [input, expected] of cases) {
  test(`personal code ${JSON.stringify(input)}`, () => {
    const result = checkPersonalCode(input);
    if ('reason' in expected) {
      assert.equal(result, { ok: false, reason: expected.reason });
    } else {
      assert.equal(result, { ok: true, ...expected });
    }
  });
}

const WEIGHTS = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function remainderOf(first10: string): number {
  const sum = [...first10].reduce((acc, ch, i) => acc + Number(ch) * (WEIGHTS[i] ?? 0), 0);
  return (1101 - sum) % 11;
}

test('checksum remainder 10: last digit 0 is accepted, any other digit refused', () => {
  let first10: string | undefined;
  for (let n = 0; n < 10_000 && first10 === undefined; n++) {
    const candidate = `1506082${String(n).padStart(3, '0')}`;
    if (remainderOf(candidate) === 10) first10 = candidate;
  }
  assert.ok(first10, 'brute force found a remainder-10 code');
  const head = first10.slice(0, 6);
  const tail = first10.slice(6);
  const accepted = checkPersonalCode(`${head}-${tail}0`);
  assert.equal(accepted, { ok: true, normalized: `${head}-${tail}0`, form: 'legacy', birthDate: '2008-06-15' });
  for (let digit = 1; digit <= 9; digit++) {
    assert.equal(checkPersonalCode(`${head}-${tail}${digit}`), {
      ok: false,
      reason: 'checksum does not match (expected last digit 0)',
    });
  }
});

const masks: [string, string][] = [
  ['010110-20002', '010110-*****'],
  ['01011020002', '010110-*****'],
  [' 321234-56789 ', '321234-*****'],
  ['010110-20003', '010110-*****'],
  ['0101', '****'],
  ['', ''],
];
for (const [input, expected] of masks) {
  test(`mask ${JSON.stringify(input)}`, () => {
    assert.is(maskPersonalCode(input), expected);
  });
}


const embedded: [string, string][] = [
  ['160415-21176', '160415-*****'],
  ['Jānis Bērziņš (160415-21176)', 'Jānis Bērziņš (160415-*****)'],
  ['known: S001, 010110-20002, 010110-20003', 'known: S001, 010110-*****, 010110-*****'], // the dashed shape, valid or not
  ['01011020002', '010110-*****'], // a valid one without its dash
  ['01011020003', '01011020003'], // 11 digits that are no personas kods: a number stays
  ['+37129123456', '+37129123456'], // a phone
  ['+32470123456', '+32470123456'], // a Belgian phone, though 32… is the new form's prefix
  ['32123456789', '321234-*****'], // the new form
  ['2026-11-29T12:00:00.000+02:00', '2026-11-29T12:00:00.000+02:00'],
  ['a3f1601234521176ff', 'a3f1601234521176ff'], // inside a hash
  ['x160415-21176', 'x160415-21176'],
  ['160415-211760', '160415-211760'],
];
for (const [input, expected] of embedded) {
  test(`maskPersonalCodesIn(${JSON.stringify(input)})`, () => assert.is(maskPersonalCodesIn(input), expected));
}

test('maskPersonalCodesDeep masks string values, never keys or numbers', () => {
  const value = { code: '160415-21176', '160415-21176': 1, n: 16041521176, list: [{ student: 'A (010110-20002)' }, null, true] };
  assert.equal(maskPersonalCodesDeep(value), { code: '160415-*****', '160415-21176': 1, n: 16041521176, list: [{ student: 'A (010110-*****)' }, null, true] });
});

test('looksLikePersonalCode: the shape, valid or not', () => {
  for (const yes of ['160415-21176', '16041521176', '010110-20003', ' 010110-20002 ']) assert.ok(looksLikePersonalCode(yes), yes);
  for (const no of ['S001', '160415-2117', '1604152117', '160415--21176', '7.a']) assert.not.ok(looksLikePersonalCode(no), no);
});

test.run();
