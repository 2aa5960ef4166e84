import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyArchive } from '../../src/archive/verify.ts';
import { AppError } from '../../src/errors.ts';
import { tempDir } from '../support/school.ts';
import { schoolYearArchive, writeArchive } from '../support/archive.ts';

const withDir = async (work: (dir: string) => Promise<void>) => {
  const t = tempDir('ezurnals-verify-');
  try {
    await work(t.dir);
  } finally {
    t.cleanup();
  }
};

test('an untouched archive verifies: every listed file, their total size, the manifest', () =>
  withDir(async (dir) => {
    const v = await verifyArchive(schoolYearArchive(dir));
    assert.equal({ ok: v.ok, files: v.files, missing: v.missing, changed: v.changed, extra: v.extra }, { ok: true, files: 3, missing: [], changed: [], extra: [] });
    assert.is(v.bytes, Buffer.byteLength('<!doctype html><title>Arhīvs</title>') + Buffer.byteLength('\uFEFFkods;vārds\nS001;Jānis\n') + Buffer.byteLength('%PDF-1.4 test'));
    assert.is(v.manifests[0]!.schoolYear, '2026/2027');
  }));

test('a flipped byte, a deleted file and an unlisted one are named', () =>
  withDir(async (dir) => {
    schoolYearArchive(dir);
    writeFileSync(join(dir, 'žurnāli', '7a', 'matemātika.pdf'), '%PDF-1.4 tesT');
    rmSync(join(dir, 'tabulas', 'skoleni.csv'));
    writeFileSync(join(dir, 'tabulas', 'piezīmes.txt'), 'x');
    appendFileSync(join(dir, 'index.html'), '\n');
    const v = await verifyArchive(dir);
    assert.equal({ ok: v.ok, missing: v.missing, changed: v.changed, extra: v.extra }, {
      ok: false,
      missing: ['tabulas/skoleni.csv'],
      changed: ['index.html', 'žurnāli/7a/matemātika.pdf'],
      extra: ['tabulas/piezīmes.txt'],
    });
  }));

test('a split archive verifies each volume against its own manifest, and a missing volume is missing', () =>
  withDir(async (dir) => {
    writeArchive(join(dir, 'volume-1'), { year: '2026/2027', school: 'Skola', files: { 'a.pdf': 'A' }, volume: { n: 1, of: 3 } });
    writeArchive(join(dir, 'volume-2'), { year: '2026/2027', school: 'Skola', files: { 'b.pdf': 'BB' }, volume: { n: 2, of: 3 } });
    const v = await verifyArchive(dir);
    assert.equal({ ok: v.ok, files: v.files, bytes: v.bytes, missing: v.missing, manifests: v.manifests.length }, { ok: false, files: 2, bytes: 3, missing: ['volume-3/manifest.json'], manifests: 2 });
    writeArchive(join(dir, 'volume-3'), { year: '2026/2027', school: 'Skola', files: { 'c.pdf': 'C' }, volume: { n: 3, of: 3 } });
    assert.is((await verifyArchive(dir)).ok, true);
    writeFileSync(join(dir, 'volume-2', 'b.pdf'), 'Bb');
    writeFileSync(join(dir, 'stray.txt'), 's');
    const changed = await verifyArchive(dir);
    assert.equal([changed.changed, changed.extra], [['volume-2/b.pdf'], ['stray.txt']]);
  }));

test('no folder, no manifest, a foreign manifest and a path leaving the archive are refused', () =>
  withDir(async (dir) => {
    const refusal = async (path: string, code: string, pattern: RegExp) => {
      const error = await verifyArchive(path).then(() => null, (e: unknown) => e);
      assert.ok(error instanceof AppError, String(error));
      assert.is(error.code, code);
      assert.match(error.message, pattern);
    };
    await refusal(join(dir, 'none'), 'not_found', /No archive at/);
    mkdirSync(join(dir, 'empty'));
    await refusal(join(dir, 'empty'), 'invalid', /holds no manifest\.json, neither itself nor in volume-N folders/);
    mkdirSync(join(dir, 'foreign'));
    writeFileSync(join(dir, 'foreign', 'manifest.json'), JSON.stringify({ format: 'other', files: [] }));
    await refusal(join(dir, 'foreign'), 'invalid', /not an ezurnals archive manifest/);
    writeArchive(join(dir, 'escape'), { year: '2026/2027', school: 'Skola', files: {} });
    writeFileSync(join(dir, 'escape', 'manifest.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(dir, 'escape', 'manifest.json'), 'utf8')), files: [{ path: '../secret', size: 1, sha256: '0'.repeat(64) }] }));
    await refusal(join(dir, 'escape'), 'invalid', /lists paths outside its folder/);
  }));

test.run();
