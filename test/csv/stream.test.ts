import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../src/errors.ts';
import { CsvError } from '../../src/csv/errors.ts';
import { readCsv, streamCsv, type CsvRow, type StreamCsvOptions } from '../../src/csv/read.ts';
import { FIXTURE_DIR, encodeWin1257 } from '../fixtures/csv/make-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'ezurnals-csv-stream-'));
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
let fileCounter = 0;
function tempFile(bytes: Uint8Array, name = `f${++fileCounter}.csv`): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function collect(path: string, options: StreamCsvOptions = {}) {
  const stream = await streamCsv(path, options);
  const rows: CsvRow[] = [];
  for await (const row of stream) rows.push(row);
  return { header: stream.header, encoding: stream.encoding, delimiter: stream.delimiter, rows };
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    assert.instance(err, Error);
    return err as Error;
  }
  assert.unreachable('expected a rejection');
  throw new Error('unreachable');
}

// --- Same answers as readCsv, whatever the chunk size -------------------------

const textFixtures = [
  'students-utf8-bom.csv',
  'students-utf8.csv',
  'students-utf16le.csv',
  'students-utf16be.csv',
  'students-win1257.csv',
  'quoted-crlf.csv',
  'trailing-empty-lines.csv',
  'decimal-in-quotes.csv',
];
// Odd sizes split UTF-16 code units, 3 and 7 split UTF-8 letters and CRLFs
// at many places, 1 everywhere (slow: one file read per byte, so only for a
// few files).
const chunkSizes = [3, 7, 4096];
const everyByte = new Set(['students-utf16le.csv', 'students-win1257.csv', 'quoted-crlf.csv']);
for (const name of textFixtures) {
  const sizes = everyByte.has(name) ? [1, ...chunkSizes] : chunkSizes;
  test(`streamCsv ${name} equals readCsv at chunk sizes ${sizes.join(', ')}`, async () => {
    const path = join(FIXTURE_DIR, name);
    const whole = readCsv({ bytes: readFileSync(path), file: name });
    for (const chunkSize of sizes) {
      const streamed = await collect(path, { file: name, chunkSize });
      assert.is(streamed.encoding, whole.encoding, `encoding, chunk ${chunkSize}`);
      assert.is(streamed.delimiter, whole.delimiter, `delimiter, chunk ${chunkSize}`);
      assert.equal(streamed.header, whole.header, `header, chunk ${chunkSize}`);
      assert.equal(streamed.rows, whole.rows, `rows, chunk ${chunkSize}`);
    }
  });
}

const inline: [string, string][] = [
  ['mixed line endings, CR at chunk ends', 'a;b\r\n1;"x\r\ny"\r\n\r\n3;4\r5;6\n7;8'],
  ['Ctrl-Z at the end', 'a;b\r\n1;2\r\n\x1a'],
  ['a doubled BOM', '\uFEFF\uFEFFa;b\n1;2\n'],
  ['padding and long rows', 'a;b;c\n1\n1;2;3;4\n'],
];
for (const [name, text] of inline) {
  test(`streamCsv equals readCsv: ${name}`, async () => {
    const path = tempFile(utf8(text));
    const whole = readCsv({ bytes: utf8(text), file: 'x.csv' });
    for (const chunkSize of [1, ...chunkSizes]) {
      const streamed = await collect(path, { file: 'x.csv', chunkSize });
      assert.equal(streamed.header, whole.header);
      assert.equal(streamed.rows, whole.rows, `chunk ${chunkSize}`);
    }
  });
}

for (const name of ['not-csv.xlsx', 'not-csv.pdf', 'empty.csv', 'binary.bin']) {
  test(`streamCsv ${name}: the same one-line CsvError as readCsv`, async () => {
    const path = join(FIXTURE_DIR, name);
    let expected = '';
    try {
      readCsv({ bytes: readFileSync(path), file: name });
    } catch (err) {
      expected = (err as Error).message;
    }
    assert.ok(expected !== '');
    const err = await rejection(streamCsv(path, { file: name }));
    assert.instance(err, CsvError);
    assert.is(err.message, expected);
  });
}

test('streamCsv: a missing file is "not found" (exit 3), named as given', async () => {
  const err = await rejection(streamCsv(join(dir, 'nope.csv'), { file: 'nope.csv' }));
  assert.instance(err, AppError);
  assert.is(err.message, 'nope.csv: no such file');
  assert.is((err as AppError).exitCode, 3);
});

test('streamCsv: only blank lines is "no header"', async () => {
  const err = await rejection(streamCsv(tempFile(utf8('\n\n;;\n')), { file: 'b.csv' }));
  assert.is(err.message, 'b.csv: the file has no header line (it holds only empty lines)');
});

test('streamCsv: an unclosed quote fails the iteration with its line', async () => {
  const path = tempFile(utf8('a;b\n1;2\n"x\ny";3\n4;"never\n5;6\n'));
  const err = await rejection(collect(path, { file: 'q.csv', chunkSize: 5 }));
  assert.instance(err, CsvError);
  assert.is(err.message, 'q.csv:5: a quoted value starts on this line and is never closed: a closing " is missing');
});

test('streamCsv: text after a closing quote, mid-file: the line it is on, rows before it delivered', async () => {
  const path = tempFile(utf8('a;b\n1;2\n3;4\n5;"x\ny" z\n6;7\n'));
  const stream = await streamCsv(path, { file: 'c.csv', chunkSize: 4 });
  const seen: number[] = [];
  const err = await rejection(
    (async () => {
      for await (const row of stream) seen.push(row.line);
    })(),
  );
  assert.is(err.message, 'c.csv:5: text follows the closing quote of a quoted value: a " inside a quoted value must be written twice ("")');
  assert.equal(seen, [2, 3]);
});

test('streamCsv: an unclosed quote early in a big file stops at 1,000,000 characters, not at the end of memory', async () => {
  const rows = Array.from({ length: 60_000 }, (_, i) => `S${i};Jānis Bērziņš\n`).join('');
  const path = tempFile(utf8(`a;b\n1;2\n3;"oops\n${rows}`));
  const err = await rejection(collect(path, { file: 'm.csv' }));
  assert.is(err.message, 'm.csv:3: the record starting here is longer than 1,000,000 characters: most likely a quote that is never closed');
});

test('streamCsv and readCsv: headerLine is where the header is', async () => {
  const text = '\n\nKods;Vārds\nS1;Jānis\n';
  assert.is(readCsv({ bytes: utf8(text), file: 'h.csv' }).headerLine, 3);
  const stream = await streamCsv(tempFile(utf8(text)));
  assert.is(stream.headerLine, 3);
  await stream.close();
});

// --- 200,000 lines; an "ā" across the 64 KiB chunk boundary --------------------

const CHUNK = 64 * 1024;
const TOTAL_LINES = 200_000;

interface BigFile {
  path: string;
  /** The expected start line of every data record. */
  lines: number[];
  straddleLine: number;
  straddleValue: string;
  multiLine: number;
}

function makeBigFile(): BigFile {
  const parts: string[] = ['Kods;Vārds;Uzvārds;Klase\n'];
  let offset = Buffer.byteLength(parts[0]!);
  let line = 2;
  const lines: number[] = [];
  let straddleLine = 0;
  let straddleValue = '';
  let multiLine = 0;
  const names = ['Jānis;Bērziņš', 'Žanete;Ābele', 'Ģirts;Čakste', 'Ņina;Ķirse', 'Šarlote;Ūdre', 'Ēriks;Ļaviņš'];
  for (let n = 0; line <= TOTAL_LINES; n++) {
    let row: string;
    let span = 1;
    if (straddleLine === 0 && offset + 200 > CHUNK) {
      // "SX;" + filler puts the two bytes of "ā" (C4 81) at 65535 and 65536.
      straddleValue = `${'x'.repeat(CHUNK - 1 - offset - 3)}ā`;
      row = `SX;${straddleValue};Ābele;7.a\n`;
      straddleLine = line;
    } else if (multiLine === 0 && line >= 100_000) {
      row = 'SM;"pirmā\notrā\ntrešā";Ozola;7.b\n';
      span = 3;
      multiLine = line;
    } else {
      row = `S${n};${names[n % names.length]};${7 + (n % 3)}.a\n`;
    }
    if (line + span - 1 > TOTAL_LINES) break;
    parts.push(row);
    lines.push(line);
    if (straddleLine === 0) offset += Buffer.byteLength(row); // only needed up to the boundary
    line += span;
  }
  const bytes = utf8(parts.join(''));
  assert.is(bytes[CHUNK - 1], 0xc4, 'the first byte of "ā" ends the first chunk');
  assert.is(bytes[CHUNK], 0x81, 'its second byte starts the next');
  return { path: tempFile(bytes, 'big.csv'), lines, straddleLine, straddleValue, multiLine };
}

test('streamCsv on 200,000 lines: every record where it starts, "ā" across the chunk boundary intact', async () => {
  const big = makeBigFile();
  const stream = await streamCsv(big.path, { file: 'big.csv' });
  assert.is(stream.encoding, 'utf-8');
  assert.is(stream.delimiter, ';');
  assert.equal(stream.header, ['Kods', 'Vārds', 'Uzvārds', 'Klase']);
  let i = 0;
  let straddle: CsvRow | undefined;
  let multi: CsvRow | undefined;
  let badLine = 0;
  let replacement = 0;
  let last: CsvRow | undefined;
  for await (const row of stream) {
    if (row.line !== big.lines[i] && badLine === 0) badLine = row.line;
    if (row.line === big.straddleLine) straddle = row;
    if (row.line === big.multiLine) multi = row;
    for (const cell of row.cells) if (cell.includes('\uFFFD')) replacement++;
    last = row;
    i++;
  }
  assert.is(badLine, 0, 'a record with an unexpected line number');
  assert.is(i, big.lines.length);
  assert.is(replacement, 0, 'no undecodable characters');
  assert.equal(straddle?.cells, ['SX', big.straddleValue, 'Ābele', '7.a']);
  assert.equal(multi?.cells, ['SM', 'pirmā\notrā\ntrešā', 'Ozola', '7.b']);
  assert.is(last?.line, TOTAL_LINES);
  assert.ok(big.lines.length < TOTAL_LINES - 1, 'fewer records than lines: one spans three');
});

test('streamCsv: a break stops reading; close() releases an unread stream', async () => {
  const big = join(dir, 'big.csv');
  const stream = await streamCsv(big);
  let n = 0;
  for await (const row of stream) {
    assert.is(row.line, n + 2);
    if (++n === 3) break;
  }
  assert.is(n, 3);
  const unread = await streamCsv(big);
  assert.is(unread.header[0], 'Kods');
  await unread.close();
  await unread.close(); // twice is harmless
  let after = 0;
  for await (const _ of unread) after++;
  assert.is(after, 0, 'a closed stream yields nothing');
});

/** Whether this process holds `path` open (Linux: /proc/self/fd links to it). */
function holds(path: string): boolean {
  return readdirSync('/proc/self/fd').some((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === path;
    } catch {
      return false; // the directory listing's own descriptor, already gone
    }
  });
}
async function released(path: string): Promise<boolean> {
  // fs closes descriptors asynchronously; give it a few turns.
  for (let i = 0; i < 50 && holds(path); i++) await new Promise((r) => setTimeout(r, 5));
  return !holds(path);
}

test('streamCsv: break and close() really close the file', async () => {
  if (!existsSync('/proc/self/fd')) return; // Linux only
  const big = join(dir, 'big.csv');
  assert.ok(await released(big), 'not open before');
  const opened = await streamCsv(big);
  assert.ok(holds(big), 'open while rows are pending');
  await opened.close();
  assert.ok(await released(big), 'closed by close()');
  const iterated = await streamCsv(big);
  for await (const row of iterated) if (row.line > 5000) break;
  assert.ok(await released(big), 'closed by break');
});

// --- Encoding decided on the first 64 KiB --------------------------------------

test('streamCsv: ASCII for the first 64 KiB, then Windows-1257 letters: switches to windows-1257, letters right', async () => {
  const ascii = 'code;name\n' + Array.from({ length: 8000 }, (_, i) => `S${i};Janis\n`).join('');
  assert.ok(ascii.length > CHUNK);
  const path = tempFile(encodeWin1257(`${ascii}L1;Jānis Bērziņš\nL2;Šarlote Ūdre\n`));
  const stream = await streamCsv(path);
  assert.is(stream.encoding, 'utf-8', 'the first 64 KiB read as UTF-8');
  const rows: CsvRow[] = [];
  for await (const row of stream) rows.push(row);
  assert.is(stream.encoding, 'windows-1257');
  assert.equal(rows.slice(-2).map((r) => r.cells), [
    ['L1', 'Jānis Bērziņš'],
    ['L2', 'Šarlote Ūdre'],
  ]);
  assert.is(rows.at(-1)?.line, 8003);
});

test('streamCsv: UTF-8 letters early, an invalid byte after 64 KiB: a CsvError with its line', async () => {
  const good = 'Kods;Vārds\n' + Array.from({ length: 7000 }, (_, i) => `S${i};Jānis\n`).join('');
  assert.ok(Buffer.byteLength(good) > CHUNK);
  const path = tempFile(Buffer.concat([utf8(good), utf8('BAD;'), Buffer.from([0xe2]), utf8('le\nS;x\n')]));
  const err = await rejection(collect(path, { file: 'u.csv' }));
  assert.instance(err, CsvError);
  assert.match(err.message, /^u\.csv:7002: the file is UTF-8 but has an invalid byte 0xE2/);
});

test('streamCsv: ASCII for the first 64 KiB, then a Windows-1257 row and a UTF-8 row: refused at the 1257 row (issue 14)', async () => {
  const ascii = 'code;name\n' + Array.from({ length: 8000 }, (_, i) => `S${i};Janis\n`).join('');
  const path = tempFile(Buffer.concat([utf8(ascii), Buffer.from(encodeWin1257('L1;Jānis Bērziņš\n')), utf8('L2;Šarlote Ūdre\n')]));
  const err = await rejection(collect(path, { file: 'x.csv' }));
  assert.instance(err, CsvError);
  assert.match(err.message, /^x\.csv:8002: this line is not UTF-8 \(byte 0xE2, a Windows-1257 letter\?\) but line 8003 is: the file mixes two encodings/);
});

test('streamCsv: a small mixed file is refused before any row is read', async () => {
  const path = tempFile(Buffer.concat([utf8('Kods;Vārds\nS1;Jānis\n'), Buffer.from(encodeWin1257('S2;Bērziņš\n'))]));
  const err = await rejection(collect(path, { file: 'y.csv' }));
  assert.instance(err, CsvError);
  assert.match(err.message, /^y\.csv:3: the file is UTF-8 but has an invalid byte/);
});

test.after(() => rmSync(dir, { recursive: true, force: true }));

test.run();
