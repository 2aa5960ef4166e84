import type { Command } from 'commander';
import { inspectionsDocuments, loadInspectionsData, type InspectionsReportInput } from '../../reports/inspections.ts';
import { collect, examples } from '../options.ts';
import { reportOptions, runReport, type ReportFlags } from './report.ts';

export function registerReportInspections(report: Command): void {
  reportOptions(
    report
      .command('inspections')
      .description('journal inspections (§11) over several classes or the whole school: the inspections of the period and per class lessons entered vs. the timetable, lessons without topic, late grades, absences left n; one PDF')
      .option('--from <date>', 'first day (YYYY-MM-DD or DD.MM.YYYY)')
      .option('--to <date>', 'last day (YYYY-MM-DD or DD.MM.YYYY)')
      .option('--class <class>', 'a class (repeat for several; default: all)', collect)
      .option('--all', 'the whole school'),
  )
    .addHelpText('after', examples('ezurnals report inspections --from 2026-09-01 --to 2026-11-27 --all --out atskaites', 'ezurnals report inspections --from 2026-11-01 --to 2026-11-30 --class 7.a --class 7.b --json'))
    .action(async (opts: InspectionsReportInput & ReportFlags, command: Command) => {
      await runReport(command, opts, async (ctx) => ({ data: await loadInspectionsData(ctx, opts), documents: inspectionsDocuments }));
    });
}
