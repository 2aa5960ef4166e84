/**
 * Report files get plain ASCII names (`2026-10_7a_berzins-janis.pdf`): they are
 * mailed, burnt to CDs and opened on any system, where ā or š in a name breaks.
 */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/^-+|-+$/g, '');
}

/**
 * One part of a file name (a name, a title) is cut to this many characters, so
 * that a file name of several parts stays far below the 255 bytes file systems
 * allow (ENAMETOOLONG); names are capped at input too (NAME_MAX_LENGTH).
 */
export const SLUG_MAX_LENGTH = 60;

/** The longest file name written, with its extension and the `.part` of a file being written. */
export const FILE_NAME_MAX_LENGTH = 200;

/** A document's file name cut to FILE_NAME_MAX_LENGTH, whatever its parts: the last guard against ENAMETOOLONG. */
export function boundedFileName(name: string, extension: string): string {
  const room = FILE_NAME_MAX_LENGTH - extension.length - 1;
  return `${name.length > room ? name.slice(0, room).replace(/[-_]+$/, '') : name}.${extension}`;
}

/**
 * The term part of every term report's file name: `2026-2027_sem1`,
 * `2026-2027_sem2`, `2026-2027_gads` (`2026-2027_year` in English). Cards,
 * class summaries and teacher reports all start so, and sort together.
 */
export function termSlug(yearCode: string, term: 1 | 2 | 'year' | string, lang: 'lv' | 'en'): string {
  const part = term === 'year' ? (lang === 'lv' ? 'gads' : 'year') : `sem${term}`;
  return `${asciiSlug(yearCode)}_${part}`;
}

/** A class code as a file-name part: 7.a → 7a. */
export function classSlug(code: string): string {
  return asciiSlug(code).replace(/-/g, '');
}

/** Makes every name unique by appending a distinguishing part (e.g. a student code) only where two collide. */
export function uniqueNames<T>(items: readonly T[], name: (item: T) => string, distinguish: (item: T) => string): string[] {
  const names = items.map(name);
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return names.map((n, i) => (counts.get(n)! > 1 ? `${n}_${asciiSlug(distinguish(items[i]!))}` : n));
}
