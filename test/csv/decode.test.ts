import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeCsvBytes, detectEncoding, notCsvReason, normalizeEncodingName } from '../../src/csv/decode.ts';
import { CsvError } from '../../src/csv/errors.ts';
import { FIXTURE_DIR, encodeWin1257, utf16be, utf16le } from '../fixtures/csv/make-fixtures.ts';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURE_DIR, name)));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...list: number[]): Uint8Array => new Uint8Array(list);

const LETTERS = 'āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ';
const NAMES = ['Jānis Bērziņš', 'Žanete Ābele', 'Ģirts Čakste', 'Ņina Ķirse', 'Šarlote Ūdre', 'Ēriks Ļaviņš'];

test('Node has the decoders the reader relies on (full ICU)', () => {
  for (const name of ['windows-1257', 'utf-16le', 'utf-16be', 'iso-8859-13']) {
    assert.is(new TextDecoder(name).encoding, name);
  }
  assert.is(new TextDecoder('windows-1257').decode(bytes(0xe2, 0xf0, 0xfe, 0xc2)), 'āšžĀ');
});

const fixtureEncodings: [string, string, boolean][] = [
  ['students-utf8-bom.csv', 'utf-8', true],
  ['students-utf8.csv', 'utf-8', false],
  ['students-utf16le.csv', 'utf-16le', true],
  ['students-utf16be.csv', 'utf-16be', true],
  ['students-win1257.csv', 'windows-1257', false],
  ['quoted-crlf.csv', 'utf-8', false],
];
for (const [name, encoding, bom] of fixtureEncodings) {
  test(`detectEncoding ${name} → ${encoding}${bom ? ' with BOM' : ''}`, () => {
    assert.equal(detectEncoding(fixture(name)), { encoding, bom });
  });
  test(`decodeCsvBytes ${name}: every name with its letters, no BOM left`, () => {
    const { text, encoding: used } = decodeCsvBytes(fixture(name));
    assert.is(used, encoding);
    assert.not.ok(text.startsWith('\uFEFF'));
    assert.ok(text.startsWith('Kods'), text.slice(0, 20));
    if (name.startsWith('students-')) {
      for (const full of NAMES) {
        const [first = '', last = ''] = full.split(' ');
        assert.ok(text.includes(first) && text.includes(last), `${full} in ${name}`);
      }
      assert.ok(text.includes('Dzimšanas datums'));
    }
  });
}

const inMemory: [string, Uint8Array, string, boolean][] = [
  ['pure ASCII', utf8('code,name\nS1,Janis\n'), 'utf-8', false],
  ['UTF-8 Latvian letters', utf8(`Vārds\n${LETTERS}\n`), 'utf-8', false],
  ['UTF-8, a lone "ā" (C4 81, both bytes in the 1257 range)', utf8('ā'), 'utf-8', false],
  ['UTF-8, "Ā" as the last character', utf8('Kods;Vārds\nS1;Ā'), 'utf-8', false],
  ['Windows-1257 Latvian letters', encodeWin1257(`Vārds\n${LETTERS}\n`), 'windows-1257', false],
  ['Windows-1257, a letter as the last byte', encodeWin1257('Kods;Vārds\nS1;Ā'), 'windows-1257', false],
  ['UTF-16LE without BOM', utf16le(`Kods\tVārds\nS1\t${LETTERS}\n`).subarray(2), 'utf-16le', false],
  ['UTF-16BE without BOM', utf16be(`Kods;Vārds\nS1;${LETTERS}\n`).subarray(2), 'utf-16be', false],
  ['UTF-16LE without BOM, all capitals Ā (U+0100 has a zero low byte)', utf16le('Ā;Ā;Ā;Ā;a\nĀ;b\n').subarray(2), 'utf-16le', false],
  ['UTF-8 with a few bad bytes stays UTF-8 (reported, not reinterpreted)', new Uint8Array([...utf8('Vārds;Uzvārds\nJānis;Bērziņš\n'), 0xe2, 0x0a]), 'utf-8', false],
];
for (const [name, input, encoding, bom] of inMemory) {
  test(`detectEncoding: ${name}`, () => assert.equal(detectEncoding(input), { encoding, bom }));
}

test('every Latvian letter survives Windows-1257, UTF-16LE/BE and UTF-8, one by one', () => {
  for (const letter of LETTERS) {
    const text = `Vārds\n${letter}x\n`;
    for (const encoded of [encodeWin1257(text), utf16le(text), utf16be(text), utf8(text), utf8(`\uFEFF${text}`)]) {
      assert.is(decodeCsvBytes(encoded).text, text, `${letter} as ${detectEncoding(encoded).encoding}`);
    }
  }
});

const aliases: [string, string][] = [
  ['utf-8', 'utf-8'],
  ['utf8', 'utf-8'],
  ['UTF_8', 'utf-8'],
  ['utf-16le', 'utf-16le'],
  ['UTF16LE', 'utf-16le'],
  ['utf-16be', 'utf-16be'],
  ['utf-16', 'utf-16'],
  ['windows-1257', 'windows-1257'],
  ['Windows1257', 'windows-1257'],
  ['cp1257', 'windows-1257'],
  ['win1257', 'windows-1257'],
  ['latin-7', 'iso-8859-13'],
  ['ISO-8859-13', 'iso-8859-13'],
  ['latin1', 'windows-1252'],
];
for (const [input, expected] of aliases) {
  test(`normalizeEncodingName ${JSON.stringify(input)} → ${expected}`, () => assert.is(normalizeEncodingName(input), expected));
}

test('an unknown --encoding is a CsvError listing what works', () => {
  try {
    decodeCsvBytes(utf8('a'), 'klingon');
    assert.unreachable('should throw');
  } catch (err) {
    assert.instance(err, CsvError);
    const message = (err as Error).message;
    assert.match(message, 'unknown encoding "klingon"');
    assert.match(message, 'windows-1257');
    assert.match(message, 'utf-8');
  }
});

const overrides: [string, Uint8Array, string, string][] = [
  ['cp1257 on a 1257 file', fixture('students-win1257.csv'), 'cp1257', 'windows-1257'],
  ['utf8 on a BOM file (BOM still stripped)', fixture('students-utf8-bom.csv'), 'utf8', 'utf-8'],
  ['utf-16 on a BE file follows its BOM', fixture('students-utf16be.csv'), 'utf-16', 'utf-16be'],
  ['utf-16 on an LE file follows its BOM', fixture('students-utf16le.csv'), 'utf-16', 'utf-16le'],
  ['latin-7 (ISO-8859-13) on a 1257 file: same letters', fixture('students-win1257.csv'), 'latin-7', 'iso-8859-13'],
];
for (const [name, input, override, encoding] of overrides) {
  test(`decodeCsvBytes override: ${name}`, () => {
    const out = decodeCsvBytes(input, override);
    assert.is(out.encoding, encoding);
    assert.ok(out.text.startsWith('Kods'), JSON.stringify(out.text.slice(0, 10)));
    assert.ok(out.text.includes('Šarlote') && out.text.includes('Ļaviņš'));
  });
}

test('forcing utf-8 on a Windows-1257 file says where and suggests windows-1257', () => {
  try {
    decodeCsvBytes(fixture('students-win1257.csv'), 'utf-8', 'students.csv');
    assert.unreachable('should throw');
  } catch (err) {
    assert.instance(err, CsvError);
    // The first non-ASCII byte is the "ā" of "Vārds" in the header, line 1.
    assert.match((err as Error).message, /^students\.csv:1: not valid UTF-8 \(byte 0xE2\).*--encoding windows-1257/);
  }
});

test('damaged UTF-8 is reported with its line, not decoded as Windows-1257', () => {
  const input = new Uint8Array([...utf8('Vārds;Uzvārds\nJānis;Bērziņš\nAnna;'), 0xe2, ...utf8('le\n')]);
  try {
    decodeCsvBytes(input, undefined, 'x.csv');
    assert.unreachable('should throw');
  } catch (err) {
    assert.instance(err, CsvError);
    assert.match((err as Error).message, /^x\.csv:3: the file is UTF-8 but has an invalid byte 0xE2/);
    assert.equal((err as CsvError).problems.map((p) => p.line), [3]);
  }
});

// Issue 14: rows pasted together from a UTF-8 file and a Latvian Excel "CSV"
// were stored as "JÄnis". Whichever kind comes first, the file is refused at
// the first line that is not UTF-8; a file that is Windows-1257 throughout
// (the letters of every name in it, capitals too) still reads right.
const mixed: [string, Uint8Array, number, RegExp][] = [
  [
    'a UTF-8 row, then a Windows-1257 row',
    new Uint8Array([...utf8('Kods;Vārds\nS1;Jānis\n'), ...encodeWin1257('S2;Bērziņš\n')]),
    3,
    /^m\.csv:3: the file is UTF-8 but has an invalid byte 0xE7 here/,
  ],
  [
    'a Windows-1257 row, then a UTF-8 row (more 1257 letters than UTF-8 ones)',
    new Uint8Array([...utf8('Kods;Vards\n'), ...encodeWin1257('S2;Šarlote Ūdre Bērziņš\n'), ...utf8('S1;Jānis\n')]),
    2,
    /^m\.csv:2: this line is not UTF-8 \(byte 0xD0, a Windows-1257 letter\?\) but line 3 is: the file mixes two encodings/,
  ],
  ['invalid UTF-8 (a stray 0xFF) in UTF-8 text', new Uint8Array([...utf8('Kods;Vārds\nS1;Jā'), 0xff, ...utf8('nis\n')]), 2, /^m\.csv:2: the file is UTF-8 but has an invalid byte 0xFF/],
];
for (const [name, input, line, message] of mixed) {
  test(`mixed encodings are refused with the first line that does not decode: ${name}`, () => {
    assert.is(detectEncoding(input).encoding, 'utf-8', 'not taken for Windows-1257');
    try {
      decodeCsvBytes(input, undefined, 'm.csv');
      assert.unreachable('should throw');
    } catch (err) {
      assert.instance(err, CsvError);
      assert.match((err as Error).message, message);
      assert.equal((err as CsvError).problems.map((p) => p.line), [line]);
    }
  });
}

test('a file that is Windows-1257 throughout stays accepted, capitals before punctuation too', () => {
  const text = `Kods;Vārds;Uzvārds\n${NAMES.map((n, i) => `S${i};${n.replace(' ', ';')}`).join('\n')}\nS9;ĀĒ„ŠĶ”;ŽŪ«Ā»\n`;
  const decoded = decodeCsvBytes(encodeWin1257(text), undefined, 'w.csv');
  assert.is(decoded.encoding, 'windows-1257');
  assert.is(decoded.text, text);
});

test('decodeCsvBytes drops a doubled BOM and a DOS end-of-file Ctrl-Z', () => {
  assert.is(decodeCsvBytes(utf8('\uFEFF\uFEFFa;b\n1;2\n\x1a')).text, 'a;b\n1;2\n');
});

const notCsv: [string, Uint8Array, string | null][] = [
  ['empty.csv', fixture('empty.csv'), 'the file is empty'],
  ['a BOM alone', bytes(0xef, 0xbb, 0xbf), 'the file is empty (it holds only a byte-order mark)'],
  ['not-csv.xlsx', fixture('not-csv.xlsx'), 'this is an Excel workbook (.xlsx), not CSV: in Excel use File → Save As → CSV UTF-8'],
  ['not-csv.xls', fixture('not-csv.xls'), 'this is an old Excel workbook (.xls), not CSV: in Excel use File → Save As → CSV UTF-8'],
  ['not-csv.pdf', fixture('not-csv.pdf'), 'this is a PDF document, not CSV: export the data as CSV from the program it came from'],
  ['binary.bin', fixture('binary.bin'), 'this is a binary file, not CSV text (it contains NUL bytes): in Excel use File → Save As → CSV UTF-8'],
  ['a zip that is no workbook', new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...utf8('\x14\0\0\0data.txt')]), 'this is a ZIP archive, not CSV: unzip it first (if it is an Excel workbook, in Excel use File → Save As → CSV UTF-8)'],
  ['an .ods', new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...utf8('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')]), 'this is an OpenDocument spreadsheet (.ods), not CSV: in LibreOffice use File → Save As → Text CSV (UTF-8)'],
  ['gzip', bytes(0x1f, 0x8b, 8, 0, 0, 0), 'this is a gzip-compressed file, not CSV: decompress it first'],
  ['control characters without NUL', utf8('a;b\n\x01\x02\x03\x04\x05;\x06\x07\x08\n'), 'this is a binary file, not CSV text (8 control characters in the first 14 characters): in Excel use File → Save As → CSV UTF-8'],
  ['UTF-16 text (NUL bytes explained)', fixture('students-utf16le.csv'), null],
  ['UTF-16 without BOM', utf16le('a;b\n1;2\n').subarray(2), null],
  ['Windows-1257 text', fixture('students-win1257.csv'), null],
  ['text with tabs, CRLF, a form feed and a final Ctrl-Z', utf8('a\tb\r\n1\t2\f\r\n\x1a'), null],
  ['whitespace only (text; the reader says there is no header)', utf8('\n\n  \n'), null],
];
for (const [name, input, reason] of notCsv) {
  test(`notCsvReason: ${name}`, () => assert.is(notCsvReason(input), reason));
}

test('notCsvReason looks at a NUL character in UTF-16 text', () => {
  assert.match(notCsvReason(utf16le('a;b\n\0;1\n')) ?? '', 'contains NUL');
});

test.run();
