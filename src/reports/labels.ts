import type { IsoDate } from '../domain/dates.ts';
import type { AbsenceCode } from '../db/schema.ts';
import type { ReportLang } from './publish.ts';
import type { PromotionDecision } from '../domain/promotion.ts';

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

const SEMESTER_TITLES: Record<ReportLang, Record<'1' | '2', string>> = {
  lv: { '1': 'I semestris', '2': 'II semestris' },
  en: { '1': '1st semester', '2': '2nd semester' },
};

/** "2026./2027. mācību gada I semestris" / "1st semester, school year 2026/2027"; the year term names the year alone. */
export function termTitle(term: '1' | '2' | 'year', year: string, lang: ReportLang): string {
  const yearTitle = schoolYearTitle(year, lang);
  if (term === 'year') return yearTitle;
  return lang === 'lv' ? `${yearTitle.replace(/gads$/, 'gada')} ${SEMESTER_TITLES.lv[term]}` : `${SEMESTER_TITLES.en[term]}, ${yearTitle}`;
}

/** 01.09.2026–18.12.2026 */
export function formatPeriod(from: IsoDate, to: IsoDate): string {
  return `${formatDate(from)}–${formatDate(to)}`;
}

/** A teacher's name with the staff code that identifies them in the journal: "Anna Kalniņa (T01)". */
export function staffLabel(person: { code: string; name: string }): string {
  return `${person.name} (${person.code})`;
}

/** "2026./2027. mācību gads" / "school year 2026/2027", from `2026/2027`. */
export function schoolYearTitle(code: string, lang: ReportLang): string {
  return lang === 'lv' ? `${code.replace('/', './')}. mācību gads` : `school year ${code}`;
}

/**
 * The promotion decision as the annual report card and the summary journal
 * word it. Latvian uses the "(-a)" forms: the documents print the same words
 * for every student.
 */
export function promotionText(decision: PromotionDecision, level: number, lang: ReportLang): string {
  const list = (subjects: readonly string[]) => subjects.join(', ');
  // A council's decision may name no failing subject.
  const insufficient = (subjects: readonly string[]) =>
    subjects.length === 0 ? '' : lang === 'lv' ? ` (${subjects.length > 1 ? 'nepietiekami vērtējumi' : 'nepietiekams vērtējums'}: ${list(subjects)})` : ` (insufficient: ${list(subjects)})`;
  switch (decision.kind) {
    case 'promoted':
      return lang === 'lv' ? `pārcelts(-a) uz ${decision.nextLevel}. klasi` : `promoted to grade ${decision.nextLevel}`;
    case 'makeup':
      return lang === 'lv'
        ? `${decision.subjects.length > 1 ? 'jākārto pēcpārbaudījumi' : 'jākārto pēcpārbaudījums'}: ${list(decision.subjects)}`
        : `${decision.subjects.length > 1 ? 'make-up exams required' : 'make-up exam required'}: ${list(decision.subjects)}`;
    case 'not-promoted':
      return (lang === 'lv' ? `atstāts(-a) otru gadu ${level}. klasē` : `to repeat grade ${level}`) + insufficient(decision.failing);
    case 'completed':
      if (lang === 'en') return decision.stage === 'basic' ? 'has completed general basic education' : 'has completed general secondary education';
      return decision.stage === 'basic' ? 'ieguvis(-usi) vispārējo pamatizglītību' : 'ieguvis(-usi) vispārējo vidējo izglītību';
    case 'certificate':
      if (lang === 'en') return (decision.stage === 'basic' ? 'receives a certificate of studies in basic education' : 'receives a certificate of studies in secondary education') + insufficient(decision.failing);
      return (decision.stage === 'basic' ? 'izsniedzama liecība par vispārējās pamatizglītības apguvi' : 'izsniedzama izziņa par vispārējās vidējās izglītības apguvi') + insufficient(decision.failing);
    case 'incomplete':
      return lang === 'lv' ? `lēmums vēl nav pieņemts: nav gada vērtējuma (${list(decision.missing)})` : `no decision yet: annual grade missing (${list(decision.missing)})`;
  }
}

/**
 * The decision line of the annual card and the summary journal: the recorded
 * decision as it is, or the rule's proposal marked as one while nothing is
 * recorded ("no decision yet" needs no mark).
 */
export function decisionText(decision: PromotionDecision, recorded: boolean, level: number, lang: ReportLang): string {
  const text = promotionText(decision, level, lang);
  if (recorded || decision.kind === 'incomplete') return text;
  return `${lang === 'lv' ? 'priekšlikums' : 'proposal'}: ${text}`;
}

/** "izstājies(-usies) 12.02.2027" / "left on 12.02.2027": a student who left the class before the period ended. */
export function leftOnText(date: IsoDate, lang: ReportLang): string {
  return lang === 'lv' ? `izstājies(-usies) no klases ${formatDate(date)}` : `left the class on ${formatDate(date)}`;
}
