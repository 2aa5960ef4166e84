import { AppError } from '../errors.ts';
import { m as t } from '../i18n/messages/files-archive.ts';

/** A CD holds 700 MB (REFERENCE §6). */
export const DEFAULT_VOLUME_SIZE = '700M';

/** The folders of a split archive: `volume-1`, `volume-2` … */
export const VOLUME_FOLDER = /^volume-\d+$/;
export const volumeFolder = (n: number) => `volume-${n}`;

const UNITS: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

/** `700M`, `4.7G`, `650000K` or plain bytes; K, M and G are binary (a "700 MB" CD holds 700 MiB). */
export function parseVolumeSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([KMG]?)i?B?\s*$/i.exec(text);
  const bytes = match ? Math.floor(Number(match[1]) * UNITS[match[2]!.toUpperCase()]!) : NaN;
  if (!Number.isFinite(bytes) || bytes < 1024 * 1024) throw new AppError('usage', t.badVolumeSize(text));
  return bytes;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export interface SizedFile {
  path: string;
  size: number;
}

/**
 * What each listed file adds beside its own bytes: its lines in the volume's
 * manifest, SHA256SUMS and index.html (its path three times, a hash twice,
 * markup), and in an ISO image its directory records and the rest of its last
 * 2 KB sector. An upper bound, so a volume filled to its limit still fits.
 */
export function describingBytes(path: string): number {
  return 3 * Buffer.byteLength(path) + 2 * 64 + 400 + 2048 + 512;
}

/** manifest.json, SHA256SUMS and index.html without their file lines, and an ISO image's system area and volume descriptors. */
export const VOLUME_OVERHEAD = 1024 * 1024;

/**
 * Splits the files into volumes in their order (so a class's documents stay
 * together and the nomenclature reads on from one disc to the next). A file
 * that alone exceeds a volume stops the export: it cannot be archived on that
 * medium, and an oversized volume must never be written silently.
 */
export function packVolumes<F extends SizedFile>(files: readonly F[], volumeSize: number): F[][] {
  const room = volumeSize - VOLUME_OVERHEAD;
  const tooBig = files.filter((f) => f.size + describingBytes(f.path) > room);
  if (tooBig.length > 0) {
    throw new AppError(
      'invalid',
      t.filesTooBig(tooBig.map((f) => `${f.path} (${formatBytes(f.size)})`).join(', '), tooBig.length, formatBytes(volumeSize)),
    );
  }
  const volumes: F[][] = [[]];
  let used = 0;
  for (const file of files) {
    const need = file.size + describingBytes(file.path);
    if (used + need > room && volumes.at(-1)!.length > 0) {
      volumes.push([]);
      used = 0;
    }
    volumes.at(-1)!.push(file);
    used += need;
  }
  return volumes;
}
