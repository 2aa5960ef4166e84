import type { Command } from 'commander';
import type { InspectionView } from '../../db/repositories/inspections.ts';
import { addInspection, listInspections, type InspectionInput, type InspectionListFilter } from '../../services/inspections.ts';
import type { Column } from '../output.ts';
import { collect, examples } from '../options.ts';
import { askText } from '../prompt.ts';
import { runCommand } from '../runtime.ts';

const columns: Column<InspectionView>[] = [
  { header: 'id', value: (i) => i.id },
  { header: 'date', value: (i) => i.date },
  { header: 'classes', value: (i) => (i.whole_school ? `whole school (${i.classes.length})` : i.classes.join(', ')) },
  { header: 'findings', value: (i) => i.findings },
  { header: 'deadline', value: (i) => i.deadline },
  { header: 'by', value: (i) => `${i.author_name} (${i.author})` },
];

export function registerInspection(program: Command): void {
  const inspection = program.command('inspection').description('journal inspections by a deputy director (regulation §11)');

  inspection
    .command('add')
    .description('record an inspection of one or more class journals, or of the whole school: deputies and admins')
    .option('--class <class>', 'an inspected class (repeat for several)', collect)
    .option('--all', 'every class of the year')
    .option('--date <date>', 'the day of the inspection (default: today)')
    .option('--findings <text>', 'what the inspection found')
    .option('--deadline <date>', 'by when the shortcomings are to be put right')
    .addHelpText('after', examples('ezurnals inspection add --class 7.a --class 7.b --date 2026-11-27 --findings "Nav ierakstītas tēmas 3 stundām" --deadline 2026-12-04 --as D01', 'ezurnals inspection add --all --findings "Žurnāli aizpildīti kārtīgi" --as D01'))
    .action(async (opts: InspectionInput, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async () => {
          opts.findings = await askText(opts.findings, '--findings', 'Findings');
        },
        run: (ctx) => addInspection(ctx, opts),
        print: (r, out) => out.data(r, columns),
      });
    });

  inspection
    .command('list')
    .description('list inspections of the year')
    .option('--class <class>', 'inspections covering this class')
    .option('--from <date>', 'from date')
    .option('--to <date>', 'to date')
    .addHelpText('after', examples('ezurnals inspection list --class 7.a', 'ezurnals inspection list --from 2026-09-01 --to 2026-12-18 --json'))
    .action(async (opts: InspectionListFilter, command: Command) => {
      await runCommand(command, {
        write: false,
        run: (ctx) => listInspections(ctx, opts),
        print: (r, out) => out.data(r, columns),
      });
    });
}
