import { toIsoDate, type IsoDate } from './dates.ts';
import { m as t } from '../i18n/messages/system.ts';

export type PersonalCodeCheck =
  | { ok: true; normalized: string; form: 'legacy'; birthDate: IsoDate }
  | { ok: true; normalized: string; form: 'new' }
  | { ok: false; reason: string };

const SHAPE = /^(\d{6})-?(\d{5})$/;
const WEIGHTS = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CENTURIES: Readonly<Record<string, number>> = { '0': 1800, '1': 1900, '2': 2000 };

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function checkPersonalCode(input: string): PersonalCodeCheck {
  const match = SHAPE.exec(input.trim());
  if (match === null) {
    return { ok: false, reason: t.pcShape };
  }
  const [, head = '', tail = ''] = match;
  const normalized = `${head}-${tail}`;

  // No legacy code can start with 32 (there is no 32nd day), so the prefix alone tells the forms apart.
  if (head.startsWith('32')) {
    return { ok: true, normalized, form: 'new' };
  }

  const digits = [...head + tail].map(Number);
  const centuryDigit = tail.charAt(0);
  const century = CENTURIES[centuryDigit];
  if (century === undefined) {
    return { ok: false, reason: t.pcCentury(centuryDigit) };
  }
  const day = Number(head.slice(0, 2));
  const month = Number(head.slice(2, 4));
  const year = century + Number(head.slice(4, 6));
  let birthDate: IsoDate;
  try {
    birthDate = toIsoDate(year, month, day);
  } catch {
    return { ok: false, reason: t.pcDate(`${pad2(day)}.${pad2(month)}.${year}`) };
  }

  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * (digits[i] ?? 0), 0);
  const remainder = (1101 - sum) % 11;
  // When the remainder is 10 no single check digit can equal it. Sources differ on what such
  // codes carry; we accept a last digit of 0 (10 mod 10), so as not to lock out a real person,
  // and nothing else.
  const expected = remainder === 10 ? 0 : remainder;
  const last = digits[10];
  if (last !== expected) {
    return { ok: false, reason: t.pcChecksum(expected) };
  }
  return { ok: true, normalized, form: 'legacy', birthDate };
}

/**
 * For display: keeps the first six digits, hides the rest (010110-*****). Anything that is
 * not 11 digits is hidden completely, since a mistyped code is still personal data.
 */
export function maskPersonalCode(code: string): string {
  const match = SHAPE.exec(code.trim());
  if (match === null) return '*'.repeat(code.trim().length);
  return `${match[1]}-*****`;
}

/**
 * A student's code for lists and messages. Older imports made the personas
 * kods a student's code when the file had no code column (issue 14); such a
 * code is shown masked like the personas kods itself, anything else as is.
 */
export function shownStudentCode(code: string): string {
  return looksLikePersonalCode(code) ? maskPersonalCode(code) : code;
}

/** Whether a value has the personas kods's shape (11 digits, a dash after six or none), valid or not. */
export function looksLikePersonalCode(text: string): boolean {
  return SHAPE.test(text.trim());
}

// A personas kods inside a longer text: with its dash always (nothing else the
// journal prints has that shape), without it only when it is a valid one, so
// that an 11-digit number (a phone written without its +, an id) stays as it is.
// Digits, letters, "+" or another dash around it make it part of something else
// (a phone +32470123456, a hash, a date).
const EMBEDDED = /(?<![\p{L}\p{N}_+-])(\d{6}-\d{5}|\d{11})(?![\p{L}\p{N}_-])/gu;

/** Every personas kods in a text masked (`160415-*****`): for lists and messages outside the personal file (issue 14). */
export function maskPersonalCodesIn(text: string): string {
  return text.replace(EMBEDDED, (found) => (found.includes('-') || checkPersonalCode(found).ok ? maskPersonalCode(found) : found));
}

/** The same through a JSON value's strings (not its keys), for `--json` output. */
export function maskPersonalCodesDeep(value: unknown): unknown {
  if (typeof value === 'string') return maskPersonalCodesIn(value);
  if (Array.isArray(value)) return value.map(maskPersonalCodesDeep);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskPersonalCodesDeep(v)]));
  }
  return value;
}
