import type { Command } from 'commander';
import type { IndividualWorkView } from '../../db/repositories/individual-work.ts';
import { addIndividualWork, INDIVIDUAL_WORK_KINDS, listIndividualWork, showIndividualWork, type IndividualWorkInput, type IndividualWorkListFilter } from '../../services/individual-work.ts';
import type { Column } from '../output.ts';
import { collect, examples } from '../options.ts';
import { askText } from '../prompt.ts';
import { runCommand } from '../runtime.ts';
import { m as t } from '../../i18n/messages/journal-notes.ts';
import { m as vocab } from '../../i18n/messages/words.ts';

// A function, not a constant: the headers are read in the run's language.
const columns = (): Column<IndividualWorkView>[] => [
  { header: vocab.id, value: (w) => w.id },
  { header: vocab.date, value: (w) => w.date },
  { header: vocab.kind, value: (w) => w.kind },
  { header: vocab.students, value: (w) => w.students.map((s) => `${s.name} (${s.code})`).join(', ') },
  { header: vocab.text, value: (w) => w.text },
  { header: vocab.recordedBy, value: (w) => w.author },
];

export function registerIndividual(program: Command): void {
  const individual = program
    .command('individual')
    .description(t.individualFamily);

  individual
    .command('add')
    .description(t.individualAdd)
    .option('--kind <kind>', INDIVIDUAL_WORK_KINDS.join(' | '))
    .option('--date <date>', vocab.theDay)
    .option('--student <code>', vocab.studentsRepeat, collect, [])
    .option('--text <text>', t.individualText)
    .addHelpText('after', examples('ezurnals individual add --kind consultation --date 2026-11-20 --student S001 --student S002 --text "Daļskaitļu konsultācija" --as T01'))
    .action(async (opts: IndividualWorkInput & { student: string[] }, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async () => {
          opts.kind = await askText(opts.kind, '--kind', t.promptIndividualKind(INDIVIDUAL_WORK_KINDS.join(', ')));
          opts.date = await askText(opts.date, '--date', vocab.askDate);
          opts.text = await askText(opts.text, '--text', t.promptWhatWasDone);
        },
        run: (ctx) => addIndividualWork(ctx, { ...opts, students: opts.student }),
        print: (r, out) => out.data(r, columns()),
      });
    });

  individual
    .command('list')
    .description(t.individualList)
    .option('--student <code>', vocab.student)
    .option('--from <date>', t.individualFrom)
    .option('--to <date>', t.individualTo)
    .option('--author <code>', t.individualAuthor)
    .addHelpText('after', examples('ezurnals individual list --as T01', 'ezurnals individual list --author N01 --student S001 --as deputy --json'))
    .action(async (opts: IndividualWorkListFilter, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listIndividualWork(ctx, opts), print: (r, out) => out.data(r, columns()) });
    });

  individual
    .command('show <id>')
    .description(t.individualShow)
    .addHelpText('after', examples('ezurnals individual show 1 --as T01'))
    .action(async (id: string, _opts: unknown, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => showIndividualWork(ctx, id), print: (r, out) => out.data(r, columns()) });
    });
}
