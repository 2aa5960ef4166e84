import { closeSync, constants, existsSync, fstatSync, lstatSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeSync, linkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { AppError } from '../errors.ts';
import { copyDatabase, openDatabase, serverSchoolTaken } from '../db/connection.ts';
import { snapshotSchoolAndYears } from '../db/sqlite/snapshot-file.ts';
import { isPostgresUrl, redactUrl } from '../db/location.ts';
import { withExtractedIso } from './iso.ts';
import { MANIFEST_FILE, parseManifest, type ArchiveManifest } from './manifest.ts';
import { FOLDERS, SNAPSHOT_FILE } from './nomenclature.ts';
import { volumesOf } from './verify.ts';
import { m as t } from '../i18n/messages/files-archive.ts';

export interface RestoreResult {
  /** The snapshot's path inside the archive. */
  snapshot: string;
  db: string;
  bytes: number;
  sha256: string;
}

const SNAPSHOT_PATH = `${FOLDERS.database.name}/${SNAPSHOT_FILE}`;

/**
 * The snapshot, copied to `partial` byte by byte and hashed on the way. An
 * archive is somebody else's folder: the snapshot or its folder may be a
 * symlink (to /etc/passwd, or another school's database, with a manifest
 * written to match), so neither may be one, and the file is opened with
 * O_NOFOLLOW and checked as opened, not as it was looked at a moment before.
 */
function copyVerified(volumeDir: string, where: string, partial: string): { bytes: number; sha256: string } {
  const folder = join(volumeDir, FOLDERS.database.name);
  if (lstatSync(folder).isSymbolicLink()) throw new AppError('invalid', t.snapshotFolderLink(where));
  let fd: number;
  try {
    fd = openSync(join(folder, SNAPSHOT_FILE), constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOOP') throw new AppError('invalid', t.snapshotLink(where));
    throw error;
  }
  const out = openSync(partial, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  try {
    if (!fstatSync(fd).isFile()) throw new AppError('invalid', t.snapshotNotFile(where));
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(1 << 20);
    let bytes = 0;
    for (let read = readSync(fd, buffer, 0, buffer.length, null); read > 0; read = readSync(fd, buffer, 0, buffer.length, null)) {
      const piece = buffer.subarray(0, read);
      hash.update(piece);
      writeSync(out, piece);
      bytes += read;
    }
    return { bytes, sha256: hash.digest('hex') };
  } finally {
    closeSync(fd);
    closeSync(out);
  }
}

/** The snapshot must be the school and year its manifest names: a swapped snapshot is another school's journal. */
function checkSchoolAndYear(path: string, manifest: ArchiveManifest, where: string): void {
  let school: string[];
  let years: string[];
  try {
    ({ schools: school, years } = snapshotSchoolAndYears(path));
  } catch {
    throw new AppError('invalid', t.snapshotNotDatabase(where));
  }
  if (school.length !== 1 || school[0] !== manifest.school?.name) {
    throw new AppError('invalid', t.snapshotOtherSchool(where, school.map((s) => `"${s}"`).join(', '), String(manifest.school?.name)));
  }
  if (!years.includes(manifest.schoolYear)) {
    throw new AppError('invalid', t.snapshotOtherYear(where, manifest.schoolYear, years.join(', ')));
  }
}

async function restoreFrom(root: string, partial: string): Promise<RestoreResult> {
  for (const volume of volumesOf(root).volumes) {
    const manifest = parseManifest(readFileSync(join(volume.dir, MANIFEST_FILE), 'utf8'), `${volume.prefix}${MANIFEST_FILE}`);
    const listed = manifest.files.find((f) => f.path === SNAPSHOT_PATH);
    if (!listed) continue;
    const where = `${volume.prefix}${SNAPSHOT_PATH}`;
    if (!existsSync(join(volume.dir, FOLDERS.database.name)) || !lstatSafe(join(volume.dir, ...SNAPSHOT_PATH.split('/')))) {
      throw new AppError('invalid', t.snapshotMissing(where));
    }
    // Checked on the copy, before it becomes a database: a damaged snapshot must not become somebody's database.
    const copied = copyVerified(volume.dir, where, partial);
    if (copied.bytes !== listed.size || copied.sha256 !== listed.sha256) {
      throw new AppError('invalid', t.snapshotChanged(where));
    }
    checkSchoolAndYear(partial, manifest, where);
    return { snapshot: where, db: '', bytes: listed.size, sha256: listed.sha256 };
  }
  throw new AppError('invalid', t.noSnapshot(SNAPSHOT_PATH));
}

const lstatSafe = (path: string) => {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
};

/**
 * The archived snapshot as a new database, to query and reprint a past year.
 * The copy is opened once as an ezurnals database, which also brings an
 * archive of an older version up to this version's schema. All or nothing:
 * built beside the target under another name, linked into place (never over
 * an existing file) only when checked, and removed with its SQLite side
 * files if anything fails, the opening included.
 */
export async function restoreArchive(archive: string, target: string): Promise<RestoreResult> {
  // Into a new school on a PostgreSQL server: the snapshot restored as a file first, then copied whole (src/db/copy.ts).
  if (isPostgresUrl(target)) {
    // Refused before the archive is read, as an existing file is; copyDatabase refuses it again if the school appears meanwhile.
    if (await serverSchoolTaken(target)) throw new AppError('conflict', t.targetExists(redactUrl(target)));
    if (!existsSync(archive)) throw new AppError('not_found', t.noArchive(archive));
    const dir = mkdtempSync(join(tmpdir(), 'ezurnals-restore-'));
    // The file is the whole journal with its personal data: it goes with the process, interrupted too (the server rolls the copy back).
    const removeDir = () => rmSync(dir, { recursive: true, force: true });
    const interrupted = () => process.exit(130);
    process.once('exit', removeDir).once('SIGINT', interrupted).once('SIGTERM', interrupted);
    try {
      const file = join(dir, 'snapshot.db');
      const result = await restoreArchive(archive, file);
      await copyDatabase(file, target);
      return { ...result, db: redactUrl(target) };
    } finally {
      removeDir();
      process.off('exit', removeDir).off('SIGINT', interrupted).off('SIGTERM', interrupted);
    }
  }
  if (existsSync(target)) throw new AppError('conflict', t.targetExists(target));
  if (!existsSync(archive)) throw new AppError('not_found', t.noArchive(archive));
  // Checked before anything is read, so the message names the folder given, not a temporary file in it.
  const folder = dirname(resolve(target));
  if (!existsSync(folder)) throw new AppError('not_found', t.noTargetFolder(target, folder));
  if (!statSync(folder).isDirectory()) throw new AppError('not_found', t.targetFolderNotFolder(target, folder));
  const partial = `${target}.part-${process.pid}`;
  let placed = false;
  const removeAll = (path: string) => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
  };
  const interrupted = () => process.exit(130);
  const cleanUp = () => {
    removeAll(partial);
    if (placed) removeAll(target);
  };
  process.once('exit', cleanUp).once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    const result = lstatSync(archive).isDirectory() ? await restoreFrom(archive, partial) : await withExtractedIso(archive, (dir) => restoreFrom(dir, partial));
    // link() fails if the target appeared meanwhile: a restore never overwrites.
    try {
      linkSync(partial, target);
    } catch (error) {
      if ((error as { code?: string }).code === 'EEXIST') throw new AppError('conflict', t.targetAppeared(target));
      throw error;
    }
    placed = true;
    removeAll(partial); // with the -shm a read-only look at a WAL database leaves
    const db = await openDatabase(target);
    await db.destroy();
    placed = false;
    return { ...result, db: target };
  } catch (error) {
    cleanUp();
    placed = false;
    throw error;
  } finally {
    process.off('exit', cleanUp).off('SIGINT', interrupted).off('SIGTERM', interrupted);
  }
}
