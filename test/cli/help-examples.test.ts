// Every command's --help shows how it is used: the README promises an example for each.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildProgram } from '../../src/cli/program.ts';
import { helpOf, leaves } from '../support/commands.ts';

/** Example lines: `  $ ezurnals …`, or a pipeline or environment ending in it (`printf … | ezurnals account verify …`). */
const examples = (help: string) => help.split('\n').filter((line) => /^ {2}\$ (.* )?ezurnals /.test(line));

const all = leaves(await buildProgram(['--help']));

test('the walk finds the whole command tree', () => {
  // A walk that found nothing would pass every check below.
  assert.ok(all.length > 100, `only ${all.length} commands found`);
  for (const expected of ['grade history', 'lesson show', 'student list', 'sms send', 'account verify', 'report extract', 'init']) {
    assert.ok(all.some((c) => c.words.join(' ') === expected), `${expected} not found`);
  }
});

test('every command has at least one `$ ezurnals …` example of itself in its --help', () => {
  const missing = all.filter(({ words, command }) => !examples(helpOf(command)).some((line) => line.includes(`ezurnals ${words.join(' ')}`)));
  assert.equal(missing.map((c) => c.words.join(' ')), [], 'commands whose --help has no example of themselves');
});

test('no report example combines --out with --json (with --json a report prints its data and writes no file)', () => {
  const reports = all.filter((c) => c.words[0] === 'report');
  assert.ok(reports.length >= 10);
  const wrong = reports.flatMap(({ command }) => examples(helpOf(command)).filter((line) => / --out\b/.test(line) && / --json\b/.test(line)));
  assert.equal(wrong, []);
});

test.run();
