import type { Command } from 'commander';
import { addYear, listYears, setYear, type YearDatesInput, type YearView } from '../../services/years.ts';
import type { Column } from '../output.ts';
import { examples } from '../options.ts';
import { runCommand } from '../runtime.ts';
import { m } from '../../i18n/messages/calendar-years.ts';
import { m as w } from '../../i18n/messages/words.ts';
import { registerYearEnd } from './year-end.ts';

// A function: the headers are read in the run's language, not at load time.
const columns = (): Column<YearView>[] => [
  { header: w.year, value: (y) => y.code },
  { header: m.colCurrent, value: (y) => (y.current ? '*' : '') },
  { header: m.colClosed, value: (y) => (y.closed ? m.closedMark : '') },
  { header: m.colSemester1, value: (y) => `${y.semester1_from} – ${y.semester1_to}` },
  { header: m.colSemester2, value: (y) => `${y.semester2_from} – ${y.semester2_to}` },
  { header: m.colBreaks, value: (y) => y.breaks.map((b) => `${b.name} ${b.from} – ${b.to}`).join('\n') },
];

function dateOptions(command: Command): Command {
  return command
    .option('--starts <date>', m.optStarts)
    .option('--ends <date>', m.optEnds)
    .option('--semester1-from <date>', m.optSemester1From)
    .option('--semester1-to <date>', m.optSemester1To)
    .option('--semester2-from <date>', m.optSemester2From)
    .option('--semester2-to <date>', m.optSemester2To);
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
  const year = program.command('year').description(m.yearDescription);

  dateOptions(year.command('add <code>').description(m.addDescription))
    .option('--current', m.optCurrent)
    .addHelpText('after', examples('ezurnals year add 2027/2028', 'ezurnals year add 2027/2028 --semester1-to 2027-12-22 --current'))
    .action(async (code: string, opts: DateOpts, command: Command) => {
      await runCommand(command, { write: true, run: (ctx) => addYear(ctx, { code, ...toInput(opts) }), print: (r, out) => out.data(r, columns()) });
    });

  dateOptions(year.command('set <code>').description(m.setDescription))
    .option('--current', m.optCurrent)
    .addHelpText('after', examples('ezurnals year set 2026/2027 --semester2-to 2027-05-28', 'ezurnals year set 2027/2028 --current'))
    .action(async (code: string, opts: DateOpts, command: Command) => {
      await runCommand(command, { write: true, run: (ctx) => setYear(ctx, code, toInput(opts)), print: (r, out) => out.data(r, columns()) });
    });

  year
    .command('list')
    .addHelpText('after', examples('ezurnals year list', 'ezurnals year list --json'))
    .description(m.listDescription)
    .action(async (_opts, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listYears(ctx), print: (r, out) => out.data(r, columns()) });
    });

  registerYearEnd(year);
}
