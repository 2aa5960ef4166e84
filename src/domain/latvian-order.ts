/**
 * Latvian alphabetical order for names, without Intl.Collator: creating an ICU
 * collator costs ~20 ms, paid on every list a script asks for. Č Ģ Ķ Ļ Ņ Š Ž
 * and the long vowels Ā Ē Ī Ō Ū are letters of their own after their base
 * letters, and Y sorts as I: the order of CLDR's Latvian collation, which the
 * tests check against ICU.
 */
const ALPHABET = 'aābcčdeēfgģhiīyjkķlļmnņoōpqrsštuūvwxzž';
const SAME_LETTER: Record<string, string> = { y: 'i' };

const PRIMARY = new Map<string, string>();
for (const letter of ALPHABET) {
  const base = SAME_LETTER[letter] ?? letter;
  if (!PRIMARY.has(base)) PRIMARY.set(base, String.fromCharCode(0xe000 + PRIMARY.size));
  PRIMARY.set(letter, PRIMARY.get(base)!);
}

function primaryKey(text: string): string {
  let key = '';
  for (const ch of text.toLowerCase()) {
    const mapped = PRIMARY.get(ch);
    // Letters outside the Latvian alphabet keep their base letter's place (é → e).
    key += mapped ?? PRIMARY.get(ch.normalize('NFD')[0] ?? ch) ?? ch;
  }
  return key;
}

/** Swapping case puts lower case first, as ICU does for otherwise equal words. */
function swapCase(text: string): string {
  let swapped = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    swapped += ch === lower ? ch.toUpperCase() : lower;
  }
  return swapped;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareLatvian(a: string, b: string): number {
  return (
    compareStrings(primaryKey(a), primaryKey(b)) ||
    compareStrings(a.toLowerCase().normalize('NFD'), b.toLowerCase().normalize('NFD')) ||
    compareStrings(swapCase(a), swapCase(b))
  );
}

/** A comparator over several keys, each compared the Latvian way when it is text. */
export function byKeys<T>(...keys: ((row: T) => string | number | null | undefined)[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const key of keys) {
      const x = key(a);
      const y = key(b);
      if (x === y) continue;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : compareLatvian(String(x), String(y));
      if (order !== 0) return order;
    }
    return 0;
  };
}
