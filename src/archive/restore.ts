import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AppError } from '../errors.ts';
import { openDatabase } from '../db/connection.ts';
import { withExtractedIso } from './iso.ts';
import { MANIFEST_FILE, parseManifest, sha256OfFile } from './manifest.ts';
import { FOLDERS, SNAPSHOT_FILE } from './nomenclature.ts';
import { copySnapshot } from './snapshot.ts';
import { volumesOf } from './verify.ts';

export interface RestoreResult {
  /** The snapshot's path inside the archive. */
  snapshot: string;
  db: string;
  bytes: number;
  sha256: string;
}

const SNAPSHOT_PATH = `${FOLDERS.database.name}/${SNAPSHOT_FILE}`;

async function restoreFrom(root: string, target: string): Promise<RestoreResult> {
  for (const volume of volumesOf(root).volumes) {
    const manifest = parseManifest(readFileSync(join(volume.dir, MANIFEST_FILE), 'utf8'), `${volume.prefix}${MANIFEST_FILE}`);
    const listed = manifest.files.find((f) => f.path === SNAPSHOT_PATH);
    if (!listed) continue;
    const where = `${volume.prefix}${SNAPSHOT_PATH}`;
    const file = join(volume.dir, ...SNAPSHOT_PATH.split('/'));
    if (!existsSync(file)) throw new AppError('invalid', `The archive's manifest lists ${where}, but the file is missing: nothing was restored.`);
    // Checked before anything is written: a damaged snapshot must not become somebody's database.
    if (statSync(file).size !== listed.size || sha256OfFile(file) !== listed.sha256) {
      throw new AppError('invalid', `${where} does not match its SHA-256 in the manifest: the snapshot was changed or damaged, and nothing was restored.`);
    }
    copySnapshot(file, target);
    // A copy from a disc is read-only like the disc; the restored database holds personal data.
    chmodSync(target, 0o600);
    return { snapshot: where, db: target, bytes: listed.size, sha256: listed.sha256 };
  }
  throw new AppError('invalid', `The archive lists no database snapshot (${SNAPSHOT_PATH}) in its manifest.`);
}

/**
 * The archived snapshot as a new database, to query and reprint a past year.
 * The copy is opened once as an ezurnals database, which also brings an
 * archive of an older version up to this version's schema.
 */
export async function restoreArchive(archive: string, target: string): Promise<RestoreResult> {
  if (existsSync(target)) throw new AppError('conflict', `${target} already exists; restore writes a new database and never overwrites one.`);
  if (!existsSync(archive)) throw new AppError('not_found', `No archive at ${archive}.`);
  // Checked before anything is read, so the message names the folder given, not a temporary file in it.
  const folder = dirname(resolve(target));
  if (!existsSync(folder)) throw new AppError('not_found', `Cannot restore into ${target}: the folder ${folder} does not exist.`);
  if (!statSync(folder).isDirectory()) throw new AppError('not_found', `Cannot restore into ${target}: ${folder} is not a folder.`);
  const result = statSync(archive).isDirectory() ? await restoreFrom(archive, target) : await withExtractedIso(archive, (dir) => restoreFrom(dir, target));
  const db = await openDatabase(target);
  await db.destroy();
  return result;
}
