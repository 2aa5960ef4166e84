import type { Command } from 'commander';
import { loadTeacherReportData, teacherReportDocuments, type TeacherReportInput } from '../../reports/teacher-report.ts';
import { collect, examples } from '../options.ts';
import { reportOptions, runReport, type ReportFlags } from './report.ts';

export function registerReportTeacher(report: Command): void {
  reportOptions(
    report
      .command('teacher')
      .description("subject teacher report (mācību priekšmeta skolotāja atskaite): per class-subject the lessons, topics, grade distribution and ungraded students; one PDF per teacher")
      .option('--teacher <code>', 'a teacher (repeatable)', collect)
      .option('--all', 'every teacher with assigned subjects or lessons in the period')
      .option('--term <term>', '1, 2 or year'),
  )
    .addHelpText('after', examples('ezurnals report teacher --teacher T01 --term 1 --out atskaites', 'ezurnals report teacher --all --term year --format html', 'ezurnals report teacher --teacher T01 --teacher T02 --term 2 --json'))
    .action(async (opts: TeacherReportInput & ReportFlags, command: Command) => {
      await runReport(command, opts, async (ctx) => ({ data: await loadTeacherReportData(ctx, opts), documents: teacherReportDocuments }));
    });
}
