import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { byKeys, compareLatvian } from '../../src/domain/latvian-order.ts';

const cases: [string[], string[]][] = [
  [['Ziemele', 'Ābele', 'Bērziņš'], ['Ābele', 'Bērziņš', 'Ziemele']],
  [['Čakste', 'Cīrulis', 'Dīriķis'], ['Cīrulis', 'Čakste', 'Dīriķis']],
  [['Šmits', 'Sprūds', 'Tauriņš'], ['Sprūds', 'Šmits', 'Tauriņš']],
  [['Žagars', 'Zariņš'], ['Zariņš', 'Žagars']],
  [['Ģirts', 'Gustavs', 'Hugo'], ['Gustavs', 'Ģirts', 'Hugo']],
  [['Ķirsis', 'Kalniņš', 'Lācis', 'Ļaviņa'], ['Kalniņš', 'Ķirsis', 'Lācis', 'Ļaviņa']],
  [['Ņikita', 'Nora', 'Ozols'], ['Nora', 'Ņikita', 'Ozols']],
  [['Āna', 'ana', 'Anna', 'Ana'], ['ana', 'Ana', 'Anna', 'Āna']],
  [['Īvāns', 'Yvonne', 'Ivars', 'Jānis'], ['Ivars', 'Yvonne', 'Īvāns', 'Jānis']],
  [['Ūdris', 'Uldis', 'Vilks'], ['Uldis', 'Ūdris', 'Vilks']],
];

for (const [input, expected] of cases) {
  test(`Latvian order of ${input.join(', ')}`, () => {
    assert.equal([...input].sort(compareLatvian), expected);
  });
}

test('agrees with ICU Latvian collation on every name of the demo school', () => {
  const names = ['students.csv', 'staff.csv'].flatMap((file) => {
    const csv = readFileSync(new URL(`../../data/demo/${file}`, import.meta.url), 'utf8');
    return csv.trim().split('\n').slice(1).flatMap((line) => line.split(',').slice(1, 3));
  });
  const icu = new Intl.Collator('lv');
  assert.ok(names.length > 50);
  assert.equal([...names].sort(compareLatvian), [...names].sort(icu.compare));
});

test('byKeys orders by numbers, then Latvian text, with missing values last', () => {
  const rows = [
    { level: 7, name: 'Ābele' },
    { level: 2, name: 'Ziemele' },
    { level: 7, name: 'Bērziņš' },
    { level: null, name: 'Auns' },
  ];
  assert.equal(rows.sort(byKeys((r) => r.level, (r) => r.name)).map((r) => r.name), ['Ziemele', 'Ābele', 'Bērziņš', 'Auns']);
});

test.run();
