// The archive describes its tables and columns in Latvian and English (issue 18):
// every description has both, and they are joined Latvian first.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bothLanguages, COLUMN_MEANINGS, COLUMN_MEANINGS_LV, TABLE_MEANINGS, TABLE_MEANINGS_LV } from '../../src/archive/table-meanings.ts';

test('every table and column described in English is described in Latvian too, and no more', () => {
  assert.equal(Object.keys(TABLE_MEANINGS_LV).sort(), Object.keys(TABLE_MEANINGS).sort());
  assert.equal(Object.keys(COLUMN_MEANINGS_LV).sort(), Object.keys(COLUMN_MEANINGS).sort());
  for (const [key, text] of Object.entries(TABLE_MEANINGS_LV)) assert.is.not(text, TABLE_MEANINGS[key], key);
});

test('a description reads Latvian first, then English; one language alone stays alone', () => {
  assert.is(bothLanguages(TABLE_MEANINGS_LV.school, TABLE_MEANINGS.school), 'Skola / The school');
  assert.is(bothLanguages(undefined, 'The school'), 'The school');
  assert.is(bothLanguages(undefined, undefined), null);
});

test.run();
