import type { Command } from 'commander';
import { loadTeacherReportData, teacherReportDocuments, type TeacherReportInput } from '../../reports/teacher-report.ts';
import { collect, examples } from '../options.ts';
import { reportOptions, runReport, type ReportFlags } from './report.ts';
import { m as t } from '../../i18n/messages/files-reports.ts';

export function registerReportTeacher(report: Command): void {
  reportOptions(
    report
      .command('teacher')
      .description(t.teacherDescription)
      .option('--teacher <code>', t.teacherTeacher, collect)
      .option('--all', t.teacherAll)
      .option('--term <term>', t.teacherTerm),
  )
    .addHelpText('after', examples('ezurnals report teacher --teacher T01 --term 1 --out atskaites', 'ezurnals report teacher --all --term year --format html', 'ezurnals report teacher --teacher T01 --teacher T02 --term 2 --json'))
    .action(async (opts: TeacherReportInput & ReportFlags, command: Command) => {
      await runReport(command, opts, async (ctx) => ({ data: await loadTeacherReportData(ctx, opts), documents: teacherReportDocuments }));
    });
}
