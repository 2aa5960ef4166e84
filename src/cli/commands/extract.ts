import type { Command } from 'commander';
import { recordExtractAck, type ExtractAckInput, type ExtractAckResult } from '../../services/extract-acks.ts';
import type { Column } from '../output.ts';
import { examples } from '../options.ts';
import { runCommand } from '../runtime.ts';
import { m as t } from '../../i18n/messages/journal-notes.ts';
import { m as w } from '../../i18n/messages/words.ts';

// A function, not a constant: the headers are read in the run's language.
const columns = (): Column<ExtractAckResult>[] => [
  { header: w.id, value: (a) => a.id },
  { header: t.colMonth, value: (a) => a.month },
  { header: w.student, value: (a) => `${a.student_name} (${a.student})` },
  { header: w.class, value: (a) => a.classes.join(', ') },
  { header: t.colReturned, value: (a) => a.returned_on },
  { header: t.colDue, value: (a) => a.due_on },
  { header: t.colDaysLate, value: (a) => a.days_late },
  { header: w.guardian, value: (a) => a.guardian },
  { header: w.note, value: (a) => a.note },
  { header: t.colRecorded, value: (a) => `${a.recorded_by} ${a.recorded_at}` },
  { header: w.change, value: (a) => a.change },
];

export function registerExtract(program: Command): void {
  const extract = program.command('extract').description(t.extractFamily);

  extract
    .command('ack')
    .description(t.extractAck)
    .option('--student <code>', w.student)
    .option('--month <YYYY-MM>', t.extractMonth)
    .option('--date <date>', t.extractDate)
    .option('--guardian <id|name>', t.extractGuardian)
    .option('--note <text>', w.note)
    .option('--replace', t.extractReplace)
    .addHelpText('after', examples('ezurnals extract ack --student S001 --month 2026-10 --guardian "Ilze Bērziņa" --as T01', 'ezurnals extract ack --student S001 --month 2026-10 --date 2026-11-09 --replace --as T01 --json'))
    .action(async (opts: ExtractAckInput, command: Command) => {
      await runCommand(command, { write: true, run: (ctx) => recordExtractAck(ctx, opts), print: (r, out) => out.data(r, columns()) });
    });
}
