import type { Command } from 'commander';
import type { InspectionView } from '../../db/repositories/inspections.ts';
import { addInspection, listInspections, type InspectionInput, type InspectionListFilter } from '../../services/inspections.ts';
import type { Column } from '../output.ts';
import { collect, examples } from '../options.ts';
import { askText } from '../prompt.ts';
import { runCommand } from '../runtime.ts';
import { m } from '../../i18n/messages/calendar-timetable.ts';
import { m as w } from '../../i18n/messages/words.ts';

// A function: the headers are read in the run's language, not at load time.
const columns = (): Column<InspectionView>[] => [
  { header: w.id, value: (i) => i.id },
  { header: w.date, value: (i) => i.date },
  { header: w.classes, value: (i) => (i.whole_school ? m.wholeSchool(i.classes.length) : i.classes.join(', ')) },
  { header: m.colFindings, value: (i) => i.findings },
  { header: m.colDeadline, value: (i) => i.deadline },
  { header: m.colBy, value: (i) => `${i.author_name} (${i.author})` },
];

export function registerInspection(program: Command): void {
  const inspection = program.command('inspection').description(m.inspectionDescription);

  inspection
    .command('add')
    .description(m.inspectionAddDescription)
    .option('--class <class>', m.optInspectedClass, collect)
    .option('--all', w.everyClassOfYear)
    .option('--date <date>', m.optInspectionDate)
    .option('--findings <text>', m.optFindings)
    .option('--deadline <date>', m.optDeadline)
    .addHelpText('after', examples('ezurnals inspection add --class 7.a --class 7.b --date 2026-11-27 --findings "Nav ierakstītas tēmas 3 stundām" --deadline 2026-12-04 --as D01', 'ezurnals inspection add --all --findings "Žurnāli aizpildīti kārtīgi" --as D01'))
    .action(async (opts: InspectionInput, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async () => {
          opts.findings = await askText(opts.findings, '--findings', m.askFindings);
        },
        run: (ctx) => addInspection(ctx, opts),
        print: (r, out) => out.data(r, columns()),
      });
    });

  inspection
    .command('list')
    .description(m.inspectionListDescription)
    .option('--class <class>', m.optCoveringClass)
    .option('--from <date>', w.fromDate)
    .option('--to <date>', w.toDate)
    .addHelpText('after', examples('ezurnals inspection list --class 7.a', 'ezurnals inspection list --from 2026-09-01 --to 2026-12-18 --json'))
    .action(async (opts: InspectionListFilter, command: Command) => {
      await runCommand(command, {
        write: false,
        run: (ctx) => listInspections(ctx, opts),
        print: (r, out) => out.data(r, columns()),
      });
    });
}
