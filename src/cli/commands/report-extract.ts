import type { Command } from 'commander';
import { extractDocuments, loadExtractData, type ExtractInput } from '../../reports/extract.ts';
import { collect, examples } from '../options.ts';
import { reportOptions, runReport, type ReportFlags } from './report.ts';
import { m as t } from '../../i18n/messages/files-reports.ts';

export function registerReportExtract(report: Command): void {
  reportOptions(
    report
      .command('extract')
      .description(t.extractDescription)
      .option('--month <YYYY-MM>', t.optionMonth)
      .option('--term <1|2>', t.extractTerm)
      .option('--class <code>', t.optionClassEvery, collect)
      .option('--student <code>', t.optionStudentOne, collect)
      .option('--all', t.optionAll),
  )
    .addHelpText(
      'after',
      examples('ezurnals report extract --month 2026-10 --class 7.a --out izraksti', 'ezurnals report extract --month 2026-10 --student S001 --format html', 'ezurnals report extract --month 2026-10 --all --json > izraksti.json', 'ezurnals report extract --term 1 --class 7.a --out izraksti'),
    )
    .action(async (opts: ExtractInput & ReportFlags, command: Command) => {
      await runReport(command, opts, async (ctx) => ({ data: await loadExtractData(ctx, opts), documents: extractDocuments }));
    });
}
