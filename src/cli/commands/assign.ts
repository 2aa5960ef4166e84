import type { Command } from 'commander';
import type { AssignmentView } from '../../db/repositories/assignments.ts';
import { addAssignment, listAssignments, removeAssignment, type AssignmentInput } from '../../services/assignments.ts';
import type { Column } from '../output.ts';
import { examples } from '../options.ts';
import { confirmOrSkip } from '../prompt.ts';
import { globalOptions, runCommand } from '../runtime.ts';
import { askChoice } from '../prompt.ts';
import { chooseClass } from './student.ts';
import { chooseSubject } from './lesson.ts';
import { listStaffViews } from '../../services/staff.ts';

const columns: Column<AssignmentView>[] = [
  { header: 'id', value: (a) => a.id },
  { header: 'class', value: (a) => a.class },
  { header: 'subject', value: (a) => `${a.subject_name} (${a.subject})` },
  { header: 'teacher', value: (a) => `${a.teacher_name} (${a.teacher})` },
];

function withParts(command: Command): Command {
  return command.option('--class <class>', 'class, e.g. 7.a').option('--subject <code>', 'subject code').option('--teacher <code>', 'teacher code');
}

export function registerAssign(program: Command): void {
  const assign = program.command('assign').description('teaching assignments: who teaches which subject in which class');

  withParts(assign.command('add').description('assign a teacher to a subject in a class'))
    .addHelpText('after', examples('ezurnals assign add --class 7.a --subject mat --teacher T01'))
    .action(async (opts: AssignmentInput, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async (ctx) => {
          opts.class = await chooseClass(ctx, opts.class);
          opts.subject = await chooseSubject(ctx, undefined, opts.subject);
          opts.teacher = await askChoice(opts.teacher, '--teacher', 'Teacher', async () =>
            (await listStaffViews(ctx, { role: 'teacher' })).map((s) => ({ name: `${s.first_name} ${s.last_name} (${s.code})`, value: s.code })),
          );
        },
        run: (ctx) => addAssignment(ctx, opts),
        print: (r, out) => out.data(r, columns),
      });
    });

  withParts(assign.command('remove').description('end a teaching assignment (lessons already recorded stay)'))
    .addHelpText('after', examples('ezurnals assign remove --class 7.a --subject mat --teacher T01'))
    .action(async (opts: AssignmentInput, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: () => confirmOrSkip(globalOptions(command).yes, `Remove ${opts.teacher}'s ${opts.subject} in ${opts.class}?`),
        run: (ctx) => removeAssignment(ctx, opts),
        print: (r, out) => out.data(r, columns),
      });
    });

  withParts(assign.command('list').description('list assignments (filter by class, subject or teacher)'))
    .addHelpText('after', examples('ezurnals assign list --class 7.a', 'ezurnals assign list --teacher T01 --json'))
    .action(async (opts: AssignmentInput, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listAssignments(ctx, opts), print: (r, out) => out.data(r, columns) });
    });
}
