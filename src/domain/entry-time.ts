import { instantOfLocal, parseDateInput, SCHOOL_TIME_ZONE } from './dates.ts';

const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const LOCAL = /^(\S+)[T ](\d{1,2}:\d{2})(:\d{2})?$/;

/**
 * When an entry was made, as old journals export it: an ISO 8601 timestamp with
 * its offset (`2026-10-05T17:03:09+03:00`, `…Z`), or a school-local date and time
 * (`2026-10-05 17:03`, `05.10.2026 17:03`, seconds optional). Null when it is none.
 */
export function parseEntryTime(text: string, timeZone = SCHOOL_TIME_ZONE): Date | null {
  const value = text.trim();
  if (WITH_ZONE.test(value)) {
    const instant = new Date(value);
    // Date accepts 2026-02-30 by rolling over; the date part must be real.
    return Number.isNaN(instant.getTime()) || parseDateInput(value.slice(0, 10)) === null ? null : instant;
  }
  const local = LOCAL.exec(value);
  if (!local) return null;
  const date = parseDateInput(local[1]!);
  if (date === null) return null;
  try {
    const instant = instantOfLocal(date, local[2]!, timeZone);
    return local[3] ? new Date(instant.getTime() + Number(local[3].slice(1)) * 1000) : instant;
  } catch {
    return null;
  }
}
