import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../src/errors.ts';
import { CsvError } from '../../src/csv/errors.ts';
import { readCsv, rowWidthProblem, type CsvTable } from '../../src/csv/read.ts';
import { FIXTURE_DIR, HEADER_LV, STUDENTS } from '../fixtures/csv/make-fixtures.ts';
import { csvError } from '../support/csv.ts';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURE_DIR, name)));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const read = (text: string, extra: { delimiter?: string; encoding?: string } = {}): CsvTable =>
  readCsv({ bytes: utf8(text), file: 'x.csv', ...extra });
const lines = (t: CsvTable) => t.rows.map((r) => r.line);
const cells = (t: CsvTable) => t.rows.map((r) => r.cells);


const studentFiles: [string, string, string][] = [
  ['students-utf8-bom.csv', 'utf-8', ';'],
  ['students-utf8.csv', 'utf-8', ','],
  ['students-utf16le.csv', 'utf-16le', '\t'],
  ['students-utf16be.csv', 'utf-16be', ';'],
  ['students-win1257.csv', 'windows-1257', ';'],
];
for (const [name, encoding, delimiter] of studentFiles) {
  test(`readCsv ${name}: ${encoding}, ${JSON.stringify(delimiter)}, Latvian header and names, lines 2–7`, () => {
    const table = readCsv({ bytes: fixture(name), file: name });
    assert.is(table.file, name);
    assert.is(table.encoding, encoding);
    assert.is(table.delimiter, delimiter);
    assert.equal(table.header, [...HEADER_LV]);
    assert.equal(cells(table), STUDENTS);
    assert.equal(lines(table), [2, 3, 4, 5, 6, 7]);
    assert.ok(table.rows.every((r) => r.width === 6));
  });
}

test('readCsv quoted-crlf.csv: separators, doubled quotes and CRLF newlines inside quotes; lines after a 4-line record', () => {
  const table = readCsv({ bytes: fixture('quoted-crlf.csv'), file: 'q.csv' });
  assert.is(table.delimiter, ';');
  assert.equal(table.header, ['Kods', 'Vārds', 'Uzvārds', 'Adrese', 'Piezīmes']);
  assert.equal(lines(table), [2, 3, 7, 8]);
  assert.equal(cells(table), [
    ['S101', 'Jānis', 'Bērziņš', 'Brīvības iela 1; dz. 5', 'Saka "labdien"'],
    ['S102', 'Žanete', 'Ābele', 'Rīga,\nLatvija', 'divas\nrindas\nšeit'],
    ['S103', 'Ģirts', 'Čakste', 'Ielas nav', '"Citāts" sākumā'],
    ['S104', 'Ņina', 'Ķirse', '', ''],
  ]);
});

test('readCsv trailing-empty-lines.csv: blank, space-only and ";" lines are no rows; line numbers keep counting them', () => {
  const table = readCsv({ bytes: fixture('trailing-empty-lines.csv'), file: 't.csv' });
  assert.equal(cells(table), [
    ['S101', 'Jānis'],
    ['S102', 'Žanete'],
  ]);
  assert.equal(lines(table), [2, 4]);
});

test('readCsv decimal-in-quotes.csv: "," detected, decimal commas kept inside values', () => {
  const table = readCsv({ bytes: fixture('decimal-in-quotes.csv'), file: 'g.csv' });
  assert.is(table.delimiter, ',');
  assert.equal(table.rows.map((r) => r.cells[4]), ['7,5', '8,25', '9']);
  assert.is(table.rows[0]?.cells[5], 'labi, bet var labāk');
});

const notCsv: [string, RegExp][] = [
  ['not-csv.xlsx', /^not-csv\.xlsx: this is an Excel workbook \(\.xlsx\), not CSV: in Excel use File → Save As → CSV UTF-8$/],
  ['not-csv.xls', /^not-csv\.xls: this is an old Excel workbook \(\.xls\)/],
  ['not-csv.pdf', /^not-csv\.pdf: this is a PDF document, not CSV/],
  ['empty.csv', /^empty\.csv: the file is empty$/],
  ['binary.bin', /^binary\.bin: this is a binary file, not CSV text/],
];
for (const [name, message] of notCsv) {
  test(`readCsv ${name}: a one-line CsvError (exit 4), no stack trace needed`, () => {
    const err = csvError(() => readCsv({ bytes: fixture(name), file: name }));
    assert.match(err.message, message);
    assert.not.match(err.message, '\n');
    assert.instance(err, AppError);
    assert.is(err.exitCode, 4);
  });
}

const parsing: [string, string, string[][], number[]][] = [
  ['LF', 'a;b\n1;2\n3;4\n', [['1', '2'], ['3', '4']], [2, 3]],
  ['CRLF', 'a;b\r\n1;2\r\n3;4\r\n', [['1', '2'], ['3', '4']], [2, 3]],
  ['old Mac CR', 'a;b\r1;2\r3;4\r', [['1', '2'], ['3', '4']], [2, 3]],
  ['mixed line endings', 'a;b\r\n1;2\n3;4\r5;6', [['1', '2'], ['3', '4'], ['5', '6']], [2, 3, 4]],
  ['no final newline', 'a;b\n1;2', [['1', '2']], [2]],
  ['spaces around values, inside and outside quotes, and NBSP', 'a;b;c\n  x ; " y " ;\u00a0z\u00a0\n', [['x', 'y', 'z']], [2]],
  ['separator, quote and newline in quoted values', 'a;b\n"1;1";"say ""hi"""\n"two\nlines";3\n4;5\n', [['1;1', 'say "hi"'], ['two\nlines', '3'], ['4', '5']], [2, 3, 5]],
  ['a quote inside an unquoted value is kept', 'a;b\nSIA "Zeme";5" disketes\n', [['SIA "Zeme"', '5" disketes']], [2]],
  ['short rows padded, long rows kept', 'a;b;c\n1\n1;2;3;4\n', [['1', '', ''], ['1', '2', '3', '4']], [2, 3]],
  ['header only', 'a;b\n', [], []],
  ['blank lines before the header', '\n\na;b\n1;2\n', [['1', '2']], [4]],
  ['DOS Ctrl-Z at the end', 'a;b\r\n1;2\r\n\x1a', [['1', '2']], [2]],
];
for (const [name, text, expectedCells, expectedLines] of parsing) {
  test(`readCsv: ${name}`, async () => {
    const table = await read(text);
    assert.equal(table.header, text.includes('a;b;c') ? ['a', 'b', 'c'] : ['a', 'b']);
    assert.equal(cells(table), expectedCells);
    assert.equal(lines(table), expectedLines);
  });
}

test('readCsv: width is what the file had, before padding', async () => {
  const table = await read('a;b;c\n1\n1;2;3;4\n1;2;3\n');
  assert.equal(table.rows.map((r) => r.width), [1, 4, 3]);
});

test('rowWidthProblem: more values than columns is a problem with its line; extra empty values and short rows are not', async () => {
  const table = await read('a;b;c\n1;2;3;4\n1;2;3;;\n1\n1;2;3\n');
  const problems = table.rows.map((r) => rowWidthProblem(table, r));
  assert.equal(problems, [
    {
      file: 'x.csv',
      line: 2,
      reason: 'the row has 4 values but the header has 3 columns: a value containing ";" must be in double quotes',
    },
    null,
    null,
    null,
  ]);
});

test('readCsv: --delimiter overrides detection (names accepted)', async () => {
  const text = 'a;b\tc\n1;2\t3\n';
  assert.equal((await read(text)).header, ['a;b', 'c']); // tab preferred when both are consistent
  assert.equal((await read(text, { delimiter: ';' })).header, ['a', 'b\tc']);
  assert.equal((await read(text, { delimiter: 'tab' })).header, ['a;b', 'c']);
  assert.is((await read(text, { delimiter: 'semicolon' })).delimiter, ';');
});

test('readCsv: an unusable --delimiter is a CsvError', () => {
  assert.match(csvError(() => read('a;b\n', { delimiter: ';;' })).message, 'x.csv: unusable delimiter ";;"');
});

test('readCsv: --encoding overrides detection', () => {
  const table = readCsv({ bytes: fixture('students-win1257.csv'), file: 's.csv', encoding: 'cp1257' });
  assert.is(table.encoding, 'windows-1257');
  assert.equal(cells(table), STUDENTS);
  const err = csvError(() => readCsv({ bytes: fixture('students-win1257.csv'), file: 's.csv', encoding: 'utf8' }));
  assert.match(err.message, /^s\.csv:1: not valid UTF-8/);
});

const broken: [string, string, string][] = [
  [
    'an unclosed quote: the line it opens on',
    'a;b\n1;2\n3;"never closed\n4;5\n6;7\n',
    'x.csv:3: a quoted value starts on this line and is never closed: a closing " is missing',
  ],
  [
    'an unclosed quote after a multi-line record',
    'a;b\n"x\ny";1\n3;"never closed\n4;5\n',
    'x.csv:4: a quoted value starts on this line and is never closed: a closing " is missing',
  ],
  [
    'text after a closing quote: the line it is on',
    'a;b\n1;2\n3;"multi\nline" oops\n',
    'x.csv:4: text follows the closing quote of a quoted value: a " inside a quoted value must be written twice ("")',
  ],
];
for (const [name, text, message] of broken) {
  test(`readCsv: ${name}`, () => {
    const err = csvError(() => read(text));
    assert.is(err.message, message);
    assert.is(err.problems.length, 1);
  });
}

test('readCsv: blank lines only is "no header", not an empty table', () => {
  assert.is(csvError(() => read('\n  \n;;\n')).message, 'x.csv: the file has no header line (it holds only empty lines)');
});

test.run();
