import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { inTransaction, nativeDatabase, openDatabase } from '../../src/db/connection.ts';
import { currentAuditHead, verifyAudit } from '../../src/services/audit.ts';
import { formatHead } from '../../src/domain/audit-chain.ts';
import { corruptTablePage } from '../support/corrupt.ts';
import { join } from 'node:path';
import { AppError } from '../../src/errors.ts';
import { exportArchive, type ArchiveStage } from '../../src/archive/export.ts';
import { verifyArchive } from '../../src/archive/verify.ts';
import { restoreArchive } from '../../src/archive/restore.ts';
import { FOLDERS } from '../../src/archive/nomenclature.ts';
import { describingBytes, VOLUME_OVERHEAD } from '../../src/archive/volumes.ts';
import { smallSchool } from '../services/fixtures.ts';
import { tempDir } from '../support/school.ts';
import { newTestDatabase, onSqlite, TEST_PG } from '../support/postgres.ts';

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

/** Every folder and file under `root` with its mode, as a path relative to it. */
function modes(root: string, prefix = ''): [string, number][] {
  return readdirSync(join(root, prefix), { withFileTypes: true }).flatMap((entry): [string, number][] => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    const mode = statSync(join(root, path)).mode & 0o777;
    return entry.isDirectory() ? [[`${path}/`, mode], ...modes(root, path)] : [[path, mode]];
  });
}

/** The id of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout as unknown as number;
}

const PASSWORD = 'edhWrSfsA8';
const HASH = 'scrypt$16384$never-archived-hash';

test('the archive is the owner’s only, keeps no secret, removes a killed export’s work folder, and records the audit head', async () => {
  const ctx = await s.ctx('admin');
  await inTransaction(s.db, async (trx) => {
    const account = await trx.insertInto('account').values({ school_id: ctx.school.id, kind: 'staff', person_id: 1, username: 'slepens.konts', password_hash: HASH, phone: '+37120000001', disabled: 0, created_at: '2026-11-29T10:00:00Z', updated_at: '2026-11-29T10:00:00Z' }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('sms_outbox').values({ school_id: ctx.school.id, account_id: account.id, phone: '+37120000001', body: `E-žurnāls: lietotājs slepens.konts, parole ${PASSWORD}`, secret_from: 40, secret_length: 10, state: 'queued', created_at: '2026-11-29T10:00:00Z', updated_at: '2026-11-29T10:00:00Z' }).execute();
  }, { actor: 'admin' });
  // What `kill -9` of an earlier export left; and the work folder of an export still running elsewhere.
  const stale = join(place.dir, `.noslēpumi.partial-${deadPid()}`);
  const running = join(place.dir, `.noslēpumi.partial-${process.ppid}`);
  for (const dir of [stale, running]) {
    mkdirSync(join(dir, '07_datubāze'), { recursive: true });
    writeFileSync(join(dir, '07_datubāze', 'ezurnals.sqlite'), 'personas kodi');
  }
  const out = join(place.dir, 'noslēpumi');
  const previous = process.umask(0);
  try {
    await exportArchive(ctx, { out }, quiet, []);
  } finally {
    process.umask(previous);
  }
  assert.not.ok(existsSync(stale), 'the killed export’s work folder is gone');
  assert.ok(existsSync(running), 'a work folder whose process still runs is left to it');
  rmSync(running, { recursive: true });

  // 0700 folders and 0600 files, whatever the umask.
  assert.is(statSync(out).mode & 0o777, 0o700);
  const wrong = modes(out).filter(([path, mode]) => mode !== (path.endsWith('/') ? 0o700 : 0o600));
  assert.equal(wrong, [], `not private: ${wrong.map(([p, m]) => `${p} ${m.toString(8)}`).join(', ')}`);
  assert.ok(modes(out).length > 10);

  // No hash, no password in the snapshot: not in its rows, nor anywhere in the file's bytes.
  const snapshotPath = join(out, '07_datubāze', 'ezurnals.sqlite');
  const bytes = readFileSync(snapshotPath);
  assert.not.ok(bytes.includes(PASSWORD), 'the SMS password is in the snapshot');
  assert.not.ok(bytes.includes(HASH), 'the password hash is in the snapshot');
  const snapshot = new SqliteDatabase(snapshotPath, { readonly: true });
  try {
    assert.equal(snapshot.prepare("select password_hash from account where username = 'slepens.konts'").get(), { password_hash: '[redacted]' });
    assert.equal(snapshot.prepare('select distinct body from sms_outbox').all(), [{ body: '[redacted]' }], 'every message body');
    assert.ok((snapshot.prepare("select count(*) as n from sms_outbox where state = 'queued'").get() as { n: number }).n >= 1);
    // The audit triggers were set aside for the scrub, and put back as they were.
    const triggers = (t: SqliteDatabase.Database) => t.prepare("select name, sql from sqlite_master where type = 'trigger' order by name").all();
    // From PostgreSQL the snapshot was made by the SQLite migrations: it has SQLite's own audit triggers.
    if (TEST_PG) assert.ok(triggers(snapshot).length > 60, 'the snapshot has its audit triggers');
    else assert.equal(triggers(snapshot), triggers(nativeDatabase(s.db)!));
  } finally {
    snapshot.close();
  }

  // The manifest's head is the chain's head as archived; the restored snapshot verifies, rows and all, and holds that head.
  const head = await currentAuditHead(ctx);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  assert.is(manifest.auditHead, formatHead(head));
  const restored = join(place.dir, 'atjaunoti-noslēpumi.db');
  await restoreArchive(out, restored);
  const db = await openDatabase(restored);
  try {
    const verdict = await verifyAudit({ ...ctx, db }, { head: manifest.auditHead });
    assert.ok(verdict.rows >= 40, `rows checked: ${verdict.rows}`);
    assert.equal(verdict.checkedHead, head);
  } finally {
    await db.destroy();
  }
  // On a server, the archive restores into a new school there too, and verifies against the same head.
  if (TEST_PG) {
    const school = newTestDatabase().replace('school=test', 'school=restored');
    await restoreArchive(out, school);
    const back = await openDatabase(school);
    try {
      assert.equal((await verifyAudit({ ...ctx, db: back }, { head: manifest.auditHead })).checkedHead, head);
    } finally {
      await back.destroy();
    }
  }
  // And the live database's chain still holds the archived head.
  assert.equal((await verifyAudit(ctx, { head: manifest.auditHead })).checkedHead, head);
});

onSqlite(test)('archive export runs SQLite quick_check first: a corrupt page is refused, and nothing is written', async () => {
  const copy = join(place.dir, 'bojāta.db');
  nativeDatabase(s.db)!.exec(`vacuum into '${copy}'`);
  corruptTablePage(copy, 'grade');
  const db = await openDatabase(copy);
  const out = join(place.dir, 'no-bojātas');
  try {
    const ctx = { ...(await s.ctx('admin')), db };
    await exportArchive(ctx, { out }, quiet, []);
    assert.unreachable('a corrupt database was archived');
  } catch (error) {
    assert.ok(error instanceof AppError && error.code === 'invalid', String(error));
    assert.match((error as Error).message, /The database file is damaged \(SQLite quick_check: .+\): the year was not archived/);
  } finally {
    await db.destroy();
  }
  assert.not.ok(existsSync(out));
  assert.equal(readdirSync(place.dir).filter((n) => n.includes('partial')), []);
});

test.run();
