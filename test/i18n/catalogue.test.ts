// Every message lives in one catalogue per language (issue 18): each area's
// file in src/i18n/messages/ exports `catalogue = { en, lv }`. The typecheck
// already refuses a key missing in either language (lv is typed as en); this
// test holds what types cannot: same keys at run time, the same number of
// parameters, a Latvian text that is not the English one left untranslated,
// and plural forms that follow each language.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { count } from '../../src/i18n/catalogue.ts';
import { withLanguage } from '../../src/i18n/language.ts';

const DIR = join(import.meta.dirname, '..', '..', 'src', 'i18n', 'messages');
const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));

/** Words that read the same in both languages: codes, names, formats. */
const SAME_IN_BOTH = /^[\s\p{P}\p{S}\d]*$|^(JSON|CSV|PDF|SMS|ID|OK|e-žurnāls.*)$/u;

/** Sample arguments for a message function: what a caller passes (numbers count, strings name). */
function sample(fn: (...args: never[]) => string, lang: 'en' | 'lv'): string {
  const args = Array.from({ length: fn.length }, (_, i) => (i % 2 === 0 ? `X${i}` : 3)) as never[];
  try {
    return withLanguage(lang, () => fn(...args));
  } catch {
    return withLanguage(lang, () => fn(...(Array.from({ length: fn.length }, () => 3) as never[])));
  }
}

let total = 0;
for (const file of files) {
  test(`${file}: both languages have the same keys and parameters, and Latvian is translated`, async () => {
    const module = await import(pathToFileURL(join(DIR, file)).href);
    const { en, lv } = module.catalogue as { en: Record<string, unknown>; lv: Record<string, unknown> };
    assert.ok(en && lv, `${file} exports catalogue = { en, lv }`);
    assert.equal(Object.keys(lv).sort(), Object.keys(en).sort(), `${file}: the same keys in en and lv`);
    const untranslated: string[] = [];
    for (const key of Object.keys(en)) {
      total++;
      const e = en[key];
      const l = lv[key];
      assert.is(typeof l, typeof e, `${file}: ${key} is the same kind in both`);
      if (typeof e === 'function') {
        assert.is((l as () => string).length, (e as () => string).length, `${file}: ${key} takes the same parameters`);
        const eText = sample(e as never, 'en');
        const lText = sample(l as never, 'lv');
        if (eText === lText && !SAME_IN_BOTH.test(eText)) untranslated.push(key);
      } else if (typeof e === 'string') {
        if (e === l && !SAME_IN_BOTH.test(e)) untranslated.push(key);
      }
    }
    assert.equal(untranslated, [], `${file}: Latvian texts identical to the English`);
  });
}

test('the catalogues hold messages', () => {
  assert.ok(files.length >= 1);
});

test('Latvian plural forms: 1 skolēns, 2 skolēni, 10 skolēnu, 21 skolēns; English 1 student, 2 students', () => {
  const forms = { one: 'skolēns', other: 'skolēni', zero: 'skolēnu' };
  const cases: [number, string][] = [
    [0, '0 skolēnu'],
    [1, '1 skolēns'],
    [2, '2 skolēni'],
    [9, '9 skolēni'],
    [10, '10 skolēnu'],
    [11, '11 skolēnu'],
    [21, '21 skolēns'],
    [22, '22 skolēni'],
    [111, '111 skolēnu'],
  ];
  for (const [n, text] of cases) assert.is(count(n, forms, 'lv'), text);
  assert.is(count(1, { one: 'student', other: 'students' }, 'en'), '1 student');
  assert.is(count(2, { one: 'student', other: 'students' }, 'en'), '2 students');
  assert.is(count(0, { one: 'student', other: 'students' }, 'en'), '0 students');
});

test.after(() => {
  // The note quotes the catalogue's size.
  if (process.env.EZURNALS_I18N_SIZE) console.log(`catalogue: ${total} messages per language in ${files.length} files`);
});

test.run();
