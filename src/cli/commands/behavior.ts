import type { Command } from 'commander';
import type { BehaviorView } from '../../db/repositories/behavior.ts';
import { addBehavior, BEHAVIOR_KINDS, listBehavior, removeBehavior, type BehaviorInput, type BehaviorListFilter } from '../../services/behavior.ts';
import type { Column } from '../output.ts';
import { examples } from '../options.ts';
import { askChoice, askText, confirmOrSkip } from '../prompt.ts';
import { globalOptions, runCommand } from '../runtime.ts';
import { m as t } from '../../i18n/messages/journal-notes.ts';
import { m as w } from '../../i18n/messages/words.ts';

// Functions, not constants: the headers are read in the run's language.
const columns = (): Column<BehaviorView>[] => [
  { header: w.id, value: (b) => b.id },
  { header: w.date, value: (b) => b.date },
  { header: w.class, value: (b) => b.class },
  { header: w.student, value: (b) => `${b.student_name} (${b.student})` },
  { header: w.kind, value: (b) => (b.removed ? t.removedMark(b.kind) : b.kind) },
  { header: w.text, value: (b) => b.text },
  { header: t.colAuthor, value: (b) => `${b.author_name} (${b.author})` },
];

const removalColumns = (): Column<BehaviorView>[] => [
  ...columns(),
  { header: t.colRemoved, value: (b) => (b.removed ? `${b.removed_by} ${b.removed_at}: ${b.removed_reason}` : '') },
];

export function registerBehavior(program: Command): void {
  const behavior = program.command('behavior').description(t.behaviorFamily);

  behavior
    .command('add')
    .description(t.behaviorAdd)
    .option('--student <code>', w.student)
    .option('--kind <kind>', BEHAVIOR_KINDS.join(' | '))
    .option('--date <date>', w.theDayDefaultToday)
    .option('--text <text>', t.behaviorText)
    .addHelpText('after', examples('ezurnals behavior add --student S001 --kind positive --text "Palīdzēja klasesbiedram matemātikā" --as T01'))
    .action(async (opts: BehaviorInput, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async () => {
          opts.student = await askText(opts.student, '--student', w.askStudentCode);
          opts.kind = await askChoice(opts.kind, '--kind', t.promptKind, async () => BEHAVIOR_KINDS.map((k) => ({ name: k, value: k })));
          opts.text = await askText(opts.text, '--text', t.promptRemark);
        },
        run: (ctx) => addBehavior(ctx, opts),
        print: (r, out) => out.data(r, columns()),
      });
    });

  behavior
    .command('remove <id>')
    .description(t.behaviorRemove)
    .option('--reason <text>', t.behaviorReason)
    .addHelpText('after', examples('ezurnals behavior remove 3 --reason "Ieraksts pie cita skolēna" --as T01'))
    .action(async (id: string, opts: { reason?: string }, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async () => {
          opts.reason = await askText(opts.reason, '--reason', t.promptWhyWithdrawn);
          await confirmOrSkip(globalOptions(command).yes, t.confirmRemoveBehavior(id));
        },
        run: (ctx) => removeBehavior(ctx, id, opts),
        print: (r, out) => out.data(r, removalColumns()),
      });
    });

  behavior
    .command('list')
    .description(t.behaviorList)
    .option('--student <code>', w.student)
    .option('--class <class>', w.class)
    .option('--from <date>', w.fromDate)
    .option('--to <date>', w.toDate)
    .option('--kind <kind>', BEHAVIOR_KINDS.join(' | '))
    .option('--include-removed', t.behaviorIncludeRemoved)
    .addHelpText('after', examples('ezurnals behavior list --class 7.a --from 2026-10-01 --to 2026-10-31'))
    .action(async (opts: BehaviorListFilter, command: Command) => {
      await runCommand(command, {
        write: false,
        run: (ctx) => listBehavior(ctx, opts),
        print: (r, out) => out.data(r, opts.includeRemoved ? removalColumns() : columns()),
      });
    });
}
