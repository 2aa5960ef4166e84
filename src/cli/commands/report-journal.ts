import type { Command } from 'commander';
import { loadClassJournals, type ClassJournalInput } from '../../reports/class-journal.ts';
import { collect, examples } from '../options.ts';
import { reportOptions, runReport, type ReportFlags } from './report.ts';

export function registerReportJournal(report: Command): void {
  reportOptions(
    report
      .command('journal')
      .description(
        'the printed class journal (klases žurnāls) as an inspector reads it: per subject every lesson (date, number, teacher, substitutes marked, topic, homework) and the grid of grades and absences, then the behaviour journal, safety briefings, conversations with parents and notes for parents; one landscape PDF per class',
      )
      .option('--class <code>', 'a class (repeatable)', collect)
      .option('--all', 'every class of the school')
      .option('--subject <code>', 'only this subject (repeatable); leaves out the behaviour journal and the appendices', collect)
      .option('--from <date>', 'first day (YYYY-MM-DD or DD.MM.YYYY); default the start of the school year')
      .option('--to <date>', 'last day (YYYY-MM-DD or DD.MM.YYYY); default the end of the school year')
      .option('--term <term>', '1, 2 or year, instead of --from/--to'),
  )
    .addHelpText(
      'after',
      examples('ezurnals report journal --class 7.a --out zurnali', 'ezurnals report journal --class 7.a --subject mat --term 1', 'ezurnals report journal --all --year 2026/2027 --out arhivs', 'ezurnals report journal --class 9.b --from 01.09.2026 --to 30.10.2026 --json'),
    )
    .action(async (opts: ClassJournalInput & ReportFlags, command: Command) => {
      await runReport(command, opts, (ctx) => loadClassJournals(ctx, opts));
    });
}
