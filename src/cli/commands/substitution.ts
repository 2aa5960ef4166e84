import type { Command } from 'commander';
import { loadSubstitutionsData, type SubstitutionsInput } from '../../reports/substitutions.ts';
import type { SubstitutedLesson } from '../../reports/substitutions-model.ts';
import type { Column } from '../output.ts';
import { examples } from '../options.ts';
import { runCommand } from '../runtime.ts';
import { addSubstitution, type SubstitutionInput } from '../../services/substitutions.ts';

const columns: Column<SubstitutedLesson>[] = [
  { header: 'date', value: (l) => l.date },
  { header: 'no.', value: (l) => l.number },
  { header: 'class', value: (l) => l.class },
  { header: 'subject', value: (l) => l.subject.code },
  { header: 'taught by', value: (l) => `${l.teacher.name} (${l.teacher.code})` },
  { header: 'replacing', value: (l) => `${l.replaced.name} (${l.replaced.code})` },
  { header: 'topic', value: (l) => l.topic },
];

export function registerSubstitution(program: Command): void {
  const substitution = program.command('substitution').description('lessons taught by a substitute (§27): set one with `substitution add`, then the substitute records the lesson');
  substitution
    .command('add')
    .description('set who substitutes in one lesson (a deputy, an admin or the class teacher); only then may that teacher record and write in it')
    .requiredOption('--class <code>', 'the class')
    .requiredOption('--subject <code>', 'the subject of the lesson')
    .requiredOption('--date <date>', 'the day (YYYY-MM-DD or DD.MM.YYYY)')
    .requiredOption('--number <n>', 'the lesson number')
    .requiredOption('--teacher <code>', 'the substitute')
    .option('--for <code>', 'the teacher substituted (default: the one assigned)')
    .addHelpText('after', examples('ezurnals substitution add --class 7.a --subject mat --date 2026-10-06 --number 3 --teacher T02 --as T05'))
    .action(async (opts: SubstitutionInput, command: Command) => {
      await runCommand(command, {
        write: true,
        run: (ctx) => addSubstitution(ctx, opts),
        print: (s, out) => {
          if (out.json) out.raw(s);
          else out.info(`${s.teacher} substitutes ${s.for} in ${s.class} ${s.subject}, lesson ${s.number} on ${s.date}.`);
        },
      });
    });
  substitution
    .command('list')
    .description('every substituted lesson in a period, oldest first (the printable version is `report substitutions`)')
    .option('--from <date>', 'first day (YYYY-MM-DD or DD.MM.YYYY)')
    .option('--to <date>', 'last day (YYYY-MM-DD or DD.MM.YYYY)')
    .addHelpText('after', examples('ezurnals substitution list --from 2026-10-01 --to 2026-10-31', 'ezurnals substitution list --from 01.09.2026 --to 18.12.2026 --json'))
    .action(async (opts: SubstitutionsInput, command: Command) => {
      await runCommand(command, {
        write: false,
        run: async (ctx) => (await loadSubstitutionsData(ctx, opts)).lessons,
        print: (lessons, out) => {
          out.data(lessons, columns);
          if (!out.json) out.info(`${lessons.length} substituted lesson(s).`);
        },
      });
    });
}
