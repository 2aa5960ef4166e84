import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { columnLabel, defineColumns, fieldOf, mapHeader, valuesOf } from '../../src/csv/columns.ts';
import { CsvError } from '../../src/csv/errors.ts';
import { csvError } from '../support/csv.ts';

// The students columns of issue 3.
const STUDENT_COLUMNS = defineColumns({
  code: { en: 'code', lv: 'Kods', required: true },
  first_name: { en: 'first_name', lv: 'Vārds', required: true },
  last_name: { en: 'last_name', lv: 'Uzvārds', required: true },
  personal_code: { en: 'personal_code', lv: 'Personas kods' },
  class: { en: 'class', lv: 'Klase', required: true },
  birth_date: { en: 'birth_date', lv: 'Dzimšanas datums' },
  sex: { en: 'sex', lv: 'Dzimums' },
  phone: { en: 'phone', lv: 'Tālrunis' },
  email: { en: 'email', lv: 'E-pasts', aliases: ['e-mail'] },
  address: { en: 'address', lv: 'Adrese' },
});


const names: [string, string | undefined][] = [
  ['code', 'code'],
  ['CODE', 'code'],
  ['  Kods ', 'code'],
  ['first_name', 'first_name'],
  ['First_Name', 'first_name'],
  ['first name', 'first_name'],
  ['FIRST NAME', 'first_name'],
  ['first-name', 'first_name'],
  ['firstname', 'first_name'],
  ['Vārds', 'first_name'],
  ['VĀRDS', 'first_name'],
  ['vārds', 'first_name'],
  ['Vards', 'first_name'], // diacritics stripped by the exporter
  ['Uzvards', 'last_name'],
  ['UZVĀRDS', 'last_name'],
  ['Personas kods', 'personal_code'],
  ['personas_kods', 'personal_code'],
  ['Dzimsanas datums', 'birth_date'],
  ['DZIMŠANAS DATUMS', 'birth_date'],
  ['Talrunis', 'phone'],
  ['Tālrunis', 'phone'],
  ['E-pasts', 'email'],
  ['e_pasts', 'email'],
  ['E-mail', 'email'],
  ['Klase', 'class'],
  ['klases', undefined],
  ['Vārds Uzvārds', undefined],
  ['name', undefined],
  ['', undefined],
];
for (const [name, field] of names) {
  test(`fieldOf ${JSON.stringify(name)} → ${field ?? 'nothing'}`, () => assert.is(fieldOf(name, STUDENT_COLUMNS), field));
}

const headers: [string, string[], Record<string, number | undefined>, string[], 'en' | 'lv'][] = [
  [
    'English',
    ['code', 'first_name', 'last_name', 'class', 'email'],
    { code: 0, first_name: 1, last_name: 2, class: 3, email: 4 },
    [],
    'en',
  ],
  [
    'Latvian (the fixture header)',
    ['Kods', 'Vārds', 'Uzvārds', 'Personas kods', 'Klase', 'Dzimšanas datums'],
    { code: 0, first_name: 1, last_name: 2, personal_code: 3, class: 4, birth_date: 5 },
    [],
    'lv',
  ],
  [
    'Latvian without diacritics',
    ['Kods', 'Vards', 'Uzvards', 'Klase', 'Talrunis', 'Dzimsanas datums'],
    { code: 0, first_name: 1, last_name: 2, class: 3, phone: 4, birth_date: 5 },
    [],
    'lv',
  ],
  [
    'mixed case, spaces and underscores, both languages',
    [' CODE ', 'First Name', 'UZVĀRDS', 'klase', 'E_Mail'],
    { code: 0, first_name: 1, last_name: 2, class: 3, email: 4 },
    [],
    'en',
  ],
  [
    'unknown columns reported, ext_ and empty ones ignored',
    ['ext_oneroster_id', 'Kods', 'Vārds', 'Iesauka', 'Uzvārds', '', 'Klase', 'EXT_note', 'Hobijs'],
    { code: 1, first_name: 2, last_name: 4, class: 6 },
    ['Iesauka', 'Hobijs'],
    'lv',
  ],
];
for (const [name, header, expected, unknown, language] of headers) {
  test(`mapHeader: ${name}`, () => {
    const mapping = mapHeader(header, STUDENT_COLUMNS, 'students.csv');
    const index = Object.fromEntries(Object.entries(mapping.index).filter(([, v]) => v !== undefined));
    assert.equal(index, expected);
    assert.ok(Object.keys(mapping.index).length === STUDENT_COLUMNS.fields.length, 'every field has a key');
    assert.equal(mapping.unknown, unknown);
    assert.is(mapping.language, language);
  });
}

test('mapHeader: a missing required column names it (in the file\'s language) and lists the columns found', () => {
  const err = csvError(() => mapHeader(['Kods', 'Uzvārds', 'Klase', 'Tālrunis'], STUDENT_COLUMNS, 'students.csv'));
  assert.is(
    err.message,
    'students.csv:1: column "Vārds" — required column missing (also accepted as "first_name"); columns found: Kods, Uzvārds, Klase, Tālrunis',
  );
  assert.equal(err.problems, [
    {
      file: 'students.csv',
      line: 1,
      column: 'Vārds',
      reason: 'required column missing (also accepted as "first_name"); columns found: Kods, Uzvārds, Klase, Tālrunis',
    },
  ]);
  assert.is(err.exitCode, 4);
});

test('mapHeader: every missing required column, English names for an English file', () => {
  const err = csvError(() => mapHeader(['code', 'email'], STUDENT_COLUMNS, 's.csv'));
  const lines = err.message.split('\n');
  assert.is(lines.length, 3);
  assert.match(lines[0] ?? '', /^s\.csv:1: column "first_name" — required column missing \(also accepted as "Vārds"\); columns found: code, email$/);
  assert.match(lines[1] ?? '', /^s\.csv:1: column "last_name" /);
  assert.match(lines[2] ?? '', /^s\.csv:1: column "class" /);
});

test('mapHeader: the header\'s own line in the messages when blank lines precede it', () => {
  const err = csvError(() => mapHeader(['Kods', 'Vārds', 'Klase'], STUDENT_COLUMNS, 's.csv', 3));
  assert.match(err.message, /^s\.csv:3: column "Uzvārds" — required column missing/);
});

test('mapHeader: a header that matches nothing says the first line must be the header', () => {
  const err = csvError(() => mapHeader(['S101', 'Jānis', 'Bērziņš', '7.a'], STUDENT_COLUMNS, 's.csv'));
  assert.match(err.message, 'columns found: S101, Jānis, Bērziņš, 7.a (the first line must be the header)');
});

test('mapHeader: the same field twice (Latvian and English name) is an error naming both', () => {
  const err = csvError(() => mapHeader(['Kods', 'Vārds', 'first_name', 'Uzvārds', 'Klase'], STUDENT_COLUMNS, 's.csv'));
  assert.is(
    err.message,
    's.csv:1: column "first_name" — the file has this column twice: "Vārds" and "first_name" both mean first_name; keep one',
  );
});

test('defineColumns: a name given to two fields is a programming error', () => {
  assert.throws(
    () => defineColumns({ a: { en: 'name', lv: 'Vārds' }, b: { en: 'title', lv: 'Name' } }),
    /"Name" names both a and b/,
  );
});

test('defineColumns: names equal only without diacritics match exactly, never by folding', () => {
  const spec = defineColumns({ fence: { en: 'fence', lv: 'Sēta' }, network: { en: 'network', lv: 'Seta' } });
  assert.is(fieldOf('Sēta', spec), 'fence');
  assert.is(fieldOf('SETA', spec), 'network');
  assert.is(fieldOf('Seta', spec), 'network');
});

test('valuesOf: absent column undefined, empty cell "", present value as is', () => {
  const mapping = mapHeader(['Kods', 'Vārds', 'Uzvārds', 'Klase', 'Tālrunis'], STUDENT_COLUMNS, 's.csv');
  const values = valuesOf(mapping, ['S101', 'Jānis', 'Bērziņš', '7.a', '']);
  assert.is(values.code, 'S101');
  assert.is(values.first_name, 'Jānis');
  assert.is(values.phone, '');
  assert.is(values.email, undefined);
  assert.is(values.address, undefined);
});

test('columnLabel: as the file spells it, else in the file\'s language', () => {
  const lv = mapHeader(['KODS', 'Vards', 'Uzvārds', 'Klase'], STUDENT_COLUMNS, 's.csv');
  assert.is(columnLabel(lv, STUDENT_COLUMNS, 'first_name'), 'Vards');
  assert.is(columnLabel(lv, STUDENT_COLUMNS, 'email'), 'E-pasts');
  const en = mapHeader(['code', 'first_name', 'last_name', 'class'], STUDENT_COLUMNS, 's.csv');
  assert.is(columnLabel(en, STUDENT_COLUMNS, 'email'), 'email');
});

test.run();
