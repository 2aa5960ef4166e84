import type { Command } from 'commander';
import { loadClassJournals, type ClassJournalInput } from '../../reports/class-journal.ts';
import { collect, examples } from '../options.ts';
import { reportOptions, runReport, type ReportFlags } from './report.ts';
import { m as t } from '../../i18n/messages/files-reports.ts';
import { m as w } from '../../i18n/messages/words.ts';

export function registerReportJournal(report: Command): void {
  reportOptions(
    report
      .command('journal')
      .description(t.journalDescription)
      .option('--class <code>', w.classRepeatable, collect)
      .option('--all', t.optionAll)
      .option('--subject <code>', t.journalSubject, collect)
      .option('--from <date>', t.journalFrom)
      .option('--to <date>', t.journalTo)
      .option('--term <term>', t.journalTerm),
  )
    .addHelpText(
      'after',
      examples('ezurnals report journal --class 7.a --out zurnali', 'ezurnals report journal --class 7.a --subject mat --term 1', 'ezurnals report journal --all --year 2026/2027 --out arhivs', 'ezurnals report journal --class 9.b --from 01.09.2026 --to 30.10.2026 --json'),
    )
    .action(async (opts: ClassJournalInput & ReportFlags, command: Command) => {
      await runReport(command, opts, (ctx) => loadClassJournals(ctx, opts));
    });
}
