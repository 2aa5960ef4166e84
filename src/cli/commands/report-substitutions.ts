import type { Command } from 'commander';
import { loadSubstitutionsData, substitutionsDocuments, type SubstitutionsInput } from '../../reports/substitutions.ts';
import { examples } from '../options.ts';
import { reportOptions, runReport, type ReportFlags } from './report.ts';
import { m as t } from '../../i18n/messages/files-reports.ts';
import { m as w } from '../../i18n/messages/words.ts';

export function registerReportSubstitutions(report: Command): void {
  reportOptions(
    report
      .command('substitutions')
      .description(t.substitutionsDescription)
      .option('--from <date>', w.firstDayTyped)
      .option('--to <date>', w.lastDayTyped),
  )
    .addHelpText('after', examples('ezurnals report substitutions --from 2026-09-01 --to 2026-12-18 --out atskaites', 'ezurnals report substitutions --from 01.10.2026 --to 31.10.2026 --json'))
    .action(async (opts: SubstitutionsInput & ReportFlags, command: Command) => {
      await runReport(command, opts, async (ctx) => ({ data: await loadSubstitutionsData(ctx, opts), documents: substitutionsDocuments }));
    });
}
