import type { Command } from 'commander';
import { loadPersonalFileReportData, personalFileDocuments } from '../../reports/personal-file-report.ts';
import type { AudienceInput } from '../../reports/audience.ts';
import { collect, examples } from '../options.ts';
import { reportOptions, runReport, type ReportFlags } from './report.ts';
import { m as t } from '../../i18n/messages/files-reports.ts';

export function registerReportPersonalFile(report: Command): void {
  reportOptions(
    report
      .command('personal-file')
      .description(t.personalFileDescription)
      .option('--student <code>', t.optionStudentRepeatable, collect)
      .option('--class <code>', t.optionClassEvery, collect)
      .option('--all', t.optionAll),
  )
    .addHelpText('after', examples('ezurnals report personal-file --student S001 --out lietas', 'ezurnals report personal-file --class 7.a --out lietas'))
    .action(async (opts: AudienceInput & ReportFlags, command: Command) => {
      await runReport(command, opts, async (ctx) => ({ data: await loadPersonalFileReportData(ctx, opts), documents: personalFileDocuments }));
    });
}
