import type { Command } from 'commander';
import type { TimetableSlotView } from '../../db/repositories/timetable.ts';
import { WEEKDAY_NAMES } from '../../domain/timetable.ts';
import { clearTimetableSlot, listTimetable, setTimetableSlot, type TimetableChange, type TimetableListFilter, type TimetablePlaceInput, type TimetableSlotInput } from '../../services/timetable.ts';
import type { Column } from '../output.ts';
import { examples } from '../options.ts';
import { runCommand } from '../runtime.ts';

const columns: Column<TimetableSlotView>[] = [
  { header: 'class', value: (s) => s.class },
  { header: 'weekday', value: (s) => `${s.weekday} ${WEEKDAY_NAMES.lv[s.weekday - 1]}` },
  { header: 'no.', value: (s) => s.number },
  { header: 'subject', value: (s) => `${s.subject_name} (${s.subject})${s.group ? `, group ${s.group}` : ''}` },
  { header: 'teacher', value: (s) => `${s.teacher_name} (${s.teacher})` },
  { header: 'from', value: (s) => s.valid_from },
  { header: 'to', value: (s) => s.valid_to },
];

type SetResult = TimetableSlotView & { outcome: TimetableChange['outcome'] };

/** --class, --weekday and --number: a place in the timetable. */
function placeOptions(command: Command): Command {
  return command
    .option('--class <class>', 'class')
    .option('--group <code>', "a group's lesson instead of a class's (the group's classes; other groups keep theirs)")
    .option('--weekday <n>', 'weekday: 1 Monday … 5 Friday (6 Saturday), or its name')
    .option('--number <n>', 'lesson number in the day');
}

export function registerTimetable(program: Command): void {
  const timetable = program.command('timetable').description("the weekly timetable: which lessons each class has (regulation §17); deputies and admins keep it");

  placeOptions(timetable.command('set').description('put a subject into a class\'s lesson from a day on; the lesson it had ends the day before'))
    .option('--subject <code>', 'subject')
    .option('--teacher <code>', 'teacher (default: the one assigned to the class and subject)')
    .option('--from <date>', 'first day of the change (default: today; before the year begins, its first day)')
    .addHelpText('after', examples('ezurnals timetable set --class 7.a --weekday 1 --number 2 --subject mat --as D01', 'ezurnals timetable set --class 7.a --weekday 3 --number 4 --subject lv --teacher T02 --from 2027-01-11 --as D01', 'ezurnals timetable set --group 7a-ang1 --weekday 1 --number 3 --as D01'))
    .action(async (opts: TimetableSlotInput, command: Command) => {
      await runCommand(command, {
        write: true,
        run: (ctx) => setTimetableSlot(ctx, opts),
        print: (r, out) => {
          out.data<SetResult>({ ...r.slot, outcome: r.outcome }, [...columns, { header: 'outcome', value: (s) => s.outcome }]);
          if (r.outcome === 'unchanged') out.info('The timetable already had this lesson: nothing changed.');
        },
      });
    });

  placeOptions(timetable.command('clear').description('free a class\'s lesson from a day on; the days before keep it'))
    .option('--from <date>', 'first day without the lesson (default: today)')
    .addHelpText('after', examples('ezurnals timetable clear --class 7.a --weekday 5 --number 6 --from 2027-01-11 --as D01'))
    .action(async (opts: TimetablePlaceInput, command: Command) => {
      await runCommand(command, {
        write: true,
        run: (ctx) => clearTimetableSlot(ctx, opts),
        print: (r, out) => {
          if (out.json) return out.raw(r);
          out.data(r.ended, columns);
          out.info(`Ended ${r.ended.length} lesson(s)${r.removed > 0 ? `, dropped ${r.removed} that had not started yet` : ''}.`);
        },
      });
    });

  timetable
    .command('list')
    .description('the timetable as it holds on one day')
    .option('--class <class>', 'one class')
    .option('--teacher <code>', "one teacher's lessons")
    .option('--on <date>', 'the day (default: today)')
    .addHelpText('after', examples('ezurnals timetable list --class 7.a', 'ezurnals timetable list --teacher T01 --on 2026-10-05 --json'))
    .action(async (opts: TimetableListFilter, command: Command) => {
      await runCommand(command, {
        write: false,
        run: (ctx) => listTimetable(ctx, opts),
        print: (r, out) => out.data(r, columns),
      });
    });
}
