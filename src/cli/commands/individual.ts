import type { Command } from 'commander';
import type { IndividualWorkView } from '../../db/repositories/individual-work.ts';
import { addIndividualWork, INDIVIDUAL_WORK_KINDS, listIndividualWork, showIndividualWork, type IndividualWorkInput, type IndividualWorkListFilter } from '../../services/individual-work.ts';
import type { Column } from '../output.ts';
import { collect, examples } from '../options.ts';
import { askText } from '../prompt.ts';
import { runCommand } from '../runtime.ts';

const columns: Column<IndividualWorkView>[] = [
  { header: 'id', value: (w) => w.id },
  { header: 'date', value: (w) => w.date },
  { header: 'kind', value: (w) => w.kind },
  { header: 'students', value: (w) => w.students.map((s) => `${s.name} (${s.code})`).join(', ') },
  { header: 'text', value: (w) => w.text },
  { header: 'by', value: (w) => w.author },
];

export function registerIndividual(program: Command): void {
  const individual = program
    .command('individual')
    .description("the individual work journal (regulation §24–25): consultations, the nurse's and social pedagogue's work; each entry is read only by its author, deputies and admins");

  individual
    .command('add')
    .description('record individual work you did with one or more students')
    .option('--kind <kind>', INDIVIDUAL_WORK_KINDS.join(' | '))
    .option('--date <date>', 'the day')
    .option('--student <code>', 'a student (repeat for several)', collect, [])
    .option('--text <text>', 'what was done')
    .addHelpText('after', examples('ezurnals individual add --kind consultation --date 2026-11-20 --student S001 --student S002 --text "Daļskaitļu konsultācija" --as T01'))
    .action(async (opts: IndividualWorkInput & { student: string[] }, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async () => {
          opts.kind = await askText(opts.kind, '--kind', `Kind (${INDIVIDUAL_WORK_KINDS.join(', ')})`);
          opts.date = await askText(opts.date, '--date', 'Date (YYYY-MM-DD)');
          opts.text = await askText(opts.text, '--text', 'What was done');
        },
        run: (ctx) => addIndividualWork(ctx, { ...opts, students: opts.student }),
        print: (r, out) => out.data(r, columns),
      });
    });

  individual
    .command('list')
    .description("list entries: your own; deputies and admins everybody's")
    .option('--student <code>', 'student')
    .option('--from <date>', 'first day (default: the school year)')
    .option('--to <date>', 'last day')
    .option('--author <code>', "one author's entries (another's only for deputies and admins)")
    .addHelpText('after', examples('ezurnals individual list --as T01', 'ezurnals individual list --author N01 --student S001 --as deputy --json'))
    .action(async (opts: IndividualWorkListFilter, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listIndividualWork(ctx, opts), print: (r, out) => out.data(r, columns) });
    });

  individual
    .command('show <id>')
    .description('one entry (its author, deputies and admins)')
    .addHelpText('after', examples('ezurnals individual show 1 --as T01'))
    .action(async (id: string, _opts: unknown, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => showIndividualWork(ctx, id), print: (r, out) => out.data(r, columns) });
    });
}
