// @sqlite-only: it copies the journal as a file and builds the snapshots from SQLite files. (Restoring into PostgreSQL: test/archive/restore-server.test.ts.)
// `archive restore` against archives made to deceive it: a snapshot or its
// folder that is a symbolic link, a snapshot that is no ezurnals database,
// and a snapshot of another school or year than the manifest names. Each is
// refused with nothing left behind; a genuine archive restores.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { restoreArchive } from '../../src/archive/restore.ts';
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, sha256OfFile } from '../../src/archive/manifest.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { freshSchool, tempDir } from '../support/school.ts';

const t = tempDir('ezurnals-restore-');
const SNAPSHOT_DIR = '07_datubāze';
let liveDb = '';

test.before(async () => {
  const school = await freshSchool({ year: '2026/2027' });
  await school.db.destroy();
  liveDb = join(t.dir, 'live.sqlite');
  copyFileSync(school.dbPath, liveDb);
});
test.after(() => t.cleanup());

let n = 0;
/** An archive folder whose snapshot is made by `place`, listed in a manifest naming SCHOOL and YEAR. */
function archive(place: (snapshot: string, dir: string) => void, school = 'Rīgas Parauga vidusskola', year = '2026/2027'): string {
  const dir = join(t.dir, `archive-${++n}`);
  mkdirSync(dir);
  const snapshot = join(dir, SNAPSHOT_DIR, 'ezurnals.sqlite');
  place(snapshot, dir);
  const manifest = {
    format: ARCHIVE_FORMAT,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    school: { name: school, registrationNumber: null, director: null },
    schoolYear: year,
    software: { name: 'ezurnals', version: '0.1.0' },
    exportedAt: '2027-06-20T10:00:00.000Z',
    files: [{ path: `${SNAPSHOT_DIR}/ezurnals.sqlite`, size: statSync(snapshot).size, sha256: sha256OfFile(snapshot) }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}
const copyOf = (source: string) => (snapshot: string) => {
  mkdirSync(join(snapshot, '..'), { recursive: true });
  copyFileSync(source, snapshot);
};

/** Restores into a fresh folder; the error, and what the folder holds afterwards. */
async function refusedRestore(dir: string): Promise<{ error: Error & { code?: string }; left: string[] }> {
  const out = join(t.dir, `out-${++n}`);
  mkdirSync(out);
  try {
    await restoreArchive(dir, join(out, 'restored.db'));
  } catch (error) {
    return { error: error as Error, left: readdirSync(out) };
  }
  throw new Error('restored, but should have been refused');
}

test('a genuine archive restores into a working database', async () => {
  const out = join(t.dir, 'ok');
  mkdirSync(out);
  const result = await restoreArchive(archive(copyOf(liveDb)), join(out, 'restored.db'));
  assert.is(result.db, join(out, 'restored.db'));
  assert.equal(readdirSync(out), ['restored.db']);
  assert.is(statSync(join(out, 'restored.db')).mode & 0o077, 0, 'readable by its owner only');
  const db = await openDatabase(join(out, 'restored.db'));
  assert.equal((await db.selectFrom('school').select('name').execute()).map((r) => r.name), ['Rīgas Parauga vidusskola']);
  await db.destroy();
});

test('a snapshot that is a symbolic link is refused, even with a manifest hashing its target', async () => {
  const secret = join(t.dir, 'secret.txt');
  writeFileSync(secret, 'root:x:0:0:root:/root:/bin/bash\n');
  const dir = archive((snapshot) => {
    mkdirSync(join(snapshot, '..'), { recursive: true });
    symlinkSync(secret, snapshot);
  });
  const { error, left } = await refusedRestore(dir);
  assert.match(error.message, /symbolic link/);
  assert.equal(left, [], 'nothing written');
});

test('a snapshot folder that is a symbolic link is refused', async () => {
  const elsewhere = join(t.dir, 'elsewhere');
  mkdirSync(elsewhere);
  copyFileSync(liveDb, join(elsewhere, 'ezurnals.sqlite'));
  const dir = archive((_snapshot, root) => symlinkSync(elsewhere, join(root, SNAPSHOT_DIR)));
  const { error, left } = await refusedRestore(dir);
  assert.match(error.message, /symbolic link/);
  assert.equal(left, []);
});

test('a snapshot that is no ezurnals database (hash matching) leaves nothing behind', async () => {
  const text = join(t.dir, 'passwd-copy');
  writeFileSync(text, 'root:x:0:0:root:/root:/bin/bash\n');
  const { error, left } = await refusedRestore(archive(copyOf(text)));
  assert.match(error.message, /not an ezurnals database: nothing was restored/);
  assert.equal(left, [], 'no database, no partial copy, no -wal or -shm');
});

test("a snapshot of another school or another year than the manifest's is refused", async () => {
  const school = await refusedRestore(archive(copyOf(liveDb), 'Cita skola'));
  assert.match(school.error.message, /database of "Rīgas Parauga vidusskola", but the manifest names "Cita skola"/);
  assert.equal(school.left, []);
  const year = await refusedRestore(archive(copyOf(liveDb), 'Rīgas Parauga vidusskola', '2019/2020'));
  assert.match(year.error.message, /holds no school year 2019\/2020/);
  assert.equal(year.left, []);
});

test('an existing target is never overwritten', async () => {
  const out = join(t.dir, 'exists');
  mkdirSync(out);
  writeFileSync(join(out, 'restored.db'), 'keep');
  await restoreArchive(archive(copyOf(liveDb)), join(out, 'restored.db')).then(
    () => assert.unreachable('overwrote'),
    (error: Error) => assert.match(error.message, /already exists/),
  );
  assert.ok(existsSync(join(out, 'restored.db')));
  rmSync(out, { recursive: true });
});

test.run();
