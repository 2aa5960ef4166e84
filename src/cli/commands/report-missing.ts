import type { Command } from 'commander';
import { loadMissingLessonsData, missingLessonsDocuments, type MissingLessonsInput } from '../../reports/missing-lessons.ts';
import { examples } from '../options.ts';
import { reportOptions, runReport, type ReportFlags } from './report.ts';
import { m as t } from '../../i18n/messages/files-reports.ts';

export function registerReportMissing(report: Command): void {
  reportOptions(
    report
      .command('missing')
      .description(t.missingDescription)
      .option('--date <date>', t.missingDate)
      .option('--from <date>', t.missingFrom)
      .option('--to <date>', t.missingTo)
      .option('--teacher <code>', t.missingTeacher)
      .option('--class <class>', t.missingClass),
  )
    .addHelpText('after', examples('ezurnals report missing --date 2026-11-27 --json', 'ezurnals report missing --from 2026-11-02 --to 2026-11-27 --teacher T01 --out atskaites'))
    .action(async (opts: MissingLessonsInput & ReportFlags, command: Command) => {
      await runReport(command, opts, async (ctx) => ({ data: await loadMissingLessonsData(ctx, opts), documents: missingLessonsDocuments }));
    });
}
