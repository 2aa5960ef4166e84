// A minimal ZIP reader (and writer, for test fixtures) for OneRoster
// packages, which are usually delivered zipped. Only what such exports use:
// stored and deflated entries, read through the central directory (the local
// headers' sizes may be zero when the writer streamed). Encrypted and ZIP64
// archives are refused by name rather than misread; no dependency needed.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { AppError } from '../errors.ts';
import { m as t } from '../i18n/messages/files-import.ts';

/**
 * Limits against zip bombs (a few MB that inflate to gigabytes). A OneRoster
 * package is a dozen CSV files; a large school's is a few MB unzipped. Each
 * entry is inflated no further than the size its header declares, and the
 * declared sizes together may not pass MAX_ZIP_TOTAL, checked before any
 * inflating; and the CSV values they hold are counted (`countCsvValues`),
 * so the import stays under 300 MB whatever the zip holds.
 */
export const ZIP_LIMITS = {
  /** Files and folders in the archive. */
  entries: 1_000,
  /** All entries unzipped together, and the .zip file itself: 32 MiB. */
  totalBytes: 32 * 1024 * 1024,
  /**
   * CSV values (separators and line ends) in all entries together. The CSV
   * reader holds a file's values in memory at about 130 bytes each, so 32 MiB
   * of one-letter values would take 3 GB; a million values stays near 200 MB.
   */
  csvValues: 1_000_000,
} as const;

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

/** Every file in the archive (folders left out), in central-directory order. */
export function readZip(data: Uint8Array, file: string): ZipEntry[] {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const bad = (why: string) => new AppError('invalid', `${file}: ${why}`);
  // The end record sits in the last 22 bytes plus up to 64 KiB of comment.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad(t.zipNoDirectory);
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  let at = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || at === 0xffffffff) throw bad(t.zip64);
  if (count > ZIP_LIMITS.entries) throw bad(t.zipTooManyEntries(count, ZIP_LIMITS.entries));
  refuseOversized(buf, at, count, bad);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw bad(t.zipDirectoryDamaged);
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const plain = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    // Bit 11: the name is UTF-8; otherwise CP437, which for the ASCII names OneRoster uses reads the same.
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLen);
    at += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith('/')) continue;
    if (flags & 0x1) throw bad(t.zipEncrypted(name));
    if (compressed === 0xffffffff || plain === 0xffffffff || local === 0xffffffff) throw bad('ZIP64 archives are not supported: unzip it and give the folder.');
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw bad(t.zipEntryDamaged(name));
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) throw bad(t.zipEntryRunsPast(name));
    const raw = buf.subarray(start, start + compressed);
    let bytes: Uint8Array;
    if (method === 0) bytes = raw;
    else if (method === 8) {
      try {
        // Never more than the header declares (+1, to tell "more" from "exactly"): a bomb stops here, not at 4 GB.
        bytes = inflateRawSync(raw, { maxOutputLength: plain + 1 });
      } catch (error) {
        if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw bad(t.zipEntryTooBig(name, plain));
        throw bad(t.zipDataDamaged(name));
      }
    } else throw bad(t.zipMethod(name, method));
    if (bytes.length !== plain) throw bad(t.zipSizeWrong(name, bytes.length, plain));
    entries.push({ name, bytes });
  }
  return entries;
}

/** Values in CSV bytes, counted as separators and line ends: what the CSV reader's memory grows with. */
export function countCsvValues(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x2c || b === 0x0a || b === 0x3b || b === 0x09) n++;
  }
  return n;
}

/** The declared unzipped sizes, added up from the central directory before anything is inflated. */
function refuseOversized(buf: Buffer, at: number, count: number, bad: (why: string) => AppError): void {
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw bad(t.zipDirectoryDamaged);
    total += buf.readUInt32LE(at + 24);
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  if (total > ZIP_LIMITS.totalBytes) {
    throw bad(t.zipTooLarge(mib(total), mib(ZIP_LIMITS.totalBytes)));
  }
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} MiB`;

// CRC-32 (IEEE), which the format requires of a writer; readers above rely on sizes instead.
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A deflated archive of the entries (UTF-8 names, no timestamps worth keeping): for fixtures and tests. */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = deflateRawSync(entry.bytes);
    const crc = crc32(entry.bytes);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0x21, 12); // 1980-01-01: a fixed date keeps the archive byte-for-byte reproducible
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(entry.bytes.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(entry.bytes.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}
