// The rules of an absence note (zīme) a guardian sends (issue 16), as a pure
// check: the service states a problem in the run's language, the web page in
// the family's (Latvian), from the same verdict.
import { isJustifyReason, type JustifyReason } from './absence.ts';
import { addDays, compareDates, parseDateInput, type IsoDate } from './dates.ts';
import { catalogue, m as t } from '../i18n/messages/journal-absences.ts';

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

/** The problem in the running language's words (the tool's messages). */
export function noteProblemText(p: NoteProblem): string {
  return problemIn(p, t);
}

/** The problem in the family's words, for the web diary: Latvian whatever the run's language. */
export function noteProblemLatvian(p: NoteProblem): string {
  return problemIn(p, catalogue.lv);
}

function problemIn(p: NoteProblem, words: typeof catalogue.en): string {
  switch (p.kind) {
    case 'no-from':
      return words.noteNoFrom;
    case 'not-a-date':
      return words.noteNotADate(p.field === 'from', p.value);
    case 'to-before-from':
      return words.noteToBeforeFrom(p.to, p.from);
    case 'too-far-back':
      return words.noteTooFarBack(p.from, NOTE_BACK_DAYS);
    case 'too-far-ahead':
      return words.noteTooFarAhead(p.to, NOTE_AHEAD_DAYS);
    case 'no-reason':
      return words.noteNoReason;
    case 'too-long':
      return words.noteTooLong(NOTE_TEXT_MAX);
  }
}
