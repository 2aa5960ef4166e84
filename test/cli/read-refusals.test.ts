// Issue 14: a command that only reads never answers "This command changes the
// journal" (nor that a reading role "only reads the journal"), whoever runs
// it. Walks every command through the first example of its --help, run
// without --as (the operator) and as each reading role, and checks the
// refusals of the commands that turned out to be reads.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { parse as parseShell } from 'shell-quote';
import { buildProgram } from '../../src/cli/program.ts';
import { helpOf, leaves } from '../support/commands.ts';
import { commandKinds } from '../../src/cli/runtime.ts';
import { tempDir } from '../support/school.ts';
import { EXAMPLE_SCHOOL, runner } from './_helpers.ts';

const t = tempDir('ezurnals-read-refusals-');
const { run, setup } = runner(t.dbPath);

/** Wording that belongs to writes only. */
const WRITE_WORDING = /changes? the journal|only reads/;

// Commands that do not open the journal through the common path, or make files of their own: not walked.
// serve runs until stopped (its pages check readers by the same rights: test/web); batch runs lines that are walked
// here as themselves; db acts on the storage as its operator, not on the journal as a person.
const NOT_WALKED = new Set(['init', 'demo', 'archive', 'import', 'serve', 'batch', 'db']);

/**
 * The first example of the command itself as arguments: without `--as`
 * (each run says who acts), with every `--out` in the temporary folder, and
 * with --json (a report then prints its data and starts no browser).
 */
function exampleArgs(words: string[], help: string): string[] | undefined {
  const line = help.split('\n').find((l) => l.includes(`$ ezurnals ${words.join(' ')}`) && !/[|<>]/.test(l.split('$ ')[1]!.split('&&')[0]!));
  if (!line) return undefined;
  const tokens = parseShell(line.split('$ ezurnals ')[1]!.split('&&')[0]!).filter((x): x is string => typeof x === 'string');
  const args: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === '--as') {
      i++;
      continue;
    }
    if (tokens[i] === '--out') {
      args.push('--out', join(t.dir, `out-${words.join('-')}-${i}`));
      i++;
      continue;
    }
    args.push(tokens[i]!);
  }
  return args.includes('--json') ? args : [...args, '--json'];
}

test.before(async () => {
  await setup([
    ...EXAMPLE_SCHOOL,
    ['staff', 'add', 'G01', '--first-name', 'Inese', '--last-name', 'Viesīte', '--role', 'guest'],
    ['guardian', 'add', '--student', 'S001', '--first-name', 'Ilze', '--last-name', 'Bērziņa', '--relation', 'māte', '--phone', '29999999'],
    ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-05', '--number', '1', '--topic', 'Daļskaitļi', '--as', 'T01'],
    ['grade', 'enter', '--lesson', '1', '--student', 'S001=8', '--as', 'T01'],
  ]);
});

test.after(() => t.cleanup());

test('no read command speaks of changing the journal, to the operator or to a guest, a student or a guardian', async () => {
  const readers: [string, string | undefined][] = [['the operator', undefined], ['a guest', 'G01'], ['a student', 'S001'], ['a guardian', 'guardian:1']];
  const all = leaves(await buildProgram(['--help'])).filter(({ words }) => !NOT_WALKED.has(words[0]!));
  const wrong: string[] = [];
  const reads: string[] = [];
  for (const { words, command } of all) {
    const args = exampleArgs(words, helpOf(command));
    if (!args) continue;
    const path = words.join(' ');
    for (const [who, user] of readers) {
      const r = await run(args, { EZURNALS_USER: user });
      const kind = commandKinds.get(path);
      // A write is entitled to its wording, and not run again by the readers.
      if (kind === 'write' || kind === undefined) break;
      if (who === 'the operator') reads.push(path);
      if (WRITE_WORDING.test(r.stderr)) wrong.push(`${path} (${who}): ${r.stderr.trim()}`);
    }
  }
  assert.equal(wrong, [], `reads refused in a write's words:\n${wrong.join('\n')}`);
  // The walk reached the reads (a walk that ran nothing would pass).
  assert.ok(reads.length >= 40, `only ${reads.length} reads walked: ${reads.join(', ')}`);
  for (const expected of ['student list', 'grade list', 'audit list', 'account list', 'conversation list', 'report journal', 'report deadlines', 'sms list']) {
    assert.ok(reads.includes(expected), `${expected} was not walked as a read (walked: ${reads.join(', ')})`);
  }
});

test('the wording a read gets: who may, or whose view it needs', async () => {
  const asGuest = await run(['audit', 'list', '--json'], { EZURNALS_USER: 'G01' });
  assert.is(asGuest.code, 5, asGuest.stderr);
  assert.match(asGuest.errorJson.error.message, /^G01 \(Inese Viesīte\) may not read the audit log: only an admin or a deputy director may$/);
  const operator = await run(['conversation', 'list', '--class', '7.a', '--json'], { EZURNALS_USER: undefined });
  assert.is(operator.code, 2, operator.stderr);
  assert.match(operator.errorJson.error.message, /^Say who you are with --as STAFF_CODE or EZURNALS_USER: this command shows only what the person named may read\.$/);
  const student = await run(['conversation', 'list', '--class', '7.a', '--json'], { EZURNALS_USER: 'S001' });
  assert.is(student.code, 5, student.stderr);
  assert.match(student.errorJson.error.message, /^S001 \(Jānis Bērziņš\) may not read (this: it is not open to a student|conversations with parents: .*)\.?$/);
  // The archive export (not walked: it makes folders) reads too.
  for (const user of [undefined, 'G01']) {
    const archive = await run(['archive', 'export', '--out', join(t.dir, 'arhivs'), '--json'], { EZURNALS_USER: user });
    assert.ok(archive.code === 2 || archive.code === 5, archive.stderr);
    assert.not.match(archive.stderr, WRITE_WORDING);
  }
  // A write keeps its own words.
  const write = await run(['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-06', '--number', '1', '--topic', 'X', '--json'], { EZURNALS_USER: 'G01' });
  assert.is(write.code, 5, write.stderr);
  assert.match(write.errorJson.error.message, /a guest only reads/);
});

test.run();
