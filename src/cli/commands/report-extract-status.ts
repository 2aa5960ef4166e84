import type { Command } from 'commander';
import { extractStatusDocuments, loadExtractStatusData, type ExtractStatusInput } from '../../reports/extract-status.ts';
import { collect, examples } from '../options.ts';
import { reportOptions, runReport, type ReportFlags } from './report.ts';

export function registerReportExtractStatus(report: Command): void {
  reportOptions(
    report
      .command('extract-status')
      .description("who has returned the month's grade extract slip, per class, and how late (the deputy's check)")
      .option('--month <YYYY-MM>', 'the month of the extracts, e.g. 2026-10')
      .option('--class <code>', 'one class (repeatable)', collect)
      .option('--all', 'every class of the school (the default)'),
  )
    .addHelpText('after', examples('ezurnals report extract-status --month 2026-10 --out atskaites', 'ezurnals report extract-status --month 2026-10 --class 7.a --format html', 'ezurnals report extract-status --month 2026-10 --json'))
    .action(async (opts: ExtractStatusInput & ReportFlags, command: Command) => {
      await runReport(command, opts, async (ctx) => ({ data: await loadExtractStatusData(ctx, opts), documents: extractStatusDocuments }));
    });
}
