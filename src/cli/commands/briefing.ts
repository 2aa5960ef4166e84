import type { Command } from 'commander';
import type { BriefedStudent, BriefingView } from '../../db/repositories/briefings.ts';
import { addBriefing, listBriefings, type BriefingInput } from '../../services/briefings.ts';
import type { Column } from '../output.ts';
import { collect, examples } from '../options.ts';
import { askText } from '../prompt.ts';
import { runCommand } from '../runtime.ts';

const names = (students: BriefedStudent[]) => students.map((s) => `${s.name} (${s.student})`).join(', ');

const columns: Column<BriefingView>[] = [
  { header: 'id', value: (b) => b.id },
  { header: 'date', value: (b) => b.date },
  { header: 'class', value: (b) => b.class },
  { header: 'topic', value: (b) => b.topic },
  { header: 'briefed', value: (b) => names(b.briefed) },
  { header: 'absent', value: (b) => names(b.absent) },
  { header: 'by', value: (b) => b.author },
];

export function registerBriefing(program: Command): void {
  const briefing = program.command('briefing').description("safety briefings (instruktāžas, regulation §15): the class teacher's record of who was briefed");

  briefing
    .command('add')
    .description('record a briefing: the named students, or everybody present that day')
    .option('--class <class>', 'class')
    .option('--date <date>', 'the day')
    .option('--topic <topic>', 'e.g. "Ugunsdrošība"')
    .option('--student <code>', 'a student briefed (repeatable)', collect)
    .option('--all-present', 'everybody in the class that day except those absent (n, ns, nc) from one of its lessons')
    .addHelpText('after', examples('ezurnals briefing add --class 7.a --date 2026-09-01 --topic "Ugunsdrošība" --all-present --as T01', 'ezurnals briefing add --class 7.a --date 2026-09-03 --topic "Ugunsdrošība" --student S002 --as T01'))
    .action(async (opts: Omit<BriefingInput, 'students'> & { student?: string[] }, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async () => {
          opts.class = await askText(opts.class, '--class', 'Class');
          opts.date = await askText(opts.date, '--date', 'Date (YYYY-MM-DD)');
          opts.topic = await askText(opts.topic, '--topic', 'Topic');
        },
        run: (ctx) => addBriefing(ctx, { ...opts, students: opts.student }),
        print: (r, out) => out.data(r, columns),
      });
    });

  briefing
    .command('list')
    .description('list briefings with who was briefed and who was in the class but not (absent)')
    .option('--class <class>', 'class')
    .option('--from <date>', 'from date')
    .option('--to <date>', 'to date')
    .addHelpText('after', examples('ezurnals briefing list --class 7.a'))
    .action(async (opts: { class?: string; from?: string; to?: string }, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listBriefings(ctx, opts), print: (r, out) => out.data(r, columns) });
    });
}
