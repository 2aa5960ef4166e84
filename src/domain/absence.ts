import type { AbsenceCode } from '../db/schema.ts';
import { m as t } from '../i18n/messages/journal-absences.ts';

/** Codes a subject teacher marks in the lesson (REFERENCE §2); `k` is the lateness extension. */
export const MARK_CODES = ['n', 'k'] as const;
export type MarkCode = (typeof MARK_CODES)[number];
export const ABSENCE_CODES: readonly AbsenceCode[] = ['n', 'k', 'ns', 'nc'];

export const JUSTIFY_REASONS = ['illness', 'other'] as const;
export type JustifyReason = (typeof JUSTIFY_REASONS)[number];

export const ABSENCE_MEANINGS: Record<AbsenceCode, string> = {
  n: 'kavējums bez attaisnojoša iemesla',
  k: 'kavēja (nokavēja stundas sākumu)',
  ns: 'kavējums slimības dēļ',
  nc: 'kavējums cita attaisnojoša iemesla dēļ',
};

export function isMarkCode(value: string): value is MarkCode {
  return (MARK_CODES as readonly string[]).includes(value);
}

export function isAbsenceCode(value: string): value is AbsenceCode {
  return (ABSENCE_CODES as readonly string[]).includes(value);
}

export function isJustifyReason(value: string): value is JustifyReason {
  return (JUSTIFY_REASONS as readonly string[]).includes(value);
}

export function justifiedCode(reason: JustifyReason): AbsenceCode {
  return reason === 'illness' ? 'ns' : 'nc';
}

export interface CurrentAbsence {
  code: AbsenceCode;
  removed: boolean;
}

export type MarkOutcome =
  | { kind: 'create'; code: MarkCode }
  | { kind: 'restore'; code: MarkCode }
  | { kind: 'change'; from: AbsenceCode; to: MarkCode }
  | { kind: 'unchanged'; code: AbsenceCode }
  | { kind: 'refuse'; reason: string };

/**
 * What marking `requested` does to what is already recorded for the student in
 * that lesson. Marking again is idempotent so that a re-run script is harmless;
 * a class teacher's decision (ns/nc) is never overwritten by a subject teacher's mark.
 */
export function markTransition(current: CurrentAbsence | null, requested: MarkCode): MarkOutcome {
  if (!current) return { kind: 'create', code: requested };
  if (current.removed) return { kind: 'restore', code: requested };
  if (current.code === requested) return { kind: 'unchanged', code: current.code };
  if (current.code === 'ns' || current.code === 'nc') {
    return { kind: 'refuse', reason: t.alreadyJustified(current.code) };
  }
  return { kind: 'change', from: current.code, to: requested };
}

/**
 * The class teacher's change of a decision (§19): a justified absence
 * switches between ns (illness) and nc (other reason); anything else stays.
 */
export function switchTransition(current: AbsenceCode, reason: JustifyReason): AbsenceCode | null {
  const target = justifiedCode(reason);
  return (current === 'ns' || current === 'nc') && current !== target ? target : null;
}

/** Only an unjustified absence (`n`) becomes `ns`/`nc`; lateness and earlier decisions stay. */
export function justifyTransition(current: AbsenceCode, reason: JustifyReason): AbsenceCode | null {
  return current === 'n' ? justifiedCode(reason) : null;
}
