import { addDays, compareDates, isIsoDate, splitIsoDate, toIsoDate, weekday, type IsoDate } from './dates.ts';
import { m } from '../i18n/messages/calendar-days.ts';

/** Easter Sunday in the Gregorian calendar (anonymous Gregorian / Meeus–Jones–Butcher algorithm). */
export function easterSunday(year: number): IsoDate {
  checkYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toIsoDate(year, month, day);
}

function checkYear(year: number): void {
  // 1583: the first full year of the Gregorian calendar, which the Easter formula assumes.
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(`year must be a whole number 1583–9999, got ${year}`);
  }
}

export interface Holiday {
  date: IsoDate;
  name: string;
}

const MOVED_SUFFIX = ' (pārceltā brīvdiena)';

/**
 * Latvian public holidays (brīvdienas) of the year, sorted by date. When 4 May or 18 November
 * falls on a weekend, both the day itself and the following Monday are listed.
 */
export function publicHolidays(year: number): Holiday[] {
  checkYear(year);
  const easter = easterSunday(year);
  const on = (month: number, day: number, name: string): Holiday => ({ date: toIsoDate(year, month, day), name });
  const list: Holiday[] = [
    on(1, 1, 'Jaunais gads'),
    { date: addDays(easter, -2), name: 'Lielā Piektdiena' },
    { date: easter, name: 'Lieldienas' },
    { date: addDays(easter, 1), name: 'Otrās Lieldienas' },
    on(5, 1, 'Darba svētki'),
    on(5, 4, 'Latvijas Republikas Neatkarības atjaunošanas diena'),
    on(6, 23, 'Līgo diena'),
    on(6, 24, 'Jāņu diena'),
    on(11, 18, 'Latvijas Republikas proklamēšanas diena'),
    on(12, 24, 'Ziemassvētku vakars'),
    on(12, 25, 'Ziemassvētki'),
    on(12, 26, 'Otrie Ziemassvētki'),
    on(12, 31, 'Vecgada diena'),
  ];
  for (const h of list.filter((x) => x.date.endsWith('-05-04') || x.date.endsWith('-11-18'))) {
    const wd = weekday(h.date);
    if (wd >= 6) list.push({ date: addDays(h.date, 8 - wd), name: h.name + MOVED_SUFFIX });
  }
  return list.sort((x, y) => compareDates(x.date, y.date));
}

export interface CalendarAdjustment {
  from: IsoDate;
  to: IsoDate;
  kind: 'holiday' | 'school-break' | 'working-day';
  name: string;
}

/** One-off holidays the government has declared; extend as new ones are announced. */
export const KNOWN_ONE_OFF_HOLIDAYS: CalendarAdjustment[] = [
  { from: '2023-05-29', to: '2023-05-29', kind: 'holiday', name: 'Hokeja bronzas diena' },
  { from: '2023-07-10', to: '2023-07-10', kind: 'holiday', name: 'Dziesmu un deju svētku noslēguma diena' },
];

// Guards the day-by-day loops against a calendar where (by misconfiguration) no day ever works.
const MAX_NON_WORKING_RUN = 3700;

/**
 * Working days for one school: weekdays that are not public holidays, one-off government
 * holidays or the school's breaks. A 'working-day' adjustment only overrides the weekend;
 * a holiday or break on the same day still makes it a day off.
 */
export class WorkingCalendar {
  readonly #adjustments: readonly CalendarAdjustment[];
  readonly #holidaysByYear = new Map<number, ReadonlyMap<IsoDate, string>>();

  constructor(adjustments: readonly CalendarAdjustment[] = []) {
    for (const a of adjustments) {
      if (!isIsoDate(a.from) || !isIsoDate(a.to)) {
        throw new RangeError(`calendar adjustment "${a.name}" needs YYYY-MM-DD dates, got ${a.from}..${a.to}`);
      }
      if (compareDates(a.from, a.to) > 0) {
        throw new RangeError(`calendar adjustment "${a.name}" ends (${a.to}) before it starts (${a.from})`);
      }
      if (a.kind !== 'holiday' && a.kind !== 'school-break' && a.kind !== 'working-day') {
        throw new RangeError(`calendar adjustment "${a.name}" has unknown kind ${String(a.kind)}`);
      }
    }
    this.#adjustments = adjustments.map((a) => ({ ...a }));
  }

  #publicHoliday(d: IsoDate): string | undefined {
    const { year } = splitIsoDate(d);
    let byDate = this.#holidaysByYear.get(year);
    if (byDate === undefined) {
      byDate = new Map(publicHolidays(year).map((h) => [h.date, h.name]));
      this.#holidaysByYear.set(year, byDate);
    }
    return byDate.get(d);
  }

  #adjustment(d: IsoDate, kind: CalendarAdjustment['kind']): CalendarAdjustment | undefined {
    // Plain string comparison is exact here: every stored date passed isIsoDate.
    return this.#adjustments.find((a) => a.kind === kind && a.from <= d && d <= a.to);
  }

  isWorkingDay(d: IsoDate): boolean {
    return this.whyNotWorking(d) === null;
  }

  /** null on a working day; otherwise why not, in the run's language, e.g. 'Saturday', 'public holiday: Lieldienas', 'school break: Rudens brīvlaiks'. */
  whyNotWorking(d: IsoDate): string | null {
    const holiday = this.#publicHoliday(d);
    if (holiday !== undefined) return m.publicHoliday(holiday);
    const oneOff = this.#adjustment(d, 'holiday');
    if (oneOff !== undefined) return m.oneOffHoliday(oneOff.name);
    const schoolBreak = this.#adjustment(d, 'school-break');
    if (schoolBreak !== undefined) return m.schoolBreak(schoolBreak.name);
    const wd = weekday(d);
    if (wd >= 6 && this.#adjustment(d, 'working-day') === undefined) {
      return wd === 6 ? m.saturday : m.sunday;
    }
    return null;
  }

  /**
   * The n-th working day after d (n ≥ 0). Day d itself is never counted for n ≥ 1, whether
   * it works or not, so a Friday plus 1 is the next Monday. n = 0 gives d when it is a
   * working day, else the next working day.
   */
  addWorkingDays(d: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || n < 0) {
      throw new RangeError(`working-day count must be a whole number ≥ 0, got ${n}`);
    }
    let day = d;
    let remaining = n;
    if (remaining === 0) {
      remaining = 1;
      day = addDays(d, -1);
    }
    let idle = 0;
    while (remaining > 0) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) {
        remaining -= 1;
        idle = 0;
      } else if (++idle > MAX_NON_WORKING_RUN) {
        throw new RangeError(`no working day found for ${MAX_NON_WORKING_RUN} days after ${d}`);
      }
    }
    return day;
  }

  /** Working days in (from, to]: how many working days late `to` is against `from`; 0 when to ≤ from. */
  workingDaysAfter(from: IsoDate, to: IsoDate): number {
    let count = 0;
    for (let day = addDays(from, 1); compareDates(day, to) <= 0; day = addDays(day, 1)) {
      if (this.isWorkingDay(day)) count += 1;
    }
    return count;
  }
}
