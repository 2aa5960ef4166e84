import type { Command } from 'commander';
import { cardDocuments, cardWarnings, loadCardData, type CardInput } from '../../reports/card.ts';
import { localDateOf } from '../../domain/dates.ts';
import { collect, examples } from '../options.ts';
import { reportOptions, runReport, type ReportFlags } from './report.ts';

export function registerReportCard(report: Command): void {
  reportOptions(
    report
      .command('card')
      .description('semester or annual report card (liecība) per student, with the promotion decision on the annual card; one PDF per student and one per class')
      .option('--term <term>', '1 or 2 (semester cards) or year (the annual card)')
      .option('--class <code>', 'every student of a class (repeatable)', collect)
      .option('--student <code>', 'one student (repeatable)', collect)
      .option('--all', 'every class of the school'),
  )
    .addHelpText('after', examples('ezurnals report card --term 1 --class 7.a --out liecibas', 'ezurnals report card --term year --student S001 --format html', 'ezurnals report card --term 2 --all --year 2026/2027 --json'))
    .action(async (opts: CardInput & ReportFlags, command: Command) => {
      await runReport(command, opts, async (ctx) => {
        const data = await loadCardData(ctx, opts);
        return { data, documents: cardDocuments, warnings: cardWarnings(data, localDateOf(ctx.now)) };
      });
    });
}
