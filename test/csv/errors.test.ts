import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AppError } from '../../src/errors.ts';
import { CsvError, formatProblem, formatProblems, type ImportProblem } from '../../src/csv/errors.ts';

const formats: [string, ImportProblem, string][] = [
  [
    'the issue\'s full form',
    { file: 'students.csv', line: 7, column: 'Klase', value: '7.x', reason: 'unknown class (known: 7.a, 7.b)' },
    'students.csv:7: column "Klase": value "7.x" — unknown class (known: 7.a, 7.b)',
  ],
  [
    'no value',
    { file: 'students.csv', line: 1, column: 'Vārds', reason: 'required column missing' },
    'students.csv:1: column "Vārds" — required column missing',
  ],
  [
    'no column',
    { file: 'grades.csv', line: 12, reason: 'the row has 8 values but the header has 6 columns' },
    'grades.csv:12: the row has 8 values but the header has 6 columns',
  ],
  [
    'an empty value is still shown',
    { file: 'g.csv', line: 3, column: 'Vērtējums', value: '', reason: 'required' },
    'g.csv:3: column "Vērtējums": value "" — required',
  ],
  [
    'line breaks and tabs in a value stay on one line',
    { file: 'q.csv', line: 3, column: 'Adrese', value: 'Rīga,\r\nLatvija\tLV', reason: 'too long' },
    'q.csv:3: column "Adrese": value "Rīga,\\nLatvija\\tLV" — too long',
  ],
  [
    'a long value is cut at 80 characters',
    { file: 'x.csv', line: 2, column: 'Tēma', value: 'ā'.repeat(200), reason: 'too long' },
    `x.csv:2: column "Tēma": value "${'ā'.repeat(79)}…" — too long`,
  ],
];
for (const [name, problem, expected] of formats) {
  test(`formatProblem: ${name}`, () => assert.is(formatProblem(problem), expected));
}

const many = (n: number): ImportProblem[] =>
  Array.from({ length: n }, (_, i) => ({ file: 'grades.csv', line: i + 2, column: 'Vērtējums', value: '11', reason: 'outside the scale 1–10' }));

const lists: [string, number, number | undefined, number, string | null][] = [
  ['none', 0, undefined, 0, null],
  ['three', 3, undefined, 3, null],
  ['exactly 100', 100, undefined, 100, null],
  ['101: one more', 101, undefined, 101, '… and 1 more'],
  ['250: first 100, then the count', 250, undefined, 101, '… and 150 more'],
  ['max 2', 5, 2, 3, '… and 3 more'],
];
for (const [name, count, max, lineCount, tail] of lists) {
  test(`formatProblems: ${name}`, () => {
    const text = formatProblems(many(count), max);
    const lines = text === '' ? [] : text.split('\n');
    assert.is(lines.length, lineCount);
    if (count > 0) assert.is(lines[0], 'grades.csv:2: column "Vērtējums": value "11" — outside the scale 1–10');
    if (tail !== null) assert.is(lines.at(-1), tail);
    else if (count > 0) assert.match(lines.at(-1) ?? '', `grades.csv:${count + 1}:`);
  });
}

test('CsvError: an AppError with code invalid (exit 4), its problems as data', () => {
  const err = CsvError.at('s.csv', 4, 'a quoted value starts on this line and is never closed');
  assert.instance(err, AppError);
  assert.is(err.code, 'invalid');
  assert.is(err.exitCode, 4);
  assert.is(err.name, 'CsvError');
  assert.is(err.message, 's.csv:4: a quoted value starts on this line and is never closed');
  assert.equal(err.problems, [{ file: 's.csv', line: 4, reason: 'a quoted value starts on this line and is never closed' }]);
  const fromList = CsvError.fromProblems(many(102));
  assert.is(fromList.problems.length, 102);
  assert.is(fromList.message.split('\n').length, 101);
});

test.run();
