// Bytes → text for CSV files as Latvian schools really have them (REFERENCE
// §9): Excel's "CSV UTF-8" (with a BOM), plain UTF-8 from other systems,
// "Unicode text" (UTF-16 with a BOM), and Excel's plain "CSV" in a Latvian
// Windows, which is the Baltic code page Windows-1257. Guessing wrong is the
// worst outcome (ā š ž silently become other letters), so detection only
// chooses Windows-1257 when the bytes cannot be UTF-8, and a file that is
// UTF-8 with a few bad bytes is reported, not reinterpreted.
import { CsvError } from './errors.ts';
import { m as t } from '../i18n/messages/files-csv.ts';

export type DetectedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1257';

export interface EncodingGuess {
  encoding: DetectedEncoding;
  bom: boolean;
}

/** How much of a file the checks look at; the streaming reader reads this much first. */
export const SAMPLE_BYTES = 64 * 1024;

// UTF-16 without a BOM is rare (some exporters still write it); its ASCII is
// every other byte NUL, which the first KB shows reliably.
const UTF16_PROBE_BYTES = 1024;

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const UTF16LE_BOM = [0xff, 0xfe] as const;
const UTF16BE_BOM = [0xfe, 0xff] as const;

/** The share of UTF-16 code units in `probe` that are usual in Latvian text. */
function plausibleUtf16Share(probe: Uint8Array, littleEndian: boolean): number {
  let plausible = 0;
  let units = 0;
  for (let i = 0; i + 1 < probe.length; i += 2) {
    const a = probe[i]!;
    const b = probe[i + 1]!;
    const u = littleEndian ? a | (b << 8) : (a << 8) | b;
    units++;
    if (
      (u >= 0x20 && u < 0x7f) ||
      u === 0x09 ||
      u === 0x0a ||
      u === 0x0d ||
      (u >= 0xa0 && u <= 0x24f) || // Latin-1 and Latin Extended-A/B: ā…ž and their capitals
      (u >= 0x2010 && u <= 0x206f) || // dashes, quotes „“, ellipsis
      u === 0x20ac
    ) {
      plausible++;
    }
  }
  return units === 0 ? 0 : plausible / units;
}

function guessUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const probe = bytes.subarray(0, UTF16_PROBE_BYTES);
  if (probe.length < 4) return null;
  let zeros = 0;
  for (const b of probe) if (b === 0) zeros++;
  // UTF-8 and single-byte text have no NUL bytes at all; UTF-16 text has one
  // in every ASCII character. Counting zeros per parity is not enough (the
  // capital Ā is U+0100, a zero in the *other* byte), so decide by which byte
  // order reads as text: the wrong one gives control characters and CJK.
  if (zeros < probe.length * 0.1) return null;
  const le = plausibleUtf16Share(probe, true);
  const be = plausibleUtf16Share(probe, false);
  if (le >= 0.9 && le > be) return 'utf-16le';
  if (be >= 0.9 && be > le) return 'utf-16be';
  return null;
}

/** The code points of the Latvian letters beyond ASCII. */
const LATVIAN_LETTERS: ReadonlySet<number> = new Set([...'āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ'].map((c) => c.codePointAt(0)!));

interface Utf8Scan {
  /** Byte offset of the first byte that is not valid UTF-8, or -1. */
  firstInvalid: number;
  invalid: number;
  /** Well-formed multi-byte sequences (the non-ASCII letters, if it is UTF-8). */
  multibyte: number;
  /**
   * Byte offset of the first well-formed sequence for a Latvian letter
   * (ā is C4 81), or -1. In Windows-1257 those bytes would be "Ä" or "Å"
   * followed by a punctuation mark, which Latvian text never has, so one of
   * these beside invalid bytes means a file of two encodings.
   */
  firstLetter: number;
}

/**
 * A byte-level UTF-8 check that also counts, so that "mostly UTF-8 with a few
 * bad bytes" (a damaged or pieced-together file) is told apart from a real
 * single-byte file: Windows-1257 Latvian letters are lead bytes (0xC0–0xFE)
 * followed by ASCII, so they almost never form a valid sequence by chance.
 * `complete` false means the bytes are a prefix: a sequence cut at the end is
 * not an error.
 */
function scanUtf8(bytes: Uint8Array, complete: boolean): Utf8Scan {
  let firstInvalid = -1;
  let invalid = 0;
  let multibyte = 0;
  let firstLetter = -1;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b === 0xe0) [need, lo] = [2, 0xa0];
    else if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) need = 2;
    else if (b === 0xed) [need, hi] = [2, 0x9f];
    else if (b === 0xf0) [need, lo] = [3, 0x90];
    else if (b >= 0xf1 && b <= 0xf3) need = 3;
    else if (b === 0xf4) [need, hi] = [3, 0x8f];
    let ok = need > 0;
    let j = 1;
    for (; ok && j <= need; j++) {
      if (i + j >= n) {
        if (!complete) return { firstInvalid, invalid, multibyte, firstLetter };
        ok = false;
        break;
      }
      const c = bytes[i + j]!;
      const min = j === 1 ? lo : 0x80;
      const max = j === 1 ? hi : 0xbf;
      if (c < min || c > max) ok = false;
    }
    if (ok) {
      multibyte++;
      if (firstLetter < 0 && need === 1 && LATVIAN_LETTERS.has(((b & 0x1f) << 6) | (bytes[i + 1]! & 0x3f))) firstLetter = i;
      i += need + 1;
    } else {
      if (firstInvalid < 0) firstInvalid = i;
      invalid++;
      i++;
    }
  }
  return { firstInvalid, invalid, multibyte, firstLetter };
}

function isStrictUtf8(bytes: Uint8Array, complete: boolean): boolean {
  try {
    // Native and fast; `stream` tolerates a sequence cut at the end of a prefix.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/**
 * Detection on the first bytes of a file that may be longer (`complete`
 * false): used by the streaming reader on its first 64 KiB.
 */
export function detectEncodingOfSample(bytes: Uint8Array, complete: boolean): EncodingGuess {
  if (startsWith(bytes, UTF8_BOM)) return { encoding: 'utf-8', bom: true };
  if (startsWith(bytes, UTF16LE_BOM)) return { encoding: 'utf-16le', bom: true };
  if (startsWith(bytes, UTF16BE_BOM)) return { encoding: 'utf-16be', bom: true };
  const utf16 = guessUtf16WithoutBom(bytes);
  if (utf16) return { encoding: utf16, bom: false };
  if (isStrictUtf8(bytes, complete)) return { encoding: 'utf-8', bom: false };
  const scan = scanUtf8(bytes, complete);
  // Damaged UTF-8 stays UTF-8 so that decoding reports the bad byte instead
  // of turning every correct "ā" (C4 81) into "Ä" plus a control character;
  // so does a file pieced together from UTF-8 and Windows-1257 rows (issue
  // 14), however few its UTF-8 letters: it is refused, not half mojibake.
  if (scan.multibyte > scan.invalid || scan.firstLetter >= 0) return { encoding: 'utf-8', bom: false };
  return { encoding: 'windows-1257', bom: false };
}

/**
 * The encoding of a whole file: a BOM if there is one; UTF-16 by its NUL
 * pattern; UTF-8 if the bytes are valid UTF-8 (pure ASCII included: it reads
 * the same in every candidate); otherwise Windows-1257, the code page Latvian
 * Excel saves plain "CSV" in.
 */
export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  return detectEncodingOfSample(bytes, true);
}

// Names people type for --encoding, compacted (lower case, no spaces,
// hyphens or underscores) so `UTF_8`, `utf 8`, `Windows-1257` all work.
// Latin-7 is ISO-8859-13, not Windows-1257: the Latvian letters sit at the
// same places but some punctuation differs, so it keeps its own decoder.
// 'utf-16' without an order is decided by the BOM (Windows "Unicode text"
// is little-endian, the default).
const ENCODING_ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  utf8bom: 'utf-8',
  utf16le: 'utf-16le',
  ucs2: 'utf-16le',
  ucs2le: 'utf-16le',
  utf16be: 'utf-16be',
  ucs2be: 'utf-16be',
  utf16: 'utf-16',
  unicode: 'utf-16',
  windows1257: 'windows-1257',
  win1257: 'windows-1257',
  cp1257: 'windows-1257',
  ms1257: 'windows-1257',
  '1257': 'windows-1257',
  baltic: 'windows-1257',
  iso885913: 'iso-8859-13',
  latin7: 'iso-8859-13',
  windows1252: 'windows-1252',
  win1252: 'windows-1252',
  cp1252: 'windows-1252',
  latin1: 'windows-1252',
  iso88591: 'windows-1252',
};

export const SUPPORTED_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'utf-16', 'windows-1257', 'iso-8859-13', 'windows-1252'] as const;

/**
 * The canonical name for an --encoding value, or a CsvError listing what is
 * accepted. 'utf-16' comes back as is; `resolveEncoding` settles its order.
 */
export function normalizeEncodingName(name: string): string {
  const key = name.trim().toLowerCase().replace(/[\s_-]+/g, '');
  const canonical = ENCODING_ALIASES[key];
  if (canonical === undefined) {
    throw new CsvError(
      t.unknownEncoding(name, SUPPORTED_ENCODINGS.join(', ')),
    );
  }
  return canonical;
}

/** The encoding to decode with: the override (aliases resolved) or detection. */
export function resolveEncoding(bytes: Uint8Array, override: string | undefined, complete = true): string {
  if (override === undefined) return detectEncodingOfSample(bytes, complete).encoding;
  const name = normalizeEncodingName(override);
  if (name === 'utf-16') return startsWith(bytes, UTF16BE_BOM) ? 'utf-16be' : 'utf-16le';
  return name;
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The message for bytes that are not UTF-8, with the line to look at. */
export function invalidUtf8Error(bytes: Uint8Array, file: string, forced: boolean, lineOffset = 0): CsvError {
  const scan = scanUtf8(bytes, true);
  const at = Math.max(0, scan.firstInvalid);
  const line = lineOffset + lineOfByte(bytes, at);
  const byte = bytes[at] ?? 0;
  if (!forced && scan.firstLetter > at && scan.firstLetter >= 0) return mixedEncodingError(file, line, byte, lineOffset + lineOfByte(bytes, scan.firstLetter));
  const hex = hexByte(byte);
  const reason = forced
    ? t.notUtf8Forced(hex)
    : t.badUtf8Byte(hex);
  return CsvError.at(file, line, reason);
}

const hexByte = (byte: number) => byte.toString(16).toUpperCase().padStart(2, '0');

/**
 * A file whose line `line` is not UTF-8 (byte `byte`, most likely a
 * Windows-1257 letter) while a later line `utf8Line` is: rows pasted
 * together from two files. Neither reading is right for the whole file.
 */
export function mixedEncodingError(file: string, line: number, byte: number, utf8Line: number): CsvError {
  return CsvError.at(
    file,
    line,
    t.mixedEncodings(hexByte(byte), utf8Line),
  );
}

/** Where in `bytes` the first UTF-8 letter (U+0100 and above) is, or -1: for a file read as Windows-1257 after its first chunk. */
export function firstUtf8Letter(bytes: Uint8Array): number {
  return scanUtf8(bytes, false).firstLetter;
}

/** The byte offset of the first byte that is not UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  return scanUtf8(bytes, false).firstInvalid;
}

/** The line (1-based) of byte `offset`. */
export function lineOfOffset(bytes: Uint8Array, offset: number): number {
  return lineOfByte(bytes, offset);
}

/** A decoder for one encoding name (canonical, as from `resolveEncoding`). */
export function createDecoder(encoding: string): TextDecoder {
  // Fatal only for UTF-8: there a bad byte means the guess or the file is
  // wrong and must be reported; single-byte code pages decode any byte, and
  // a lone surrogate in UTF-16 is better shown as U+FFFD than refused.
  // The default ignoreBOM: false makes the decoder drop its own BOM.
  return new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
}

/** Final touches every decoded text gets, whatever the encoding. */
export function cleanDecodedText(text: string): string {
  // A second BOM (a file saved twice by tools that each add one), and DOS's
  // end-of-file Ctrl-Z that old exporters still append.
  let out = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (out.endsWith('\x1a')) out = out.slice(0, -1);
  return out;
}

/**
 * Decode a whole CSV file: the BOM is removed, `override` (an --encoding
 * value, aliases accepted) replaces detection. Errors name `file`.
 */
export function decodeCsvBytes(bytes: Uint8Array, override?: string, file = 'input'): { text: string; encoding: string } {
  const encoding = resolveEncoding(bytes, override);
  let text: string;
  try {
    text = createDecoder(encoding).decode(bytes);
  } catch {
    throw invalidUtf8Error(bytes, file, override !== undefined);
  }
  return { text: cleanDecodedText(text), encoding };
}

// --- Not CSV at all ----------------------------------------------------------


function zipReason(bytes: Uint8Array): string {
  // The entry names of a zip are plain ASCII in its local headers.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SAMPLE_BYTES));
  if (head.includes('opendocument.spreadsheet')) {
    return 'this is an OpenDocument spreadsheet (.ods), not CSV: in LibreOffice use File → Save As → Text CSV (UTF-8)';
  }
  if (head.includes('xl/') || head.includes('[Content_Types].xml')) {
    return t.xlsx(t.saveAsCsv);
  }
  return t.zip(t.saveAsCsv);
}

/**
 * One line saying why `bytes` are not a CSV file at all, or null if they are
 * text. Looks at the first 64 KiB only, so it costs the same on any size.
 */
export function notCsvReason(bytes: Uint8Array): string | null {
  return notCsvReasonOfSample(bytes.subarray(0, SAMPLE_BYTES), bytes.length <= SAMPLE_BYTES);
}

/** The same on the first bytes of a file (`complete` false if there are more). */
export function notCsvReasonOfSample(bytes: Uint8Array, complete: boolean): string | null {
  if (bytes.length === 0) return 'the file is empty';
  if (
    complete &&
    ((bytes.length === 3 && startsWith(bytes, UTF8_BOM)) ||
      (bytes.length === 2 && (startsWith(bytes, UTF16LE_BOM) || startsWith(bytes, UTF16BE_BOM))))
  ) {
    return 'the file is empty (it holds only a byte-order mark)';
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return zipReason(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return t.xls(t.saveAsCsv);
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    return 'this is a PDF document, not CSV: export the data as CSV from the program it came from';
  }
  if (startsWith(bytes, [0x1f, 0x8b])) return 'this is a gzip-compressed file, not CSV: decompress it first';

  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const { encoding } = detectEncodingOfSample(sample, complete);
  // Decoding first means UTF-16's NUL high bytes are not taken for binary,
  // while a NUL *character* still is.
  const text = new TextDecoder(encoding).decode(sample, { stream: !complete });
  let nul = 0;
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) nul++;
    // Tab, LF, CR and form feed occur in text; Ctrl-Z may end a DOS file.
    else if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1a) || c === 0x7f) control++;
  }
  if (nul > 0) return t.binaryNul(t.saveAsCsv);
  // Text has practically no control characters; 1% is far beyond any
  // real export and far below random binary (about 12%).
  if (control >= 2 && control > text.length * 0.01) {
    return t.binaryControl(control, text.length, t.saveAsCsv);
  }
  return null;
}
