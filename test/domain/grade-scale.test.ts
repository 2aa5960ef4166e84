import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  checkGrade,
  describeAcceptedValues,
  gradeMeaning,
  isWorkKind,
  pointsAverage,
  TERM_WORK_KINDS,
  WORK_KINDS,
  type GradeScale,
  type WorkKind,
} from '../../src/domain/grade-scale.ts';

test('work kinds', () => {
  assert.equal([...WORK_KINDS], ['regular', 'credit', 'test', 'large', 'semester1', 'semester2', 'annual', 'state-exam', 'makeup']);
  assert.equal([...TERM_WORK_KINDS], ['semester1', 'semester2', 'annual']);
  assert.ok(isWorkKind('state-exam'));
  assert.not.ok(isWorkKind('exam'));
  assert.not.ok(isWorkKind('Test'));
  assert.not.ok(isWorkKind(''));
});

// Every canonical value with its scale; the matrix below checks each against every work kind and level.
const VALUES: [string, GradeScale][] = [
  ...Array.from({ length: 10 }, (_, i): [string, GradeScale] => [String(i + 1), 'points']),
  ['i', 'credit'],
  ['ni', 'credit'],
  ['nv', 'no-grade'],
  ['+', 'descriptive'],
  ['-', 'descriptive'],
  ['/', 'descriptive'],
  ['S', 'mastery'],
  ['T', 'mastery'],
  ['A', 'mastery'],
  ['P', 'mastery'],
  ['a', 'exempt'],
  ['65%', 'percent'],
  ['0%', 'percent'],
  ['100%', 'percent'],
];
const LEVELS: (number | null)[] = [null, 1, 3, 4, 6, 7, 9, 12];

/** The rules from the brief, written out plainly as the oracle. */
function allowed(scale: GradeScale, work: WorkKind, level: number | null, certificate: boolean): boolean {
  if (scale === 'credit' || scale === 'no-grade') return true;
  if (scale === 'percent') return work === 'state-exam';
  if (work === 'credit') return false;
  if (scale === 'exempt') return TERM_WORK_KINDS.includes(work) && certificate;
  if (scale === 'points') return level === null || level >= 4;
  if (work === 'state-exam' || work === 'makeup') return false;
  return level === null || level <= 6;
}

for (const work of WORK_KINDS) {
  for (const level of LEVELS) {
    test(`every value for ${work}, level ${level ?? 'unknown'}`, () => {
      const accepted = describeAcceptedValues(work, level);
      for (const [value, scale] of VALUES) {
        for (const certificate of [false, true]) {
          const result = checkGrade({ value, work, level, exemptCertificate: certificate ? 'izziņa Nr. 12' : null });
          const label = `${value} / ${work} / ${level} / certificate ${certificate}`;
          if (allowed(scale, work, level, certificate)) {
            assert.equal(result, { ok: true, value, scale }, label);
          } else {
            assert.is(result.ok, false, label);
            if (!result.ok && !(scale === 'exempt' && TERM_WORK_KINDS.includes(work))) {
              assert.ok(result.reason.endsWith(`: ${accepted}`), `${label}: ${result.reason}`);
            }
          }
        }
      }
    });
  }
}

const describeCases: [WorkKind, number | null | undefined, string][] = [
  ['test', 7, '1–10, i, ni, nv'],
  ['test', 4, '1–10, +, -, /, S, T, A, P, i, ni, nv'],
  ['test', 3, '+, -, /, S, T, A, P, i, ni, nv'],
  ['regular', undefined, '1–10, +, -, /, S, T, A, P, i, ni, nv'],
  ['credit', 7, 'i, ni, nv'],
  ['credit', 2, 'i, ni, nv'],
  ['annual', 9, "1–10, i, ni, nv, a (with a doctor's certificate)"],
  ['semester1', 2, "+, -, /, S, T, A, P, i, ni, nv, a (with a doctor's certificate)"],
  ['state-exam', 9, '1–10, 0%–100%, i, ni, nv'],
  ['state-exam', 3, '0%–100%, i, ni, nv'],
  ['makeup', null, '1–10, i, ni, nv'],
];
for (const [work, level, expected] of describeCases) {
  test(`describeAcceptedValues ${work} ${level}`, () => assert.is(describeAcceptedValues(work, level), expected));
}

type Case = [string, { value: string; work: WorkKind; level?: number | null; exemptCertificate?: string | null }, { value: string; scale: GradeScale } | string];
const cases: Case[] = [
  ['trims and normalizes case of i/ni/nv', { value: ' NI ', work: 'credit' }, { value: 'ni', scale: 'credit' }],
  ['capital I', { value: 'I', work: 'test', level: 8 }, { value: 'i', scale: 'credit' }],
  ['Nv mixed case', { value: 'Nv', work: 'annual', level: 8 }, { value: 'nv', scale: 'no-grade' }],
  ['leading zero', { value: '07', work: 'test', level: 8 }, { value: '7', scale: 'points' }],
  ['ten', { value: '10', work: 'test', level: 12 }, { value: '10', scale: 'points' }],
  ['eleven', { value: '11', work: 'test', level: 7 }, 'grade "11" is not on the scale; accepted for a test in level 7: 1–10, i, ni, nv'],
  ['zero', { value: '0', work: 'test', level: 7 }, 'grade "0" is not on the scale; accepted for a test in level 7: 1–10, i, ni, nv'],
  ['minus one', { value: '-1', work: 'test', level: 7 }, 'grade "-1" is not on the scale; accepted for a test in level 7: 1–10, i, ni, nv'],
  ['decimal', { value: '7.5', work: 'regular', level: 7 }, 'grade "7.5" is not on the scale; accepted for a lesson grade in level 7: 1–10, i, ni, nv'],
  ['decimal comma', { value: '7,5', work: 'regular' }, 'grade "7,5" is not on the scale; accepted for a lesson grade: 1–10, +, -, /, S, T, A, P, i, ni, nv'],
  ['three digits', { value: '010', work: 'test', level: 7 }, 'grade "010" is not on the scale; accepted for a test in level 7: 1–10, i, ni, nv'],
  ['empty', { value: '  ', work: 'test', level: 7 }, 'grade is empty; accepted for a test in level 7: 1–10, i, ni, nv'],
  ['lower-case s', { value: 's', work: 'regular', level: 2 }, 'grade "s" is not on the scale (mastery levels are capital S, T, A, P); accepted for a lesson grade in level 2: +, -, /, S, T, A, P, i, ni, nv'],
  ['capital A is mastery', { value: 'A', work: 'test', level: 3 }, { value: 'A', scale: 'mastery' }],
  ['lower a outside term grades', { value: 'a', work: 'test', level: 8, exemptCertificate: 'izziņa' }, '"a" (exempt) is only for semester and annual grades; accepted for a test in level 8: 1–10, i, ni, nv'],
  ['a without certificate', { value: 'a', work: 'annual', level: 8 }, '"a" (exempt) needs a doctor\'s certificate; record the certificate first'],
  ['a with blank certificate', { value: 'a', work: 'semester2', level: 8, exemptCertificate: '   ' }, '"a" (exempt) needs a doctor\'s certificate; record the certificate first'],
  ['a with certificate', { value: 'a', work: 'semester1', level: 8, exemptCertificate: 'Nr. 7' }, { value: 'a', scale: 'exempt' }],
  ['points in level 3', { value: '8', work: 'test', level: 3 }, 'points 1–10 are only for level 4 and above; accepted for a test in level 3: +, -, /, S, T, A, P, i, ni, nv'],
  ['points on a credit', { value: '8', work: 'credit', level: 8 }, 'a credit work is graded only i or ni; accepted for a credit (i/ni) work in level 8: i, ni, nv'],
  ['mastery in level 7', { value: 'P', work: 'semester1', level: 7 }, "mastery levels S, T, A, P are only for levels 1–6; accepted for a 1st semester grade in level 7: 1–10, i, ni, nv, a (with a doctor's certificate)"],
  ['descriptive in level 9', { value: '+', work: 'regular', level: 9 }, 'descriptive grades +, -, / are only for levels 1–6; accepted for a lesson grade in level 9: 1–10, i, ni, nv'],
  ['mastery at a state exam', { value: 'A', work: 'state-exam', level: 6 }, 'mastery levels S, T, A, P are not used for a state test or exam; accepted for a state test or exam in level 6: 1–10, 0%–100%, i, ni, nv'],
  ['a state exam percentage with a space (§8)', { value: '65 %', work: 'state-exam', level: 9 }, { value: '65%', scale: 'percent' }],
  ['a percentage over 100', { value: '101%', work: 'state-exam', level: 9 }, 'grade "101%" is not on the scale; accepted for a state test or exam in level 9: 1–10, 0%–100%, i, ni, nv'],
  ['a percentage on a test', { value: '65%', work: 'test', level: 9 }, 'a percentage is only the result of a state test or exam (state-exam); accepted for a test in level 9: 1–10, i, ni, nv'],
  ['descriptive at a make-up', { value: '/', work: 'makeup' }, 'descriptive grades +, -, / are not used for a make-up exam; accepted for a make-up exam: 1–10, i, ni, nv'],
  ['bad level', { value: '8', work: 'test', level: 13 }, 'class level 13 is not a whole number 1–12'],
  ['fractional level', { value: '8', work: 'test', level: 4.5 }, 'class level 4.5 is not a whole number 1–12'],
  ['bad work kind', { value: '8', work: 'exam' as WorkKind }, 'unknown kind of work "exam"; expected one of regular, credit, test, large, semester1, semester2, annual, state-exam, makeup'],
];
for (const [name, input, expected] of cases) {
  test(`checkGrade: ${name}`, () => {
    const result = checkGrade(input);
    if (typeof expected === 'string') assert.equal(result, { ok: false, reason: expected });
    else assert.equal(result, { ok: true, ...expected });
  });
}

const meanings: [string, string | null][] = [
  ['10', 'izcili'],
  ['9', 'teicami'],
  ['8', 'ļoti labi'],
  ['7', 'labi'],
  ['6', 'gandrīz labi'],
  ['5', 'viduvēji'],
  ['4', 'gandrīz viduvēji'],
  ['3', 'vāji'],
  ['2', 'ļoti vāji'],
  ['1', 'ļoti, ļoti vāji'],
  ['i', 'ieskaitīts'],
  ['NI', 'neieskaitīts'],
  ['+', 'apguvis'],
  ['-', 'vēl jāmācās'],
  ['/', 'daļēji apguvis'],
  ['S', 'sācis apgūt'],
  ['T', 'turpina apgūt'],
  ['A', 'apguvis'],
  ['P', 'apguvis padziļināti'],
  ['nv', 'nav vērtējuma'],
  ['a', 'atbrīvots'],
  ['11', null],
  ['s', null],
  ['n', null],
  ['', null],
];
for (const [value, expected] of meanings) {
  test(`gradeMeaning ${JSON.stringify(value)}`, () => assert.is(gradeMeaning(value), expected));
}

const averages: [string[], number | null][] = [
  [[], null],
  [['i', 'ni', 'nv', '+', 'A', 'a'], null],
  [['10'], 10],
  [['7', '8'], 7.5],
  [['7', '8', '8'], 7.67],
  [['4', '5', '5'], 4.67],
  [['1', '2', '2'], 1.67],
  [['9', 'i', 'nv', '6', 'a', 'S'], 7.5],
  [['07', ' 8 '], 7.5],
  [['11', '0', '7.5', '8'], 8],
  [['10', '10', '9'], 9.67],
  [['3', '4', '4', '4', '4', '4', '4', '4'], 3.88],
];
for (const [values, expected] of averages) {
  test(`pointsAverage ${JSON.stringify(values)}`, () => assert.is(pointsAverage(values), expected));
}

test.run();
