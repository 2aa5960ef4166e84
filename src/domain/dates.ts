/** A calendar date written as YYYY-MM-DD, with no time and no zone. */
export type IsoDate = string;

export const SCHOOL_TIME_ZONE = 'Europe/Riga';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LATVIAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const WALL_TIME = /^(\d{1,2}):(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && year >= 0 && year <= 9999 &&
    Number.isInteger(month) && month >= 1 && month <= 12 &&
    Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month)
  );
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Builds a YYYY-MM-DD string; throws RangeError when the date does not exist. */
export function toIsoDate(year: number, month: number, day: number): IsoDate {
  if (!isRealDate(year, month, day)) {
    throw new RangeError(`not a real date: ${year}-${month}-${day}`);
  }
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Splits a YYYY-MM-DD string into numbers; throws RangeError when it is not a real date. */
export function splitIsoDate(d: IsoDate): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(d);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (m === null || !isRealDate(year, month, day)) {
    throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(d)}`);
  }
  return { year, month, day };
}

/** Accepts YYYY-MM-DD and the Latvian DD.MM.YYYY / D.M.YYYY; null when not a real date. */
export function parseDateInput(s: string): IsoDate | null {
  const text = s.trim();
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return isRealDate(year, month, day) ? toIsoDate(year, month, day) : null;
  }
  const lv = LATVIAN_DATE.exec(text);
  if (lv) {
    const [day, month, year] = [Number(lv[1]), Number(lv[2]), Number(lv[3])];
    return isRealDate(year, month, day) ? toIsoDate(year, month, day) : null;
  }
  return null;
}

/** UTC milliseconds of the given wall-clock fields; setUTCFullYear because Date.UTC maps years 0–99 to 1900–1999. */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  t.setUTCHours(hour, minute, second, 0);
  return t.getTime();
}

function dayNumber(d: IsoDate): number {
  const { year, month, day } = splitIsoDate(d);
  return Math.round(utcMs(year, month, day) / MS_PER_DAY);
}

function fromDayNumber(n: number): IsoDate {
  const t = new Date(n * MS_PER_DAY);
  return toIsoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function addDays(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`day count must be an integer, got ${n}`);
  return fromDayNumber(dayNumber(d) + n);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(d: IsoDate): number {
  const day = new Date(dayNumber(d) * MS_PER_DAY).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Negative when a is earlier, 0 when equal, positive when later. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(dayNumber(a) - dayNumber(b));
}

/** b − a in days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// Formatters are costly to build and these helpers run in loops over many rows.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      // h23, not hour12:false: the latter prints midnight as "24" in some ICU versions.
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function checkInstant(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  return ms;
}

const HOUR_MS = 3_600_000;

function lastSundayUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month, 0));
  return Date.UTC(year, month - 1, lastDay.getUTCDate() - lastDay.getUTCDay());
}

/**
 * Riga has kept the EU summer-time rule since 2001: EEST (UTC+3) from 01:00 UTC
 * on the last Sunday of March to 01:00 UTC on the last Sunday of October,
 * else EET (UTC+2). Computed directly because creating an Intl formatter with a
 * time zone costs ~25 ms of ICU loading, a quarter of a short command's run.
 */
function rigaOffsetMinutes(instantMs: number): number | null {
  const year = new Date(instantMs).getUTCFullYear();
  if (year < 2001 || year > 9999) return null;
  const summerStart = lastSundayUtc(year, 3) + HOUR_MS;
  const summerEnd = lastSundayUtc(year, 10) + HOUR_MS;
  return instantMs >= summerStart && instantMs < summerEnd ? 180 : 120;
}

function wallClock(instantMs: number, timeZone: string): WallClock {
  const fastOffset = timeZone === SCHOOL_TIME_ZONE ? rigaOffsetMinutes(instantMs) : null;
  if (fastOffset !== null) {
    const d = new Date(instantMs + fastOffset * 60_000);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
  }
  const wall: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(instantMs)) {
    if (part.type in wall) wall[part.type as keyof WallClock] = Number(part.value);
  }
  return wall;
}

function wallMs(w: WallClock): number {
  return utcMs(w.year, w.month, w.day, w.hour, w.minute, w.second);
}

/** Offset of the zone from UTC at the instant, in whole minutes (east positive). */
function offsetMinutes(instantMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  return Math.round((wallMs(wallClock(wholeSecond, timeZone)) - wholeSecond) / 60_000);
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** ISO 8601 with the zone's offset at that instant, seconds precision: 2026-10-05T17:03:09+03:00. */
export function localTimestamp(instant: Date, timeZone = SCHOOL_TIME_ZONE): string {
  const ms = Math.floor(checkInstant(instant) / 1000) * 1000;
  const w = wallClock(ms, timeZone);
  const offset = Math.round((wallMs(w) - ms) / 60_000);
  return (
    `${toIsoDate(w.year, w.month, w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}` +
    formatOffset(offset)
  );
}

export function localDateOf(instant: Date, timeZone = SCHOOL_TIME_ZONE): IsoDate {
  const w = wallClock(checkInstant(instant), timeZone);
  return toIsoDate(w.year, w.month, w.day);
}

/** "HH:MM" on the zone's wall clock. */
export function localTimeOf(instant: Date, timeZone = SCHOOL_TIME_ZONE): string {
  const w = wallClock(checkInstant(instant), timeZone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * The instant at which the zone's wall clock shows `time` on `date`.
 * Around DST switches this follows the usual "compatible" rule: a time skipped by the
 * spring-forward gap is pushed forward by the gap (03:30 → 04:30 EEST), and a time that
 * occurs twice in the autumn overlap resolves to the earlier occurrence.
 */
export function instantOfLocal(date: IsoDate, time: string, timeZone = SCHOOL_TIME_ZONE): Date {
  const { year, month, day } = splitIsoDate(date);
  const t = WALL_TIME.exec(time.trim());
  const hour = Number(t?.[1]);
  const minute = Number(t?.[2]);
  if (t === null || hour > 23 || minute > 59) {
    throw new RangeError(`not an HH:MM time: ${JSON.stringify(time)}`);
  }
  const wall = utcMs(year, month, day, hour, minute);
  // Real zones change offset at most once within a day either side, so the offsets a day
  // before and a day after are the only candidates.
  const offsetBefore = offsetMinutes(wall - MS_PER_DAY, timeZone);
  const offsetAfter = offsetMinutes(wall + MS_PER_DAY, timeZone);
  const candidates = [wall - offsetBefore * 60_000, wall - offsetAfter * 60_000]
    .filter((ms) => wallMs(wallClock(ms, timeZone)) === wall);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  return new Date(wall - offsetBefore * 60_000);
}

const MONTH = /^(\d{4})-(\d{2})$/;

/** First and last day of a `YYYY-MM` month (also `MM.YYYY`, as Latvians write it); null when it is no month. */
export function parseMonth(s: string): { month: string; from: IsoDate; to: IsoDate } | null {
  const text = s.trim();
  const latvian = /^(\d{1,2})\.(\d{4})$/.exec(text);
  const m = latvian ? [text, latvian[2]!, latvian[1]!.padStart(2, '0')] : MONTH.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12 || year < 1900) return null;
  const next = month === 12 ? toIsoDate(year + 1, 1, 1) : toIsoDate(year, month + 1, 1);
  return { month: `${pad(year, 4)}-${pad(month)}`, from: toIsoDate(year, month, 1), to: addDays(next, -1) };
}
