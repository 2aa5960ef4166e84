import * as assert from 'uvu/assert';
import { CsvError } from '../../src/csv/errors.ts';

/** The CsvError a call must throw; anything else fails the test. */
export function csvError(fn: () => unknown): CsvError {
  try {
    fn();
  } catch (err) {
    assert.instance(err, CsvError);
    return err as CsvError;
  }
  assert.unreachable('expected a CsvError');
  throw new Error('unreachable');
}
