import type { Command } from 'commander';
import { addSubject, listSubjectViews, setSubject, type SubjectView } from '../../services/subjects.ts';
import type { Column } from '../output.ts';
import { examples } from '../options.ts';
import { askText } from '../prompt.ts';
import { runCommand } from '../runtime.ts';

const columns: Column<SubjectView>[] = [
  { header: 'code', value: (s) => s.code },
  { header: 'name', value: (s) => s.name },
];

export function registerSubject(program: Command): void {
  const subject = program.command('subject').description('subjects taught at the school');

  subject
    .command('add <code>')
    .description('add a subject')
    .option('--name <name>', 'Latvian name, e.g. "Matemātika"')
    .addHelpText('after', examples('ezurnals subject add mat --name "Matemātika"'))
    .action(async (code: string, opts: { name?: string }, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async () => {
          opts.name = await askText(opts.name, '--name', 'Name (Latvian)');
        },
        run: (ctx) => addSubject(ctx, code, opts),
        print: (r, out) => out.data(r, columns),
      });
    });

  subject
    .command('set <code>')
    .addHelpText('after', examples('ezurnals subject set mat --name "Matemātika"'))
    .description("rename a subject")
    .option('--name <name>', 'new name')
    .action(async (code: string, opts: { name?: string }, command: Command) => {
      await runCommand(command, { write: true, run: (ctx) => setSubject(ctx, code, opts), print: (r, out) => out.data(r, columns) });
    });

  subject
    .command('list')
    .addHelpText('after', examples('ezurnals subject list'))
    .description('list subjects')
    .action(async (_opts, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listSubjectViews(ctx), print: (r, out) => out.data(r, columns) });
    });
}
