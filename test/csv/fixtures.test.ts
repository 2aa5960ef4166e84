import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_DIR, fixtures } from '../fixtures/csv/make-fixtures.ts';

const generated = fixtures();

for (const [name, bytes] of Object.entries(generated)) {
  test(`fixture ${name} is what make-fixtures.ts generates`, () => {
    const committed = new Uint8Array(readFileSync(join(FIXTURE_DIR, name)));
    assert.is(committed.length, bytes.length, 'size');
    assert.ok(Buffer.compare(committed, bytes) === 0, 'bytes differ: re-run node --import tsx test/fixtures/csv/make-fixtures.ts');
  });
}

test('no stray fixture files', () => {
  const onDisk = readdirSync(FIXTURE_DIR).filter((f) => f !== 'make-fixtures.ts').sort();
  assert.equal(onDisk, Object.keys(generated).sort());
});

test.run();
