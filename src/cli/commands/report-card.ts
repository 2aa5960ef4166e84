import type { Command } from 'commander';
import { cardDocuments, cardWarnings, loadCardData, type CardInput } from '../../reports/card.ts';
import { localDateOf } from '../../domain/dates.ts';
import { collect, examples } from '../options.ts';
import { reportOptions, runReport, type ReportFlags } from './report.ts';
import { m as t } from '../../i18n/messages/files-reports.ts';

export function registerReportCard(report: Command): void {
  reportOptions(
    report
      .command('card')
      .description(t.cardDescription)
      .option('--term <term>', t.cardTerm)
      .option('--class <code>', t.optionClassEvery, collect)
      .option('--student <code>', t.optionStudentOne, collect)
      .option('--all', t.optionAll),
  )
    .addHelpText('after', examples('ezurnals report card --term 1 --class 7.a --out liecibas', 'ezurnals report card --term year --student S001 --format html', 'ezurnals report card --term 2 --all --year 2026/2027 --json'))
    .action(async (opts: CardInput & ReportFlags, command: Command) => {
      await runReport(command, opts, async (ctx) => {
        const data = await loadCardData(ctx, opts);
        return { data, documents: cardDocuments, warnings: cardWarnings(data, localDateOf(ctx.now)) };
      });
    });
}
