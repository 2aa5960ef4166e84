import type { Command } from 'commander';
import { extractStatusDocuments, loadExtractStatusData, type ExtractStatusInput } from '../../reports/extract-status.ts';
import { collect, examples } from '../options.ts';
import { reportOptions, runReport, type ReportFlags } from './report.ts';
import { m as t } from '../../i18n/messages/files-reports.ts';

export function registerReportExtractStatus(report: Command): void {
  reportOptions(
    report
      .command('extract-status')
      .description(t.extractStatusDescription)
      .option('--month <YYYY-MM>', t.extractStatusMonth)
      .option('--class <code>', t.extractStatusClass, collect)
      .option('--all', t.extractStatusAll),
  )
    .addHelpText('after', examples('ezurnals report extract-status --month 2026-10 --out atskaites', 'ezurnals report extract-status --month 2026-10 --class 7.a --format html', 'ezurnals report extract-status --month 2026-10 --json'))
    .action(async (opts: ExtractStatusInput & ReportFlags, command: Command) => {
      await runReport(command, opts, async (ctx) => ({ data: await loadExtractStatusData(ctx, opts), documents: extractStatusDocuments }));
    });
}
