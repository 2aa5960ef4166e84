import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../src/errors.ts';
import { exportArchive, type ArchiveStage } from '../../src/archive/export.ts';
import { verifyArchive } from '../../src/archive/verify.ts';
import { restoreArchive } from '../../src/archive/restore.ts';
import { FOLDERS } from '../../src/archive/nomenclature.ts';
import { describingBytes, VOLUME_OVERHEAD } from '../../src/archive/volumes.ts';
import { smallSchool } from '../services/fixtures.ts';
import { tempDir } from '../support/school.ts';

const s = await smallSchool();
const place = tempDir('ezurnals-archive-volumes-');
test.after(async () => {
  await s.cleanup();
  place.cleanup();
});
const quiet: ArchiveStage = { progress() {} };

test('an archive larger than a volume is split into volumes, each with its own manifest, SHA256SUMS and index, and verifies', async () => {
  const ctx = await s.ctx('admin');
  // The tables and the snapshot alone (no printed parts), first in one volume to learn the sizes.
  const whole = await exportArchive(ctx, { out: join(place.dir, 'viss') }, quiet, []);
  assert.is(whole.volumes, 1);
  const files = (JSON.parse(readFileSync(join(place.dir, 'viss', 'manifest.json'), 'utf8')).files as { path: string; size: number }[]).filter((f) => f.path !== 'index.html');
  const largest = Math.max(...files.map((f) => f.size + describingBytes(f.path)));
  const volumeSize = VOLUME_OVERHEAD + largest + 1;

  const out = join(place.dir, 'sējumi');
  const split = await exportArchive(ctx, { out, volumeSize: String(volumeSize) }, quiet, []);
  assert.ok(split.volumes >= 2, `${split.volumes} volumes`);
  assert.equal(readdirSync(out).sort(), Array.from({ length: split.volumes }, (_, i) => `volume-${i + 1}`).sort());
  let listed = 0;
  for (let v = 1; v <= split.volumes; v++) {
    const dir = join(out, `volume-${v}`);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    assert.is(manifest.volume, v);
    assert.is(manifest.volumes, split.volumes);
    assert.ok(existsSync(join(dir, 'index.html')));
    assert.ok(readFileSync(join(dir, 'index.html'), 'utf8').includes(`volume ${v} of ${split.volumes}`));
    const sums = spawnSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
    assert.is(sums.status, 0, sums.stdout + sums.stderr);
    const bytes = spawnSync('du', ['-sb', '--apparent-size', dir], { encoding: 'utf8' }).stdout.split('\t')[0];
    assert.ok(Number(bytes) <= volumeSize + 4096 * 8, `volume ${v}: ${bytes} bytes of files and folders, limit ${volumeSize}`);
    listed += manifest.files.length - 1;
  }
  assert.is(listed, files.length, 'every file is in exactly one volume');

  const verified = await verifyArchive(out);
  assert.is(verified.ok, true, JSON.stringify(verified, null, 1).slice(0, 500));
  assert.is(verified.manifests.length, split.volumes);

  // The snapshot is found in whichever volume holds it.
  const restored = join(place.dir, 'no-sējumiem.db');
  const r = await restoreArchive(out, restored);
  assert.match(r.snapshot, /^volume-\d+\/07_datubāze\/ezurnals\.sqlite$/);

  // A change in a later volume is named with its volume.
  const last = join(out, `volume-${split.volumes}`);
  const victim = (JSON.parse(readFileSync(join(last, 'manifest.json'), 'utf8')).files as { path: string }[])[0]!.path;
  writeFileSync(join(last, victim), 'changed');
  rmSync(join(out, 'volume-1', 'SHA256SUMS'));
  const broken = await verifyArchive(out);
  assert.is(broken.ok, false);
  assert.equal(broken.changed, [`volume-${split.volumes}/${victim}`]);
  assert.equal(broken.missing, ['volume-1/SHA256SUMS']);
});

test('an export that fails part-way leaves neither the folder nor its work folder, and keeps the archive it was to replace', async () => {
  const ctx = await s.ctx('admin');
  const failing = [{ folder: FOLDERS.classJournals, documents: async () => { throw new AppError('invalid', 'the class journals could not be built'); } }];
  const out = join(place.dir, 'neizdevās');
  try {
    await exportArchive(ctx, { out }, quiet, failing);
    assert.unreachable();
  } catch (error) {
    assert.match((error as Error).message, /could not be built/);
  }
  assert.not.ok(existsSync(out));
  assert.equal(readdirSync(place.dir).filter((n) => n.includes('partial')), []);

  const kept = join(place.dir, 'viss');
  const before = readFileSync(join(kept, 'manifest.json'), 'utf8');
  await exportArchive(ctx, { out: kept, force: true }, quiet, failing).catch(() => undefined);
  assert.is(readFileSync(join(kept, 'manifest.json'), 'utf8'), before, 'the earlier archive is untouched');
  assert.is((await verifyArchive(kept)).ok, true);
});

test.run();
