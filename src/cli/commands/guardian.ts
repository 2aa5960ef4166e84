import type { Command } from 'commander';
import { shownStudentCode } from '../../domain/personal-code.ts';
import type { GuardianView } from '../../db/repositories/guardians.ts';
import { addGuardian, linkGuardianToStudents, listGuardians, setGuardian, RELATIONS, type GuardianInput } from '../../services/guardians.ts';
import type { Column } from '../output.ts';
import { collect, examples } from '../options.ts';
import { askChoice, askText } from '../prompt.ts';
import { runCommand } from '../runtime.ts';

const columns: Column<GuardianView>[] = [
  { header: 'id', value: (g) => g.id },
  { header: 'name', value: (g) => `${g.first_name} ${g.last_name}` },
  { header: 'students', value: (g) => g.students.map((s) => `${shownStudentCode(s.student)} (${s.relation})`).join(', ') },
  { header: 'phone', value: (g) => g.phone },
  { header: 'e-mail', value: (g) => g.email },
];

/** Commander names the repeatable option after its flag, --student. */
type GuardianOpts = Omit<GuardianInput, 'students'> & { student?: string[] };

function contactOptions(command: Command): Command {
  return command
    .option('--first-name <name>', 'first name')
    .option('--last-name <name>', 'last name')
    .option('--phone <phone>', 'phone, +371XXXXXXXX')
    .option('--email <email>', 'e-mail')
    .option('--address <address>', 'address');
}

export function registerGuardian(program: Command): void {
  const guardian = program.command('guardian').description("students' parents and other guardians");

  contactOptions(guardian.command('add').description('add a guardian of one or more students'))
    .option('--student <code>', 'student (repeatable, for siblings)', collect)
    .option('--relation <relation>', RELATIONS.join(' | '))
    .addHelpText('after', examples('ezurnals guardian add --student S001 --first-name Ilze --last-name Bērziņa --relation mother --phone +37129999999'))
    .action(async (opts: GuardianOpts, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async () => {
          if (!opts.student?.length) opts.student = [await askText(undefined, '--student', 'Student code')];
          opts.firstName = await askText(opts.firstName, '--first-name', 'First name');
          opts.lastName = await askText(opts.lastName, '--last-name', 'Last name');
          opts.relation = await askChoice(opts.relation, '--relation', 'Relation', async () => RELATIONS.map((r) => ({ name: r, value: r })));
        },
        run: (ctx) => addGuardian(ctx, { ...opts, students: opts.student }),
        print: (r, out) => out.data(r, columns),
      });
    });

  contactOptions(guardian.command('set <id>').description("change a guardian's name or contact data"))
    .addHelpText('after', examples('ezurnals guardian set 1 --phone +37129999990'))
    .action(async (id: string, opts: GuardianOpts, command: Command) => {
      await runCommand(command, { write: true, run: (ctx) => setGuardian(ctx, id, opts), print: (r, out) => out.data(r, columns) });
    });

  guardian
    .command('link <id>')
    .description('link an existing guardian to another student')
    .option('--student <code>', 'student (repeatable)', collect)
    .option('--relation <relation>', RELATIONS.join(' | '))
    .addHelpText('after', examples('ezurnals guardian link 1 --student S014 --relation mother'))
    .action(async (id: string, opts: GuardianOpts, command: Command) => {
      await runCommand(command, { write: true, run: (ctx) => linkGuardianToStudents(ctx, id, { students: opts.student, relation: opts.relation }), print: (r, out) => out.data(r, columns) });
    });

  guardian
    .command('list')
    .addHelpText('after', examples('ezurnals guardian list --class 7.a', 'ezurnals guardian list --student S001 --json'))
    .description('list guardians')
    .option('--student <code>', "only this student's")
    .option('--class <class>', "only this class's")
    .action(async (opts: { student?: string; class?: string }, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listGuardians(ctx, opts), print: (r, out) => out.data(r, columns) });
    });
}
