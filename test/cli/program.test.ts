// The program registers only the command family that argv names, loaded on demand (src/cli/program.ts).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildProgram, commandWord } from '../../src/cli/program.ts';

const all = await buildProgram(['--help']);
const families = all.commands.map((c) => c.name());

test('help and unknown words register every family; --version none', async () => {
  assert.ok(families.length >= 30, families.join(' '));
  for (const word of ['init', 'grade', 'report', 'batch', 'holiday', 'calendar']) assert.ok(families.includes(word), `${word} missing from ${families.join(' ')}`);
  assert.equal((await buildProgram(['no-such-word'])).commands.map((c) => c.name()), families);
  assert.equal((await buildProgram(['--version'])).commands, []);
});

test('a command registers its own family only, with the same subcommands as the full program', async () => {
  for (const family of all.commands) {
    const word = family.name();
    const alone = await buildProgram([word, '--json']);
    const names = alone.commands.map((c) => c.name());
    assert.ok(names.includes(word), `${word}: registered ${names.join(' ')}`);
    assert.ok(names.length <= 2, `${word}: registered more than its own family: ${names.join(' ')}`);
    const own = alone.commands.find((c) => c.name() === word)!;
    assert.equal(
      own.commands.map((c) => c.name()),
      family.commands.map((c) => c.name()),
      word,
    );
  }
});

test('the command word skips global options and their values', () => {
  assert.is(commandWord(['--db', 'x.db', '--as', 'T01', 'grade', 'enter']), 'grade');
  assert.is(commandWord(['--json', '--year', '2026/2027', 'subject']), 'subject');
  assert.is(commandWord(['--version']), undefined);
});

test.run();
