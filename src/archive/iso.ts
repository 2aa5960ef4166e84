import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AppError } from '../errors.ts';
import { asciiSlug } from '../reports/file-names.ts';
import { m as t } from '../i18n/messages/files-archive.ts';

export type IsoTool = 'xorriso' | 'genisoimage';


function installed(tool: string): boolean {
  return spawnSync(tool, ['-version'], { stdio: 'ignore' }).error === undefined;
}

/** xorriso first: it also reads images back (verify), genisoimage only writes them. */
export function findIsoTool(isInstalled: (tool: string) => boolean = installed): IsoTool {
  if (isInstalled('xorriso')) return 'xorriso';
  if (isInstalled('genisoimage')) return 'genisoimage';
  throw new AppError('unexpected', t.isoNoTool(t.isoInstallHint));
}

/** An ISO 9660 volume id: at most 32 of A–Z, 0–9 and _. */
export function isoVolumeId(text: string): string {
  return asciiSlug(text).toUpperCase().replace(/-/g, '_').slice(0, 32);
}

function run(tool: string, args: string[], what: string): void {
  const r = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error) throw new AppError('unexpected', t.isoToolDidNotStart(tool, r.error.message, t.isoInstallHint));
  if (r.status !== 0) throw new AppError('unexpected', t.isoToolFailed(tool, what, (r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ')));
}

/**
 * Joliet (what Windows reads, UCS-2 names) and Rock Ridge (Unix names, any
 * length) beside the plain ISO 9660 names, so ā, š and ž in a name survive on
 * every system; -joliet-long allows Joliet names beyond 64 characters.
 */
export function writeIso(sourceDir: string, isoFile: string, volumeId: string, tool: IsoTool = findIsoTool()): void {
  const args = ['-J', '-joliet-long', '-R', '-input-charset', 'utf-8', '-V', isoVolumeId(volumeId), '-o', isoFile, sourceDir];
  if (tool === 'xorriso') run('xorriso', ['-as', 'mkisofs', ...args], `writing ${isoFile}`);
  else run('genisoimage', ['-quiet', ...args], `writing ${isoFile}`);
}

/** Files extracted from an image are read-only, as on the disc; they must become writable to be removed. */
function makeWritable(dir: string): void {
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) makeWritable(join(dir, entry.name));
    else chmodSync(join(dir, entry.name), 0o600);
  }
}

/** Extracts an image into a temporary folder, runs `work` on it, and removes it. */
export async function withExtractedIso<T>(isoFile: string, work: (dir: string) => T | Promise<T>): Promise<T> {
  if (!installed('xorriso')) throw new AppError('unexpected', t.isoNoReader(t.isoInstallHint));
  const dir = mkdtempSync(join(tmpdir(), 'ezurnals-iso-'));
  try {
    const target = join(dir, 'image');
    const r = spawnSync('xorriso', ['-osirrox', 'on', '-indev', isoFile, '-extract', '/', target], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (r.status !== 0) throw new AppError('invalid', t.isoUnreadable(isoFile, (r.stderr || '').trim().split('\n').slice(-2).join(' ')));
    return await work(target);
  } finally {
    try {
      makeWritable(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** Where a volume's image goes: FILE itself for one volume, FILE's name with `-1`, `-2` … before `.iso` for several. */
export function isoFileOf(isoFile: string, volume: number, volumes: number): string {
  if (volumes === 1) return isoFile;
  const name = isoFile.slice(dirname(isoFile).length);
  const dot = name.toLowerCase().endsWith('.iso') ? name.length - 4 : name.length;
  return `${dirname(isoFile)}${name.slice(0, dot)}-${volume}${name.slice(dot)}`;
}
