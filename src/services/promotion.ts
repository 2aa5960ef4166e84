import { AppError } from '../errors.ts';
import type { SchoolYear } from '../db/schema.ts';
import { classSubjects, gradesInPeriod, reportClasses, rosterInPeriod, subjectsByIds, type ReportClass } from '../db/repositories/report-data.ts';
import { currentDecisions, insertDecision, markDecisionReplaced, type StoredDecision } from '../db/repositories/promotion-decisions.ts';
import { placementInYear } from '../db/repositories/students.ts';
import { byKeys } from '../domain/latvian-order.ts';
import { DECISION_WORDS, recordedDecision, type PromotionDecision, type RecordedDecision } from '../domain/promotion.ts';
import { emptyTermGrades, indexTermGrades, placementKey, promotionOf, TERM_GRADE_WORKS } from '../reports/card-grades.ts';
import { promotionText } from '../reports/labels.ts';
import { requireRight, timestamp, type ServiceContext } from './context.ts';
import { requireText } from './input.ts';
import { resolveClass, resolveStudent, resolveSubject, resolveYear } from './lookup.ts';
import { m } from '../i18n/messages/calendar-years.ts';

export interface PromoteInput {
  class?: string[];
  all?: boolean;
  apply?: boolean;
  dryRun?: boolean;
  /** With --apply: replace council decisions too (they are kept otherwise). */
  replace?: boolean;
}

/** What --apply does (or would do) with a student's proposal. */
export type PromoteOutcome =
  /** No decision was recorded: the proposal is recorded. */
  | 'new'
  /** The recorded proposal differs (a make-up exam or a corrected grade since): replaced, the old one kept as history. */
  | 'changed'
  | 'unchanged'
  /** The pedagogical council decided otherwise (`year decide`): kept unless --replace. */
  | 'council-kept'
  /** Annual grades are missing: nothing to record. */
  | 'incomplete';

export interface DecisionRecord {
  decision: RecordedDecision;
  text: string;
  basis: 'proposal' | 'council';
  reason: string | null;
  decided_by: string;
  decided_at: string;
}

export interface PromoteRow {
  student: string;
  first_name: string;
  last_name: string;
  class: string;
  level: number;
  proposal: PromotionDecision;
  proposal_text: string;
  outcome: PromoteOutcome;
  /** The decision on record after the command (without --apply: the one on record now). */
  recorded: DecisionRecord | null;
}

export interface PromoteResult {
  year: string;
  applied: boolean;
  students: PromoteRow[];
}

function recordOf(stored: StoredDecision, level: number): DecisionRecord {
  return {
    decision: stored.decision,
    text: promotionText(stored.decision, level, 'en'),
    basis: stored.basis,
    reason: stored.reason,
    decided_by: stored.decided_by,
    decided_at: stored.decided_at,
  };
}

const sameDecision = (a: PromotionDecision, b: PromotionDecision) => JSON.stringify(a) === JSON.stringify(b);

interface Standing {
  studentId: number;
  schoolClass: ReportClass;
  code: string;
  first_name: string;
  last_name: string;
  proposal: PromotionDecision;
}

/** Every student in the classes on the year's last day, with the rule's proposal from their term grades. */
async function yearEndStandings(ctx: ServiceContext, year: SchoolYear, classes: readonly ReportClass[]): Promise<Standing[]> {
  const classIds = classes.map((c) => c.id);
  const [roster, taught, grades] = await Promise.all([
    rosterInPeriod(ctx.db, classIds, year.ends_on, year.ends_on),
    classSubjects(ctx.db, classIds),
    gradesInPeriod(ctx.db, classIds, year.starts_on, year.ends_on, TERM_GRADE_WORKS),
  ]);
  const termGrades = indexTermGrades(grades);
  const names = new Map((await subjectsByIds(ctx.db, [...new Set([...taught.map((t) => t.subject.id), ...grades.map((g) => g.subject_id)])])).map((s) => [s.id, s.name]));
  const seen = new Set<number>();
  const standings: Standing[] = [];
  for (const r of roster) {
    if (seen.has(r.student_id)) continue;
    seen.add(r.student_id);
    const schoolClass = classes.find((c) => c.id === r.class_id)!;
    const own = termGrades.get(placementKey(r.student_id, r.class_id)) ?? new Map();
    const taughtHere = new Set(taught.filter((t) => t.class_id === r.class_id).map((t) => t.subject.id));
    const subjects = [...new Set([...taughtHere, ...own.keys()])].map((id) => ({ name: names.get(id)!, taught: taughtHere.has(id), grades: own.get(id) ?? emptyTermGrades() }));
    standings.push({ studentId: r.student_id, schoolClass, code: r.code, first_name: r.first_name, last_name: r.last_name, proposal: promotionOf(schoolClass.level, subjects.sort(byKeys((s) => s.name))) });
  }
  return standings.sort(byKeys((s) => s.schoolClass.level, (s) => s.schoolClass.code, (s) => s.last_name, (s) => s.first_name, (s) => s.code));
}

function outcomeOf(proposal: PromotionDecision, stored: StoredDecision | undefined, replace: boolean): PromoteOutcome {
  if (proposal.kind === 'incomplete') return 'incomplete';
  if (!stored) return 'new';
  if (stored.basis === 'council' && !replace) return 'council-kept';
  return sameDecision(stored.decision, proposal) && stored.basis === 'proposal' ? 'unchanged' : 'changed';
}

/**
 * `year promote`: the rule's proposal for every student of the classes, and
 * with --apply the proposals recorded. Recorded proposals that no longer match
 * (a make-up exam passed, an annual grade corrected) are replaced, the old
 * decision kept as history; a council's decision is kept unless --replace.
 */
export async function promoteStudents(ctx: ServiceContext, input: PromoteInput): Promise<PromoteResult> {
  const actor = requireRight(ctx, 'decide-promotion');
  if (input.apply && input.dryRun) throw new AppError('usage', m.applyAndDryRun);
  if (input.replace && !input.apply) throw new AppError('usage', m.replaceWithoutApply);
  const classCodes = input.class ?? [];
  if ((classCodes.length > 0) === !!input.all) throw new AppError('usage', m.whichClasses);
  const year = await resolveYear(ctx);
  for (const code of classCodes) await resolveClass(ctx, year, code);
  const classes = await reportClasses(ctx.db, year.id, input.all ? undefined : classCodes);
  const standings = await yearEndStandings(ctx, year, classes);
  const stored = await currentDecisions(ctx.db, year.id, standings.map((s) => s.studentId));
  const at = timestamp(ctx);
  const rows: PromoteRow[] = [];
  for (const s of standings) {
    const before = stored.get(s.studentId);
    const outcome = outcomeOf(s.proposal, before, !!input.replace);
    let recorded = before ? recordOf(before, s.schoolClass.level) : null;
    if (input.apply && (outcome === 'new' || outcome === 'changed') && s.proposal.kind !== 'incomplete') {
      if (before) await markDecisionReplaced(ctx.db, before.id, at, actor.id);
      await insertDecision(ctx.db, { school_id: ctx.school.id, school_year_id: year.id, student_id: s.studentId, class_id: s.schoolClass.id, decision: s.proposal, basis: 'proposal', reason: null, decided_by: actor.id, decided_at: at });
      recorded = { decision: s.proposal, text: promotionText(s.proposal, s.schoolClass.level, 'en'), basis: 'proposal', reason: null, decided_by: actor.code, decided_at: at };
    }
    rows.push({
      student: s.code,
      first_name: s.first_name,
      last_name: s.last_name,
      class: s.schoolClass.code,
      level: s.schoolClass.level,
      proposal: s.proposal,
      proposal_text: promotionText(s.proposal, s.schoolClass.level, 'en'),
      outcome,
      recorded,
    });
  }
  return { year: year.code, applied: !!input.apply, students: rows };
}

export interface DecideInput {
  student?: string;
  decision?: string;
  subject?: string[];
  reason?: string;
}

export interface DecideResult {
  year: string;
  student: string;
  first_name: string;
  last_name: string;
  class: string;
  /** The class's grade (1–12): what the decision's wording needs. */
  level: number;
  recorded: DecisionRecord;
  /** The decision it replaced, kept as history. */
  replaced: DecisionRecord | null;
}

/**
 * `year decide`: the pedagogical council's decision for one student, which may
 * differ from the rule's proposal; the reason is required and recorded.
 */
export async function decideStudent(ctx: ServiceContext, input: DecideInput): Promise<DecideResult> {
  const actor = requireRight(ctx, 'decide-promotion');
  const student = await resolveStudent(ctx, requireText(input.student, 'student'));
  const word = requireText(input.decision, 'decision');
  const kind = DECISION_WORDS[word];
  if (!kind) throw new AppError('usage', m.badDecision(word, Object.keys(DECISION_WORDS).join(', ')));
  const reason = requireText(input.reason, 'reason');
  const year = await resolveYear(ctx);
  const placement = await placementInYear(ctx.db, student.id, year.id);
  if (!placement) throw new AppError('not_found', m.inNoClass(`${student.first_name} ${student.last_name}`, student.code, year.code));
  const subjects: string[] = [];
  for (const code of input.subject ?? []) subjects.push((await resolveSubject(ctx, code.trim())).name);
  const checked = recordedDecision(kind, placement.level, subjects);
  if (!checked.ok) throw new AppError('invalid', m.decisionRefused(`${student.first_name} ${student.last_name}`, student.code, placement.class, checked.reason));
  const before = (await currentDecisions(ctx.db, year.id, [student.id])).get(student.id);
  const at = timestamp(ctx);
  if (before) await markDecisionReplaced(ctx.db, before.id, at, actor.id);
  await insertDecision(ctx.db, { school_id: ctx.school.id, school_year_id: year.id, student_id: student.id, class_id: placement.class_id, decision: checked.value, basis: 'council', reason, decided_by: actor.id, decided_at: at });
  return {
    year: year.code,
    student: student.code,
    first_name: student.first_name,
    last_name: student.last_name,
    class: placement.class,
    level: placement.level,
    recorded: { decision: checked.value, text: promotionText(checked.value, placement.level, 'en'), basis: 'council', reason, decided_by: actor.code, decided_at: at },
    replaced: before ? recordOf(before, placement.level) : null,
  };
}
