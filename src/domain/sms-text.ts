/**
 * SMS length rules (3GPP TS 23.038): a message whose every character is in
 * the GSM 7-bit alphabet fits 160 septets, the extension characters taking
 * two; any other character (ā, š, ž …) makes the whole message UCS-2, which
 * fits 70 UTF-16 units.
 */

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

export const SINGLE_SMS = { 'GSM-7': 160, 'UCS-2': 70 } as const;
export type SmsEncoding = keyof typeof SINGLE_SMS;

export interface SmsSize {
  encoding: SmsEncoding;
  /** Septets for GSM-7, UTF-16 units for UCS-2. */
  units: number;
  limit: number;
  fitsOne: boolean;
}

export function smsSize(text: string): SmsSize {
  let septets = 0;
  for (const char of text) {
    if (BASIC.has(char)) septets += 1;
    else if (EXTENSION.has(char)) septets += 2;
    else {
      const units = text.length;
      return { encoding: 'UCS-2', units, limit: SINGLE_SMS['UCS-2'], fitsOne: units <= SINGLE_SMS['UCS-2'] };
    }
  }
  return { encoding: 'GSM-7', units: septets, limit: SINGLE_SMS['GSM-7'], fitsOne: septets <= SINGLE_SMS['GSM-7'] };
}

/** A message with its secret's place, so that it can be shown and kept masked. */
export interface SecretMessage {
  text: string;
  secretFrom: number;
  secretLength: number;
}

const PASSWORD_PREFIX = 'E-žurnāls: jūsu lietotājvārds ';
const PASSWORD_MIDDLE = ', parole ';

/** The Latvian password message (REFERENCE §8); UCS-2 because of ž and ā, so it must stay within 70. */
export function passwordMessage(username: string, password: string): SecretMessage {
  const head = `${PASSWORD_PREFIX}${username}${PASSWORD_MIDDLE}`;
  return { text: `${head}${password}`, secretFrom: head.length, secretLength: password.length };
}

export const MASK_CHARACTER = '*';

export function maskSecret(text: string, secretFrom: number | null, secretLength: number | null): string {
  if (secretFrom === null || secretLength === null || secretLength <= 0) return text;
  return text.slice(0, secretFrom) + MASK_CHARACTER.repeat(secretLength) + text.slice(secretFrom + secretLength);
}
