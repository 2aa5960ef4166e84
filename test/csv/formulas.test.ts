import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { writeTables } from '../../src/archive/tables.ts';
import { openSnapshotFile } from '../../src/db/sqlite/snapshot-file.ts';
import { neutraliseFormula, restoreFormula } from '../../src/csv/formulas.ts';
import { readCsv } from '../../src/csv/read.ts';
import { EXCEL_CSV_OPTIONS, csvField, toCsv, type CsvCell } from '../../src/csv/write.ts';
import { nativeBindingPath } from '../../src/db/connection.ts';

// What a spreadsheet would run, and how we write it (before CSV quoting).
const written: [string, string][] = [
  ['=HYPERLINK("http://x.lv","klikšķini")', `'=HYPERLINK("http://x.lv","klikšķini")`],
  ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
  ['-2+3', "'-2+3"],
  ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
  ['\t=1+1', "'\t=1+1"],
  ['\r=1+1', "'\r=1+1"],
  ['+37120000001', "'+37120000001"],
  ['-5', "'-5"],
  // Already quoted by someone: one more quote, so reading gives it back.
  ["'=1+1", "''=1+1"],
  ["''@x", "'''@x"],
  // Not formulas: as they are.
  ['Daļskaitļi', 'Daļskaitļi'],
  ["'plain", "'plain"],
  ['2026-10-05', '2026-10-05'],
  ['a=b', 'a=b'],
  ['', ''],
];
for (const [value, expected] of written) {
  test(`neutraliseFormula ${JSON.stringify(value)} → ${JSON.stringify(expected)}, and back`, () => {
    assert.is(neutraliseFormula(value), expected);
    assert.is(restoreFormula(expected), value);
  });
}

test('csvField neutralises text but writes numbers as numbers', () => {
  assert.is(csvField('=1+1'), "'=1+1");
  assert.is(csvField('-3'), "'-3");
  assert.is(csvField(-3), '-3');
  assert.is(csvField(-7.5), '-7.5');
  assert.is(csvField('=A1;B1'), `"'=A1;B1"`);
});

test('every hostile value survives a write and a read exactly, in both CSV styles', () => {
  const values: CsvCell[] = written.map(([v]) => v).filter((v) => !/^[\t\r]/.test(v)); // leading whitespace is trimmed by design
  values.push("'''", "'", '=', '+', '-', '@', "'-", 'x');
  for (const options of [{}, EXCEL_CSV_OPTIONS]) {
    const text = toCsv(['value', 'other'], values.map((v) => [v, 'x']), options);
    for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean)) assert.not.match(line, /^"?[=+\-@]/, `a cell starts a formula: ${line}`);
    const table = readCsv({ bytes: Buffer.from(text), file: 't.csv' });
    assert.equal(table.rows.map((r) => r.cells[0]), values);
  }
});

test("the archive's table CSV neutralises formulas, while its JSON keeps the value", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ezurnals-formulas-'));
  try {
    const db = new SqliteDatabase(join(dir, 'x.sqlite'), { nativeBinding: nativeBindingPath() });
    db.exec(`create table lesson (id integer primary key, topic text, delta integer); insert into lesson (topic, delta) values ('=HYPERLINK("http://x.lv")', -2), ('@SUM(A1)', 3)`);
    db.close();
    const file = openSnapshotFile(join(dir, 'x.sqlite'));
    try {
      writeTables(file, join(dir, 'out'));
    } finally {
      await file.close();
    }
    const csv = readFileSync(join(dir, 'out', 'lesson.csv'), 'utf8');
    assert.ok(csv.includes(`1;"'=HYPERLINK(""http://x.lv"")";-2\r\n`), csv);
    assert.ok(csv.includes(`2;'@SUM(A1);3\r\n`), csv);
    assert.is(JSON.parse(readFileSync(join(dir, 'out', 'lesson.json'), 'utf8'))[0].topic, '=HYPERLINK("http://x.lv")');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
