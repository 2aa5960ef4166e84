// The web diary's Latvian words, in E-klase's vocabulary (dienasgrāmata,
// sekmes, kavējumi, piezīmes, sekmju izraksts, zīme).
import type { AbsenceCode, AbsenceNoteStatus } from '../db/schema.ts';
import { splitIsoDate, weekday, type IsoDate } from '../domain/dates.ts';

export const WEEKDAYS = ['', 'Pirmdiena', 'Otrdiena', 'Trešdiena', 'Ceturtdiena', 'Piektdiena', 'Sestdiena', 'Svētdiena'];
const MONTHS = ['janvāris', 'februāris', 'marts', 'aprīlis', 'maijs', 'jūnijs', 'jūlijs', 'augusts', 'septembris', 'oktobris', 'novembris', 'decembris'];

export const ABSENCE_LABELS: Record<AbsenceCode, string> = {
  n: 'nav ieradies (neattaisnots)',
  k: 'kavēja stundas sākumu',
  ns: 'slimības dēļ',
  nc: 'cita attaisnojoša iemesla dēļ',
};

export const REASON_LABELS: Record<'illness' | 'other', string> = { illness: 'slimība', other: 'cits attaisnojošs iemesls' };
export const STATUS_LABELS: Record<AbsenceNoteStatus, string> = { pending: 'gaida lēmumu', accepted: 'pieņemta', declined: 'noraidīta' };
export const TERM_LABELS: Record<string, string> = { semester1: '1. semestris', semester2: '2. semestris', annual: 'gada vērtējums' };

/** 01.12.2026. — the Latvian way of writing a date. */
export function lvDate(d: IsoDate): string {
  const { year, month, day } = splitIsoDate(d);
  return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}.`;
}

export function lvDay(d: IsoDate): string {
  return `${WEEKDAYS[weekday(d)]}, ${lvDate(d)}`;
}

/** "2026. gada novembris" */
export function lvMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${y}. gada ${MONTHS[m - 1]}`;
}

/** A timestamp as "01.12.2026. 14:05". */
export function lvTimestamp(ts: string): string {
  return `${lvDate(ts.slice(0, 10))} ${ts.slice(11, 16)}`;
}

export function average(value: number | null): string {
  return value === null ? '' : value.toFixed(2).replace('.', ',');
}
