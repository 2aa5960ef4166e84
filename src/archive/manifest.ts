import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { m as t } from '../i18n/messages/files-archive.ts';

export const ARCHIVE_FORMAT = 'ezurnals-archive';
export const ARCHIVE_FORMAT_VERSION = 1;
/** The two files of a volume that describe the others, and so are not listed in it. */
export const MANIFEST_FILE = 'manifest.json';
export const CHECKSUMS_FILE = 'SHA256SUMS';

export interface ManifestFile {
  /** Relative to the volume's folder, with `/` separators. */
  path: string;
  size: number;
  sha256: string;
}

export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  formatVersion: typeof ARCHIVE_FORMAT_VERSION;
  school: { name: string; registrationNumber: string | null; director: string | null };
  schoolYear: string;
  software: { name: string; version: string };
  exportedAt: string;
  /**
   * The audit chain's head in the snapshot, `POSITION:HASH`: kept with the
   * archive, outside the database, so that `audit verify --head` can show
   * later that the chain up to here was not rebuilt. Absent in older archives.
   */
  auditHead?: string;
  /** Only when the archive is split: this volume's number, counted from 1, and how many there are. */
  volume?: number;
  volumes?: number;
  files: ManifestFile[];
}

const CHUNK = 1 << 20;

/** A file's SHA-256 read in 1 MB pieces: a database snapshot may be larger than memory should hold. */
export function sha256OfFile(path: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(CHUNK);
  const fd = openSync(path, 'r');
  try {
    for (let read = readSync(fd, buffer, 0, CHUNK, null); read > 0; read = readSync(fd, buffer, 0, CHUNK, null)) hash.update(buffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** `sha256sum -c` format: the hash, two spaces (text mode, as sha256sum writes by default), the path. */
export function checksumsText(files: readonly ManifestFile[]): string {
  return files.map((f) => `${f.sha256}  ${f.path}\n`).join('');
}

export function manifestText(manifest: ArchiveManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Checks the shape of a manifest read back from an archive; anything else is not one of ours. */
export function parseManifest(text: string, where: string): ArchiveManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(t.manifestNotJson(where, (error as Error).message));
  }
  const manifest = value as Partial<ArchiveManifest>;
  if (manifest?.format !== ARCHIVE_FORMAT) throw new Error(t.manifestNotOurs(where, JSON.stringify(manifest?.format)));
  if (manifest.formatVersion !== ARCHIVE_FORMAT_VERSION) throw new Error(t.manifestVersion(where, String(manifest.formatVersion), ARCHIVE_FORMAT_VERSION));
  const files = manifest.files;
  if (!Array.isArray(files) || !files.every((f) => typeof f?.path === 'string' && typeof f.size === 'number' && /^[0-9a-f]{64}$/.test(String(f.sha256)))) {
    throw new Error(t.manifestShape(where));
  }
  return manifest as ArchiveManifest;
}
