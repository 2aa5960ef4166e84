import type { Command } from 'commander';
import { addSubject, listSubjectViews, setSubject, type SubjectView } from '../../services/subjects.ts';
import type { Column } from '../output.ts';
import { examples } from '../options.ts';
import { askText } from '../prompt.ts';
import { runCommand } from '../runtime.ts';
import { m } from '../../i18n/messages/registry.ts';
import { m as w } from '../../i18n/messages/words.ts';

const columns = (): Column<SubjectView>[] => [
  { header: w.code, value: (s) => s.code },
  { header: w.thingName, value: (s) => s.name },
];

export function registerSubject(program: Command): void {
  const subject = program.command('subject').description(m.subjectFamily);

  subject
    .command('add <code>')
    .description(m.subjectAdd)
    .option('--name <name>', m.subjectName)
    .addHelpText('after', examples('ezurnals subject add mat --name "Matemātika"'))
    .action(async (code: string, opts: { name?: string }, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async () => {
          opts.name = await askText(opts.name, '--name', m.askSubjectName);
        },
        run: (ctx) => addSubject(ctx, code, opts),
        print: (r, out) => out.data(r, columns()),
      });
    });

  subject
    .command('set <code>')
    .addHelpText('after', examples('ezurnals subject set mat --name "Matemātika"'))
    .description(m.subjectSet)
    .option('--name <name>', m.subjectNewName)
    .action(async (code: string, opts: { name?: string }, command: Command) => {
      await runCommand(command, { write: true, run: (ctx) => setSubject(ctx, code, opts), print: (r, out) => out.data(r, columns()) });
    });

  subject
    .command('list')
    .addHelpText('after', examples('ezurnals subject list'))
    .description(m.subjectList)
    .action(async (_opts, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listSubjectViews(ctx), print: (r, out) => out.data(r, columns()) });
    });
}
