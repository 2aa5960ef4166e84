import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { studentCodeGenerator } from '../../src/domain/student-code.ts';

const cases: [string, string[], string[]][] = [
  ['an empty school starts at S001', [], ['S001', 'S002']],
  ['after the highest S number', ['S001', 'S128', 'S007'], ['S129', 'S130']],
  ['other codes do not count', ['A12', '7a-05', '160415-21176'], ['S001']],
  ['a lower-case code counts, and is not given again', ['s008'], ['S009']],
  ['more than three digits stay as they are', ['S1200'], ['S1201']],
  ['leading zeros of a longer code', ['S0099'], ['S100']],
];
for (const [label, taken, expected] of cases) {
  test(`studentCodeGenerator: ${label}`, () => {
    const next = studentCodeGenerator(taken);
    assert.equal(expected.map(() => next()), expected);
  });
}
test.run();
