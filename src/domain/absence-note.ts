// The rules of an absence note (zīme) a guardian sends (issue 16), as a pure
// check: the service states a problem in the tool's words, the web page in
// the family's (Latvian), from the same verdict.
import { isJustifyReason, type JustifyReason } from './absence.ts';
import { addDays, compareDates, parseDateInput, type IsoDate } from './dates.ts';

/** A note may reach back a month and ahead a week (a planned visit to the doctor), not further. */
export const NOTE_BACK_DAYS = 31;
export const NOTE_AHEAD_DAYS = 7;
export const NOTE_TEXT_MAX = 500;

export type NoteProblem =
  | { kind: 'no-from' }
  | { kind: 'not-a-date'; field: 'from' | 'to'; value: string }
  | { kind: 'to-before-from'; from: IsoDate; to: IsoDate }
  | { kind: 'too-far-back'; from: IsoDate }
  | { kind: 'too-far-ahead'; to: IsoDate }
  | { kind: 'no-reason' }
  | { kind: 'too-long' };

export type NoteCheck = { ok: true; from: IsoDate; to: IsoDate; reason: JustifyReason; text: string | null } | { ok: false; problem: NoteProblem };

export function checkAbsenceNote(input: { from?: string; to?: string; reason?: string; text?: string }, today: IsoDate): NoteCheck {
  const fail = (problem: NoteProblem): NoteCheck => ({ ok: false, problem });
  if (!input.from?.trim()) return fail({ kind: 'no-from' });
  const from = parseDateInput(input.from.trim());
  if (!from) return fail({ kind: 'not-a-date', field: 'from', value: input.from });
  const to = input.to?.trim() ? parseDateInput(input.to.trim()) : from;
  if (!to) return fail({ kind: 'not-a-date', field: 'to', value: input.to! });
  if (compareDates(from, to) > 0) return fail({ kind: 'to-before-from', from, to });
  if (compareDates(from, addDays(today, -NOTE_BACK_DAYS)) < 0) return fail({ kind: 'too-far-back', from });
  if (compareDates(to, addDays(today, NOTE_AHEAD_DAYS)) > 0) return fail({ kind: 'too-far-ahead', to });
  if (!input.reason || !isJustifyReason(input.reason)) return fail({ kind: 'no-reason' });
  const text = input.text?.trim() || null;
  if (text && text.length > NOTE_TEXT_MAX) return fail({ kind: 'too-long' });
  return { ok: true, from, to, reason: input.reason, text };
}

/** The problem in the tool's (English) words. */
export function noteProblemText(p: NoteProblem): string {
  switch (p.kind) {
    case 'no-from':
      return 'The first day of the absence is required (YYYY-MM-DD or DD.MM.YYYY).';
    case 'not-a-date':
      return `The ${p.field === 'from' ? 'first' : 'last'} day "${p.value}" is not a date: use YYYY-MM-DD or DD.MM.YYYY.`;
    case 'to-before-from':
      return `The last day ${p.to} is before the first day ${p.from}.`;
    case 'too-far-back':
      return `${p.from} is more than ${NOTE_BACK_DAYS} days ago: speak to the class teacher.`;
    case 'too-far-ahead':
      return `${p.to} is more than ${NOTE_AHEAD_DAYS} days ahead.`;
    case 'no-reason':
      return 'The reason must be illness or other.';
    case 'too-long':
      return `The explanation is longer than ${NOTE_TEXT_MAX} characters.`;
  }
}

const lvDay = (d: IsoDate) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}.`;

/** The problem in the family's words, for the web diary. */
export function noteProblemLatvian(p: NoteProblem): string {
  switch (p.kind) {
    case 'no-from':
      return 'Norādiet pirmo kavēto dienu.';
    case 'not-a-date':
      return `${p.field === 'from' ? 'Pirmā' : 'Pēdējā'} diena "${p.value}" nav datums: rakstiet, piemēram, 24.11.2026.`;
    case 'to-before-from':
      return `Pēdējā diena (${lvDay(p.to)}) ir pirms pirmās (${lvDay(p.from)}).`;
    case 'too-far-back':
      return `${lvDay(p.from)} ir vairāk nekā pirms ${NOTE_BACK_DAYS} dienām: lūdzu, sazinieties ar klases audzinātāju.`;
    case 'too-far-ahead':
      return `${lvDay(p.to)} ir vairāk nekā ${NOTE_AHEAD_DAYS} dienas uz priekšu.`;
    case 'no-reason':
      return 'Izvēlieties iemeslu: slimība vai cits iemesls.';
    case 'too-long':
      return `Paskaidrojums ir garāks par ${NOTE_TEXT_MAX} rakstzīmēm.`;
  }
}
