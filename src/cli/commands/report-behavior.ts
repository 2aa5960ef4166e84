import type { Command } from 'commander';
import { behaviorReportDocuments, loadBehaviorReportData, type BehaviorReportInput } from '../../reports/behavior-report.ts';
import { collect, examples } from '../options.ts';
import { reportOptions, runReport, type ReportFlags } from './report.ts';
import { m as t } from '../../i18n/messages/files-reports.ts';
import { m as w } from '../../i18n/messages/words.ts';

export function registerReportBehavior(report: Command): void {
  reportOptions(
    report
      .command('behavior')
      .description(t.behaviorDescription)
      .option('--class <code>', w.classRepeatable, collect)
      .option('--student <code>', t.optionStudentRepeatable, collect)
      .option('--all', t.optionAll)
      .option('--from <date>', w.firstDayTyped)
      .option('--to <date>', w.lastDayTyped),
  )
    .addHelpText('after', examples('ezurnals report behavior --class 7.a --from 2026-09-01 --to 2026-12-18 --out atskaites', 'ezurnals report behavior --all --from 01.10.2026 --to 31.10.2026 --json'))
    .action(async (opts: BehaviorReportInput & ReportFlags, command: Command) => {
      await runReport(command, opts, async (ctx) => ({ data: await loadBehaviorReportData(ctx, opts), documents: behaviorReportDocuments }));
    });
}
