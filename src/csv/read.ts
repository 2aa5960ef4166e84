// CSV file → header + rows, each row with the line it starts on, so every
// problem the importer finds can be reported as FILE:LINE. Two entry points
// share all parsing rules: `readCsv` for bytes already in memory, and
// `streamCsv` for files too big to hold (1,000,000-row imports under 300 MB).
import { open } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { parse as parseStreaming, type Options as ParseOptions } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { notFound } from '../errors.ts';
import {
  SAMPLE_BYTES,
  cleanDecodedText,
  createDecoder,
  decodeCsvBytes,
  detectEncodingOfSample,
  firstInvalidUtf8,
  firstUtf8Letter,
  invalidUtf8Error,
  lineOfOffset,
  mixedEncodingError,
  notCsvReason,
  notCsvReasonOfSample,
  resolveEncoding,
} from './decode.ts';
import { CsvError, type ImportProblem } from './errors.ts';
import { restoreFormula } from './formulas.ts';
import { detectDelimiter, normalizeDelimiter } from './sniff.ts';
import { m as t } from '../i18n/messages/files-csv.ts';

export interface CsvRow {
  /** 1-based line where the record starts (a quoted newline makes it span more). */
  line: number;
  /** Trimmed values; padded with '' up to the header's width. */
  cells: string[];
  /** How many values the record really had, before padding (see `rowWidthProblem`). */
  width: number;
}

export interface CsvTable {
  file: string;
  /** The encoding used (detected or forced), e.g. 'windows-1257'. */
  encoding: string;
  delimiter: string;
  header: string[];
  /** The line the header is on: 1 unless blank lines come first. */
  headerLine: number;
  rows: CsvRow[];
}

export interface ReadCsvInput {
  bytes: Uint8Array;
  /** The name used in messages, as the user gave it. */
  file: string;
  /** --encoding: replaces detection; aliases such as cp1257 accepted. */
  encoding?: string;
  /** --delimiter: replaces detection; `tab`, `\t`, `;`, `,` … */
  delimiter?: string;
}

// Guards memory against an unclosed quote, which would otherwise make the
// parser buffer the whole rest of a large file as one value.
const MAX_RECORD_CHARS = 1_000_000;

/**
 * Line endings become '\n' before parsing: CRLF, LF and old Mac CR all
 * occur (and mixed, after hand edits), while csv-parse settles on the first
 * one it sees. It also makes a record's line count a plain '\n' count.
 */
const normalizeNewlines = (text: string): string => (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);

/**
 * Turns csv-parse records, in file order, into rows: counts lines, trims,
 * drops blank lines, pads short rows. Line numbers need no help from the
 * parser: blank lines are records too (skip_empty_lines off), so each
 * physical line belongs to exactly one record, and a record spans one line
 * plus the line breaks inside its quoted values. (csv-parse's `info` and
 * `on_record` would say the same, but build a context object per record,
 * which measured as two thirds of the parse time.)
 */
class RecordShaper {
  nextLine = 1;
  private width = -1;

  shape(record: string[]): CsvRow | null {
    const line = this.nextLine;
    let breaks = 0;
    const cells = record.map((raw) => {
      // Line endings are normalised, so each '\n' left is a quoted line break.
      for (let p = raw.indexOf('\n'); p >= 0; p = raw.indexOf('\n', p + 1)) breaks++;
      // Inside quotes too: spaces around a value are never meant in a roster,
      // and "Jānis " must match "Jānis". The quote our writer puts before
      // a would-be formula comes off, so an export imports back exactly.
      return restoreFormula(raw.trim());
    });
    this.nextLine = line + 1 + breaks;
    // Blank lines, and the `;;;;` rows Excel writes for emptied cells, are no records.
    if (cells.every((c) => c === '')) return null;
    const width = cells.length;
    if (this.width < 0) this.width = width;
    else while (cells.length < this.width) cells.push('');
    return { line, cells, width };
  }
}

/**
 * A file read whole (every kind but the bulk grades and absences, which
 * stream) is refused above this many lines, before parsing: a school's
 * registry file has some thousands, and a parsed line costs far more memory
 * than its bytes (a million blank lines took 677 MB).
 */
export const MAX_WHOLE_FILE_LINES = 200_000;

/**
 * Blank lines as records of the file's width. csv-parse builds an error
 * object (stack trace, options copied) for every record shorter than the first
 * one, and only then lets relax_column_count pass it: a blank line cost 30
 * times a full one. Filled with separators, a blank line is an empty record of
 * the right length, which the shaper drops as before; the line count is
 * unchanged. Only while no quote has been seen, so that a blank line inside a
 * quoted value is never touched.
 */
class BlankLineFiller {
  private filler: string | null = null;
  private atLineStart = true;
  private quoted = false;

  constructor(private readonly delimiter: string) {}

  fill(text: string): string {
    if (this.quoted || text.includes('"')) {
      this.quoted = true;
      return text;
    }
    if (this.filler === null) {
      const first = text.split('\n').find((line) => line !== '');
      if (first !== undefined) this.filler = this.delimiter.repeat(first.split(this.delimiter).length - 1);
    }
    const filler = this.filler;
    let filled = text;
    if (filler) {
      filled = text.replace(/\n(?=\n)/g, `\n${filler}`);
      if (this.atLineStart && filled.startsWith('\n')) filled = filler + filled;
    }
    this.atLineStart = text.endsWith('\n');
    return filled;
  }
}

function parserOptions(delimiter: string): ParseOptions {
  return {
    delimiter,
    record_delimiter: '\n',
    quote: '"',
    escape: '"',
    // Short and long rows are the importer's to report (with a line), not a crash.
    relax_column_count: true,
    // `SIA "Zeme"` unquoted is how people type; keep the quotes as data.
    relax_quotes: true,
    // Spaces around separators, so `7.a ; "Bērziņš, Jānis" ; 5` parses.
    trim: true,
    skip_empty_lines: false, // every line must reach the shaper to be counted
    max_record_size: MAX_RECORD_CHARS,
  };
}

function delimiterFor(text: string, override: string | undefined, file: string): string {
  if (override === undefined) return detectDelimiter(text);
  const d = normalizeDelimiter(override);
  if (d === null) throw new CsvError(t.badDelimiter(file, override));
  return d;
}

/** A csv-parse failure as a located, final message; anything else unchanged. */
function translateParseError(err: unknown, file: string, recordStart: number): unknown {
  if (err instanceof CsvError || !(err instanceof Error)) return err;
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !(code.startsWith('CSV_') || code === 'INVALID_OPENING_QUOTE')) return err;
  const errLine = (err as { lines?: unknown }).lines;
  const at = typeof errLine === 'number' && errLine >= recordStart ? errLine : recordStart;
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return CsvError.at(file, recordStart, t.unclosedQuote);
    case 'CSV_MAX_RECORD_SIZE':
      return CsvError.at(
        file,
        recordStart,
        t.recordTooLong(MAX_RECORD_CHARS),
      );
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return CsvError.at(file, at, t.textAfterQuote);
    default:
      return CsvError.at(file, at, t.cannotRead(err.message));
  }
}

function notCsvError(file: string, reason: string): CsvError {
  // No line: the whole file is the problem. `FILE: reason` in the message.
  return new CsvError(`${file}: ${reason}`, [{ file, line: 1, reason }]);
}

const noHeaderError = (file: string) =>
  notCsvError(file, t.noHeader);

/**
 * Read a whole CSV file from memory. Throws CsvError (final message, FILE or
 * FILE:LINE first) when the bytes are not CSV, cannot be decoded, or the
 * quoting is broken; short or long rows are returned for the importer to
 * judge (`width`, `rowWidthProblem`).
 */
export function readCsv(input: ReadCsvInput): CsvTable {
  const { bytes, file } = input;
  const reason = notCsvReason(bytes);
  if (reason !== null) throw notCsvError(file, reason);
  const decoded = decodeCsvBytes(bytes, input.encoding, file);
  const text = normalizeNewlines(decoded.text);
  const lines = countNewlines(text);
  if (lines > MAX_WHOLE_FILE_LINES) {
    throw notCsvError(file, t.tooManyLines(lines, MAX_WHOLE_FILE_LINES));
  }
  const delimiter = delimiterFor(text, input.delimiter, file);
  let records: string[][];
  try {
    records = parseSync(new BlankLineFiller(delimiter).fill(text), parserOptions(delimiter));
  } catch (err) {
    throw locateParseError(err, text, delimiter, file);
  }
  const shaper = new RecordShaper();
  const rows: CsvRow[] = [];
  for (const record of records) {
    const row = shaper.shape(record);
    if (row) rows.push(row);
  }
  const header = rows.shift();
  if (!header) throw noHeaderError(file);
  return { file, encoding: decoded.encoding, delimiter, header: header.cells, headerLine: header.line, rows };
}

/**
 * Where the record that failed to parse starts. The failed parse returns no
 * records to count, so parse again up to the failure with on_record seeing
 * each record: slow, but only ever run on a broken file.
 */
function locateParseError(err: unknown, text: string, delimiter: string, file: string): unknown {
  const shaper = new RecordShaper();
  try {
    parseSync(text, {
      ...parserOptions(delimiter),
      on_record: (record: string[]) => {
        shaper.shape(record);
        return null;
      },
    });
  } catch {
    // The same failure again; `shaper` has seen every record before it.
  }
  return translateParseError(err, file, shaper.nextLine);
}

/**
 * A problem for a row with more values than the header has columns (extra
 * empty values are tolerated: some tools end every line with a separator),
 * or null. Short rows are padded and left to the required-value checks.
 */
export function rowWidthProblem(
  table: { file: string; header: readonly string[]; delimiter: string },
  row: CsvRow,
): ImportProblem | null {
  const columns = table.header.length;
  if (row.width <= columns || row.cells.slice(columns).every((c) => c === '')) return null;
  return {
    file: table.file,
    line: row.line,
    reason: t.rowWidth(row.width, columns, table.delimiter),
  };
}

// --- Streaming ---------------------------------------------------------------

export interface StreamCsvOptions {
  /** Name for messages; defaults to the path. */
  file?: string;
  encoding?: string;
  delimiter?: string;
  /** Bytes per read; 64 KiB. Smaller only to exercise chunk boundaries in tests. */
  chunkSize?: number;
}

/** Header and metadata at once; rows as they are read (iterate once). */
export interface CsvStream extends AsyncIterable<CsvRow> {
  readonly file: string;
  /**
   * The encoding in use. A file detected as UTF-8 from an all-ASCII first
   * 64 KiB becomes 'windows-1257' if later bytes prove it is not UTF-8.
   */
  readonly encoding: string;
  readonly delimiter: string;
  readonly header: string[];
  /** The line the header is on: 1 unless blank lines come first. */
  readonly headerLine: number;
  /**
   * The same rows a chunk at a time (thousands per batch), for batched
   * inserts; iterate either the stream or this, once.
   */
  batches(): AsyncIterable<CsvRow[]>;
  /** Release the file when not iterating to the end (a `break` does it too). */
  close(): Promise<void>;
}

async function readSample(path: string, file: string): Promise<{ sample: Uint8Array; complete: boolean }> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 'ENOENT') throw notFound(t.noSuchFile(file));
    throw err;
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw notCsvError(file, t.isDirectory);
    const size = stats.size;
    const buffer = Buffer.alloc(Math.min(SAMPLE_BYTES, size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { sample: buffer.subarray(0, bytesRead), complete: bytesRead >= size };
  } finally {
    await handle.close();
  }
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

function countNewlines(text: string): number {
  let n = 0;
  for (let p = text.indexOf('\n'); p >= 0; p = text.indexOf('\n', p + 1)) n++;
  return n;
}

interface DecodeState {
  encoding: string;
}

/**
 * The file as text pieces. TextDecoder with `stream: true` keeps a character
 * whose bytes straddle two chunks (an 'ā' is C4 81 in UTF-8) for the next
 * piece; a CR at the end of a piece is held back so a CRLF split across
 * chunks still becomes one '\n'.
 */
async function* decodeFile(
  path: string,
  file: string,
  chunkSize: number,
  state: DecodeState,
  mayFallBack: boolean,
  forced: boolean,
): AsyncGenerator<string> {
  let decoder = createDecoder(state.encoding);
  // Detection saw only 64 KiB. While every byte so far is ASCII, UTF-8 and
  // Windows-1257 have read identically, so switching on the first invalid
  // byte loses nothing.
  let asciiSoFar = mayFallBack;
  /** Where the first byte that is not UTF-8 was, once detection has switched to Windows-1257. */
  let fellBack: { line: number; byte: number } | undefined;
  let atStart = true;
  let held = '';
  let lines = 0;
  const source = createReadStream(path, { highWaterMark: chunkSize });
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        if (!asciiSoFar) throw invalidUtf8Error(chunk, file, forced, lines);
        const at = firstInvalidUtf8(chunk);
        fellBack = { line: lines + lineOfOffset(chunk, Math.max(0, at)), byte: chunk[Math.max(0, at)] ?? 0 };
        decoder = createDecoder('windows-1257');
        state.encoding = 'windows-1257';
        text = decoder.decode(chunk, { stream: true });
      }
      if (fellBack) {
        // Read as Windows-1257 since `fellBack.line`: a UTF-8 letter from
        // there on means rows of two encodings, which no one reading fits.
        const letter = firstUtf8Letter(chunk);
        if (letter >= 0) throw mixedEncodingError(file, fellBack.line, fellBack.byte, lines + lineOfOffset(chunk, letter));
      }
      if (asciiSoFar && !isAscii(chunk)) asciiSoFar = false;
      text = held + text;
      held = '';
      if (atStart && text !== '') {
        // A second BOM (the decoder drops the first); Ctrl-Z is handled at the end.
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        atStart = false;
      }
      const last = text[text.length - 1];
      if (last === '\r' || last === '\x1a') {
        held = last;
        text = text.slice(0, -1);
      }
      if (text === '') continue;
      text = normalizeNewlines(text);
      lines += countNewlines(text);
      yield text;
    }
    let tail = held;
    try {
      tail += decoder.decode();
    } catch {
      throw CsvError.at(file, lines + 1, t.cutUtf8);
    }
    if (tail.endsWith('\x1a')) tail = tail.slice(0, -1); // DOS end-of-file mark
    if (tail !== '') yield normalizeNewlines(tail);
  } finally {
    source.destroy();
  }
}

/**
 * Read a CSV file in 64 KiB chunks: encoding and delimiter are detected from
 * the first 64 KiB (or forced), the header is read before this resolves, and
 * rows come as the parser produces them, so memory stays flat whatever the
 * file size. Errors (CsvError) surface from the iteration with FILE:LINE.
 */
export async function streamCsv(path: string, options: StreamCsvOptions = {}): Promise<CsvStream> {
  const file = options.file ?? path;
  const chunkSize = options.chunkSize ?? SAMPLE_BYTES;
  const { sample, complete } = await readSample(path, file);
  const reason = notCsvReasonOfSample(sample, complete);
  if (reason !== null) throw notCsvError(file, reason);

  const guess = detectEncodingOfSample(sample, complete);
  const encoding = resolveEncoding(sample, options.encoding, complete);
  const state: DecodeState = { encoding };

  let delimiter: string;
  if (options.delimiter !== undefined) {
    delimiter = delimiterFor('', options.delimiter, file);
  } else {
    let head = normalizeNewlines(cleanDecodedText(new TextDecoder(encoding).decode(sample, { stream: !complete })));
    // A cut-off last line would count fewer separators than the others.
    if (!complete) head = head.slice(0, head.lastIndexOf('\n') + 1);
    delimiter = detectDelimiter(head);
  }

  // Only an all-ASCII sample leaves the choice open: a sample with UTF-8
  // letters (or damaged UTF-8) was judged on them, and a bad byte later is
  // reported, not read as Windows-1257.
  const mayFallBack = options.encoding === undefined && encoding === 'utf-8' && !guess.bom && isAscii(sample);
  const forced = options.encoding !== undefined;
  const source = rowBatches(decodeFile(path, file, chunkSize, state, mayFallBack, forced), file, delimiter);

  // The header is the first row of the first non-empty batch.
  let pending: CsvRow[] = [];
  while (pending.length === 0) {
    const next = await source.next();
    if (next.done) break;
    pending = next.value;
  }
  const first = pending.shift();
  if (!first) {
    await source.return(undefined);
    throw noHeaderError(file);
  }
  const batches = (async function* (): AsyncGenerator<CsvRow[]> {
    try {
      if (pending.length > 0) yield pending;
      for await (const batch of source) yield batch;
    } finally {
      await source.return(undefined);
    }
  })();
  const rows = (async function* (): AsyncGenerator<CsvRow> {
    for await (const batch of batches) for (const row of batch) yield row;
  })();
  return {
    file,
    get encoding() {
      return state.encoding;
    },
    delimiter,
    header: first.cells,
    headerLine: first.line,
    [Symbol.asyncIterator]: () => rows,
    batches: () => batches,
    close: async () => {
      await batches.return(undefined);
      // `batches` may never have started (so has no finally to run), while
      // `source` is suspended after the header's batch, holding the file open.
      await source.return(undefined);
    },
  };
}

/**
 * Feeds csv-parse's stream parser by hand rather than through a pipeline,
 * reading its records synchronously after each write: no per-record events
 * or promises, one await per 64 KiB. Records come out in order and are
 * shaped as they come, so when a write or the end fails, `shaper.nextLine`
 * is the line where the failing record starts.
 */
async function* rowBatches(texts: AsyncGenerator<string>, file: string, delimiter: string): AsyncGenerator<CsvRow[]> {
  const shaper = new RecordShaper();
  const filler = new BlankLineFiller(delimiter);
  const parser = parseStreaming(parserOptions(delimiter));
  // Failures reach the write and end callbacks below; without a listener the
  // 'error' event itself would crash the process.
  parser.on('error', () => undefined);
  let batch: CsvRow[] = [];
  const drain = () => {
    // Reading below the high-water mark also lets a held-back write finish.
    for (let record = parser.read() as string[] | null; record !== null; record = parser.read() as string[] | null) {
      const row = shaper.shape(record);
      if (row) batch.push(row);
    }
  };
  const write = async (text: string) => {
    const written = new Promise<void>((resolve, reject) => parser.write(text, (err) => (err ? reject(err) : resolve())));
    // The parser pushes this chunk's records synchronously, before a failure
    // is reported (on the next tick): take them now, so they are counted.
    drain();
    await written;
    drain();
  };
  const end = async () => {
    const ended = new Promise<void>((resolve, reject) => {
      parser.once('finish', resolve);
      parser.once('error', reject);
    });
    parser.end();
    await ended;
    drain(); // the last record, when the file does not end with a newline
  };
  try {
    for (;;) {
      try {
        const next = await texts.next();
        if (next.done) await end();
        else await write(filler.fill(next.value));
        if (next.done) break;
      } catch (err) {
        throw translateParseError(err, file, shaper.nextLine);
      }
      if (batch.length > 0) {
        const out = batch;
        batch = [];
        yield out;
      }
    }
    if (batch.length > 0) yield batch;
  } finally {
    parser.destroy();
    await texts.return(undefined);
  }
}
