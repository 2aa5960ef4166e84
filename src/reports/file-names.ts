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
    .replace(/^-+|-+$/g, '');
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
