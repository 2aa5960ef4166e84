// A year's archive folder as `archive export` lays it out (manifest.json with
// every file's size and SHA-256), written by hand for the tests.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface HandArchive {
  year: string;
  school: string;
  /** Relative posix path → content. */
  files: Record<string, string>;
  /** Set for one volume of a split archive. */
  volume?: { n: number; of: number };
  /** The audit chain's head the manifest records, POSITION:HASH. */
  auditHead?: string;
}

export function writeArchive(dir: string, archive: HandArchive): void {
  const files = Object.entries(archive.files).map(([path, content]) => {
    const target = join(dir, ...path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    return { path, size: Buffer.byteLength(content), sha256: createHash('sha256').update(content).digest('hex') };
  });
  const manifest = {
    format: 'ezurnals-archive',
    formatVersion: 1,
    school: { name: archive.school },
    schoolYear: archive.year,
    software: { name: 'ezurnals', version: '0.0.0-test' },
    exportedAt: '2027-06-30T12:00:00+03:00',
    ...(archive.auditHead ? { auditHead: archive.auditHead } : {}),
    files,
    ...(archive.volume ? { volume: archive.volume.n, volumes: archive.volume.of } : {}),
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'SHA256SUMS'), files.map((f) => `${f.sha256}  ${f.path}\n`).join(''));
}

/** The small school's 2026/2027 archive, as little as verifies. */
export function schoolYearArchive(dir: string, year = '2026/2027', auditHead?: string): string {
  writeArchive(dir, {
    year,
    auditHead,
    school: 'Rīgas Parauga vidusskola',
    files: { 'index.html': '<!doctype html><title>Arhīvs</title>', 'tabulas/skoleni.csv': '\uFEFFkods;vārds\nS001;Jānis\n', 'žurnāli/7a/matemātika.pdf': '%PDF-1.4 test' },
  });
  return dir;
}
