import type { Command } from 'commander';
import { loadSummaryJournalData, summaryJournalDocuments, type SummaryJournalInput } from '../../reports/summary-journal.ts';
import { collect, examples } from '../options.ts';
import { reportOptions, runReport, type ReportFlags } from './report.ts';

export function registerReportSummaryJournal(report: Command): void {
  reportOptions(
    report
      .command('summary-journal')
      .description('learning achievements summary journal (mācību sasniegumu kopsavilkuma žurnāls): students × subjects with semester, annual, exam and make-up grades and the promotion decisions; one landscape PDF per class')
      .option('--class <code>', 'a class (repeatable)', collect)
      .option('--all', 'every class of the school'),
  )
    .addHelpText('after', examples('ezurnals report summary-journal --class 7.a --year 2026/2027 --out zurnali', 'ezurnals report summary-journal --all --format html', 'ezurnals report summary-journal --class 9.b --json'))
    .action(async (opts: SummaryJournalInput & ReportFlags, command: Command) => {
      await runReport(command, opts, async (ctx) => ({ data: await loadSummaryJournalData(ctx, opts), documents: summaryJournalDocuments, landscape: true }));
    });
}
