import type { ChalkInstance } from 'chalk';
import type TableConstructor from 'cli-table3';
import { io, type OutStream } from './io.ts';
import { m } from '../i18n/messages/cli.ts';
import { maskPersonalCodesDeep, maskPersonalCodesIn } from '../domain/personal-code.ts';

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
}

export interface Output {
  json: boolean;
  /** Data: JSON with --json, else a table (or key/value lines for one record). */
  data<T>(value: T | T[], columns: Column<T>[]): void;
  /** Raw JSON regardless of mode, for results without a tabular shape. */
  raw(value: unknown): void;
  /** A heading between tables, on stdout with them (so `> file` keeps the labels); nothing with --json. */
  heading(title: string): void;
  /** Messages, progress and warnings: stderr, so stdout stays clean for pipes. */
  info(message: string): void;
  warn(message: string): void;
}

/**
 * cli-table3 and chalk are loaded only when a person will see them: a script
 * reading JSON never pays for them, nor for the terminal probing chalk does.
 */
async function loadTable(): Promise<typeof TableConstructor> {
  return (await import('cli-table3')).default;
}

async function colours(stream: OutStream): Promise<ChalkInstance | null> {
  if (!stream.isTTY) return null;
  const { Chalk } = await import('chalk');
  return new Chalk({ level: 1 });
}

/**
 * Control characters that a terminal would obey rather than show: C0 (but the
 * line break) and C1 controls, DEL, and the Unicode line separators and bidi
 * overrides. Stored text reaches a reader's terminal through tables and
 * messages; anyone who can write a topic could otherwise clear or fake the
 * reader's screen (ESC[2J, ESC]0;…, a lone CR). JSON needs none of this: it
 * escapes them itself.
 */
const TERMINAL_CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\t': '\\t', '\r': '\\r', '\u001b': '\\e' };

/** Stored text made safe to print on a terminal: every control character shown escaped (\e, \r, \t, \x07, \u202e). */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}

function cell(value: string | number | boolean | null | undefined, mask: (text: string) => string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? m.yes : m.no;
  return terminalSafe(mask(String(value)));
}

export interface OutputOptions {
  json: boolean;
  stdout?: OutStream;
  stderr?: OutStream;
  /**
   * Print personas kodi in full: only the personal file and the profiles (whose
   * usernames an admin types) do. Everywhere else a personas kods, also one an
   * older import made a student's code, shows masked, in tables, JSON and
   * messages alike (issue 14).
   */
  revealPersonalCodes?: boolean;
}

export async function createOutput(options: OutputOptions): Promise<Output> {
  const stdout = options.stdout ?? io().stdout;
  const stderr = options.stderr ?? io().stderr;
  // A batch's lines print their data as JSON whatever their options (src/cli/commands/batch.ts).
  const Table = options.json || io().jsonOutput ? null : await loadTable();
  const paint = await colours(stderr);
  const mask = options.revealPersonalCodes ? (text: string) => text : maskPersonalCodesIn;
  const maskJson = options.revealPersonalCodes ? (value: unknown) => value : maskPersonalCodesDeep;
  return {
    json: options.json,
    data<T>(value: T | T[], columns: Column<T>[]) {
      if (!Table) {
        stdout.write(`${JSON.stringify(maskJson(value), null, 2)}\n`);
        return;
      }
      const style = stdout.isTTY === true ? { head: ['cyan'] } : { head: [], border: [] };
      if (Array.isArray(value)) {
        const table = new Table({ head: columns.map((c) => c.header), style });
        for (const row of value) table.push(columns.map((c) => cell(c.value(row), mask)));
        stdout.write(`${table.toString()}\n`);
        if (value.length === 0) stderr.write(`${m.none}\n`);
      } else {
        const table = new Table({ style });
        for (const c of columns) table.push({ [c.header]: cell(c.value(value), mask) });
        stdout.write(`${table.toString()}\n`);
      }
    },
    raw(value: unknown) {
      stdout.write(`${JSON.stringify(maskJson(value), null, 2)}\n`);
    },
    heading(title: string) {
      if (!Table) return;
      stdout.write(`\n${terminalSafe(mask(title))}\n`);
    },
    info(message: string) {
      stderr.write(`${terminalSafe(mask(message))}\n`);
    },
    warn(message: string) {
      stderr.write(`${paint ? paint.yellow(m.warningLabel) : m.warningLabel} ${terminalSafe(mask(message))}\n`);
    },
  };
}

export async function printError(stderr: OutStream, json: boolean, code: string, message: string, details?: readonly string[]): Promise<void> {
  // An error names what was given; a personas kods in it shows masked, like everywhere outside the personal file.
  const text = maskPersonalCodesIn(message);
  const lines = details?.map(maskPersonalCodesIn);
  if (json) {
    stderr.write(`${JSON.stringify({ error: { code, message: text, ...(lines?.length ? { details: lines } : {}) } })}\n`);
    return;
  }
  const paint = await colours(stderr);
  stderr.write(`${paint ? paint.red(m.errorLabel) : m.errorLabel} ${terminalSafe(text)}\n`);
  for (const line of lines ?? []) stderr.write(`  ${terminalSafe(line)}\n`);
}
