import type { Command } from 'commander';
import { shownStudentCode } from '../../domain/personal-code.ts';
import type { GuardianView } from '../../db/repositories/guardians.ts';
import { addGuardian, linkGuardianToStudents, listGuardians, setGuardian, RELATIONS, type GuardianInput } from '../../services/guardians.ts';
import type { Column } from '../output.ts';
import { collect, examples } from '../options.ts';
import { askChoice, askText } from '../prompt.ts';
import { runCommand } from '../runtime.ts';
import { m } from '../../i18n/messages/people.ts';
import { m as w } from '../../i18n/messages/words.ts';

const columns = (): Column<GuardianView>[] => [
  { header: w.id, value: (g) => g.id },
  { header: w.personName, value: (g) => `${g.first_name} ${g.last_name}` },
  { header: w.students, value: (g) => g.students.map((s) => `${shownStudentCode(s.student)} (${s.relation})`).join(', ') },
  { header: w.phone, value: (g) => g.phone },
  { header: w.email, value: (g) => g.email },
];

/** Commander names the repeatable option after its flag, --student. */
type GuardianOpts = Omit<GuardianInput, 'students'> & { student?: string[] };

function contactOptions(command: Command): Command {
  return command
    .option('--first-name <name>', w.firstName)
    .option('--last-name <name>', w.lastName)
    .option('--phone <phone>', w.phoneOption)
    .option('--email <email>', w.email)
    .option('--address <address>', w.address);
}

export function registerGuardian(program: Command): void {
  const guardian = program.command('guardian').description(m.guardianFamily);

  contactOptions(guardian.command('add').description(m.guardianAdd))
    .option('--student <code>', m.guardianAddStudent, collect)
    .option('--relation <relation>', m.relationOption(RELATIONS.join(' | ')))
    .addHelpText('after', examples('ezurnals guardian add --student S001 --first-name Ilze --last-name Bērziņa --relation mother --phone +37129999999'))
    .action(async (opts: GuardianOpts, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async () => {
          if (!opts.student?.length) opts.student = [await askText(undefined, '--student', w.askStudentCode)];
          opts.firstName = await askText(opts.firstName, '--first-name', w.askFirstName);
          opts.lastName = await askText(opts.lastName, '--last-name', w.askLastName);
          opts.relation = await askChoice(opts.relation, '--relation', m.askRelation, async () => RELATIONS.map((r) => ({ name: r, value: r })));
        },
        run: (ctx) => addGuardian(ctx, { ...opts, students: opts.student }),
        print: (r, out) => out.data(r, columns()),
      });
    });

  contactOptions(guardian.command('set <id>').description(m.guardianSet))
    .addHelpText('after', examples('ezurnals guardian set 1 --phone +37129999990'))
    .action(async (id: string, opts: GuardianOpts, command: Command) => {
      await runCommand(command, { write: true, run: (ctx) => setGuardian(ctx, id, opts), print: (r, out) => out.data(r, columns()) });
    });

  guardian
    .command('link <id>')
    .description(m.guardianLink)
    .option('--student <code>', w.studentRepeatable, collect)
    .option('--relation <relation>', m.relationOption(RELATIONS.join(' | ')))
    .addHelpText('after', examples('ezurnals guardian link 1 --student S014 --relation mother'))
    .action(async (id: string, opts: GuardianOpts, command: Command) => {
      await runCommand(command, { write: true, run: (ctx) => linkGuardianToStudents(ctx, id, { students: opts.student, relation: opts.relation }), print: (r, out) => out.data(r, columns()) });
    });

  guardian
    .command('list')
    .addHelpText('after', examples('ezurnals guardian list --class 7.a', 'ezurnals guardian list --student S001 --json'))
    .description(m.guardianList)
    .option('--student <code>', m.guardianListStudent)
    .option('--class <class>', m.guardianListClass)
    .action(async (opts: { student?: string; class?: string }, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listGuardians(ctx, opts), print: (r, out) => out.data(r, columns()) });
    });
}
