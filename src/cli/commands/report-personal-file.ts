import type { Command } from 'commander';
import { loadPersonalFileReportData, personalFileDocuments } from '../../reports/personal-file-report.ts';
import type { AudienceInput } from '../../reports/audience.ts';
import { collect, examples } from '../options.ts';
import { reportOptions, runReport, type ReportFlags } from './report.ts';

export function registerReportPersonalFile(report: Command): void {
  reportOptions(
    report
      .command('personal-file')
      .description("the printable personal file (personas lieta, §9, §13): the student's data, guardians, classes, the year's grades and term grades, absences and behaviour; one PDF per student")
      .option('--student <code>', 'a student (repeatable)', collect)
      .option('--class <code>', 'every student of a class (repeatable)', collect)
      .option('--all', 'every class of the school'),
  )
    .addHelpText('after', examples('ezurnals report personal-file --student S001 --out lietas', 'ezurnals report personal-file --class 7.a --out lietas'))
    .action(async (opts: AudienceInput & ReportFlags, command: Command) => {
      await runReport(command, opts, async (ctx) => ({ data: await loadPersonalFileReportData(ctx, opts), documents: personalFileDocuments }));
    });
}
