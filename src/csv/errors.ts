// Errors of the CSV layer. The importer collects many problems per file and
// prints them all (issue 3: `FILE:LINE: column "X": value "Y" — reason`, the
// first 100, then the count), so a problem is plain data; only a file that
// cannot be read at all becomes an exception.
import { AppError } from '../errors.ts';
import { m as t } from '../i18n/messages/files-csv.ts';

/** One thing wrong with one place in an input file. */
export interface ImportProblem {
  file: string;
  /** 1-based line in the file where the record starts (1 = the header). */
  line: number;
  /** The column as the file names it (the user looks for it in their sheet). */
  column?: string;
  value?: string;
  /** What is wrong, and what would be accepted. */
  reason: string;
}

/**
 * A file that cannot be read as CSV (not text, undecodable, a required
 * column missing, an unclosed quote…). It is an AppError with code 'invalid',
 * so the CLI prints the message as is, without a stack, and exits 4 like any
 * other bad-input error. The message is final: callers must not wrap it.
 */
export class CsvError extends AppError {
  /** The same content as data, for importers that collect across files. */
  readonly problems: readonly ImportProblem[];

  constructor(message: string, problems: readonly ImportProblem[] = []) {
    super('invalid', message);
    this.name = 'CsvError';
    this.problems = problems;
  }

  static fromProblems(problems: readonly ImportProblem[]): CsvError {
    return new CsvError(formatProblems(problems), problems);
  }

  /** A problem located at one place: message and data agree by construction. */
  static at(file: string, line: number, reason: string, column?: string): CsvError {
    const problem: ImportProblem = column === undefined ? { file, line, reason } : { file, line, column, reason };
    return CsvError.fromProblems([problem]);
  }
}

// Values are shown on one line and bounded: a runaway quoted value can be a
// whole file long, and a newline inside it would break the one-line format.
const MAX_VALUE_CHARS = 80;

function showValue(value: string): string {
  const oneLine = value.replace(/\r\n|\r|\n/g, '\\n').replace(/\t/g, '\\t');
  return oneLine.length > MAX_VALUE_CHARS ? `${oneLine.slice(0, MAX_VALUE_CHARS - 1)}…` : oneLine;
}

/**
 * `FILE:LINE: column "X": value "Y" — reason`. Parts that are unknown are left
 * out (`FILE:LINE: column "X" — reason`, `FILE:LINE: reason`), so the
 * `FILE:LINE:` prefix that editors and grep understand is always there.
 */
export function formatProblem(p: ImportProblem): string {
  const where = t.where(p.file, p.line);
  const parts: string[] = [];
  if (p.column !== undefined) parts.push(t.column(p.column));
  if (p.value !== undefined) parts.push(t.value(showValue(p.value)));
  if (parts.length === 0) return `${where} ${p.reason}`;
  return `${where} ${parts.join(t.partsJoin)} — ${p.reason}`;
}

/** The first `max` problems, one a line, then `… and N more`. */
export function formatProblems(list: readonly ImportProblem[], max = 100): string {
  const shown = list.slice(0, Math.max(0, max)).map(formatProblem);
  const rest = list.length - shown.length;
  if (rest > 0) shown.push(t.more(rest));
  return shown.join('\n');
}
