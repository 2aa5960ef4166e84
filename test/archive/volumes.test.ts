import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AppError } from '../../src/errors.ts';
import { describingBytes, packVolumes, parseVolumeSize, VOLUME_OVERHEAD } from '../../src/archive/volumes.ts';
import { isoFileOf, isoVolumeId } from '../../src/archive/iso.ts';
import { monthsToArchive } from '../../src/archive/parts.ts';
import { checksumsText, parseManifest } from '../../src/archive/manifest.ts';
import { relativeHref } from '../../src/archive/index-page.ts';
import type { SchoolYear } from '../../src/db/schema.ts';

const M = 1024 * 1024;

test('parseVolumeSize reads K, M and G as binary units and refuses nonsense', () => {
  const cases: [string, number][] = [
    ['700M', 700 * M],
    ['700m', 700 * M],
    ['4.7G', Math.floor(4.7 * 1024 * M)],
    ['650000K', 650000 * 1024],
    ['2097152', 2 * M],
    ['700MB', 700 * M],
  ];
  for (const [text, bytes] of cases) assert.is(parseVolumeSize(text), bytes, text);
  for (const bad of ['', 'big', '700T', '-5M', '12K', '1.5.0M']) {
    try {
      parseVolumeSize(bad);
      assert.unreachable(bad);
    } catch (error) {
      assert.instance(error, AppError, bad);
      assert.is((error as AppError).code, 'usage', bad);
    }
  }
});

test('packVolumes keeps the order, starts a new volume when the next file does not fit, and counts what describes each file', () => {
  const size = VOLUME_OVERHEAD + 3 * 100_000;
  const files = ['a/1', 'a/2', 'a/3', 'b/1', 'b/2'].map((path) => ({ path, size: 100_000 - describingBytes(path) }));
  const volumes = packVolumes(files, size);
  assert.equal(volumes.map((v) => v.map((f) => f.path)), [['a/1', 'a/2', 'a/3'], ['b/1', 'b/2']]);
  const oneByteMore = files.map((f) => ({ ...f, size: f.size + 1 }));
  assert.equal(packVolumes(oneByteMore, size).map((v) => v.length), [2, 2, 1]);
  assert.equal(packVolumes([], size), [[]]);
});

test('packVolumes refuses a file that alone is larger than a volume, naming it', () => {
  const files = [{ path: '07_datubāze/ezurnals.sqlite', size: 5 * M }, { path: 'x.csv', size: 10 }];
  try {
    packVolumes(files, 4 * M);
    assert.unreachable();
  } catch (error) {
    assert.instance(error, AppError);
    assert.is((error as AppError).code, 'invalid');
    assert.match((error as AppError).message, /07_datubāze\/ezurnals\.sqlite \(5\.0 MiB\) alone is larger than a volume of 4\.0 MiB/);
    assert.not.match((error as AppError).message, /x\.csv/);
  }
});

test('isoFileOf numbers the images of several volumes; isoVolumeId is plain ISO 9660', () => {
  assert.is(isoFileOf('/tmp/arhivs.iso', 1, 1), '/tmp/arhivs.iso');
  assert.is(isoFileOf('/tmp/arhivs.iso', 2, 3), '/tmp/arhivs-2.iso');
  assert.is(isoFileOf('/tmp/arhivs', 1, 2), '/tmp/arhivs-1');
  assert.is(isoVolumeId('EZURNALS 2026/2027 žurnāls'), 'EZURNALS_2026_2027_ZURNALS');
  assert.ok(isoVolumeId('x'.repeat(40)).length <= 32);
});

test('monthsToArchive: the months of the year that have begun', () => {
  const year = { starts_on: '2026-09-01', ends_on: '2027-08-31' } as SchoolYear;
  assert.equal(monthsToArchive(year, '2026-11-29'), ['2026-09', '2026-10', '2026-11']);
  assert.equal(monthsToArchive(year, '2026-08-31'), []);
  assert.equal(monthsToArchive(year, '2027-12-01').length, 12);
  assert.is(monthsToArchive(year, '2027-12-01').at(-1), '2027-08');
});

test('SHA256SUMS lines are what sha256sum writes; relative links encode Latvian letters per segment', () => {
  assert.is(checksumsText([{ path: '03_liecības/a.pdf', size: 1, sha256: 'a'.repeat(64) }]), `${'a'.repeat(64)}  03_liecības/a.pdf\n`);
  assert.is(relativeHref('03_liecības/a b.pdf'), '03_liec%C4%ABbas/a%20b.pdf');
});

test('parseManifest refuses what is not an ezurnals manifest', () => {
  const good = { format: 'ezurnals-archive', formatVersion: 1, files: [{ path: 'a', size: 1, sha256: 'b'.repeat(64) }] };
  assert.is(parseManifest(JSON.stringify(good), 'm').files.length, 1);
  assert.throws(() => parseManifest('{', 'm'), /not JSON/);
  assert.throws(() => parseManifest(JSON.stringify({ ...good, format: 'other' }), 'm'), /not an ezurnals archive manifest/);
  assert.throws(() => parseManifest(JSON.stringify({ ...good, formatVersion: 2 }), 'm'), /format version 2/);
  assert.throws(() => parseManifest(JSON.stringify({ ...good, files: [{ path: 'a', size: 1, sha256: 'xyz' }] }), 'm'), /unexpected shape/);
});

test.run();
