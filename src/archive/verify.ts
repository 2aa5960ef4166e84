import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { AppError } from '../errors.ts';

/**
 * The year's archive as `archive export` writes it (issue 6): a folder with
 * `manifest.json` listing every file with its size and SHA-256, or, when it
 * is split for the medium, `volume-1/` … `volume-N/` each with its own.
 */
export interface ArchiveManifest {
  format: 'ezurnals-archive';
  formatVersion: 1;
  school: { name: string };
  schoolYear: string;
  software: { name: string; version: string };
  exportedAt: string;
  files: { path: string; size: number; sha256: string }[];
  /** Set on a volume of a split archive. */
  volume?: number;
  volumes?: number;
}

export interface ArchiveVerification {
  ok: boolean;
  /** Files listed in the manifests. */
  files: number;
  /** Their total size as listed. */
  bytes: number;
  /** Paths relative to the archive folder (a volume's begin with `volume-N/`). */
  missing: string[];
  changed: string[];
  extra: string[];
  manifests: ArchiveManifest[];
}

const MANIFEST = 'manifest.json';
/** The two files that describe the others and are not listed themselves. */
const SELF_DESCRIBING = new Set([MANIFEST, 'SHA256SUMS']);
const VOLUME = /^volume-(\d+)$/;

function readManifest(path: string): ArchiveManifest {
  let manifest: ArchiveManifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as ArchiveManifest;
  } catch (error) {
    throw new AppError('invalid', `${path} is not a readable archive manifest: ${(error as Error).message}`);
  }
  if (manifest?.format !== 'ezurnals-archive' || manifest.formatVersion !== 1 || !Array.isArray(manifest.files)) {
    throw new AppError('invalid', `${path} is not an ezurnals archive manifest (format "ezurnals-archive", formatVersion 1).`);
  }
  for (const file of manifest.files) {
    const normal = posix.normalize(String(file?.path ?? ''));
    if (!file?.path || normal !== file.path || normal.startsWith('../') || normal.startsWith('/') || SELF_DESCRIBING.has(normal)) {
      throw new AppError('invalid', `${path} lists "${file?.path}", which is not a plain relative path inside the archive.`);
    }
  }
  return manifest;
}

function sha256(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Every file under `dir`, as posix paths relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...filesUnder(join(dir, entry.name), relative));
    else found.push(relative);
  }
  return found;
}

interface Findings {
  missing: string[];
  changed: string[];
  extra: string[];
}

/** One folder against its manifest; findings are prefixed with the folder's place in the archive. */
async function verifyFolder(dir: string, manifest: ArchiveManifest, prefix: string, findings: Findings): Promise<void> {
  const listed = new Set<string>();
  for (const file of manifest.files) {
    listed.add(file.path);
    const path = join(dir, ...file.path.split('/'));
    if (!existsSync(path) || !statSync(path).isFile()) findings.missing.push(prefix + file.path);
    else if (statSync(path).size !== file.size || (await sha256(path)) !== String(file.sha256).toLowerCase()) findings.changed.push(prefix + file.path);
  }
  for (const relative of filesUnder(dir)) {
    if (!listed.has(relative) && !SELF_DESCRIBING.has(relative)) findings.extra.push(prefix + relative);
  }
}

/**
 * Recomputes the SHA-256 of every listed file and reports what is missing,
 * changed (size or hash) or extra. A folder of volumes verifies each volume
 * against its own manifest, and a volume that is not there is missing.
 */
export async function verifyArchive(path: string): Promise<ArchiveVerification> {
  if (!existsSync(path) || !statSync(path).isDirectory()) throw new AppError('not_found', `No archive folder at ${path}.`);
  const findings: Findings = { missing: [], changed: [], extra: [] };
  const manifests: ArchiveManifest[] = [];
  if (existsSync(join(path, MANIFEST))) {
    const manifest = readManifest(join(path, MANIFEST));
    manifests.push(manifest);
    await verifyFolder(path, manifest, '', findings);
  } else {
    const volumes = readdirSync(path, { withFileTypes: true })
      .filter((e) => e.isDirectory() && VOLUME.test(e.name))
      .map((e) => Number(VOLUME.exec(e.name)![1]))
      .sort((a, b) => a - b);
    if (volumes.length === 0) throw new AppError('invalid', `${path} holds no ${MANIFEST} and no volume-N folders: it is not an ezurnals archive.`);
    let expected = volumes.length;
    for (const n of volumes) {
      const folder = `volume-${n}`;
      if (!existsSync(join(path, folder, MANIFEST))) {
        findings.missing.push(`${folder}/${MANIFEST}`);
        continue;
      }
      const manifest = readManifest(join(path, folder, MANIFEST));
      manifests.push(manifest);
      expected = Math.max(expected, manifest.volumes ?? 0);
      await verifyFolder(join(path, folder), manifest, `${folder}/`, findings);
    }
    for (let n = 1; n <= expected; n++) if (!volumes.includes(n)) findings.missing.push(`volume-${n}/${MANIFEST}`);
    // Beside the volumes only the describing files may lie.
    for (const relative of filesUnder(path)) {
      const top = relative.split('/')[0]!;
      if (!(relative.includes('/') && VOLUME.test(top)) && !SELF_DESCRIBING.has(relative)) findings.extra.push(relative);
    }
  }
  const files = manifests.reduce((n, m) => n + m.files.length, 0);
  const bytes = manifests.reduce((n, m) => n + m.files.reduce((b, f) => b + f.size, 0), 0);
  return { ok: findings.missing.length + findings.changed.length + findings.extra.length === 0, files, bytes, ...findings, manifests };
}
