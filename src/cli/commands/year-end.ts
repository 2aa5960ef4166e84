import type { Command } from 'commander';
import { decideStudent, promoteStudents, type PromoteResult, type PromoteRow } from '../../services/promotion.ts';
import { closeYear, verifyYearArchive, type VerifiedArchive, type YearClosureView } from '../../services/year-close.ts';
import { openYear, type YearOpenPlan } from '../../services/year-open.ts';
import { listYearLockOverrides, type LockOverrideView } from '../../services/year-lock.ts';
import type { Column, Output } from '../output.ts';
import { collect, examples } from '../options.ts';
import { runCommand } from '../runtime.ts';

const OUTCOME_WORDS: Record<PromoteRow['outcome'], [applied: string, proposed: string]> = {
  new: ['recorded', 'to record'],
  changed: ['replaced (history kept)', 'to replace'],
  unchanged: ['unchanged', 'unchanged'],
  'council-kept': ["council's decision kept", "council's decision kept"],
  incomplete: ['not recorded: grades missing', 'grades missing'],
};

function printPromotion(result: PromoteResult, out: Output): void {
  const columns: Column<PromoteRow>[] = [
    { header: 'class', value: (r) => r.class },
    { header: 'student', value: (r) => `${r.student} ${r.last_name} ${r.first_name}` },
    { header: 'proposal', value: (r) => r.proposal_text },
    { header: 'recorded', value: (r) => (r.recorded ? `${r.recorded.text} (${r.recorded.basis === 'council' ? 'council, ' : ''}${r.recorded.decided_by})` : '') },
    { header: result.applied ? 'done' : '--apply would', value: (r) => OUTCOME_WORDS[r.outcome][result.applied ? 0 : 1] },
  ];
  if (out.json) return out.raw(result);
  out.data(result.students, columns);
  const incomplete = result.students.filter((r) => r.outcome === 'incomplete');
  if (incomplete.length > 0) out.warn(`${incomplete.length} student(s) lack annual grades: no decision ${result.applied ? 'was' : 'would be'} recorded for them.`);
  if (!result.applied) out.info('A proposal only: nothing was recorded. Record it with --apply.');
}

function printPlan(plan: YearOpenPlan, out: Output): void {
  if (out.json) return out.raw(plan);
  out.data(plan.classes, [
    { header: 'class', value: (c) => c.code },
    { header: 'grade', value: (c) => c.level },
    { header: 'from', value: (c) => [c.promoted_from ? `${c.promoted_from} promoted` : '', ...new Set(c.students.filter((s) => s.decision === 'not-promoted').map((s) => `${s.from_class} repeating`))].filter(Boolean).join(', ') },
    { header: 'students', value: (c) => c.students.length },
    { header: 'class teacher', value: (c) => c.class_teacher },
    { header: 'assignments', value: (c) => c.assignments.map((a) => `${a.subject} ${a.teacher}`).join(', ') },
  ]);
  if (plan.leaving.length > 0) out.info(`Leaving (stage completed): ${plan.leaving.map((s) => `${s.code} ${s.first_name} ${s.last_name} (${s.from_class})`).join(', ')}`);
  for (const line of plan.not_carried) out.warn(`Not carried over: ${line}`);
  out.info(plan.dry_run ? `Plan only: ${plan.year} was not changed. Run again without --dry-run to create it.` : `${plan.year} ${plan.year_created ? 'created' : 'filled'} from ${plan.from}.`);
}

const closureColumns: Column<YearClosureView>[] = [
  { header: 'year', value: (c) => c.year },
  { header: 'closed at', value: (c) => c.closed_at },
  { header: 'closed by', value: (c) => c.closed_by },
  { header: 'archive', value: (c) => c.archive },
  { header: 'files', value: (c) => c.files },
  { header: 'bytes', value: (c) => c.bytes },
  { header: 'audit head', value: (c) => c.audit_head },
];

const overrideColumns: Column<LockOverrideView>[] = [
  { header: 'year', value: (o) => o.year },
  { header: 'when', value: (o) => o.created_at },
  { header: 'who', value: (o) => o.staff },
  { header: 'command', value: (o) => o.command },
  { header: 'rows', value: (o) => o.rows_written },
  { header: 'reason', value: (o) => o.reason },
];

/** Year end (REFERENCE §7, issue 6): promotion decisions, closing the archived year, opening the next. */
export function registerYearEnd(year: Command): void {
  year
    .command('promote')
    .description("propose each student's promotion decision from the annual grades (REFERENCE §7); --apply records it")
    .option('--class <code>', 'a class (repeatable)', collect)
    .option('--all', 'every class of the year')
    .option('--dry-run', 'only show the proposal (the default without --apply)')
    .option('--apply', 'record the proposals; a changed proposal replaces the recorded one, keeping it as history')
    .option('--replace', "with --apply: replace the pedagogical council's decisions too")
    .addHelpText('after', examples('ezurnals year promote --class 7.a', 'ezurnals year promote --class 7.a --apply --json', 'ezurnals year promote --all --apply --year 2026/2027'))
    .action(async (opts: { class?: string[]; all?: boolean; dryRun?: boolean; apply?: boolean; replace?: boolean }, command: Command) => {
      await runCommand(command, { write: !!opts.apply, run: (ctx) => promoteStudents(ctx, opts), print: printPromotion });
    });

  year
    .command('decide')
    .description("record the pedagogical council's decision for one student, which may differ from the proposal")
    .option('--student <code>', 'the student')
    .option('--decision <word>', 'promoted, makeup, repeat, graduated or certificate')
    .option('--subject <code>', 'a make-up or failing subject (repeatable)', collect)
    .option('--reason <text>', "the council's reason (required)")
    .addHelpText('after', examples('ezurnals year decide --student S001 --decision repeat --reason "Pedagoģiskās padomes sēde 2027-06-10, prot. Nr. 7"'))
    .action(async (opts: { student?: string; decision?: string; subject?: string[]; reason?: string }, command: Command) => {
      await runCommand(command, {
        write: true,
        run: (ctx) => decideStudent(ctx, opts),
        print: (r, out) => {
          if (out.json) return out.raw(r);
          out.data(r, [
            { header: 'student', value: (x) => `${x.student} ${x.first_name} ${x.last_name} (${x.class})` },
            { header: 'decision', value: (x) => x.recorded.text },
            { header: 'reason', value: (x) => x.recorded.reason },
            { header: 'replaced', value: (x) => x.replaced?.text ?? '' },
          ]);
        },
      });
    });

  year
    .command('close <code>')
    .description("lock a school year once its archive exists and verifies: later changes to it are refused (an admin may pass --closed-year-reason)")
    .option('--archive <dir>', 'the folder `ezurnals archive export` wrote for the year')
    .addHelpText('after', examples('ezurnals year close 2026/2027 --archive /media/arhivs/2026-2027'))
    .action(async (code: string, opts: { archive?: string }, command: Command) => {
      let archive: VerifiedArchive;
      await runCommand(command, {
        write: true,
        prepare: async (ctx) => {
          archive = await verifyYearArchive(ctx, code, opts.archive);
        },
        run: (ctx) => closeYear(ctx, code, archive),
        print: (r, out) => out.data(r, closureColumns),
      });
    });

  year
    .command('open <code>')
    .description('create the next school year and its classes from the promotion decisions: promoted students one grade up, repeaters stay, graduates leave')
    .option('--from <code>', 'the year before (default: the year just before)')
    .option('--carry-assignments', "a promoted class keeps its class teacher and its subject teachers")
    .option('--current', 'make the new year the one commands act on by default')
    .option('--dry-run', 'only show the plan')
    .addHelpText('after', examples('ezurnals year open 2027/2028 --dry-run', 'ezurnals year open 2027/2028 --from 2026/2027 --carry-assignments --current'))
    .action(async (code: string, opts: { from?: string; carryAssignments?: boolean; current?: boolean; dryRun?: boolean }, command: Command) => {
      await runCommand(command, { write: !opts.dryRun, run: (ctx) => openYear(ctx, code, opts), print: printPlan });
    });

  year
    .command('overrides [code]')
    .description('the changes admins made to closed school years, with their reasons')
    .addHelpText('after', examples('ezurnals year overrides 2026/2027'))
    .action(async (code: string | undefined, _opts, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listYearLockOverrides(ctx, code), print: (r, out) => out.data(r, overrideColumns) });
    });
}
