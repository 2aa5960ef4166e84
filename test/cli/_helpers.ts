// Shared helpers for the end-to-end CLI tests (not a test file itself).
import * as assert from 'uvu/assert';
import { cli, snapshot, TEST_NOW, type CliResult, type Env } from '../support/cli.ts';

/** Every row of every table, read through the data layer (see test/support/cli.ts). */
export const dbState = snapshot;

export type { Env };

export const EXIT_CODES = { usage: 2, not_found: 3, invalid: 4, forbidden: 5, conflict: 6 } as const;
export type ErrorName = keyof typeof EXIT_CODES;

/** A runner bound to one database; `--as` defaults to EZURNALS_USER=admin. */
export function runner(dbPath: string, user: string | undefined = 'admin', now: Date = TEST_NOW) {
  const env: Env = { EZURNALS_DB: dbPath, EZURNALS_USER: user };
  const run = (args: string[], extraEnv: Env = {}, input?: string): Promise<CliResult> => cli(args, { ...env, ...extraEnv }, input, now);
  /**
   * A command that must be refused with the given error, with `--json`: the
   * error is JSON on stderr, stdout stays empty, and the database is unchanged.
   */
  const refused = async (label: string, args: string[], error: ErrorName | ErrorName[], message?: RegExp, extraEnv: Env = {}): Promise<CliResult> => {
    const before = await dbState(dbPath);
    const r = await run([...args, '--json'], extraEnv);
    const errors = Array.isArray(error) ? error : [error];
    const expected = errors.find((e) => EXIT_CODES[e] === r.code) ?? errors[0]!;
    assert.is(r.code, EXIT_CODES[expected], `${label}: exit code (stderr: ${r.stderr.trim()})`);
    assert.is(r.stdout, '', `${label}: stdout must stay empty`);
    assert.is(r.errorJson?.error?.code, expected, `${label}: JSON error on stderr, got: ${r.stderr.trim()}`);
    assert.type(r.errorJson?.error?.message, 'string', `${label}: error message`);
    if (message) assert.match(r.errorJson.error.message, message, `${label}: message`);
    assert.is(await dbState(dbPath), before, `${label}: the database changed`);
    return r;
  };
  /**
   * Many refusals at once (they are independent, and each must write nothing):
   * run one after another between two readings of the database, which must
   * be identical. Every case is checked and all failures reported.
   */
  const refusedAll = async (cases: readonly RefusalCase[]): Promise<CliResult[]> => {
    const before = await dbState(dbPath);
    const results: CliResult[] = [];
    for (const { args, env: extra } of cases) results.push(await run([...args, '--json'], extra));
    const after = await dbState(dbPath);
    const failures: string[] = [];
    cases.forEach((c, i) => {
      const r = results[i]!;
      const errors = Array.isArray(c.error) ? c.error : [c.error];
      const problems: string[] = [];
      if (!errors.some((e) => EXIT_CODES[e] === r.code)) problems.push(`exit ${r.code}, expected ${errors.map((e) => EXIT_CODES[e]).join(' or ')}`);
      if (r.stdout !== '') problems.push(`stdout not empty: ${r.stdout.slice(0, 100)}`);
      const json = r.errorJson?.error;
      if (!json || !errors.includes(json.code) || typeof json.message !== 'string') problems.push(`not a JSON error on stderr of code ${errors.join('/')}`);
      else if (c.message && !c.message.test(json.message)) problems.push(`message does not match ${c.message}`);
      if (problems.length > 0) failures.push(`${c.label}: ${problems.join('; ')}\n    stderr: ${r.stderr.trim()}`);
    });
    assert.equal(failures, [], `${failures.length} of ${cases.length} refusals wrong:\n  ${failures.join('\n  ')}`);
    assert.is(after, before, `one of these refused commands changed the database: ${cases.map((c) => c.label).join(', ')}`);
    return results;
  };
  /**
   * Builds a fixture: runs each step in-process; each must succeed.
   * Returns each step's stdout as JSON when it is JSON.
   */
  const setup = async (steps: string[][]): Promise<any[]> => {
    const results: any[] = [];
    for (const args of steps) {
      const r = await run(args);
      if (r.code !== 0) throw new Error(`setup step failed: ezurnals ${args.join(' ')} → ${r.code}\n${r.stderr}`);
      results.push(r.json);
    }
    return results;
  };
  /** A read-back through the CLI in-process (for checking state, when the read itself is not under test). */
  const read = async (args: string[]): Promise<any> => (await setup([[...args, '--json']]))[0];
  return { env, run, refused, refusedAll, setup, read };
}

export interface RefusalCase {
  label: string;
  args: string[];
  error: ErrorName | ErrorName[];
  message?: RegExp;
  env?: Env;
}

/** The usual small school of the example, as setup steps. */
export const EXAMPLE_SCHOOL: string[][] = [
  ['init', '--school', 'Rīgas Parauga vidusskola', '--year', '2026/2027'],
  ['staff', 'add', 'T01', '--first-name', 'Anna', '--last-name', 'Kalniņa', '--role', 'teacher', '--role', 'class-teacher', '--phone', '+37120000001'],
  ['staff', 'add', 'T02', '--first-name', 'Pēteris', '--last-name', 'Ozoliņš', '--role', 'teacher'],
  ['subject', 'add', 'mat', '--name', 'Matemātika'],
  ['class', 'add', '7.a', '--level', '7', '--class-teacher', 'T01'],
  ['student', 'add', 'S001', '--first-name', 'Jānis', '--last-name', 'Bērziņš', '--personal-code', '010110-20002', '--class', '7.a'],
  ['assign', 'add', '--class', '7.a', '--subject', 'mat', '--teacher', 'T01'],
];
