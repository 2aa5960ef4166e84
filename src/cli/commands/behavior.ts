import type { Command } from 'commander';
import type { BehaviorView } from '../../db/repositories/behavior.ts';
import { addBehavior, BEHAVIOR_KINDS, listBehavior, removeBehavior, type BehaviorInput, type BehaviorListFilter } from '../../services/behavior.ts';
import type { Column } from '../output.ts';
import { examples } from '../options.ts';
import { askChoice, askText, confirmOrSkip } from '../prompt.ts';
import { globalOptions, runCommand } from '../runtime.ts';

const columns: Column<BehaviorView>[] = [
  { header: 'id', value: (b) => b.id },
  { header: 'date', value: (b) => b.date },
  { header: 'class', value: (b) => b.class },
  { header: 'student', value: (b) => `${b.student_name} (${b.student})` },
  { header: 'kind', value: (b) => (b.removed ? `${b.kind} (removed)` : b.kind) },
  { header: 'text', value: (b) => b.text },
  { header: 'author', value: (b) => `${b.author_name} (${b.author})` },
];

const removalColumns: Column<BehaviorView>[] = [
  ...columns,
  { header: 'removed', value: (b) => (b.removed ? `${b.removed_by} ${b.removed_at}: ${b.removed_reason}` : '') },
];

export function registerBehavior(program: Command): void {
  const behavior = program.command('behavior').description("the behaviour journal: positive and negative remarks about a student (regulation §28)");

  behavior
    .command('add')
    .description('write a remark: teachers of the class, its class teacher, deputies and admins')
    .option('--student <code>', 'student')
    .option('--kind <kind>', BEHAVIOR_KINDS.join(' | '))
    .option('--date <date>', 'the day (default: today)')
    .option('--text <text>', 'the remark')
    .addHelpText('after', examples('ezurnals behavior add --student S001 --kind positive --text "Palīdzēja klasesbiedram matemātikā" --as T01'))
    .action(async (opts: BehaviorInput, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async () => {
          opts.student = await askText(opts.student, '--student', 'Student code');
          opts.kind = await askChoice(opts.kind, '--kind', 'Kind', async () => BEHAVIOR_KINDS.map((k) => ({ name: k, value: k })));
          opts.text = await askText(opts.text, '--text', 'Remark');
        },
        run: (ctx) => addBehavior(ctx, opts),
        print: (r, out) => out.data(r, columns),
      });
    });

  behavior
    .command('remove <id>')
    .description('withdraw a remark (its author, deputies, admins); it stays in the journal marked as removed')
    .option('--reason <text>', 'why it is withdrawn')
    .addHelpText('after', examples('ezurnals behavior remove 3 --reason "Ieraksts pie cita skolēna" --as T01'))
    .action(async (id: string, opts: { reason?: string }, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async () => {
          opts.reason = await askText(opts.reason, '--reason', 'Why is it withdrawn?');
          await confirmOrSkip(globalOptions(command).yes, `Remove behaviour entry ${id}?`);
        },
        run: (ctx) => removeBehavior(ctx, id, opts),
        print: (r, out) => out.data(r, removalColumns),
      });
    });

  behavior
    .command('list')
    .description('list remarks')
    .option('--student <code>', 'student')
    .option('--class <class>', 'class')
    .option('--from <date>', 'from date')
    .option('--to <date>', 'to date')
    .option('--kind <kind>', BEHAVIOR_KINDS.join(' | '))
    .option('--include-removed', 'also withdrawn remarks')
    .addHelpText('after', examples('ezurnals behavior list --class 7.a --from 2026-10-01 --to 2026-10-31'))
    .action(async (opts: BehaviorListFilter, command: Command) => {
      await runCommand(command, {
        write: false,
        run: (ctx) => listBehavior(ctx, opts),
        print: (r, out) => out.data(r, opts.includeRemoved ? removalColumns : columns),
      });
    });
}
