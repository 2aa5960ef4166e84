// Runs the CLI for tests: in-process through `main(argv, world)` with a fixed
// clock (the default: fast, and independent of the real date), or as the real
// built bin (for the few tests of what only a process shows: a terminal,
// signals, true concurrency, the bundle itself). Real-bin tests run at the
// real time, so they compute their dates from the real clock.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/main.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { dumpDatabase } from '../../src/db/dump.ts';
import { instantOfLocal } from '../../src/domain/dates.ts';

export const BIN = fileURLToPath(new URL('../../bin/ezurnals.js', import.meta.url));

/**
 * The in-process runs' clock: noon in Riga on a fixed Sunday of the
 * 2026/2027 school year, when the suite's dated fixtures were written.
 */
export const TEST_NOW: Date = instantOfLocal('2026-11-29', '12:00');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON, when it is JSON. */
  json: any;
  /** stderr parsed as JSON (errors with --json), when it is JSON. */
  errorJson: any;
}

export type Env = Record<string, string | undefined>;

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The test process's environment without the journal's own variables, which
 * each call sets for itself. The suite speaks English unless a test names
 * another language (`{ EZURNALS_LANG: 'lv' }`, or `--lang lv`).
 */
function cleanEnv(env: Env): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, EZURNALS_LANG: 'en' };
  delete base.EZURNALS_DB;
  delete base.EZURNALS_USER;
  return { ...base, ...env };
}

function result(code: number, stdout: string, stderr: string): CliResult {
  return { code, stdout, stderr, json: parse(stdout), errorJson: parse(stderr) };
}

/**
 * In-process runs take turns: each is one `main` call, as one process would
 * be, and two writers interleaving on one thread would block each other in
 * SQLite's busy wait. Concurrency is tested with the real bin.
 */
let turn: Promise<unknown> = Promise.resolve();

/** Runs `main(argv)` in this process with a fixed clock, the given environment and stdin, capturing stdout and stderr. */
export function cli(args: string[], env: Env = {}, input?: string, now: Date = TEST_NOW): Promise<CliResult> {
  const run = async (): Promise<CliResult> => {
    let stdout = '';
    let stderr = '';
    const stdin = (async function* () {
      if (input !== undefined && input !== '') yield input;
    })();
    const code = await main(args, {
      now,
      env: { ...cleanEnv(env), CI: 'true' },
      stdin: Object.assign(stdin, { isTTY: false }),
      stdout: { write: (chunk: string) => (stdout += chunk) },
      stderr: { write: (chunk: string) => (stderr += chunk) },
    });
    return result(code, stdout, stderr);
  };
  const next = turn.then(run, run);
  turn = next.catch(() => undefined);
  return next;
}

/** Runs the real, built bin (npm test builds it first), synchronously, at the real time. */
export function bin(args: string[], env: Env = {}, input?: string, options: { cwd?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: cleanEnv(env), input, encoding: 'utf8', cwd: options.cwd });
  return result(r.status ?? -1, r.stdout, r.stderr);
}

/** Same, without blocking: for running several processes at once. */
export function binAsync(args: string[], env: Env = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: cleanEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve(result(code ?? -1, stdout, stderr)));
  });
}

/**
 * Every row of every table, for asserting that a refused command changed
 * nothing: read through the data layer's dump, which works on any dialect.
 */
export async function snapshot(dbPath: string): Promise<string> {
  const db = await openDatabase(dbPath);
  try {
    return await dumpDatabase(db);
  } finally {
    await db.destroy();
  }
}
