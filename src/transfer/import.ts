// `ezurnals import`: CSV files → the use cases, row by row, in the caller's
// transaction. Every row goes through the same services the commands use, so
// an import can never store what `student add` would refuse. Problems are
// collected over all rows (and, for a bundle, all files) and thrown together
// at the end: the transaction then rolls back and nothing is written.
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { columnLabel, mapHeader, valuesOf, type HeaderMapping } from '../csv/columns.ts';
import { CsvError, formatProblems, type ImportProblem } from '../csv/errors.ts';
import { readCsv, rowWidthProblem } from '../csv/read.ts';
import { notCsvReason, SAMPLE_BYTES } from '../csv/decode.ts';
import { AppError, notFound } from '../errors.ts';
import { requireActor, requireRight, type ServiceContext } from '../services/context.ts';
import { IMPORT_ORDER, KIND_COLUMNS, reportUnknownColumns, TRANSFER_KINDS, type TransferKind } from './columns.ts';
import { HANDLERS, Refs, sameRowReason, type FieldOf, type KindHandler, type Outcome } from './import-kinds.ts';
import { bulkImport, takesBulkPath } from './bulk.ts';
import { m as t } from '../i18n/messages/files-import.ts';
import { m as vocab } from '../i18n/messages/words.ts';

export interface KindSummary {
  kind: TransferKind;
  file: string;
  created: number;
  updated: number;
  unchanged: number;
  errors: number;
}

export interface ImportSource {
  kind: TransferKind;
  /** The name used in messages, as the user gave it. */
  file: string;
  bytes: Uint8Array;
  /** The file on disk, when there is one: big journal files are streamed from it (bulk.ts). */
  path?: string;
}

export interface ImportOptions {
  encoding?: string;
  delimiter?: string;
  /** Unknown columns are problems (the import is refused) instead of warnings. */
  strict?: boolean;
  /** Told each warning (a column that is ignored, lessons of an earlier year…), as one line. */
  warn?: (message: string) => void;
  /** Told after each row of a file read whole (rows done, rows in the file). */
  progress?: (file: string, done: number, total: number) => void;
}

/** Thrown when any row failed: the message is the problem list; the summary still says what the rest would have done. */
export class ImportFailed extends CsvError {
  constructor(
    problems: readonly ImportProblem[],
    readonly summary: KindSummary[],
  ) {
    super(formatProblems(problems), problems);
  }
}

export function isTransferKind(value: string): value is TransferKind {
  return (TRANSFER_KINDS as readonly string[]).includes(value);
}

/**
 * One row as a handler sees it: values by field, and a way to report a
 * problem on a column. A handler reports what it can see itself and lets
 * the services' AppErrors (caught by the row loop) say the rest.
 */
export class Row<F extends string> {
  failed = false;
  /** How many earlier rows of the file had this row's key (see KindHandler.repeatable). */
  occurrence = 0;

  constructor(
    readonly ctx: ServiceContext,
    readonly file: string,
    readonly line: number,
    private readonly mapping: HeaderMapping<F>,
    private readonly kind: TransferKind,
    readonly values: Record<F, string | undefined>,
    private readonly sink: ImportProblem[],
  ) {}

  /** The trimmed cell; undefined when the file has no such column. */
  get(field: F): string | undefined {
    return this.values[field]?.trim();
  }

  /** Whether the file has the column at all (an absent column leaves the stored field alone). */
  has(field: F): boolean {
    return this.values[field] !== undefined;
  }

  fail(field: F | undefined, reason: string): void {
    this.failed = true;
    const problem: ImportProblem = { file: this.file, line: this.line, reason };
    if (field !== undefined) {
      problem.column = columnLabel(this.mapping, KIND_COLUMNS[this.kind] as never, field as never);
      const value = this.values[field];
      if (value !== undefined) problem.value = value;
    }
    this.sink.push(problem);
  }

  /** Runs a check of one cell; an AppError it throws becomes a problem on that column, and the result undefined. */
  async check<T>(field: F, parse: (value: string | undefined) => T | Promise<T>): Promise<T | undefined> {
    try {
      return await parse(this.get(field));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      this.fail(field, error.message);
      return undefined;
    }
  }

  /** The column a service's message is about, when it names one (`--birth-date …`, `personas kods`, …). */
  guessField(message: string): F | undefined {
    const fields = Object.keys(this.values) as F[];
    for (const m of message.matchAll(/--([a-z][a-z-]*)/g)) {
      const name = m[1]!.replace(/-/g, '_');
      const field = fields.find((f) => f === name || (name === 'role' && f === 'roles') || (name === 'substitute_for' && f === name));
      if (field) return field;
    }
    const hints: [RegExp, string][] = [
      [/personas kods/i, 'personal_code'],
      [/e-mail/i, 'email'],
      [/^phone/i, 'phone'],
      // English and Latvian: the services speak the run's language.
      [/^(Unknown class|Nezināma klase)/, 'class'],
      [/^(Unknown subject|Nezināms (mācību )?priekšmets)/, 'subject'],
      [/^(Unknown student|Nezināms skolēns)/, 'student'],
      [/^(Unknown (teacher|class teacher)|Nezināms (skolotājs|klases audzinātājs))/, 'teacher'],
      [/^Not in /, 'student'],
      [/^(\d{4}-\d{2}-\d{2} is outside|No lessons on that day|A grade cannot be dated)/, 'date'],
      [/^\w+ code "/, 'code'],
    ];
    for (const [pattern, name] of hints) {
      const field = fields.find((f) => f === name || (name === 'teacher' && f === 'class_teacher'));
      if (pattern.test(message) && field) return field;
    }
    return undefined;
  }
}

function emptySummary(kind: TransferKind, file: string): KindSummary {
  return { kind, file, created: 0, updated: 0, unchanged: 0, errors: 0 };
}

/** Imports one parsed file; its problems go to `sink`. */
async function importOne<K extends TransferKind>(
  ctx: ServiceContext,
  source: ImportSource & { kind: K },
  options: ImportOptions,
  sink: ImportProblem[],
  /** A bundle reports every unreadable file; a single file keeps the reader's own one-line message. */
  collectFileErrors: boolean,
): Promise<KindSummary> {
  type F = FieldOf<K>;
  // Big grades/absences files of an admin or deputy: streamed and batched (bulk.ts).
  if (takesBulkPath(ctx, source)) return bulkImport(ctx, source, options, sink, collectFileErrors);
  const summary = emptySummary(source.kind, source.file);
  const before = sink.length;
  let table;
  let mapping: HeaderMapping<F>;
  try {
    table = readCsv({ bytes: source.bytes, file: source.file, encoding: options.encoding, delimiter: options.delimiter });
    mapping = mapHeader(table.header, KIND_COLUMNS[source.kind] as never, source.file, table.headerLine) as HeaderMapping<F>;
  } catch (error) {
    if (!(error instanceof CsvError) || !collectFileErrors) throw error;
    sink.push(...(error.problems.length > 0 ? error.problems : [{ file: source.file, line: 1, reason: error.message }]));
    summary.errors = sink.length - before;
    return summary;
  }
  reportUnknownColumns(mapping, source.kind, table.headerLine, options, sink);
  const rows = new RowApplier<F>(ctx, source.kind);
  let failedRows = 0;
  for (const [index, csvRow] of table.rows.entries()) {
    options.progress?.(source.file, index, table.rows.length);
    const row = new Row<F>(ctx, source.file, csvRow.line, mapping, source.kind, valuesOf(mapping, csvRow.cells), sink);
    const width = rowWidthProblem(table, csvRow);
    if (width) {
      sink.push(width);
      failedRows++;
      continue;
    }
    const outcome = await rows.apply(row, csvRow.line);
    if (outcome === null) failedRows++;
    else summary[outcome]++;
  }
  options.progress?.(source.file, table.rows.length, table.rows.length);
  const note = await rows.finish();
  if (note) options.warn?.(`${source.file}: ${note}`);
  summary.errors = failedRows;
  return summary;
}

/**
 * What every import does with one row, whatever it was read from: required
 * values, the natural key (a duplicate, or the n-th repeat of a repeatable
 * key), then the kind's handler; a service's refusal of the row becomes a
 * problem on it. Registry kinds are checked for the right once, up front.
 */
export class RowApplier<F extends string> {
  private readonly handler: KindHandler<F>;
  private readonly refs: Refs;
  private readonly firstLine = new Map<string, number>();
  private readonly repeats = new Map<string, number>();
  /** Repeatable kinds: the line of each whole row seen, so that the same row twice is a duplicate, not two records. */
  private readonly sameRows = new Map<string, number>();

  constructor(
    ctx: ServiceContext,
    private readonly kind: TransferKind,
  ) {
    this.handler = HANDLERS[kind] as unknown as KindHandler<F>;
    if (this.handler.registry) requireRight(ctx, 'manage-registry');
    this.refs = new Refs(ctx);
  }

  /** The kind's word on the file as a whole, after its last row (see KindHandler.finish). */
  finish(): Promise<string | null> {
    return this.handler.finish?.(this.refs) ?? Promise.resolve(null);
  }

  /** The row's outcome, or null when it failed (its problems are on the row's sink). */
  async apply(row: Row<F>, line: number): Promise<Outcome | null> {
    const defs = KIND_COLUMNS[this.kind].defs as Record<string, { required?: boolean }>;
    for (const field of KIND_COLUMNS[this.kind].fields as readonly F[]) {
      if (defs[field]!.required && !row.get(field)) row.fail(field, vocab.valueRequired);
    }
    const key = row.failed ? null : this.handler.key(row);
    if (key) {
      const label = async () => {
        if (typeof key.label === 'string') return key.label;
        const { name, code } = key.student ? await this.refs.studentNamed(key.student) : { name: null, code: '' };
        return key.label(name, code);
      };
      const earlier = this.firstLine.get(key.key);
      if (this.handler.repeatable) {
        row.occurrence = this.repeats.get(key.key) ?? 0;
        // Two grades of one kind on one day are allowed, but two rows alike in
        // every cell are one grade typed or pasted twice (issue 14).
        const whole = `${key.key}\u0001${this.handler.rest?.(row) ?? ''}`;
        const same = this.sameRows.get(whole);
        if (same !== undefined) row.fail(key.field, sameRowReason(await label(), same));
        else this.sameRows.set(whole, line);
      } else if (earlier !== undefined) row.fail(key.field, t.duplicate(await label(), earlier));
      this.repeats.set(key.key, row.occurrence + 1);
      if (earlier === undefined) this.firstLine.set(key.key, line);
    }
    if (row.failed) return null;
    try {
      const outcome = await this.handler.apply(row, this.refs);
      return row.failed ? null : outcome;
    } catch (error) {
      // A refusal of who is acting is not a row's fault: the whole import is refused (exit 5), as the command would be.
      if (!(error instanceof AppError) || error.code === 'forbidden') throw error;
      row.fail(row.guessField(error.message), error.message);
      return null;
    }
  }
}

/**
 * Imports the sources in dependency order into the context's transaction.
 * Returns the summary when every row went in; otherwise throws ImportFailed
 * (exit 4) with every problem, and the caller's transaction rolls back.
 */
export async function importSources(ctx: ServiceContext, sources: readonly ImportSource[], options: ImportOptions = {}): Promise<KindSummary[]> {
  requireActor(ctx);
  const ordered = [...sources].sort((a, b) => IMPORT_ORDER.indexOf(a.kind) - IMPORT_ORDER.indexOf(b.kind));
  const problems: ImportProblem[] = [];
  const summary: KindSummary[] = [];
  for (const source of ordered) summary.push(await importOne(ctx, source, options, problems, ordered.length > 1));
  if (problems.length > 0) throw new ImportFailed(problems, summary);
  return summary;
}

/** Reads FILE for `import KIND FILE`. */
export function loadFile(kind: string, file: string): ImportSource {
  if (!isTransferKind(kind)) throw new AppError('usage', t.unknownKindOrBundle(kind, TRANSFER_KINDS.join(', ')));
  return sourceOf(kind, file, file);
}

/** Journal files over 1 MiB are read only if the per-row path needs them: the bulk path streams them. */
function sourceOf(kind: TransferKind, path: string, file: string): ImportSource {
  if ((kind === 'grades' || kind === 'absences') && sizeOf(path) > 1 << 20) {
    let bytes: Uint8Array | undefined;
    return {
      kind,
      file,
      path,
      get bytes() {
        return (bytes ??= readBytes(path));
      },
    };
  }
  return { kind, file, path, bytes: readBytes(path) };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).isFile() ? statSync(path).size : 0;
  } catch {
    return 0;
  }
}

/**
 * The most read of one file that is not streamed. Read in pieces up to this,
 * so that /dev/zero, a pipe that never ends or a mistaken disk image is
 * refused with a reason instead of filling the memory.
 */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

function readBounded(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, MAX_FILE_BYTES + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > MAX_FILE_BYTES) {
        const binary = notCsvReason(chunks[0]!.subarray(0, SAMPLE_BYTES));
        throw new AppError('invalid', binary ? t.notImported(file, binary) : t.tooLarge(file, MAX_FILE_BYTES / (1024 * 1024)));
      }
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

function readBytes(file: string): Uint8Array {
  try {
    return readBounded(file);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw notFound(t.noSuchFile(file));
    if (code === 'EISDIR') throw new AppError('usage', t.fileIsFolder(file));
    throw new AppError('invalid', t.cannotRead(file, code ?? String(error)));
  }
}

/** The KIND.csv files of a bundle folder, and the names of the files it will not import. */
export function loadBundle(dir: string): { sources: ImportSource[]; ignored: string[] } {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new AppError('usage', t.notFolder(dir));
    names = readdirSync(dir).sort();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw notFound(t.noSuchFolder(dir));
  }
  const sources: ImportSource[] = [];
  const ignored: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    if (!statSync(path).isFile() || name.startsWith('.')) continue;
    const kind = /^(.+)\.csv$/i.exec(name)?.[1]?.toLowerCase();
    if (kind && isTransferKind(kind)) sources.push(sourceOf(kind, path, path));
    else ignored.push(basename(name));
  }
  if (sources.length === 0) throw new AppError('invalid', t.nothingImportable(dir, IMPORT_ORDER.map((k) => `${k}.csv`).join(', ')));
  return { sources, ignored };
}
