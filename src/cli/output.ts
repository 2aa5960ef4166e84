import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';

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
  /** Messages, progress and warnings: stderr, so stdout stays clean for pipes. */
  info(message: string): void;
  warn(message: string): void;
}

function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

export function createOutput(options: { json: boolean; stdout?: NodeJS.WriteStream; stderr?: NodeJS.WriteStream }): Output {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  let errColor: ChalkInstance | undefined;
  const paint = () => {
    if (!errColor) {
      errColor = new Chalk({ level: stderr.isTTY ? 1 : 0 });
    }
    return errColor;
  };
  return {
    json: options.json,
    data<T>(value: T | T[], columns: Column<T>[]) {
      if (options.json) {
        stdout.write(`${JSON.stringify(value, null, 2)}\n`);
        return;
      }
      const colour = stdout.isTTY === true;
      const style = colour ? { head: ['cyan'] } : { head: [], border: [] };
      if (Array.isArray(value)) {
        const table = new Table({ head: columns.map((c) => c.header), style });
        for (const row of value) table.push(columns.map((c) => cell(c.value(row))));
        stdout.write(`${table.toString()}\n`);
        if (value.length === 0) stderr.write('(none)\n');
      } else {
        const table = new Table({ style });
        for (const c of columns) table.push({ [c.header]: cell(c.value(value)) });
        stdout.write(`${table.toString()}\n`);
      }
    },
    raw(value: unknown) {
      stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
    info(message: string) {
      stderr.write(`${message}\n`);
    },
    warn(message: string) {
      stderr.write(`${paint().yellow('warning:')} ${message}\n`);
    },
  };
}

export function printError(stderr: NodeJS.WriteStream, json: boolean, code: string, message: string, details?: readonly string[]): void {
  if (json) {
    stderr.write(`${JSON.stringify({ error: { code, message, ...(details?.length ? { details } : {}) } })}\n`);
    return;
  }
  const chalk = new Chalk({ level: stderr.isTTY ? 1 : 0 });
  stderr.write(`${chalk.red('error:')} ${message}\n`);
  for (const line of details ?? []) stderr.write(`  ${line}\n`);
}
