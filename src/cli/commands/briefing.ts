import type { Command } from 'commander';
import type { BriefedStudent, BriefingView } from '../../db/repositories/briefings.ts';
import { addBriefing, listBriefings, type BriefingInput } from '../../services/briefings.ts';
import type { Column } from '../output.ts';
import { collect, examples } from '../options.ts';
import { askText } from '../prompt.ts';
import { runCommand } from '../runtime.ts';
import { m as t } from '../../i18n/messages/journal-notes.ts';
import { m as w } from '../../i18n/messages/words.ts';

const names = (students: BriefedStudent[]) => students.map((s) => `${s.name} (${s.student})`).join(', ');

// A function, not a constant: the headers are read in the run's language.
const columns = (): Column<BriefingView>[] => [
  { header: w.id, value: (b) => b.id },
  { header: w.date, value: (b) => b.date },
  { header: w.class, value: (b) => b.class },
  { header: w.topic, value: (b) => b.topic },
  { header: w.briefed, value: (b) => names(b.briefed) },
  { header: t.colAbsent, value: (b) => names(b.absent) },
  { header: w.recordedBy, value: (b) => b.author },
];

export function registerBriefing(program: Command): void {
  const briefing = program.command('briefing').description(t.briefingFamily);

  briefing
    .command('add')
    .description(t.briefingAdd)
    .option('--class <class>', w.class)
    .option('--date <date>', w.theDay)
    .option('--topic <topic>', t.briefingTopic)
    .option('--student <code>', t.briefingStudent, collect)
    .option('--all-present', t.briefingAllPresent)
    .addHelpText('after', examples('ezurnals briefing add --class 7.a --date 2026-09-01 --topic "Ugunsdrošība" --all-present --as T01', 'ezurnals briefing add --class 7.a --date 2026-09-03 --topic "Ugunsdrošība" --student S002 --as T01'))
    .action(async (opts: Omit<BriefingInput, 'students'> & { student?: string[] }, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async () => {
          opts.class = await askText(opts.class, '--class', w.askClass);
          opts.date = await askText(opts.date, '--date', w.askDate);
          opts.topic = await askText(opts.topic, '--topic', w.askTopic);
        },
        run: (ctx) => addBriefing(ctx, { ...opts, students: opts.student }),
        print: (r, out) => out.data(r, columns()),
      });
    });

  briefing
    .command('list')
    .description(t.briefingList)
    .option('--class <class>', w.class)
    .option('--from <date>', w.fromDate)
    .option('--to <date>', w.toDate)
    .addHelpText('after', examples('ezurnals briefing list --class 7.a'))
    .action(async (opts: { class?: string; from?: string; to?: string }, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listBriefings(ctx, opts), print: (r, out) => out.data(r, columns()) });
    });
}
