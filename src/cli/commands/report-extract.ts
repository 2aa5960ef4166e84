import type { Command } from 'commander';
import { extractDocuments, loadExtractData, type ExtractInput } from '../../reports/extract.ts';
import { collect, examples } from '../options.ts';
import { reportOptions, runReport, type ReportFlags } from './report.ts';

export function registerReportExtract(report: Command): void {
  reportOptions(
    report
      .command('extract')
      .description("monthly grade extract (sekmju izraksts) per student with the parents' return slip; one PDF per student and one per class")
      .option('--month <YYYY-MM>', 'the month, e.g. 2026-10')
      .option('--term <1|2>', 'a semester extract (§28.1) instead of a month: 1 (I semester) or 2 (II semester) of the current (or --year) school year')
      .option('--class <code>', 'every student of a class (repeatable)', collect)
      .option('--student <code>', 'one student (repeatable)', collect)
      .option('--all', 'every class of the school'),
  )
    .addHelpText(
      'after',
      examples('ezurnals report extract --month 2026-10 --class 7.a --out izraksti', 'ezurnals report extract --month 2026-10 --student S001 --format html', 'ezurnals report extract --month 2026-10 --all --json > izraksti.json', 'ezurnals report extract --term 1 --class 7.a --out izraksti'),
    )
    .action(async (opts: ExtractInput & ReportFlags, command: Command) => {
      await runReport(command, opts, async (ctx) => ({ data: await loadExtractData(ctx, opts), documents: extractDocuments }));
    });
}
