import type { Command } from 'commander';
import { recordExtractAck, type ExtractAckInput, type ExtractAckResult } from '../../services/extract-acks.ts';
import type { Column } from '../output.ts';
import { examples } from '../options.ts';
import { runCommand } from '../runtime.ts';

const columns: Column<ExtractAckResult>[] = [
  { header: 'id', value: (a) => a.id },
  { header: 'month', value: (a) => a.month },
  { header: 'student', value: (a) => `${a.student_name} (${a.student})` },
  { header: 'class', value: (a) => a.classes.join(', ') },
  { header: 'returned', value: (a) => a.returned_on },
  { header: 'due', value: (a) => a.due_on },
  { header: 'days late', value: (a) => a.days_late },
  { header: 'guardian', value: (a) => a.guardian },
  { header: 'note', value: (a) => a.note },
  { header: 'recorded', value: (a) => `${a.recorded_by} ${a.recorded_at}` },
  { header: 'change', value: (a) => a.change },
];

export function registerExtract(program: Command): void {
  const extract = program.command('extract').description("monthly grade extracts: the parents' signed return slips");

  extract
    .command('ack')
    .description("record that a student's extract slip came back signed by a parent (class teacher, deputy or admin)")
    .option('--student <code>', 'student')
    .option('--month <YYYY-MM>', 'the month of the extract, e.g. 2026-10')
    .option('--date <date>', 'the day it came back (default: today)')
    .option('--guardian <id|name>', 'the parent who signed: guardian id or name')
    .option('--note <text>', 'note')
    .option('--replace', 'record anew a slip already recorded for that month')
    .addHelpText('after', examples('ezurnals extract ack --student S001 --month 2026-10 --guardian "Ilze Bērziņa" --as T01', 'ezurnals extract ack --student S001 --month 2026-10 --date 2026-11-09 --replace --as T01 --json'))
    .action(async (opts: ExtractAckInput, command: Command) => {
      await runCommand(command, { write: true, run: (ctx) => recordExtractAck(ctx, opts), print: (r, out) => out.data(r, columns) });
    });
}
