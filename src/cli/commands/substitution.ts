import type { Command } from 'commander';
import { loadSubstitutionsData, type SubstitutionsInput } from '../../reports/substitutions.ts';
import type { SubstitutedLesson } from '../../reports/substitutions-model.ts';
import type { Column } from '../output.ts';
import { examples } from '../options.ts';
import { runCommand } from '../runtime.ts';
import { addSubstitution, type SubstitutionInput } from '../../services/substitutions.ts';
import { m } from '../../i18n/messages/calendar-timetable.ts';
import { person } from '../../i18n/messages/calendar-groups.ts';
import { m as w } from '../../i18n/messages/words.ts';

// A function: the headers are read in the run's language, not at load time.
const columns = (): Column<SubstitutedLesson>[] => [
  { header: w.date, value: (l) => l.date },
  { header: w.lessonNumber, value: (l) => l.number },
  { header: w.class, value: (l) => l.class },
  { header: w.subject, value: (l) => l.subject.code },
  { header: m.colTaughtBy, value: (l) => `${l.teacher.name} (${l.teacher.code})` },
  { header: m.colReplacing, value: (l) => `${l.replaced.name} (${l.replaced.code})` },
  { header: w.topic, value: (l) => l.topic },
];

export function registerSubstitution(program: Command): void {
  const substitution = program.command('substitution').description(m.substitutionDescription);
  substitution
    .command('add')
    .description(m.substitutionAddDescription)
    .requiredOption('--class <code>', w.theClass)
    .requiredOption('--subject <code>', m.optLessonSubject)
    .requiredOption('--date <date>', m.optDay)
    .requiredOption('--number <n>', m.optLessonNumber)
    .requiredOption('--teacher <code>', m.optSubstitute)
    .option('--for <code>', m.optFor)
    .addHelpText('after', examples('ezurnals substitution add --class 7.a --subject mat --date 2026-10-06 --number 3 --teacher T02 --as T05'))
    .action(async (opts: SubstitutionInput, command: Command) => {
      await runCommand(command, {
        write: true,
        run: (ctx) => addSubstitution(ctx, opts),
        print: (s, out) => {
          if (out.json) out.raw(s);
          else out.info(m.substitutes(person(s.teacher_name, s.teacher), person(s.for_name, s.for, 'accusative'), s.class, s.subject, s.number, s.date));
        },
      });
    });
  substitution
    .command('list')
    .description(m.substitutionListDescription)
    .option('--from <date>', w.firstDayTyped)
    .option('--to <date>', w.lastDayTyped)
    .addHelpText('after', examples('ezurnals substitution list --from 2026-10-01 --to 2026-10-31', 'ezurnals substitution list --from 01.09.2026 --to 18.12.2026 --json'))
    .action(async (opts: SubstitutionsInput, command: Command) => {
      await runCommand(command, {
        write: false,
        run: async (ctx) => (await loadSubstitutionsData(ctx, opts)).lessons,
        print: (lessons, out) => {
          out.data(lessons, columns());
          if (!out.json) out.info(m.substitutedCount(lessons.length));
        },
      });
    });
}
