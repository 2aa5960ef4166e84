/** Latvian numbers typed without a prefix are 8 digits starting with 2 (mobile) or 6 (landline). */
const LATVIAN_LOCAL = /^[26]\d{7}$/;
/** The same with the country code but without "+" or "00", as spreadsheets often keep them. */
const LATVIAN_WITHOUT_PLUS = /^371[26]\d{7}$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const LATVIAN_MOBILE = /^\+3712\d{7}$/;

export type PhoneCheck = { ok: true; phone: string } | { ok: false; reason: string };

/**
 * Normalizes a phone number to E.164 (REFERENCE §1: phones must be current and reachable by SMS).
 * Spaces, dashes, dots and brackets are allowed on input; "00" stands for "+".
 */
export function checkPhone(input: string): PhoneCheck {
  const compact = input.trim().replace(/[\s().-]/g, '').replace(/^00/, '+');
  if (LATVIAN_LOCAL.test(compact)) return { ok: true, phone: `+371${compact}` };
  if (LATVIAN_WITHOUT_PLUS.test(compact)) return { ok: true, phone: `+${compact}` };
  if (compact.startsWith('+371') && !/^\+371[26]\d{7}$/.test(compact)) {
    return { ok: false, reason: `phone "${input}" is not a Latvian number: +371 and 8 digits starting with 2 or 6` };
  }
  if (E164.test(compact)) return { ok: true, phone: compact };
  return { ok: false, reason: `phone "${input}" is not valid: use +371 and 8 digits (e.g. +37120000001), or an international number in E.164` };
}

/**
 * Whether a password SMS can reach the number: Latvian mobiles start with 2,
 * Latvian numbers starting with 6 are landlines; numbers of other countries
 * are taken as given (their numbering plans are not ours to police).
 */
export function canReceiveSms(e164: string): boolean {
  if (!E164.test(e164)) return false;
  return e164.startsWith('+371') ? LATVIAN_MOBILE.test(e164) : true;
}

export function isEmail(input: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.trim());
}
