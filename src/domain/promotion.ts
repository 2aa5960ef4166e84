/**
 * The promotion proposal printed on the annual report card and in the summary
 * journal (REFERENCE §7, Cabinet Regulation No. 11 of 2022, §25, simplified):
 *
 * - grades 1–3: promoted when every subject has a result;
 * - grades 4–8: promoted when every subject is fulfilled; exactly one failing
 *   subject is settled by a make-up exam (pēcpārbaudījums); more, or a failed
 *   make-up exam, and the student stays in the grade (the pedagogical council
 *   decides);
 * - grades 10–11: any failing subject needs a make-up exam; a failed make-up
 *   exam means staying in the grade;
 * - grades 9 and 12 end a stage: with every subject fulfilled the student
 *   completes basic (9) or secondary (12) education, otherwise receives a
 *   certificate of studies instead. State examinations are printed beside the
 *   grades but are not weighed here: that decision belongs to the exam board.
 *
 * A subject is fulfilled by a grade of 4–10, `i` (passed), `a` (exempt) or a
 * descriptive or mastery result; it fails with 1–3, `ni` or `nv`. A make-up
 * exam result replaces the annual grade for the decision. A subject with no
 * annual grade at all means the grades are not all in yet: no proposal then.
 */
import { m } from '../i18n/messages/calendar-years.ts';

export interface SubjectYearResult {
  subject: string;
  /** The annual grade as stored (normalized), null when none was entered. */
  annual: string | null;
  /** The make-up exam result, when one was taken. */
  makeup?: string | null;
}

export type EducationStage = 'basic' | 'secondary';

export type PromotionDecision =
  | { kind: 'promoted'; nextLevel: number }
  | { kind: 'makeup'; subjects: string[] }
  | { kind: 'not-promoted'; failing: string[] }
  | { kind: 'completed'; stage: EducationStage }
  | { kind: 'certificate'; stage: EducationStage; failing: string[] }
  | { kind: 'incomplete'; missing: string[] };

type Standing = 'fulfilled' | 'failing';

/** Grades 1–3 only need a result; later grades need at least 4 points (or a pass). */
function standingOf(value: string, level: number): Standing {
  if (value === 'nv') return 'failing';
  if (level <= 3) return 'fulfilled';
  if (value === 'ni') return 'failing';
  if (/^\d+$/.test(value)) return Number(value) >= 4 ? 'fulfilled' : 'failing';
  return 'fulfilled';
}

/**
 * Why a make-up grade (pēcpārbaudījums, §26) cannot be entered for a subject
 * whose annual grade is `annual`, or null when it may: a make-up exam is for
 * a subject failed or left without an annual grade; for any other the grader
 * gives a reason (a council's decision, a transfer from another school).
 */
export function makeupRefusal(annual: string | null, level: number, reason: string | null): string | null {
  if (reason) return null;
  if (annual === null || standingOf(annual, level) === 'failing') return null;
  return m.makeupRefused(annual);
}

const STAGE_END: Readonly<Record<number, EducationStage>> = { 9: 'basic', 12: 'secondary' };

export function promotionDecision(level: number, subjects: readonly SubjectYearResult[]): PromotionDecision {
  if (!Number.isInteger(level) || level < 1 || level > 12) throw new RangeError(`class level ${level} is not a whole number 1–12`);
  const missing = subjects.filter((s) => s.annual === null && !s.makeup).map((s) => s.subject);
  if (missing.length > 0) return { kind: 'incomplete', missing };

  /** Failing annual grades not yet settled by a make-up exam. */
  const awaiting: string[] = [];
  /** Failing annual grades whose make-up exam failed too. */
  const failedMakeup: string[] = [];
  for (const s of subjects) {
    if (s.makeup) {
      if (standingOf(s.makeup, level) === 'failing') failedMakeup.push(s.subject);
    } else if (standingOf(s.annual!, level) === 'failing') {
      awaiting.push(s.subject);
    }
  }
  const failing = [...failedMakeup, ...awaiting];

  const stage = STAGE_END[level];
  if (stage) return failing.length === 0 ? { kind: 'completed', stage } : { kind: 'certificate', stage, failing };
  if (failing.length === 0) return { kind: 'promoted', nextLevel: level + 1 };
  if (level <= 3) return { kind: 'not-promoted', failing };
  if (failedMakeup.length > 0) return { kind: 'not-promoted', failing };
  if (level <= 8 && awaiting.length > 1) return { kind: 'not-promoted', failing };
  return { kind: 'makeup', subjects: awaiting };
}

/** A decision as it is recorded for a student and year: every kind but "no proposal yet". */
export type RecordedDecision = Exclude<PromotionDecision, { kind: 'incomplete' }>;
export type RecordedKind = RecordedDecision['kind'];

/** The words of `year decide --decision`, and the decision each stands for. */
export const DECISION_WORDS: Readonly<Record<string, RecordedKind>> = {
  promoted: 'promoted',
  makeup: 'makeup',
  repeat: 'not-promoted',
  graduated: 'completed',
  certificate: 'certificate',
};

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * A recorded decision from its kind and subjects, for a student of `level`.
 * The pedagogical council may decide otherwise than the rule proposes, but not
 * what the level cannot have: promotion out of grade 9 or 12 (those end a
 * stage) or completing a stage anywhere else.
 */
export function recordedDecision(kind: RecordedKind, level: number, subjects: readonly string[]): Checked<RecordedDecision> {
  const stage = STAGE_END[level];
  switch (kind) {
    case 'promoted':
      if (stage) return { ok: false, reason: m.endsStage(level, stage) };
      return { ok: true, value: { kind, nextLevel: level + 1 } };
    case 'makeup':
      if (subjects.length === 0) return { ok: false, reason: m.makeupNamesSubjects };
      return { ok: true, value: { kind, subjects: [...subjects] } };
    case 'not-promoted':
      return { ok: true, value: { kind, failing: [...subjects] } };
    case 'completed':
    case 'certificate':
      if (!stage) return { ok: false, reason: m.onlyStageEnds(level) };
      return kind === 'completed' ? { ok: true, value: { kind, stage } } : { ok: true, value: { kind, stage, failing: [...subjects] } };
  }
}

/** Where a decision takes the student in the next school year. */
export type NextYearMove = { move: 'next-level'; level: number } | { move: 'same-level' } | { move: 'leaves' } | { move: 'pending'; subjects: string[] };

export function nextYearMove(decision: RecordedDecision): NextYearMove {
  switch (decision.kind) {
    case 'promoted':
      return { move: 'next-level', level: decision.nextLevel };
    case 'not-promoted':
      return { move: 'same-level' };
    case 'completed':
    case 'certificate':
      return { move: 'leaves' };
    case 'makeup':
      return { move: 'pending', subjects: decision.subjects };
  }
}

/** "7.a" of grade 7 → "8.a"; null when the code does not begin with its level. */
export function classCodeAtLevel(code: string, level: number, nextLevel: number): string | null {
  const m = /^(\d{1,2})(\D.*)?$/u.exec(code);
  if (!m || Number(m[1]) !== level) return null;
  return `${nextLevel}${m[2] ?? ''}`;
}
