import type { Command } from 'commander';
import type { ClassView } from '../../db/repositories/classes.ts';
import { addClass, listClasses, setClass } from '../../services/classes.ts';
import type { Column } from '../output.ts';
import { examples } from '../options.ts';
import { runCommand } from '../runtime.ts';
import { m } from '../../i18n/messages/registry.ts';
import { m as w } from '../../i18n/messages/words.ts';

const columns = (): Column<ClassView>[] => [
  { header: w.class, value: (c) => c.code },
  { header: m.hLevel, value: (c) => c.level },
  { header: w.year, value: (c) => c.year },
  { header: w.classTeacher, value: (c) => (c.class_teacher ? `${c.class_teacher_name} (${c.class_teacher})` : '') },
  { header: w.students, value: (c) => c.students },
];

export function registerClass(program: Command): void {
  const schoolClass = program.command('class').description(m.classFamily);

  schoolClass
    .command('add <code>')
    .description(m.classAdd)
    .option('--level <level>', m.classLevel)
    .option('--class-teacher <code>', m.classTeacherOption)
    .addHelpText('after', examples('ezurnals class add 7.a --level 7 --class-teacher T01'))
    .action(async (code: string, opts: { level?: string; classTeacher?: string }, command: Command) => {
      await runCommand(command, { write: true, run: (ctx) => addClass(ctx, code, opts), print: (r, out) => out.data(r, columns()) });
    });

  schoolClass
    .command('set <code>')
    .addHelpText('after', examples('ezurnals class set 7.a --class-teacher T02', 'ezurnals class set 7.a --level 7'))
    .description(m.classSet)
    .option('--level <level>', m.classLevelSet)
    .option('--class-teacher <code>', m.classTeacherNew)
    .action(async (code: string, opts: { level?: string; classTeacher?: string }, command: Command) => {
      await runCommand(command, { write: true, run: (ctx) => setClass(ctx, code, opts), print: (r, out) => out.data(r, columns()) });
    });

  schoolClass
    .command('list')
    .addHelpText('after', examples('ezurnals class list', 'ezurnals class list --level 7 --json'))
    .description(m.classList)
    .option('--level <level>', m.classListLevel)
    .action(async (opts: { level?: string }, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listClasses(ctx, opts), print: (r, out) => out.data(r, columns()) });
    });
}
