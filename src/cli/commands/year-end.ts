import type { Command } from 'commander';
import { decideStudent, promoteStudents, type PromoteResult, type PromoteRow } from '../../services/promotion.ts';
import { closeYear, verifyYearArchive, type VerifiedArchive, type YearClosureView } from '../../services/year-close.ts';
import { openYear, type YearOpenPlan } from '../../services/year-open.ts';
import { listYearLockOverrides, type LockOverrideView } from '../../services/year-lock.ts';
import type { Column, Output } from '../output.ts';
import { collect, examples } from '../options.ts';
import { runCommand } from '../runtime.ts';
import { language } from '../../i18n/language.ts';
import { listOf } from '../../i18n/catalogue.ts';
import { declineName } from '../../domain/latvian-names.ts';
import { m } from '../../i18n/messages/calendar-years.ts';
import { m as w } from '../../i18n/messages/words.ts';
import { promotionText } from '../../reports/labels.ts';

/** What --apply did (or would do) with a student's proposal, in the run's language. */
function outcomeWord(outcome: PromoteRow['outcome'], applied: boolean): string {
  switch (outcome) {
    case 'new':
      return applied ? m.outcomeNew : m.outcomeNewProposed;
    case 'changed':
      return applied ? m.outcomeChanged : m.outcomeChangedProposed;
    case 'unchanged':
      return w.unchanged;
    case 'council-kept':
      return m.outcomeCouncilKept;
    case 'incomplete':
      return applied ? m.outcomeIncomplete : m.outcomeIncompleteProposed;
  }
}

/** A student of the year end as a message names them: "Jānis Bērziņš (S001, 7.a)". */
const studentInClass = (s: { code: string; first_name: string; last_name: string; from_class: string }) => `${s.first_name} ${s.last_name} (${s.code}, ${s.from_class})`;

function printPromotion(result: PromoteResult, out: Output): void {
  // The JSON keeps the English proposal_text (the scripts' contract); the table speaks the run's language.
  const lang = language();
  const columns: Column<PromoteRow>[] = [
    { header: w.class, value: (r) => r.class },
    { header: w.student, value: (r) => `${r.student} ${r.last_name} ${r.first_name}` },
    { header: m.colProposal, value: (r) => promotionText(r.proposal, r.level, lang) },
    { header: m.colRecorded, value: (r) => (r.recorded ? `${promotionText(r.recorded.decision, r.level, lang)} (${r.recorded.basis === 'council' ? m.councilMark : ''}${r.recorded.decided_by})` : '') },
    { header: result.applied ? m.colDone : m.colWouldDo, value: (r) => outcomeWord(r.outcome, result.applied) },
  ];
  if (out.json) return out.raw(result);
  out.data(result.students, columns);
  const incomplete = result.students.filter((r) => r.outcome === 'incomplete');
  if (incomplete.length > 0) {
    const who = incomplete.map((r) => `${lang === 'lv' ? declineName(`${r.first_name} ${r.last_name}`, 'dative') : `${r.first_name} ${r.last_name}`} (${r.student}, ${r.class})`);
    out.warn(m.lackAnnualGrades(incomplete.length, result.applied, listOf(who)));
  }
  if (!result.applied) out.info(m.proposalOnly);
}

function printPlan(plan: YearOpenPlan, out: Output): void {
  if (out.json) return out.raw(plan);
  out.data(plan.classes, [
    { header: w.class, value: (c) => c.code },
    { header: m.colGrade, value: (c) => c.level },
    { header: w.from, value: (c) => [c.promoted_from ? m.promotedFrom(c.promoted_from) : '', ...new Set(c.students.filter((s) => s.decision === 'not-promoted').map((s) => m.repeatingFrom(s.from_class)))].filter(Boolean).join(', ') },
    { header: w.students, value: (c) => c.students.length },
    { header: w.classTeacher, value: (c) => c.class_teacher },
    { header: m.colAssignments, value: (c) => c.assignments.map((a) => `${a.subject} ${a.teacher}`).join(', ') },
  ]);
  if (plan.leaving.length > 0) out.info(m.leaving(plan.leaving.map(studentInClass).join(', ')));
  const repeating = plan.classes.flatMap((c) => c.students.filter((s) => s.decision === 'not-promoted'));
  if (repeating.length > 0) out.info(m.repeating(repeating.map(studentInClass).join(', ')));
  for (const line of plan.not_carried) out.warn(m.notCarried(line));
  out.info(plan.dry_run ? m.planOnly(plan.year) : plan.year_created ? m.yearCreated(plan.year, plan.from) : m.yearFilled(plan.year, plan.from));
}

const closureColumns = (): Column<YearClosureView>[] => [
  { header: w.year, value: (c) => c.year },
  { header: m.colClosedAt, value: (c) => c.closed_at },
  { header: m.colClosedBy, value: (c) => c.closed_by },
  { header: m.colArchive, value: (c) => c.archive },
  { header: w.files, value: (c) => c.files },
  { header: m.colBytes, value: (c) => c.bytes },
  { header: m.colAuditHead, value: (c) => c.audit_head },
];

const overrideColumns = (): Column<LockOverrideView>[] => [
  { header: w.year, value: (o) => o.year },
  { header: w.when, value: (o) => o.created_at },
  { header: w.who, value: (o) => o.staff },
  { header: w.command, value: (o) => o.command },
  { header: w.rows, value: (o) => o.rows_written },
  { header: w.reason, value: (o) => o.reason },
];

/** Year end (REFERENCE §7, issue 6): promotion decisions, closing the archived year, opening the next. */
export function registerYearEnd(year: Command): void {
  year
    .command('promote')
    .description(m.promoteDescription)
    .option('--class <code>', w.classRepeatable, collect)
    .option('--all', w.everyClassOfYear)
    .option('--dry-run', m.optPromoteDryRun)
    .option('--apply', m.optApply)
    .option('--replace', m.optReplace)
    .addHelpText('after', examples('ezurnals year promote --class 7.a', 'ezurnals year promote --class 7.a --apply --json', 'ezurnals year promote --all --apply --year 2026/2027'))
    .action(async (opts: { class?: string[]; all?: boolean; dryRun?: boolean; apply?: boolean; replace?: boolean }, command: Command) => {
      await runCommand(command, { write: !!opts.apply, run: (ctx) => promoteStudents(ctx, opts), print: printPromotion });
    });

  year
    .command('decide')
    .description(m.decideDescription)
    .option('--student <code>', m.optStudent)
    .option('--decision <word>', m.optDecision)
    .option('--subject <code>', m.optSubject, collect)
    .option('--reason <text>', m.optReason)
    .addHelpText('after', examples('ezurnals year decide --student S001 --decision repeat --reason "Pedagoģiskās padomes sēde 2027-06-10, prot. Nr. 7"'))
    .action(async (opts: { student?: string; decision?: string; subject?: string[]; reason?: string }, command: Command) => {
      await runCommand(command, {
        write: true,
        run: (ctx) => decideStudent(ctx, opts),
        print: (r, out) => {
          if (out.json) return out.raw(r);
          out.data(r, [
            { header: w.student, value: (x) => `${x.first_name} ${x.last_name} (${x.student}, ${x.class})` },
            { header: m.colDecision, value: (x) => promotionText(x.recorded.decision, x.level, language()) },
            { header: w.justification, value: (x) => x.recorded.reason },
            { header: m.colReplaced, value: (x) => (x.replaced ? promotionText(x.replaced.decision, x.level, language()) : '') },
          ]);
        },
      });
    });

  year
    .command('close <code>')
    .description(m.closeDescription)
    .option('--archive <dir>', m.optArchive)
    .addHelpText('after', examples('ezurnals year close 2026/2027 --archive /media/arhivs/2026-2027'))
    .action(async (code: string, opts: { archive?: string }, command: Command) => {
      let archive: VerifiedArchive;
      await runCommand(command, {
        write: true,
        prepare: async (ctx) => {
          archive = await verifyYearArchive(ctx, code, opts.archive);
        },
        run: (ctx) => closeYear(ctx, code, archive),
        print: (r, out) => out.data(r, closureColumns()),
      });
    });

  year
    .command('open <code>')
    .description(m.openDescription)
    .option('--from <code>', m.optFrom)
    .option('--carry-assignments', m.optCarryAssignments)
    .option('--current', m.optOpenCurrent)
    .option('--dry-run', m.optOpenDryRun)
    .addHelpText('after', examples('ezurnals year open 2027/2028 --dry-run', 'ezurnals year open 2027/2028 --from 2026/2027 --carry-assignments --current'))
    .action(async (code: string, opts: { from?: string; carryAssignments?: boolean; current?: boolean; dryRun?: boolean }, command: Command) => {
      await runCommand(command, { write: !opts.dryRun, run: (ctx) => openYear(ctx, code, opts), print: printPlan });
    });

  year
    .command('overrides [code]')
    .description(m.overridesDescription)
    .addHelpText('after', examples('ezurnals year overrides 2026/2027'))
    .action(async (code: string | undefined, _opts, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listYearLockOverrides(ctx, code), print: (r, out) => out.data(r, overrideColumns()) });
    });
}
