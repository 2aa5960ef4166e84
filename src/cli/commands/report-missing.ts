import type { Command } from 'commander';
import { loadMissingLessonsData, missingLessonsDocuments, type MissingLessonsInput } from '../../reports/missing-lessons.ts';
import { examples } from '../options.ts';
import { reportOptions, runReport, type ReportFlags } from './report.ts';

export function registerReportMissing(report: Command): void {
  reportOptions(
    report
      .command('missing')
      .description("lessons the timetable expected on working days that the journal does not hold yet, per teacher: the deputy's daily control (§17); one PDF")
      .option('--date <date>', 'one day')
      .option('--from <date>', 'first day of a period')
      .option('--to <date>', 'last day of a period')
      .option('--teacher <code>', "only this teacher's lessons")
      .option('--class <class>', "only this class's lessons"),
  )
    .addHelpText('after', examples('ezurnals report missing --date 2026-11-27 --json', 'ezurnals report missing --from 2026-11-02 --to 2026-11-27 --teacher T01 --out atskaites'))
    .action(async (opts: MissingLessonsInput & ReportFlags, command: Command) => {
      await runReport(command, opts, async (ctx) => ({ data: await loadMissingLessonsData(ctx, opts), documents: missingLessonsDocuments }));
    });
}
