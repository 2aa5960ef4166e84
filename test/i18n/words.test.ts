// One word, one translation: the short words, column headers and labels that
// several areas use live once, in src/i18n/messages/words.ts. This test keeps
// it so: an area's catalogue may not hold a copy of a shared word (a copy is
// a chance to translate it another way), and an English text that still
// stands in more than one area file reads the same in Latvian in each, unless
// Latvian grammar or a different meaning asks otherwise (listed, with why).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { withLanguage } from '../../src/i18n/language.ts';
import { m as w } from '../../src/i18n/messages/words.ts';

const DIR = join(import.meta.dirname, '..', '..', 'src', 'i18n', 'messages');
const areas = readdirSync(DIR).filter((f) => f.endsWith('.ts') && f !== 'words.ts');

type Texts = Record<string, unknown>;
const catalogues = await Promise.all(
  areas.map(async (file) => {
    const { en, lv } = (await import(pathToFileURL(join(DIR, file)).href)).catalogue as { en: Texts; lv: Texts };
    return { area: file.replace(/\.ts$/, ''), en, lv };
  }),
);
const { catalogue: words } = (await import(pathToFileURL(join(DIR, 'words.ts')).href)) as { catalogue: { en: Texts; lv: Texts } };

/** Area keys whose English is a shared word's but whose meaning is the area's own. */
const OWN_MEANING: Record<string, string> = {
  'accounts.hTo': "an SMS's recipient: 'kam', not the end of a period",
  'calendar-timetable.colBy': "who inspected the journal: 'pārbaudīja'",
  'files-audit.columnBy': "who made a change: 'kas', beside the audit trail's other columns",
  'calendar-years.colGrade': "a class's level (1–12): 'līmenis', not an assessment",
  'files-import.columnUnchanged': "a count of rows: 'nemainīti', beside 'izveidoti' and 'mainīti'",
};

/** English texts repeated across areas whose Latvian rightly differs: the noun they agree with, or the sentence around them. */
const AGREES_WITH_ITS_NOUN = new Set(['created', 'recorded', 'replaced', '(none)', 'none']);

test('no area keeps its own copy of a shared word', () => {
  const shared = new Set(Object.values(words.en).filter((v): v is string => typeof v === 'string'));
  const copies: string[] = [];
  for (const { area, en } of catalogues) {
    for (const [key, text] of Object.entries(en)) {
      if (typeof text === 'string' && shared.has(text) && !OWN_MEANING[`${area}.${key}`]) copies.push(`${area}.${key} = ${JSON.stringify(text)}`);
    }
  }
  assert.equal(copies, []);
});

test('an English text repeated across areas has one Latvian translation', () => {
  const byText = new Map<string, Set<string>>();
  for (const { area, en, lv } of catalogues) {
    for (const [key, text] of Object.entries(en)) {
      if (typeof text !== 'string' || AGREES_WITH_ITS_NOUN.has(text) || OWN_MEANING[`${area}.${key}`]) continue;
      byText.set(text, (byText.get(text) ?? new Set()).add(String(lv[key])));
    }
  }
  const split = [...byText].filter(([, lv]) => lv.size > 1).map(([en, lv]) => `${en}: ${[...lv].join(' | ')}`);
  assert.equal(split, []);
});

test("E-klase's terms: status 'statuss', a cause 'iemesls', a decision's ground 'pamatojums', a school year 'mācību gads'", () => {
  withLanguage('lv', () => {
    assert.is(w.status, 'statuss');
    assert.is(w.reason, 'iemesls');
    assert.is(w.justification, 'pamatojums');
    assert.is(w.year, 'mācību gads');
    assert.is(w.personName, 'vārds, uzvārds');
    assert.is(w.thingName, 'nosaukums');
  });
  withLanguage('en', () => {
    assert.is(w.reason, 'reason');
    assert.is(w.justification, 'reason');
    assert.is(w.personName, 'name');
  });
});

test.run();
