import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, sep } from 'node:path';
import { AppError } from '../errors.ts';
import { withExtractedIso } from './iso.ts';
import { CHECKSUMS_FILE, checksumsText, MANIFEST_FILE, parseManifest, sha256OfFile, type ArchiveManifest } from './manifest.ts';
import { VOLUME_FOLDER } from './volumes.ts';
import { m as t } from '../i18n/messages/files-archive.ts';

export type { ArchiveManifest };

export interface ArchiveVerification {
  ok: boolean;
  /** How many files the manifests list, and their total size in bytes. */
  files: number;
  bytes: number;
  /** Paths relative to the archive's folder (`volume-2/03_liecības/….pdf` in a split archive). */
  missing: string[];
  changed: string[];
  extra: string[];
  manifests: ArchiveManifest[];
}

/** Every file under `dir`, as paths relative to it with `/` separators. */
function filesUnder(dir: string, prefix = ''): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...filesUnder(dir, path));
    else found.push(path);
  }
  return found;
}

/** A listed path must stay inside its volume: an archive is read from untrusted media. */
function safePath(path: string): boolean {
  return path !== '' && !path.startsWith('/') && !path.includes('\\') && posix.normalize(path) === path && !path.split('/').includes('..');
}

export interface ArchiveVolume {
  /** `volume-2/` in a split archive, '' otherwise. */
  prefix: string;
  dir: string;
}

/** The archive's volumes: the folder itself when it holds a manifest, else its `volume-N` folders. */
export function volumesOf(root: string): { volumes: ArchiveVolume[]; outside: string[] } {
  if (existsSync(join(root, MANIFEST_FILE))) return { volumes: [{ prefix: '', dir: root }], outside: [] };
  const entries = readdirSync(root, { withFileTypes: true });
  const volumes = entries
    .filter((e) => e.isDirectory() && VOLUME_FOLDER.test(e.name) && existsSync(join(root, e.name, MANIFEST_FILE)))
    .map((e) => ({ prefix: `${e.name}/`, dir: join(root, e.name) }))
    .sort((a, b) => Number(a.prefix.match(/\d+/)![0]) - Number(b.prefix.match(/\d+/)![0]));
  if (volumes.length === 0) throw new AppError('invalid', t.noManifest(root, MANIFEST_FILE));
  const inVolumes = new Set(volumes.map((v) => v.prefix.slice(0, -1)));
  const outside = entries.filter((e) => !inVolumes.has(e.name)).flatMap((e) => (e.isDirectory() ? filesUnder(root, e.name) : [e.name]));
  return { volumes, outside };
}

function verifyFolder(root: string): ArchiveVerification {
  const { volumes, outside } = volumesOf(root);
  const result: ArchiveVerification = { ok: false, files: 0, bytes: 0, missing: [], changed: [], extra: [...outside], manifests: [] };
  for (const volume of volumes) {
    const manifestPath = `${volume.prefix}${MANIFEST_FILE}`;
    let manifest: ArchiveManifest;
    try {
      manifest = parseManifest(readFileSync(join(volume.dir, MANIFEST_FILE), 'utf8'), manifestPath);
    } catch (error) {
      throw new AppError('invalid', (error as Error).message);
    }
    const unsafe = manifest.files.filter((f) => !safePath(f.path));
    if (unsafe.length > 0) throw new AppError('invalid', t.pathsOutside(manifestPath, unsafe.map((f) => f.path).join(', ')));
    result.manifests.push(manifest);
    const listed = new Set(manifest.files.map((f) => f.path));
    for (const file of manifest.files) {
      result.files++;
      result.bytes += file.size;
      const path = join(volume.dir, ...file.path.split('/'));
      if (!existsSync(path) || !lstatSync(path).isFile()) result.missing.push(`${volume.prefix}${file.path}`);
      else if (statSync(path).size !== file.size || sha256OfFile(path) !== file.sha256) result.changed.push(`${volume.prefix}${file.path}`);
    }
    // SHA256SUMS is what an archivist checks without ezurnals: it must say what the manifest says.
    const sums = join(volume.dir, CHECKSUMS_FILE);
    if (!existsSync(sums)) result.missing.push(`${volume.prefix}${CHECKSUMS_FILE}`);
    else if (readFileSync(sums, 'utf8') !== checksumsText(manifest.files)) result.changed.push(`${volume.prefix}${CHECKSUMS_FILE}`);
    for (const path of filesUnder(volume.dir)) {
      if (path !== MANIFEST_FILE && path !== CHECKSUMS_FILE && !listed.has(path)) result.extra.push(`${volume.prefix}${path}`);
    }
  }
  // A volume lost whole (a missing CD) shows only in the others' count of volumes.
  const declared = Math.max(0, ...result.manifests.map((m) => m.volumes ?? 0));
  const present = new Set(volumes.map((v) => v.prefix));
  for (let n = 1; n <= declared; n++) if (!present.has(`volume-${n}/`)) result.missing.push(`volume-${n}/${MANIFEST_FILE}`);
  result.ok = result.missing.length === 0 && result.changed.length === 0 && result.extra.length === 0;
  return result;
}

/**
 * Recomputes every hash of an archive folder (one volume or several) or of an
 * ISO image of it, and names what is missing, changed or not listed.
 */
export async function verifyArchive(path: string): Promise<ArchiveVerification> {
  if (!existsSync(path)) throw new AppError('not_found', t.noArchive(path));
  if (statSync(path).isDirectory()) return verifyFolder(path.endsWith(sep) && path.length > 1 ? path.slice(0, -1) : path);
  return withExtractedIso(path, (dir) => verifyFolder(dir));
}
