import type { Command } from 'commander';
import { addHoliday, checkDay, listHolidayViews, removeHoliday, type HolidayView } from '../../services/holidays.ts';
import type { Column } from '../output.ts';
import { examples } from '../options.ts';
import { askText, confirmOrSkip } from '../prompt.ts';
import { globalOptions, runCommand } from '../runtime.ts';

const columns: Column<HolidayView>[] = [
  { header: 'id', value: (h) => h.id },
  { header: 'from', value: (h) => h.from },
  { header: 'to', value: (h) => h.to },
  { header: 'kind', value: (h) => h.kind },
  { header: 'name', value: (h) => h.name },
];

export function registerHoliday(program: Command): void {
  const holiday = program.command('holiday').description("the editable calendar: school breaks, one-off public holidays, moved working days");

  holiday
    .command('add')
    .description('add a school break, a one-off public holiday, or a Saturday made a working day')
    .option('--from <date>', 'first day')
    .option('--to <date>', 'last day (default: --from)')
    .option('--name <name>', 'name, e.g. "Rudens brīvlaiks"')
    .option('--kind <kind>', 'school-break | holiday | working-day', 'school-break')
    .addHelpText(
      'after',
      examples(
        'ezurnals holiday add --from 2027-02-15 --to 2027-02-19 --name "Ziemas sporta brīvlaiks"',
        'ezurnals holiday add --from 2023-05-29 --kind holiday --name "Hokeja bronzas diena"',
        'ezurnals holiday add --from 2027-05-08 --kind working-day --name "Pārceltā darba diena"',
      ),
    )
    .action(async (opts: { from?: string; to?: string; name?: string; kind?: string }, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async () => {
          opts.from = await askText(opts.from, '--from', 'First day (YYYY-MM-DD)');
          opts.name = await askText(opts.name, '--name', 'Name');
        },
        run: (ctx) => addHoliday(ctx, opts),
        print: (r, out) => out.data(r, columns),
      });
    });

  holiday
    .command('remove <id>')
    .addHelpText('after', examples('ezurnals holiday remove 3'))
    .description('remove an entry of the editable calendar')
    .action(async (id: string, _opts, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: () => confirmOrSkip(globalOptions(command).yes, `Remove calendar entry ${id}?`),
        run: (ctx) => removeHoliday(ctx, id),
        print: (r, out) => out.data(r, columns),
      });
    });

  holiday
    .command('list')
    .description('list calendar entries')
    .option('--from <date>', 'from date')
    .option('--to <date>', 'to date')
    .option('--public', 'include the built-in Latvian public holidays')
    .addHelpText('after', examples('ezurnals holiday list --public --from 2026-09-01 --to 2027-08-31'))
    .action(async (opts: { from?: string; to?: string; public?: boolean }, command: Command) => {
      await runCommand(command, {
        write: false,
        run: (ctx) => listHolidayViews(ctx, { from: opts.from, to: opts.to, includePublic: opts.public }),
        print: (r, out) => out.data(r, columns),
      });
    });

  program
    .command('calendar <date>')
    .description('is this a working day? (weekends, public holidays, school breaks); --add N gives the N-th working day after it')
    .option('--add <days>', 'working days to add')
    .addHelpText('after', examples('ezurnals calendar 2027-03-26', 'ezurnals calendar 2026-11-16 --add 3'))
    .action(async (date: string, opts: { add?: string }, command: Command) => {
      await runCommand(command, {
        write: false,
        run: (ctx) => checkDay(ctx, date, opts.add),
        print: (r, out) =>
          out.data(r, [
            { header: 'date', value: (d) => d.date },
            { header: 'working day', value: (d) => d.working },
            { header: 'reason', value: (d) => d.reason },
            ...(r.plus ? [{ header: `+${r.plus.days} working days`, value: () => r.plus!.date }] : []),
          ]),
      });
    });
}
