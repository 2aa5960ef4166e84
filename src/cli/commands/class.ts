import type { Command } from 'commander';
import type { ClassView } from '../../db/repositories/classes.ts';
import { addClass, listClasses, setClass } from '../../services/classes.ts';
import type { Column } from '../output.ts';
import { examples } from '../options.ts';
import { runCommand } from '../runtime.ts';

const columns: Column<ClassView>[] = [
  { header: 'class', value: (c) => c.code },
  { header: 'level', value: (c) => c.level },
  { header: 'year', value: (c) => c.year },
  { header: 'class teacher', value: (c) => (c.class_teacher ? `${c.class_teacher_name} (${c.class_teacher})` : '') },
  { header: 'students', value: (c) => c.students },
];

export function registerClass(program: Command): void {
  const schoolClass = program.command('class').description('classes of a school year');

  schoolClass
    .command('add <code>')
    .description('add a class to the current (or --year) school year')
    .option('--level <level>', 'grade 1–12 (default: from the code, 7.a → 7)')
    .option('--class-teacher <code>', 'the class teacher (audzinātājs): a staff member with the class-teacher role')
    .addHelpText('after', examples('ezurnals class add 7.a --level 7 --class-teacher T01'))
    .action(async (code: string, opts: { level?: string; classTeacher?: string }, command: Command) => {
      await runCommand(command, { write: true, run: (ctx) => addClass(ctx, code, opts), print: (r, out) => out.data(r, columns) });
    });

  schoolClass
    .command('set <code>')
    .addHelpText('after', examples('ezurnals class set 7.a --class-teacher T02', 'ezurnals class set 7.a --level 7'))
    .description("change a class's level or class teacher")
    .option('--level <level>', 'grade 1–12')
    .option('--class-teacher <code>', 'the new class teacher ("" for none)')
    .action(async (code: string, opts: { level?: string; classTeacher?: string }, command: Command) => {
      await runCommand(command, { write: true, run: (ctx) => setClass(ctx, code, opts), print: (r, out) => out.data(r, columns) });
    });

  schoolClass
    .command('list')
    .addHelpText('after', examples('ezurnals class list', 'ezurnals class list --level 7 --json'))
    .description('list the classes of the year')
    .option('--level <level>', 'only this grade')
    .action(async (opts: { level?: string }, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listClasses(ctx, opts), print: (r, out) => out.data(r, columns) });
    });
}
