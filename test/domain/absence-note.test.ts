// The rules of an absence note (src/domain/absence-note.ts), as table cases, in both wordings.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkAbsenceNote, noteProblemLatvian, noteProblemText } from '../../src/domain/absence-note.ts';
import type { IsoDate } from '../../src/domain/dates.ts';

const TODAY = '2026-11-29' as IsoDate;
const long = 'ā'.repeat(501);

const CASES: [string, { from?: string; to?: string; reason?: string; text?: string }, string | null, RegExp | null][] = [
  ['one day, by illness', { from: '2026-11-24', reason: 'illness' }, null, null],
  ['a range in Latvian dates', { from: '23.11.2026', to: '25.11.2026', reason: 'other', text: ' Ģimenes apstākļi ' }, null, null],
  ['no first day', { reason: 'illness' }, 'no-from', /pirmo kavēto dienu/],
  ['not a date', { from: '31.02.2026', reason: 'illness' }, 'not-a-date', /Pirmā diena "31\.02\.2026" nav datums/],
  ['last before first', { from: '2026-11-25', to: '2026-11-24', reason: 'illness' }, 'to-before-from', /24\.11\.2026\.\) ir pirms pirmās \(25\.11\.2026\./],
  ['a month and more ago', { from: '2026-10-28', reason: 'illness' }, 'too-far-back', /vairāk nekā pirms 31 dienām/],
  ['just inside a month', { from: '2026-10-29', reason: 'illness' }, null, null],
  ['more than a week ahead', { from: '2026-12-01', to: '2026-12-07', reason: 'other' }, 'too-far-ahead', /7 dienas uz priekšu/],
  ['no reason', { from: '2026-11-24' }, 'no-reason', /slimība vai cits/],
  ['an unknown reason', { from: '2026-11-24', reason: 'holiday' }, 'no-reason', /Izvēlieties iemeslu/],
  ['a long explanation', { from: '2026-11-24', reason: 'other', text: long }, 'too-long', /garāks par 500/],
];

for (const [label, input, problem, latvian] of CASES) {
  test(`absence note: ${label}`, () => {
    const check = checkAbsenceNote(input, TODAY);
    if (problem === null) {
      assert.ok(check.ok, JSON.stringify(check));
      if (check.ok) assert.is(check.text, input.text?.trim() || null);
      return;
    }
    assert.not.ok(check.ok);
    if (check.ok) return;
    assert.is(check.problem.kind, problem);
    assert.match(noteProblemLatvian(check.problem), latvian!);
    // The tool's own wording says the same thing in English.
    assert.match(noteProblemText(check.problem), /[a-z]/);
    assert.not.match(noteProblemLatvian(check.problem), /\b(the|is|before|ahead)\b/);
  });
}

test.run();
