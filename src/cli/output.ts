import type { ChalkInstance } from 'chalk';
import type TableConstructor from 'cli-table3';
import { io, type OutStream } from './io.ts';

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

function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

export async function createOutput(options: { json: boolean; stdout?: OutStream; stderr?: OutStream }): Promise<Output> {
  const stdout = options.stdout ?? io().stdout;
  const stderr = options.stderr ?? io().stderr;
  const Table = options.json ? null : await loadTable();
  const paint = await colours(stderr);
  return {
    json: options.json,
    data<T>(value: T | T[], columns: Column<T>[]) {
      if (!Table) {
        stdout.write(`${JSON.stringify(value, null, 2)}\n`);
        return;
      }
      const style = stdout.isTTY === true ? { head: ['cyan'] } : { head: [], border: [] };
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
      stderr.write(`${paint ? paint.yellow('warning:') : 'warning:'} ${message}\n`);
    },
  };
}

export async function printError(stderr: OutStream, json: boolean, code: string, message: string, details?: readonly string[]): Promise<void> {
  if (json) {
    stderr.write(`${JSON.stringify({ error: { code, message, ...(details?.length ? { details } : {}) } })}\n`);
    return;
  }
  const paint = await colours(stderr);
  stderr.write(`${paint ? paint.red('error:') : 'error:'} ${message}\n`);
  for (const line of details ?? []) stderr.write(`  ${line}\n`);
}
