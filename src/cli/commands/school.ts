import type { Command } from 'commander';
import { updateSchool } from '../../db/repositories/schools.ts';
import type { School } from '../../db/schema.ts';
import { requireRight } from '../../services/context.ts';
import type { Column } from '../output.ts';
import { examples } from '../options.ts';
import { runCommand } from '../runtime.ts';

const columns: Column<School>[] = [
  { header: 'name', value: (s) => s.name },
  { header: 'registration number', value: (s) => s.registration_number },
  { header: 'director', value: (s) => s.director },
];

export function registerSchool(program: Command): void {
  const school = program.command('school').description("the school's own data: name, registration number, director");

  school
    .command('show')
    .description('show the school')
    .action(async (_opts, command: Command) => {
      await runCommand(command, { write: false, run: async (ctx) => ctx.school, print: (r, out) => out.data(r, columns) });
    });

  school
    .command('set')
    .description("change the school's data")
    .option('--name <name>', "the school's name")
    .option('--registration-number <number>', 'registration number')
    .option('--director <name>', "the director's name (printed on report cards)")
    .addHelpText('after', examples('ezurnals school set --director "Dace Liepiņa" --registration-number 3113900123'))
    .action(async (opts: { name?: string; registrationNumber?: string; director?: string }, command: Command) => {
      await runCommand(command, {
        write: true,
        run: async (ctx) => {
          requireRight(ctx, 'manage-registry');
          return updateSchool(ctx.db, ctx.school.id, {
            name: opts.name?.trim() || undefined,
            registration_number: opts.registrationNumber === undefined ? undefined : opts.registrationNumber.trim() || null,
            director: opts.director === undefined ? undefined : opts.director.trim() || null,
          });
        },
        print: (r, out) => out.data(r, columns),
      });
    });
}
