import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readCsv } from '../../src/csv/read.ts';
import { EXCEL_CSV_OPTIONS, csvField, csvLine, toCsv, type CsvCell, type CsvWriteOptions } from '../../src/csv/write.ts';

const fields: [CsvCell, string][] = [
  ['Jānis', 'Jānis'],
  ['Ģirts Čakste', 'Ģirts Čakste'],
  ['7.a', '7.a'],
  ['', ''],
  [null, ''],
  [undefined, ''],
  [8, '8'],
  [7.5, '7.5'],
  ['a;b', '"a;b"'],
  ['7,5', '"7,5"'],
  ['tab\there', '"tab\there"'],
  ['Saka "labdien"', '"Saka ""labdien"""'],
  ['"', '""""'],
  ['two\nlines', '"two\nlines"'],
  ['cr\rhere', '"cr\rhere"'],
  [' leading', '" leading"'],
  ['trailing ', '"trailing "'],
  ['in side', 'in side'],
];
for (const [value, expected] of fields) {
  test(`csvField ${JSON.stringify(value)} → ${JSON.stringify(expected)}`, () => assert.is(csvField(value), expected));
}

test('toCsv: defaults are "," and LF, no BOM', () => {
  assert.is(toCsv(['code', 'name'], [['S1', 'Jānis'], ['S2', null]]), 'code,name\nS1,Jānis\nS2,\n');
});

test('toCsv with the --excel options: BOM, ";" and CRLF', () => {
  const text = toCsv(['Kods', 'Vārds'], [['S1', 'Jānis']], EXCEL_CSV_OPTIONS);
  assert.is(text, '\uFEFFKods;Vārds\r\nS1;Jānis\r\n');
  assert.equal([...new TextEncoder().encode(text).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
});

test('csvLine: one empty value is written as "" so the record is not a blank line', () => {
  assert.is(csvLine(['']), '""\n');
  assert.is(csvLine([null], { eol: '\r\n' }), '""\r\n');
  assert.is(csvLine(['', '']), ',\n');
});

const HEADER = ['Kods', 'Vārds', 'Uzvārds', 'Adrese', 'Piezīmes', 'Vērtējums'];
const ROWS: CsvCell[][] = [
  ['S101', 'Jānis', 'Bērziņš', 'Brīvības iela 1; dz. 5', 'Saka "labdien"', 8],
  ['S102', 'Žanete', 'Ābele', 'Rīga,\nLatvija', 'divas\nrindas\n"šeit"', '7,5'],
  ['S103', 'Ģirts', 'Čakste', '', null, null],
  ['S104', 'Ņina', 'Ķirse', '"', ';', ','],
  ['S105', 'Šarlote', 'Ūdre', 'a\tb', '""', 10],
  ['S106', 'Ēriks', 'Ļaviņš', 'ĀČĒĢĪĶĻŅŠŪŽ', 'āčēģīķļņšūž', 1],
];
const asStrings = (rows: CsvCell[][]) => rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));

const roundTrips: [string, CsvWriteOptions, string][] = [
  ['defaults', {}, ','],
  ['--excel', EXCEL_CSV_OPTIONS, ';'],
  ['";" with LF', { delimiter: ';' }, ';'],
  ['"," with CRLF and BOM', { delimiter: ',', eol: '\r\n', bom: true }, ','],
];
for (const [name, options, delimiter] of roundTrips) {
  test(`toCsv → readCsv round-trips exactly: ${name}`, () => {
    const bytes = new TextEncoder().encode(toCsv(HEADER, ROWS, options));
    const table = readCsv({ bytes, file: 'export.csv' });
    assert.is(table.delimiter, delimiter, 'the delimiter is detected back');
    assert.equal(table.header, HEADER);
    assert.equal(table.rows.map((r) => r.cells), asStrings(ROWS));
    // S102 holds three quoted line breaks, so it spans lines 3–6.
    assert.equal(table.rows.map((r) => r.line), [2, 3, 7, 8, 9, 10]);
  });
}

test('round trip: surrounding spaces are quoted on export but trimmed on import (by design)', () => {
  const bytes = new TextEncoder().encode(toCsv(['a'], [[' x ']]));
  assert.equal(readCsv({ bytes, file: 'x.csv' }).rows[0]?.cells, ['x']);
});

test.run();
