import { AppError } from '../errors.ts';
import { parseDateInput, type IsoDate } from '../domain/dates.ts';
import type { SchoolYear } from '../db/schema.ts';
import { checkPhone, isEmail } from '../domain/contact.ts';
import { m as t } from '../i18n/messages/system.ts';

/** Validation shared by the use cases: each throws an exit-4 error naming the field. */

export function requireDate(value: string | undefined, field: string): IsoDate {
  if (!value) throw new AppError('usage', t.dateRequired(field));
  const date = parseDateInput(value);
  if (!date) throw new AppError('invalid', t.notADate(field, value));
  return date;
}

/** The day something happened (a remark, a briefing, a talk): inside the school year and not after today. */
export function requireDayDone(value: string | undefined, field: string, year: SchoolYear, today: IsoDate): IsoDate {
  const date = requireDate(value, field);
  requireDayInYear(date, field, year);
  if (date > today) throw new AppError('invalid', t.inFuture(field, date));
  return date;
}

export function requireDayInYear(date: IsoDate, field: string, year: SchoolYear): IsoDate {
  if (date < year.starts_on || date > year.ends_on) {
    throw new AppError('invalid', t.outsideYear(field, date, year.code, year.starts_on, year.ends_on));
  }
  return date;
}

export function optionalDate(value: string | undefined, field: string): IsoDate | undefined {
  return value === undefined ? undefined : requireDate(value, field);
}

export function requireText(value: string | undefined, field: string): string {
  const text = value?.trim();
  if (!text) throw new AppError('usage', t.textRequired(field));
  return text;
}

/**
 * The longest first or last name accepted (characters). The longest names in
 * Latvia's population register are under 40; a longer value is a pasted row or
 * a mistake, and it would go on every printed document of the class.
 */
export const NAME_MAX_LENGTH = 100;

function checkNameLength(text: string, field: string): string {
  const length = [...text].length;
  if (length > NAME_MAX_LENGTH) throw new AppError('invalid', t.nameTooLong(field, length, NAME_MAX_LENGTH));
  return text;
}

/** A first or last name: required, at most NAME_MAX_LENGTH characters. */
export function requireName(value: string | undefined, field: string): string {
  return checkNameLength(requireText(value, field), field);
}

/** A changed name (`undefined` keeps the stored one), at most NAME_MAX_LENGTH characters. */
export function optionalName(value: string | undefined, field: string): string | null | undefined {
  const text = optionalText(value);
  return text ? checkNameLength(text, field) : text;
}

/** `undefined` keeps the stored value; an empty string clears it. */
export function optionalText(value: string | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  return text === '' ? null : text;
}

export function optionalPhone(value: string | undefined): string | null | undefined {
  const text = optionalText(value);
  if (!text) return text;
  const check = checkPhone(text);
  if (!check.ok) throw new AppError('invalid', check.reason);
  return check.phone;
}

export function optionalEmail(value: string | undefined): string | null | undefined {
  const text = optionalText(value);
  if (text && !isEmail(text)) throw new AppError('invalid', t.badEmail(text));
  return text;
}

/**
 * A whole number written in decimal digits, as a person writes one. JavaScript's
 * Number() would also take "1e1", "0x5", "0b11", " 5 " and "5.0", so a lesson
 * number could be typed as 10 without one digit of it.
 */
export function decimalInteger(text: string): number {
  return /^-?\d{1,15}$/.test(text) ? Number(text) : NaN;
}

export function requireInteger(value: string | number | undefined, field: string, min: number, max: number): number {
  if (value === undefined || value === '') throw new AppError('usage', t.flagRequired(field));
  const n = typeof value === 'number' ? value : decimalInteger(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new AppError('invalid', t.wholeNumber(field, String(value), min, max));
  }
  return n;
}

/** Record ids given as arguments (`grade correct 12`). */
export function requireId(value: string | number | undefined, what: string, flag?: string): number {
  if (value === undefined || value === '') throw new AppError('usage', t.idRequired(what));
  const n = typeof value === 'number' ? value : decimalInteger(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new AppError('invalid', t.notAnId(flag ? `${flag} ` : '', String(value), what));
  return n;
}
