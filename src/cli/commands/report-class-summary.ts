import type { Command } from 'commander';
import { classSummaryDocuments, loadClassSummaryData, type ClassSummaryInput } from '../../reports/class-summary.ts';
import { collect, examples } from '../options.ts';
import { reportOptions, runReport, type ReportFlags } from './report.ts';
import { m as t } from '../../i18n/messages/files-reports.ts';
import { m as w } from '../../i18n/messages/words.ts';

export function registerReportClassSummary(report: Command): void {
  reportOptions(
    report
      .command('class-summary')
      .description(t.classSummaryDescription)
      .option('--class <code>', w.classRepeatable, collect)
      .option('--all', t.optionAll)
      .option('--term <term>', t.classSummaryTerm)
      .option('--month <YYYY-MM>', t.classSummaryMonth),
  )
    .addHelpText(
      'after',
      examples('ezurnals report class-summary --class 7.a --term 1 --out kopsavilkumi', 'ezurnals report class-summary --all --month 2026-10', 'ezurnals report class-summary --class 7.a --class 9.b --term year --json'),
    )
    .action(async (opts: ClassSummaryInput & ReportFlags, command: Command) => {
      await runReport(command, opts, async (ctx) => ({ data: await loadClassSummaryData(ctx, opts), documents: classSummaryDocuments, landscape: true }));
    });
}
