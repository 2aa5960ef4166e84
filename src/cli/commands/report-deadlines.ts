import type { Command } from 'commander';
import { deadlinesDocuments, loadDeadlinesData, type DeadlinesInput } from '../../reports/deadlines.ts';
import { examples } from '../options.ts';
import { reportOptions, runReport, type ReportFlags } from './report.ts';
import { m as t } from '../../i18n/messages/files-reports.ts';
import { m as w } from '../../i18n/messages/words.ts';

export function registerReportDeadlines(report: Command): void {
  reportOptions(
    report
      .command('deadlines')
      .description(t.deadlinesDescription)
      .option('--from <date>', w.firstDayTyped)
      .option('--to <date>', w.lastDayTyped)
      .option('--teacher <code>', t.optionTeacherOnly)
      .option('--class <code>', t.optionClassOnly),
  )
    .addHelpText('after', examples('ezurnals report deadlines --from 2026-09-01 --to 2026-11-30 --out atskaites', 'ezurnals report deadlines --from 01.11.2026 --to 30.11.2026 --teacher T01 --json'))
    .action(async (opts: DeadlinesInput & ReportFlags, command: Command) => {
      await runReport(command, opts, async (ctx) => ({ data: await loadDeadlinesData(ctx, opts), documents: deadlinesDocuments, landscape: true }));
    });
}
