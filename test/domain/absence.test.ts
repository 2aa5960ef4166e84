import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  ABSENCE_CODES,
  switchTransition,
  ABSENCE_MEANINGS,
  isAbsenceCode,
  isJustifyReason,
  isMarkCode,
  JUSTIFY_REASONS,
  justifiedCode,
  justifyTransition,
  MARK_CODES,
  markTransition,
  type CurrentAbsence,
  type JustifyReason,
  type MarkCode,
  type MarkOutcome,
} from '../../src/domain/absence.ts';
import type { AbsenceCode } from '../../src/db/schema.ts';

const refuse = (code: 'ns' | 'nc'): MarkOutcome => ({
  kind: 'refuse',
  reason: `the absence is already justified as ${code} by the class teacher; remove it first to mark it again`,
});

// What marking does to what is already recorded for the student in the lesson (REFERENCE §2).
const marks: [CurrentAbsence | null, MarkCode, MarkOutcome][] = [
  // nothing yet: created
  [null, 'n', { kind: 'create', code: 'n' }],
  [null, 'k', { kind: 'create', code: 'k' }],
  // removed earlier: restored with the new mark, whatever it was before
  ...(['n', 'k', 'ns', 'nc'] as AbsenceCode[]).flatMap((code): [CurrentAbsence, MarkCode, MarkOutcome][] => [
    [{ code, removed: true }, 'n', { kind: 'restore', code: 'n' }],
    [{ code, removed: true }, 'k', { kind: 'restore', code: 'k' }],
  ]),
  // the same mark again: a re-run script is harmless
  [{ code: 'n', removed: false }, 'n', { kind: 'unchanged', code: 'n' }],
  [{ code: 'k', removed: false }, 'k', { kind: 'unchanged', code: 'k' }],
  // n ↔ k: the teacher changes their own mark
  [{ code: 'n', removed: false }, 'k', { kind: 'change', from: 'n', to: 'k' }],
  [{ code: 'k', removed: false }, 'n', { kind: 'change', from: 'k', to: 'n' }],
  // the class teacher's decision is never overwritten by a mark
  [{ code: 'ns', removed: false }, 'n', refuse('ns')],
  [{ code: 'ns', removed: false }, 'k', refuse('ns')],
  [{ code: 'nc', removed: false }, 'n', refuse('nc')],
  [{ code: 'nc', removed: false }, 'k', refuse('nc')],
];
for (const [current, requested, expected] of marks) {
  test(`markTransition ${current ? `${current.code}${current.removed ? ' (removed)' : ''}` : 'none'} + ${requested} → ${expected.kind}`, () => {
    assert.equal(markTransition(current, requested), expected);
  });
}

test('markTransition table covers every current code, removed or not, and every mark', () => {
  const seen = new Set(marks.map(([c, r]) => `${c ? `${c.code}/${c.removed}` : 'none'}+${r}`));
  for (const r of MARK_CODES) {
    assert.ok(seen.has(`none+${r}`));
    for (const code of ABSENCE_CODES) for (const removed of [true, false]) assert.ok(seen.has(`${code}/${removed}+${r}`), `${code}/${removed}+${r}`);
  }
});

// justify: only n becomes ns (illness) or nc (other); everything else stays.
const justifications: [AbsenceCode, JustifyReason, AbsenceCode | null][] = [
  ['n', 'illness', 'ns'],
  ['n', 'other', 'nc'],
  ['k', 'illness', null],
  ['k', 'other', null],
  ['ns', 'illness', null],
  ['ns', 'other', null],
  ['nc', 'illness', null],
  ['nc', 'other', null],
];
for (const [code, reason, expected] of justifications) {
  test(`justifyTransition ${code} + ${reason} → ${expected ?? 'unchanged'}`, () => assert.is(justifyTransition(code, reason), expected));
}

test('justifiedCode: illness → ns, other → nc', () => {
  assert.is(justifiedCode('illness'), 'ns');
  assert.is(justifiedCode('other'), 'nc');
});

const predicates: [string, boolean, boolean, boolean][] = [
  // value, isMarkCode, isAbsenceCode, isJustifyReason
  ['n', true, true, false],
  ['k', true, true, false],
  ['ns', false, true, false],
  ['nc', false, true, false],
  ['illness', false, false, true],
  ['other', false, false, true],
  ['N', false, false, false],
  ['NS', false, false, false],
  [' n', false, false, false],
  ['nv', false, false, false],
  ['', false, false, false],
  ['Illness', false, false, false],
  ['slimība', false, false, false],
];
for (const [value, mark, absence, reason] of predicates) {
  test(`predicates ${JSON.stringify(value)}: mark ${mark}, absence ${absence}, reason ${reason}`, () => {
    assert.is(isMarkCode(value), mark);
    assert.is(isAbsenceCode(value), absence);
    assert.is(isJustifyReason(value), reason);
  });
}

test('code lists and meanings', () => {
  assert.equal([...MARK_CODES], ['n', 'k']);
  assert.equal([...ABSENCE_CODES], ['n', 'k', 'ns', 'nc']);
  assert.equal([...JUSTIFY_REASONS], ['illness', 'other']);
  assert.equal(Object.keys(ABSENCE_MEANINGS).sort(), ['k', 'n', 'nc', 'ns']);
  assert.match(ABSENCE_MEANINGS.ns, /slimības/);
  assert.match(ABSENCE_MEANINGS.n, /bez attaisnojoša/);
});

const switches: [AbsenceCode, 'illness' | 'other', AbsenceCode | null][] = [
  ['ns', 'other', 'nc'],
  ['nc', 'illness', 'ns'],
  ['ns', 'illness', null],
  ['n', 'other', null],
  ['k', 'illness', null],
];
for (const [current, reason, expected] of switches) test(`switchTransition (§19): ${current} for ${reason} → ${expected}`, () => assert.is(switchTransition(current, reason), expected));

test.run();
