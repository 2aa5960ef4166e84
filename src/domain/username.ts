/**
 * Usernames of guardians and staff: `janis.berzins`, then `janis.berzins2`, …
 * ASCII only, so that they are typed on any keyboard and keep a password SMS
 * within one message (see sms-text.ts).
 */

/** Latvian letters and their plain forms; other diacritics are stripped by Unicode decomposition. */
const LATVIAN_ASCII: Record<string, string> = { ā: 'a', č: 'c', ē: 'e', ģ: 'g', ī: 'i', ķ: 'k', ļ: 'l', ņ: 'n', ō: 'o', ŗ: 'r', š: 's', ū: 'u', ž: 'z' };

/** The longest generated username, suffix included: the password SMS is worded to fit it. */
export const MAX_USERNAME_LENGTH = 20;
/** Room left for the numeric suffix that tells namesakes apart. */
const SUFFIX_ROOM = 2;
const MAX_FIRST_PART = 8;

export function asciiFold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[āčēģīķļņōŗšūž]/g, (c) => LATVIAN_ASCII[c]!)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * `Jānis` `Bērziņš` → `janis.berzins`. Names too long for the limit lose
 * their second halves first (`Anna-Marija Kalniņa-Ozoliņa` → `anna.kalnina`),
 * then are cut, so that a numeric suffix still fits.
 */
export function usernameBase(firstName: string, lastName: string): string {
  const room = MAX_USERNAME_LENGTH - SUFFIX_ROOM;
  let first = asciiFold(firstName) || 'lietotajs';
  let last = asciiFold(lastName);
  const fits = () => first.length + (last ? 1 + last.length : 0) <= room;
  if (!fits()) first = first.split('-')[0]!;
  if (!fits()) last = last.split('-')[0]!;
  if (!fits()) first = first.slice(0, MAX_FIRST_PART);
  if (!fits()) last = last.slice(0, Math.max(0, room - 1 - first.length));
  first = first.slice(0, room).replace(/-+$/, '');
  last = last.replace(/-+$/, '');
  return last ? `${first}.${last}` : first;
}

/** The base itself when free, else the base with the lowest free number from 2. */
export function firstFreeUsername(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
