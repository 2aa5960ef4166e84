// The tool speaks Latvian unless a person or the school chose English (issue 18):
// --lang beats EZURNALS_LANG, which beats the school's setting, which beats Latvian.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli } from '../support/cli.ts';
import { tempDir } from '../support/school.ts';

const LV = { EZURNALS_LANG: '' };

test('with nothing chosen, help and errors are Latvian', async () => {
  const help = await cli(['--help'], LV);
  assert.is(help.code, 0);
  assert.match(help.stdout, /^Lietojums: ezurnals \[opcijas\] \[komanda\]/);
  assert.match(help.stdout, /Opcijas:/);
  assert.match(help.stdout, /Izejas kodi: 0 labi/);
  const bad = await cli(['grade', 'enter', '--bogus'], LV);
  assert.is(bad.code, 2);
  assert.match(bad.stderr, /kļūda: nezināma opcija '--bogus'/);
});

test('--lang en and EZURNALS_LANG=en choose English; --lang beats the variable', async () => {
  assert.match((await cli(['--lang', 'en', '--help'], LV)).stdout, /^Usage: ezurnals \[options\] \[command\]/);
  assert.match((await cli(['--help'], { EZURNALS_LANG: 'en' })).stdout, /^Usage: ezurnals/);
  assert.match((await cli(['--lang=lv', '--help'], { EZURNALS_LANG: 'en' })).stdout, /^Lietojums: ezurnals/);
});

test('an unknown language is a usage error naming the choices, as JSON too', async () => {
  const r = await cli(['--lang', 'de', 'class', 'list', '--json'], LV);
  assert.is(r.code, 2);
  assert.is(r.errorJson.error.code, 'usage');
  assert.match(r.errorJson.error.message, /lv .* en/);
});

test("the school's setting chooses the language of its runs; a person's --lang still wins", async () => {
  const t = tempDir('ezurnals-lang-');
  const db = t.dbPath;
  assert.is((await cli(['init', '--db', db, '--school', 'Parauga skola', '--year', '2026/2027', '--admin', 'A01'], LV)).code, 0);
  const missing = await cli(['--db', db, '--as', 'A01', 'subject', 'set', 'zz', '--name', 'X'], LV);
  assert.is(missing.code, 3);
  assert.not.match(missing.stderr, /^error:/m);
  assert.match(missing.stderr, /^kļūda:/m);
  assert.is((await cli(['--db', db, '--as', 'A01', 'school', 'set', '--language', 'en'], LV)).code, 0);
  const english = await cli(['--db', db, '--as', 'A01', 'subject', 'set', 'zz', '--name', 'X'], LV);
  assert.match(english.stderr, /^error:/m);
  const chosen = await cli(['--db', db, '--as', 'A01', '--lang', 'lv', 'subject', 'set', 'zz', '--name', 'X'], LV);
  assert.match(chosen.stderr, /^kļūda:/m);
  const refused = await cli(['--db', db, '--as', 'A01', 'school', 'set', '--language', 'ru'], LV);
  assert.is(refused.code, 4);
  t.cleanup();
});

test.run();
