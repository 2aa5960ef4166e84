import { spawn } from 'node:child_process';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BIN, cli, snapshot } from '../support/cli.ts';
import { tempDir } from '../support/school.ts';

const t = tempDir('ezurnals-prompt-');
const env = { EZURNALS_DB: t.dbPath, EZURNALS_USER: 'admin' };

/**
 * Runs the bin inside a pseudo-terminal (util-linux `script`), typing each
 * answer once the previous prompt has had time to appear.
 */
function onTerminal(args: string[], answers: string[]): Promise<{ code: number; screen: string }> {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const child = spawn('script', ['-qfec', quoted, '/dev/null'], { env: { ...process.env, EZURNALS_LANG: 'en', ...env, CI: '' } });
  let screen = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (screen += d));
  answers.forEach((answer, i) => setTimeout(() => child.stdin.write(answer), 1200 * (i + 1)));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, screen })));
}

test.before(async () => {
  assert.is((await cli(['init', '--school', 'Cēsu pamatskola', '--year', '2026/2027'], env)).code, 0);
  assert.is((await cli(['class', 'add', '7.a'], env)).code, 0);
  assert.is((await cli(['class', 'add', '7.b'], env)).code, 0);
});

test.after(() => t.cleanup());

test('without a terminal a missing value is a usage error and nothing is written', async () => {
  const before = await snapshot(t.dbPath);
  const r = await cli(['subject', 'add', 'fiz'], env);
  assert.is(r.code, 2);
  assert.match(r.stderr, /--name is required/);
  assert.is(await snapshot(t.dbPath), before);
});

test('on a terminal a missing value is asked for', async () => {
  const r = await onTerminal(['subject', 'add', 'fiz'], ['Fizika\r']);
  assert.is(r.code, 0, r.screen);
  assert.match(r.screen, /Name \(Latvian\)/);
  const subjects = (await cli(['subject', 'list', '--json'], env)).json as { code: string; name: string }[];
  assert.equal(subjects.find((s) => s.code === 'fiz')?.name, 'Fizika');
});

test('a class is chosen from a select list', async () => {
  // Arrow down once: the second class, 7.b.
  const r = await onTerminal(['student', 'add', 'S1'], ['Jānis\r', 'Bērziņš\r', '\u001b[B\r']);
  assert.is(r.code, 0, r.screen);
  const student = (await cli(['student', 'show', 'S1', '--json'], env)).json;
  assert.is(student.first_name, 'Jānis');
  assert.is(student.last_name, 'Bērziņš');
  assert.is(student.class, '7.b');
});

test.run();
