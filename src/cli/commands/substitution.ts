import type { Command } from 'commander';
import { loadSubstitutionsData, type SubstitutionsInput } from '../../reports/substitutions.ts';
import type { SubstitutedLesson } from '../../reports/substitutions-model.ts';
import type { Column } from '../output.ts';
import { examples } from '../options.ts';
import { runCommand } from '../runtime.ts';

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
  const substitution = program.command('substitution').description('lessons taught by a substitute (§27); record them with `lesson add … --substitute-for`');
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
