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
import { m } from '../../i18n/messages/staff.ts';
import { m as w } from '../../i18n/messages/words.ts';
import { resolveStaff } from '../../services/lookup.ts';
import { staffName } from '../../services/staff.ts';

const columns = (): Column<AssignmentView>[] => [
  { header: w.id, value: (a) => a.id },
  { header: w.class, value: (a) => a.class },
  { header: w.subject, value: (a) => `${a.subject_name} (${a.subject})` },
  { header: w.teacher, value: (a) => `${a.teacher_name} (${a.teacher})` },
];

function withParts(command: Command): Command {
  return command.option('--class <class>', w.classExample).option('--subject <code>', w.subjectCode).option('--teacher <code>', m.assignTeacher);
}

export function registerAssign(program: Command): void {
  const assign = program.command('assign').description(m.assignFamily);

  withParts(assign.command('add').description(m.assignAdd))
    .addHelpText('after', examples('ezurnals assign add --class 7.a --subject mat --teacher T01'))
    .action(async (opts: AssignmentInput, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async (ctx) => {
          opts.class = await chooseClass(ctx, opts.class);
          opts.subject = await chooseSubject(ctx, undefined, opts.subject);
          opts.teacher = await askChoice(opts.teacher, '--teacher', m.askTeacher, async () =>
            (await listStaffViews(ctx, { role: 'teacher' })).map((s) => ({ name: `${s.first_name} ${s.last_name} (${s.code})`, value: s.code })),
          );
        },
        run: (ctx) => addAssignment(ctx, opts),
        print: (r, out) => out.data(r, columns()),
      });
    });

  withParts(assign.command('remove').description(m.assignRemove))
    .addHelpText('after', examples('ezurnals assign remove --class 7.a --subject mat --teacher T01'))
    .action(async (opts: AssignmentInput, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async (ctx) => {
          // A missing part is the use case's usage error; only a whole assignment is worth asking about.
          const { teacher, subject, class: schoolClass } = opts;
          if (!teacher || !subject || !schoolClass) return;
          await confirmOrSkip(globalOptions(command).yes, async () => {
            const found = await resolveStaff(ctx, teacher);
            return m.confirmRemove(staffName(found), found.code, subject, schoolClass);
          });
        },
        run: (ctx) => removeAssignment(ctx, opts),
        print: (r, out) => out.data(r, columns()),
      });
    });

  withParts(assign.command('list').description(m.assignList))
    .addHelpText('after', examples('ezurnals assign list --class 7.a', 'ezurnals assign list --teacher T01 --json'))
    .action(async (opts: AssignmentInput, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listAssignments(ctx, opts), print: (r, out) => out.data(r, columns()) });
    });
}
