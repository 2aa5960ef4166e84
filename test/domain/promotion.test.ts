import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  classCodeAtLevel,
  makeupRefusal,
  DECISION_WORDS,
  nextYearMove,
  promotionDecision,
  recordedDecision,
  type NextYearMove,
  type PromotionDecision,
  type RecordedDecision,
  type SubjectYearResult,
} from '../../src/domain/promotion.ts';

/** `mat=7` is an annual grade; `mat=3>5` an annual grade with a make-up result; `mat=` no annual grade. */
function results(spec: string): SubjectYearResult[] {
  return spec
    .split(' ')
    .filter(Boolean)
    .map((item) => {
      const [subject, grades] = item.split('=') as [string, string];
      const [annual, makeup] = grades.split('>');
      return { subject, annual: annual === '' ? null : annual!, makeup: makeup ?? null };
    });
}

const CASES: [string, number, string, PromotionDecision][] = [
  // grades 1–3: any result will do, nv is none
  ['descriptive results', 2, 'lv=+ mat=/ sp=-', { kind: 'promoted', nextLevel: 3 }],
  ['mastery and exempt', 3, 'lv=A mat=S sp=a', { kind: 'promoted', nextLevel: 4 }],
  ['points below 4 are a result in grade 3', 3, 'lv=3 mat=T', { kind: 'promoted', nextLevel: 4 }],
  ['nv is no result', 1, 'lv=+ mat=nv', { kind: 'not-promoted', failing: ['mat'] }],
  ['nv settled by a make-up result', 2, 'lv=+ mat=nv>+', { kind: 'promoted', nextLevel: 3 }],
  // grades 4–8
  ['all at least 4', 7, 'lv=4 mat=10 vg=i sp=a', { kind: 'promoted', nextLevel: 8 }],
  ['one below 4 needs a make-up exam', 7, 'lv=6 mat=3 vg=5', { kind: 'makeup', subjects: ['mat'] }],
  ['one nv needs a make-up exam', 5, 'lv=6 mat=nv', { kind: 'makeup', subjects: ['mat'] }],
  ['ni fails like a grade below 4', 4, 'lv=6 mat=5 inf=ni', { kind: 'makeup', subjects: ['inf'] }],
  ['two below 4: not promoted', 8, 'lv=2 mat=3 vg=5', { kind: 'not-promoted', failing: ['lv', 'mat'] }],
  ['passed make-up replaces the annual grade', 7, 'lv=6 mat=3>5', { kind: 'promoted', nextLevel: 8 }],
  ['make-up of exactly 4 passes', 6, 'lv=6 mat=2>4', { kind: 'promoted', nextLevel: 7 }],
  ['failed make-up: not promoted', 7, 'lv=6 mat=3>3', { kind: 'not-promoted', failing: ['mat'] }],
  ['one make-up passed, one failing left', 8, 'lv=3>6 mat=3 vg=7', { kind: 'makeup', subjects: ['mat'] }],
  ['annual grade of 4 is enough', 4, 'lv=4 mat=4', { kind: 'promoted', nextLevel: 5 }],
  // grades 10–11: every failing subject gets a make-up exam
  ['all at least 4 in 10', 10, 'lv=7 mat=4', { kind: 'promoted', nextLevel: 11 }],
  ['three failing in 11: make-up exams', 11, 'lv=3 mat=2 fiz=nv ang=8', { kind: 'makeup', subjects: ['lv', 'mat', 'fiz'] }],
  ['failed make-up in 10', 10, 'lv=3>2 mat=6', { kind: 'not-promoted', failing: ['lv'] }],
  // grades 9 and 12 end a stage
  ['completes basic education', 9, 'lv=5 mat=4 sp=a', { kind: 'completed', stage: 'basic' }],
  ['certificate of studies after grade 9', 9, 'lv=5 mat=3', { kind: 'certificate', stage: 'basic', failing: ['mat'] }],
  ['make-up passed in grade 9', 9, 'lv=5 mat=3>6', { kind: 'completed', stage: 'basic' }],
  ['completes secondary education', 12, 'lv=9 mat=8', { kind: 'completed', stage: 'secondary' }],
  ['certificate of studies after grade 12', 12, 'lv=nv mat=8 fiz=1', { kind: 'certificate', stage: 'secondary', failing: ['lv', 'fiz'] }],
  // not all annual grades entered yet
  ['missing annual grades: no proposal', 7, 'lv= mat=3 vg=', { kind: 'incomplete', missing: ['lv', 'vg'] }],
  ['missing in grade 2', 2, 'lv=+ mat=', { kind: 'incomplete', missing: ['mat'] }],
  ['a make-up result without an annual grade counts', 7, 'lv=6 mat=>5', { kind: 'promoted', nextLevel: 8 }],
  ['no subjects at all', 5, '', { kind: 'promoted', nextLevel: 6 }],
];

for (const [name, level, spec, expected] of CASES) {
  test(`promotion, grade ${level}: ${name}`, () => {
    assert.equal(promotionDecision(level, results(spec)), expected);
  });
}

test('promotion: a level outside 1–12 is refused', () => {
  for (const level of [0, 13, 7.5]) assert.throws(() => promotionDecision(level, []), /level/);
});

// The council's decisions (`year decide`): word, level, subjects → the decision, or why not.
const COUNCIL: [string, number, string[], RecordedDecision | RegExp][] = [
  ['promoted', 7, [], { kind: 'promoted', nextLevel: 8 }],
  ['promoted', 11, [], { kind: 'promoted', nextLevel: 12 }],
  ['promoted', 9, [], /grade 9 ends basic education/],
  ['promoted', 12, [], /grade 12 ends secondary education/],
  ['repeat', 3, [], { kind: 'not-promoted', failing: [] }],
  ['repeat', 9, ['Matemātika'], { kind: 'not-promoted', failing: ['Matemātika'] }],
  ['makeup', 7, ['Matemātika', 'Fizika'], { kind: 'makeup', subjects: ['Matemātika', 'Fizika'] }],
  ['makeup', 7, [], /names its subjects/],
  ['graduated', 9, [], { kind: 'completed', stage: 'basic' }],
  ['graduated', 12, [], { kind: 'completed', stage: 'secondary' }],
  ['graduated', 8, [], /only grades 9 and 12/],
  ['certificate', 12, ['Fizika'], { kind: 'certificate', stage: 'secondary', failing: ['Fizika'] }],
  ['certificate', 10, [], /only grades 9 and 12/],
];

for (const [word, level, subjects, expected] of COUNCIL) {
  test(`council decision: ${word} in grade ${level}${subjects.length ? ` (${subjects.join(', ')})` : ''}`, () => {
    const checked = recordedDecision(DECISION_WORDS[word]!, level, subjects);
    if (expected instanceof RegExp) {
      assert.is(checked.ok, false);
      if (!checked.ok) assert.match(checked.reason, expected);
    } else assert.equal(checked, { ok: true, value: expected });
  });
}

const MOVES: [RecordedDecision, NextYearMove][] = [
  [{ kind: 'promoted', nextLevel: 8 }, { move: 'next-level', level: 8 }],
  [{ kind: 'not-promoted', failing: ['lv'] }, { move: 'same-level' }],
  [{ kind: 'completed', stage: 'basic' }, { move: 'leaves' }],
  [{ kind: 'certificate', stage: 'secondary', failing: [] }, { move: 'leaves' }],
  [{ kind: 'makeup', subjects: ['mat'] }, { move: 'pending', subjects: ['mat'] }],
];

for (const [decision, move] of MOVES) {
  test(`next year: ${decision.kind} → ${move.move}`, () => assert.equal(nextYearMove(decision), move));
}

const CODES: [string, number, number, string | null][] = [
  ['7.a', 7, 8, '8.a'],
  ['9.b', 9, 10, '10.b'],
  ['11c', 11, 12, '12c'],
  ['7', 7, 8, '8'],
  ['7.a', 8, 9, null],
  ['A7', 7, 8, null],
];

for (const [code, level, next, expected] of CODES) {
  test(`class code ${code} of grade ${level} in grade ${next}: ${expected}`, () => assert.is(classCodeAtLevel(code, level, next), expected));
}

const makeups: [string, string | null, number, string | null, boolean][] = [
  ['no annual grade: allowed', null, 7, null, true],
  ['a failing annual grade (3): allowed', '3', 7, null, true],
  ['ni: allowed', 'ni', 10, null, true],
  ['nv: allowed', 'nv', 7, null, true],
  ['a passing annual grade (4): refused', '4', 7, null, false],
  ['i: refused', 'i', 7, null, false],
  ['a passing grade with a reason: allowed', '8', 7, 'Padomes lēmums', true],
  ['grade 2 of a primary class passes there: refused', '2', 3, null, false],
];
for (const [label, annual, level, reason, allowed] of makeups) {
  test(`makeupRefusal (§26): ${label}`, () => assert.is(makeupRefusal(annual, level, reason) === null, allowed));
}

test.run();
