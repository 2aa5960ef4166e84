import type { IsoDate } from '../domain/dates.ts';
import type { AbsenceCode } from '../db/schema.ts';
import type { ReportLang } from './publish.ts';

/** Words every report shares; each report keeps its own headings beside its view model. */

const MONTHS: Record<ReportLang, readonly string[]> = {
  lv: ['janvāris', 'februāris', 'marts', 'aprīlis', 'maijs', 'jūnijs', 'jūlijs', 'augusts', 'septembris', 'oktobris', 'novembris', 'decembris'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "2026. gada oktobris" / "October 2026", from `2026-10`. */
export function monthTitle(month: string, lang: ReportLang): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const name = MONTHS[lang][number - 1]!;
  return lang === 'lv' ? `${year}. gada ${name}` : `${name} ${year}`;
}

/** 05.10.2026, as Latvian documents write dates (also in the English edition, unambiguous for both). */
export function formatDate(date: IsoDate): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

/** 05.10.: a date within a month's table, where the year is in the heading. */
export function formatDayMonth(date: IsoDate): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.`;
}

/** 7,45 in Latvian, 7.45 in English; null prints as nothing. */
export function formatAverage(value: number | null, lang: ReportLang): string {
  if (value === null) return '';
  const text = value.toFixed(2).replace(/0$/, '').replace(/\.0$/, '');
  return lang === 'lv' ? text.replace('.', ',') : text;
}

export const ABSENCE_COLUMNS: readonly AbsenceCode[] = ['n', 'ns', 'nc', 'k'];

export const ABSENCE_LEGEND: Record<ReportLang, string> = {
  lv: 'n — nav ieradies bez attaisnojuma, ns — slimības dēļ, nc — cita attaisnota iemesla dēļ, k — kavēja',
  en: 'n — absent without a reason, ns — ill, nc — other justified reason, k — late',
};

/** Short marks beside a grade telling its kind of work; a regular lesson grade has none. */
export const WORK_MARKS: Record<ReportLang, Readonly<Record<string, string>>> = {
  lv: { test: 'pd', large: 'rd', credit: 'iesk', 'state-exam': 'eks', makeup: 'pp' },
  en: { test: 't', large: 'p', credit: 'cr', 'state-exam': 'ex', makeup: 'mu' },
};

export const WORK_LEGEND: Record<ReportLang, string> = {
  lv: 'pd — pārbaudes darbs, rd — lielais vai radošais darbs, iesk — ieskaite, eks — valsts pārbaudījums, pp — pēcpārbaudījums',
  en: 't — test, p — large or creative work, cr — credit (i/ni), ex — state test or exam, mu — make-up exam',
};

export const SCHOOL_REGISTRATION: Record<ReportLang, string> = { lv: 'Reģ. Nr.', en: 'Reg. No.' };
export const PRINTED_ON: Record<ReportLang, string> = { lv: 'Sagatavots', en: 'Printed' };

export interface DocumentHeader {
  school: string;
  registration: string | null;
  registrationLabel: string;
  title: string;
  subtitle?: string;
}

export function documentHeader(school: { name: string; registration_number: string | null }, title: string, lang: ReportLang, subtitle?: string): DocumentHeader {
  return { school: school.name, registration: school.registration_number, registrationLabel: SCHOOL_REGISTRATION[lang], title, subtitle };
}

/** "3 dienas" / "1 dienu" (accusative: "3 dienas pēc termiņa"), "3 days" / "1 day". */
export function dayCount(n: number, lang: ReportLang): string {
  if (lang === 'en') return `${n} ${n === 1 ? 'day' : 'days'}`;
  return `${n} ${n % 10 === 1 && n % 100 !== 11 ? 'dienu' : 'dienas'}`;
}

/** "2026/2027. m. g. 1. semestris" / "Semester 1, 2026/2027"; the year term is the whole school year. */
export function termTitle(term: '1' | '2' | 'year', year: string, lang: ReportLang): string {
  if (lang === 'lv') return term === 'year' ? `${year}. mācību gads` : `${year}. m. g. ${term}. semestris`;
  return term === 'year' ? `School year ${year}` : `Semester ${term}, ${year}`;
}

/** 01.09.2026–18.12.2026 */
export function formatPeriod(from: IsoDate, to: IsoDate): string {
  return `${formatDate(from)}–${formatDate(to)}`;
}

/** A teacher's name with the staff code that identifies them in the journal: "Anna Kalniņa (T01)". */
export function staffLabel(person: { code: string; name: string }): string {
  return `${person.name} (${person.code})`;
}
