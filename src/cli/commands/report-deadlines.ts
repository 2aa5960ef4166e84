import type { Command } from 'commander';
import { deadlinesDocuments, loadDeadlinesData, type DeadlinesInput } from '../../reports/deadlines.ts';
import { examples } from '../options.ts';
import { reportOptions, runReport, type ReportFlags } from './report.ts';

export function registerReportDeadlines(report: Command): void {
  reportOptions(
    report
      .command('deadlines')
      .description('deadline control (termiņu kontrole): every lesson topic, homework, absence, grade and improvement entered late, with how many working days; one PDF')
      .option('--from <date>', 'first day (YYYY-MM-DD or DD.MM.YYYY)')
      .option('--to <date>', 'last day (YYYY-MM-DD or DD.MM.YYYY)')
      .option('--teacher <code>', "only this teacher's entries")
      .option('--class <code>', "only this class's entries"),
  )
    .addHelpText('after', examples('ezurnals report deadlines --from 2026-09-01 --to 2026-11-30 --out atskaites', 'ezurnals report deadlines --from 01.11.2026 --to 30.11.2026 --teacher T01 --json'))
    .action(async (opts: DeadlinesInput & ReportFlags, command: Command) => {
      await runReport(command, opts, async (ctx) => ({ data: await loadDeadlinesData(ctx, opts), documents: deadlinesDocuments, landscape: true }));
    });
}
