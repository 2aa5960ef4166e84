import type { Command } from 'commander';
import { classSummaryDocuments, loadClassSummaryData, type ClassSummaryInput } from '../../reports/class-summary.ts';
import { collect, examples } from '../options.ts';
import { reportOptions, runReport, type ReportFlags } from './report.ts';

export function registerReportClassSummary(report: Command): void {
  reportOptions(
    report
      .command('class-summary')
      .description('class grades summary (klases sekmju kopsavilkums): students × subjects, absences, class averages; one landscape PDF per class')
      .option('--class <code>', 'a class (repeatable)', collect)
      .option('--all', 'every class of the school')
      .option('--term <term>', '1, 2 or year: the semester or annual grades, or the period average where one is missing (default: the semester today falls in)')
      .option('--month <YYYY-MM>', "the month's averages instead of a term"),
  )
    .addHelpText(
      'after',
      examples('ezurnals report class-summary --class 7.a --term 1 --out kopsavilkumi', 'ezurnals report class-summary --all --month 2026-10', 'ezurnals report class-summary --class 7.a --class 9.b --term year --json'),
    )
    .action(async (opts: ClassSummaryInput & ReportFlags, command: Command) => {
      await runReport(command, opts, async (ctx) => ({ data: await loadClassSummaryData(ctx, opts), documents: classSummaryDocuments, landscape: true }));
    });
}
