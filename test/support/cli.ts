import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/ezurnals.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON, when it is JSON. */
  json: any;
  /** stderr parsed as JSON (errors with --json), when it is JSON. */
  errorJson: any;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function cleanEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env };
  delete base.EZURNALS_DB;
  delete base.EZURNALS_USER;
  return { ...base, ...env };
}

/** Runs the real, built bin (npm test builds it first), synchronously. */
export function cli(args: string[], env: Record<string, string | undefined> = {}, input?: string): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: cleanEnv(env), input, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, json: parse(r.stdout), errorJson: parse(r.stderr) };
}

/** Same, without blocking: for running several processes at once. */
export function cliAsync(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: cleanEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, json: parse(stdout), errorJson: parse(stderr) }));
  });
}

/**
 * Every row of every table, for asserting that a refused command changed
 * nothing. Read with the sqlite3 shell's JSON mode, independent of our code.
 */
export function snapshot(dbPath: string): string {
  const tables = spawnSync('sqlite3', [dbPath, "select name from sqlite_master where type = 'table' order by name"], { encoding: 'utf8' }).stdout.trim().split('\n');
  const dump: Record<string, unknown> = {};
  for (const table of tables.filter(Boolean)) {
    dump[table] = JSON.parse(spawnSync('sqlite3', ['-json', dbPath, `select * from "${table}" order by rowid`], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout || '[]');
  }
  return JSON.stringify(dump);
}
