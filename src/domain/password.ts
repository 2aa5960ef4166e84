/**
 * Passwords sent by SMS are read off a phone screen and typed: the alphabet
 * leaves out the look-alikes 0 O o 1 l I, and every character is GSM-7, so
 * the password never forces a message into UCS-2 on its own.
 */
export const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
export const GENERATED_PASSWORD_LENGTH = 10;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

/** Draws a password from `randomIndex(n)` (uniform in 0…n-1, from a cryptographic source in use). */
export function generatePassword(randomIndex: (n: number) => number, length = GENERATED_PASSWORD_LENGTH): string {
  for (;;) {
    let password = '';
    for (let i = 0; i < length; i++) password += PASSWORD_ALPHABET[randomIndex(PASSWORD_ALPHABET.length)];
    // Redrawn (rarely) until it has all three kinds, so a generated password passes the same check as a chosen one.
    if (checkPasswordStrength(password).ok) return password;
  }
}

export type StrengthCheck = { ok: true } | { ok: false; reason: string };

function kindsOf(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
}

/** The rule for a password a person chooses (`account password`); the username may not be in it. */
export function checkPasswordStrength(password: string, username?: string): StrengthCheck {
  if (password.length < MIN_PASSWORD_LENGTH) return { ok: false, reason: `it has ${password.length} characters; at least ${MIN_PASSWORD_LENGTH} are needed` };
  if (password.length > MAX_PASSWORD_LENGTH) return { ok: false, reason: `it is longer than ${MAX_PASSWORD_LENGTH} characters` };
  if (/\s/.test(password.slice(0, 1) + password.slice(-1))) return { ok: false, reason: 'it starts or ends with a space' };
  if (kindsOf(password) < 3) return { ok: false, reason: 'it needs three of: small letters, capital letters, digits, other characters' };
  if (new Set(password).size < 5) return { ok: false, reason: 'it repeats too few different characters' };
  if (username && password.toLowerCase().includes(username.toLowerCase())) return { ok: false, reason: 'it contains the username' };
  return { ok: true };
}
