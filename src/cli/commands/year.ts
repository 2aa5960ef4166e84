import type { Command } from 'commander';
import { addYear, listYears, setYear, type YearDatesInput, type YearView } from '../../services/years.ts';
import type { Column } from '../output.ts';
import { examples } from '../options.ts';
import { runCommand } from '../runtime.ts';
import { registerYearEnd } from './year-end.ts';

const columns: Column<YearView>[] = [
  { header: 'year', value: (y) => y.code },
  { header: 'current', value: (y) => (y.current ? '*' : '') },
  { header: 'closed', value: (y) => (y.closed ? 'closed' : '') },
  { header: 'I semester', value: (y) => `${y.semester1_from} – ${y.semester1_to}` },
  { header: 'II semester', value: (y) => `${y.semester2_from} – ${y.semester2_to}` },
  { header: 'breaks', value: (y) => y.breaks.map((b) => `${b.name} ${b.from} – ${b.to}`).join('\n') },
];

function dateOptions(command: Command): Command {
  return command
    .option('--starts <date>', 'first day of the school year')
    .option('--ends <date>', 'last day of the school year')
    .option('--semester1-from <date>', 'I semester start')
    .option('--semester1-to <date>', 'I semester end')
    .option('--semester2-from <date>', 'II semester start')
    .option('--semester2-to <date>', 'II semester end');
}

type DateOpts = { starts?: string; ends?: string; semester1From?: string; semester1To?: string; semester2From?: string; semester2To?: string; current?: boolean };

function toInput(opts: DateOpts): YearDatesInput & { current?: boolean } {
  return {
    startsOn: opts.starts,
    endsOn: opts.ends,
    semester1From: opts.semester1From,
    semester1To: opts.semester1To,
    semester2From: opts.semester2From,
    semester2To: opts.semester2To,
    current: opts.current,
  };
}

export function registerYear(program: Command): void {
  const year = program.command('year').description('school years: semesters and breaks; year end: promotion, closing, opening the next');

  dateOptions(year.command('add <code>').description('add a school year with the usual semester and break dates (each can be overridden)'))
    .option('--current', 'make it the year commands act on by default')
    .addHelpText('after', examples('ezurnals year add 2027/2028', 'ezurnals year add 2027/2028 --semester1-to 2027-12-22 --current'))
    .action(async (code: string, opts: DateOpts, command: Command) => {
      await runCommand(command, { write: true, run: (ctx) => addYear(ctx, { code, ...toInput(opts) }), print: (r, out) => out.data(r, columns) });
    });

  dateOptions(year.command('set <code>').description("change a year's dates, or make it the current year"))
    .option('--current', 'make it the year commands act on by default')
    .addHelpText('after', examples('ezurnals year set 2026/2027 --semester2-to 2027-05-28', 'ezurnals year set 2027/2028 --current'))
    .action(async (code: string, opts: DateOpts, command: Command) => {
      await runCommand(command, { write: true, run: (ctx) => setYear(ctx, code, toInput(opts)), print: (r, out) => out.data(r, columns) });
    });

  year
    .command('list')
    .addHelpText('after', examples('ezurnals year list', 'ezurnals year list --json'))
    .description('list school years')
    .action(async (_opts, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listYears(ctx), print: (r, out) => out.data(r, columns) });
    });

  registerYearEnd(year);
}
