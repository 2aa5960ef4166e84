import type { Command } from 'commander';
import type { TimetableSlotView } from '../../db/repositories/timetable.ts';
import { WEEKDAY_NAMES } from '../../domain/timetable.ts';
import { clearTimetableSlot, listTimetable, setTimetableSlot, type TimetableChange, type TimetableListFilter, type TimetablePlaceInput, type TimetableSlotInput } from '../../services/timetable.ts';
import type { Column } from '../output.ts';
import { examples } from '../options.ts';
import { runCommand } from '../runtime.ts';
import { m } from '../../i18n/messages/calendar-timetable.ts';
import { m as w } from '../../i18n/messages/words.ts';

// A function: the headers are read in the run's language, not at load time.
const columns = (): Column<TimetableSlotView>[] => [
  { header: w.class, value: (s) => s.class },
  { header: m.colWeekday, value: (s) => `${s.weekday} ${WEEKDAY_NAMES.lv[s.weekday - 1]}` },
  { header: w.lessonNumber, value: (s) => s.number },
  { header: w.subject, value: (s) => `${s.subject_name} (${s.subject})${s.group ? m.groupSuffix(s.group) : ''}` },
  { header: w.teacher, value: (s) => `${s.teacher_name} (${s.teacher})` },
  { header: w.from, value: (s) => s.valid_from },
  { header: w.to, value: (s) => s.valid_to },
];

function outcomeWord(outcome: TimetableChange['outcome']): string {
  return outcome === 'created' ? m.outcomeCreated : outcome === 'replaced' ? m.outcomeReplaced : w.unchanged;
}

type SetResult = TimetableSlotView & { outcome: TimetableChange['outcome'] };

/** --class, --weekday and --number: a place in the timetable. */
function placeOptions(command: Command): Command {
  return command
    .option('--class <class>', w.class)
    .option('--group <code>', m.optGroup)
    .option('--weekday <n>', m.optWeekday)
    .option('--number <n>', m.optNumber);
}

export function registerTimetable(program: Command): void {
  const timetable = program.command('timetable').description(m.timetableDescription);

  placeOptions(timetable.command('set').description(m.setDescription))
    .option('--subject <code>', w.subject)
    .option('--teacher <code>', m.optTeacher)
    .option('--from <date>', m.optFrom)
    .addHelpText('after', examples('ezurnals timetable set --class 7.a --weekday 1 --number 2 --subject mat --as D01', 'ezurnals timetable set --class 7.a --weekday 3 --number 4 --subject lv --teacher T02 --from 2027-01-11 --as D01', 'ezurnals timetable set --group 7a-ang1 --weekday 1 --number 3 --as D01'))
    .action(async (opts: TimetableSlotInput, command: Command) => {
      await runCommand(command, {
        write: true,
        run: (ctx) => setTimetableSlot(ctx, opts),
        print: (r, out) => {
          out.data<SetResult>({ ...r.slot, outcome: r.outcome }, [...columns(), { header: m.colOutcome, value: (s) => outcomeWord(s.outcome) }]);
          if (r.outcome === 'unchanged') out.info(m.alreadyHad);
        },
      });
    });

  placeOptions(timetable.command('clear').description(m.clearDescription))
    .option('--from <date>', m.optClearFrom)
    .addHelpText('after', examples('ezurnals timetable clear --class 7.a --weekday 5 --number 6 --from 2027-01-11 --as D01'))
    .action(async (opts: TimetablePlaceInput, command: Command) => {
      await runCommand(command, {
        write: true,
        run: (ctx) => clearTimetableSlot(ctx, opts),
        print: (r, out) => {
          if (out.json) return out.raw(r);
          out.data(r.ended, columns());
          out.info(m.ended(r.ended.length, r.removed));
        },
      });
    });

  timetable
    .command('list')
    .description(m.listDescription)
    .option('--class <class>', m.optListClass)
    .option('--teacher <code>', m.optListTeacher)
    .option('--on <date>', w.theDayDefaultToday)
    .addHelpText('after', examples('ezurnals timetable list --class 7.a', 'ezurnals timetable list --teacher T01 --on 2026-10-05 --json'))
    .action(async (opts: TimetableListFilter, command: Command) => {
      await runCommand(command, {
        write: false,
        run: (ctx) => listTimetable(ctx, opts),
        print: (r, out) => out.data(r, columns()),
      });
    });
}
