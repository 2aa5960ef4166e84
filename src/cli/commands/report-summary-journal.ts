import type { Command } from 'commander';
import { loadSummaryJournalData, summaryJournalDocuments, type SummaryJournalInput } from '../../reports/summary-journal.ts';
import { collect, examples } from '../options.ts';
import { reportOptions, runReport, type ReportFlags } from './report.ts';
import { m as t } from '../../i18n/messages/files-reports.ts';
import { m as w } from '../../i18n/messages/words.ts';

export function registerReportSummaryJournal(report: Command): void {
  reportOptions(
    report
      .command('summary-journal')
      .description(t.summaryJournalDescription)
      .option('--class <code>', w.classRepeatable, collect)
      .option('--all', t.optionAll),
  )
    .addHelpText('after', examples('ezurnals report summary-journal --class 7.a --year 2026/2027 --out zurnali', 'ezurnals report summary-journal --all --format html', 'ezurnals report summary-journal --class 9.b --json'))
    .action(async (opts: SummaryJournalInput & ReportFlags, command: Command) => {
      await runReport(command, opts, async (ctx) => ({ data: await loadSummaryJournalData(ctx, opts), documents: summaryJournalDocuments, landscape: true }));
    });
}
