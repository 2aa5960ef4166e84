import type { Command } from 'commander';
import { addHoliday, checkDay, listHolidayViews, removeHoliday, type HolidayView } from '../../services/holidays.ts';
import type { Column } from '../output.ts';
import { examples } from '../options.ts';
import { askText, confirmOrSkip } from '../prompt.ts';
import { globalOptions, runCommand } from '../runtime.ts';
import { m } from '../../i18n/messages/calendar-days.ts';
import { m as w } from '../../i18n/messages/words.ts';

/** The kind as the table shows it (the JSON keeps the code that --kind takes). */
function kindLabel(kind: HolidayView['kind']): string {
  switch (kind) {
    case 'school-break':
      return m.kindSchoolBreak;
    case 'holiday':
      return m.kindHoliday;
    case 'working-day':
      return m.kindWorkingDay;
    case 'public':
      return m.kindPublic;
  }
}

// A function: the headers are read in the run's language, not at load time.
const columns = (): Column<HolidayView>[] => [
  { header: w.id, value: (h) => h.id },
  { header: w.from, value: (h) => h.from },
  { header: w.to, value: (h) => h.to },
  { header: w.kind, value: (h) => kindLabel(h.kind) },
  { header: w.thingName, value: (h) => h.name },
];

export function registerHoliday(program: Command): void {
  const holiday = program.command('holiday').description(m.holidayDescription);

  holiday
    .command('add')
    .description(m.addDescription)
    .option('--from <date>', w.firstDay)
    .option('--to <date>', w.lastDayDefaultFrom)
    .option('--name <name>', m.optName)
    .option('--kind <kind>', m.optKind, 'school-break')
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
          opts.from = await askText(opts.from, '--from', m.askFirstDay);
          opts.name = await askText(opts.name, '--name', m.askName);
        },
        run: (ctx) => addHoliday(ctx, opts),
        print: (r, out) => out.data(r, columns()),
      });
    });

  holiday
    .command('remove <id>')
    .addHelpText('after', examples('ezurnals holiday remove 3'))
    .description(m.removeDescription)
    .action(async (id: string, _opts, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: () => confirmOrSkip(globalOptions(command).yes, m.confirmRemove(id)),
        run: (ctx) => removeHoliday(ctx, id),
        print: (r, out) => out.data(r, columns()),
      });
    });

  holiday
    .command('list')
    .description(m.listDescription)
    .option('--from <date>', w.fromDate)
    .option('--to <date>', w.toDate)
    .option('--public', m.optPublic)
    .addHelpText('after', examples('ezurnals holiday list --public --from 2026-09-01 --to 2027-08-31'))
    .action(async (opts: { from?: string; to?: string; public?: boolean }, command: Command) => {
      await runCommand(command, {
        write: false,
        run: (ctx) => listHolidayViews(ctx, { from: opts.from, to: opts.to, includePublic: opts.public }),
        print: (r, out) => out.data(r, columns()),
      });
    });

  program
    .command('calendar <date>')
    .description(m.calendarDescription)
    .option('--add <days>', m.optAdd)
    .addHelpText('after', examples('ezurnals calendar 2027-03-26', 'ezurnals calendar 2026-11-16 --add 3'))
    .action(async (date: string, opts: { add?: string }, command: Command) => {
      await runCommand(command, {
        write: false,
        run: (ctx) => checkDay(ctx, date, opts.add),
        print: (r, out) =>
          out.data(r, [
            { header: w.date, value: (d) => d.date },
            { header: m.colWorkingDay, value: (d) => d.working },
            { header: w.reason, value: (d) => d.reason },
            ...(r.plus ? [{ header: m.colPlus(r.plus.days), value: () => r.plus!.date }] : []),
          ]),
      });
    });
}
