import type { Command } from 'commander';
import { behaviorReportDocuments, loadBehaviorReportData, type BehaviorReportInput } from '../../reports/behavior-report.ts';
import { collect, examples } from '../options.ts';
import { reportOptions, runReport, type ReportFlags } from './report.ts';

export function registerReportBehavior(report: Command): void {
  reportOptions(
    report
      .command('behavior')
      .description('behaviour journal report: per student the positive and negative remarks with dates and authors, totals per class; one PDF per class')
      .option('--class <code>', 'a class (repeatable)', collect)
      .option('--student <code>', 'a student (repeatable)', collect)
      .option('--all', 'every class of the school')
      .option('--from <date>', 'first day (YYYY-MM-DD or DD.MM.YYYY)')
      .option('--to <date>', 'last day (YYYY-MM-DD or DD.MM.YYYY)'),
  )
    .addHelpText('after', examples('ezurnals report behavior --class 7.a --from 2026-09-01 --to 2026-12-18 --out atskaites', 'ezurnals report behavior --all --from 01.10.2026 --to 31.10.2026 --json'))
    .action(async (opts: BehaviorReportInput & ReportFlags, command: Command) => {
      await runReport(command, opts, async (ctx) => ({ data: await loadBehaviorReportData(ctx, opts), documents: behaviorReportDocuments }));
    });
}
