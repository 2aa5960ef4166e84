import type { Command } from 'commander';
import { inspectionsDocuments, loadInspectionsData, type InspectionsReportInput } from '../../reports/inspections.ts';
import { collect, examples } from '../options.ts';
import { reportOptions, runReport, type ReportFlags } from './report.ts';
import { m as t } from '../../i18n/messages/files-reports.ts';
import { m as w } from '../../i18n/messages/words.ts';

export function registerReportInspections(report: Command): void {
  reportOptions(
    report
      .command('inspections')
      .description(t.inspectionsDescription)
      .option('--from <date>', w.firstDayTyped)
      .option('--to <date>', w.lastDayTyped)
      .option('--class <class>', t.inspectionsClass, collect)
      .option('--all', t.inspectionsAll),
  )
    .addHelpText('after', examples('ezurnals report inspections --from 2026-09-01 --to 2026-11-27 --all --out atskaites', 'ezurnals report inspections --from 2026-11-01 --to 2026-11-30 --class 7.a --class 7.b --json'))
    .action(async (opts: InspectionsReportInput & ReportFlags, command: Command) => {
      await runReport(command, opts, async (ctx) => ({ data: await loadInspectionsData(ctx, opts), documents: inspectionsDocuments }));
    });
}
