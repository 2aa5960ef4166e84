// A new user never meets an English sentence unless they chose English
// (issue 18): the help of every command family, and of each of its commands,
// read in Latvian holds no English. The check looks for English's commonest
// words, which no Latvian sentence uses; the example lines (commands a
// person types) and the option flags are left out, as they are the same in
// both languages.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildProgram } from '../../src/cli/program.ts';
import { withLanguage } from '../../src/i18n/language.ts';
import { helpOf, leaves } from '../support/commands.ts';

// Whole words only, by Unicode letters: "notīrīt" or "mērķis" are Latvian words, not "not" or "is" (JavaScript's \b counts ī as a boundary).
const ENGLISH = /(?<![\p{L}\p{N}])(the|and|of|to|for|with|from|is|are|by|an|or|which|this|that|when|not|be|its|their|each|one|only|given|default|e\.g\.)(?![\p{L}\p{N}])/iu;

function englishLines(help: string): string[] {
  return help
    .split('\n')
    .filter((line) => !/^\s*\$ /.test(line))
    // An option's or command's term (flags, <placeholders>) is not prose: only its description is checked.
    .map((line) => line.replace(/^\s{2}(-\S.*?|\S+(?: \[[^\]]+\]| <[^>]+>)*)\s{2,}/, ''))
    .filter((line) => ENGLISH.test(line));
}

const program = await withLanguage('lv', () => buildProgram([]));

test('the root help is Latvian', () => {
  assert.equal(withLanguage('lv', () => englishLines(helpOf(program))), []);
});

for (const family of program.commands) {
  test(`ezurnals ${family.name()}: its help and its commands' help are Latvian`, () => {
    const found: string[] = [];
    withLanguage('lv', () => {
      for (const line of englishLines(helpOf(family))) found.push(`${family.name()}: ${line.trim()}`);
      for (const { words, command } of leaves(family, [family.name()])) {
        if (command === family) continue;
        for (const line of englishLines(helpOf(command))) found.push(`${words.join(' ')}: ${line.trim()}`);
      }
    });
    assert.equal(found, []);
  });
}

test.run();
