import type { Command } from 'commander';
import type { GroupMemberView, GroupView } from '../../db/repositories/groups.ts';
import { addGroup, addGroupMembers, listGroups, removeGroupMembers, setGroup, showGroup, studentsToConfirm, type GroupDetail } from '../../services/groups.ts';
import type { Column, Output } from '../output.ts';
import { collect, examples } from '../options.ts';
import { globalOptions, runCommand } from '../runtime.ts';
import { canPrompt, confirmOrSkip } from '../prompt.ts';
import { listOf } from '../../i18n/catalogue.ts';
import { m as t, person } from '../../i18n/messages/calendar-groups.ts';
import { m as w } from '../../i18n/messages/words.ts';
import type { ServiceContext } from '../../services/context.ts';

// Functions: the headers are read in the run's language, not at load time.
const columns = (): Column<GroupView>[] => [
  { header: t.colGroup, value: (g) => g.code },
  { header: w.subject, value: (g) => g.subject },
  { header: t.colTeachers, value: (g) => g.teacher_names.map((n, i) => `${n} (${g.teachers[i]})`).join(', ') },
  { header: w.classes, value: (g) => g.classes.join(', ') },
  { header: t.colMembers, value: (g) => g.members },
  { header: w.thingName, value: (g) => g.name },
];

const memberColumns = (): Column<GroupMemberView>[] => [
  { header: w.student, value: (m) => m.student },
  { header: w.personName, value: (m) => `${m.first_name} ${m.last_name}` },
  { header: w.class, value: (m) => m.class },
  { header: w.from, value: (m) => m.from },
  { header: w.to, value: (m) => m.to },
];

/**
 * On a terminal, a change of membership is confirmed naming each student
 * ("Pievienot Jāni Bērziņu (S028) grupai 7a-ang1 no 2026-09-01?"); --yes and
 * scripts skip the question (and its look-up).
 */
async function confirmMembers(command: Command, ctx: ServiceContext, codes: string[] | undefined, question: (people: string) => string, nameCase: 'accusative' | 'genitive'): Promise<void> {
  if (!codes?.length || globalOptions(command).yes || !canPrompt()) return;
  const people = (await studentsToConfirm(ctx, codes)).map((s) => person(s.name, s.code, nameCase));
  await confirmOrSkip(false, question(listOf(people)));
}

/** A group, then its memberships (the JSON is the one object). */
function printDetail(detail: GroupDetail, out: Output): void {
  if (out.json) return out.data(detail, []);
  out.data(detail, columns());
  out.heading(t.membersOf(detail.code));
  out.data(detail.memberships, memberColumns());
}

interface GroupOptions {
  subject?: string;
  teacher?: string[];
  class?: string[];
  name?: string;
}

export function registerGroup(program: Command): void {
  const group = program.command('group').description(t.groupDescription);

  group
    .command('add <code>')
    .description(t.addDescription)
    .option('--subject <code>', t.optSubject)
    .option('--teacher <code>', t.optTeacher, collect)
    .option('--class <class>', t.optClass, collect)
    .option('--name <text>', t.optName)
    .addHelpText('after', examples('ezurnals group add 7a-ang1 --subject ang --teacher T05 --class 7.a --as admin', 'ezurnals group add 10-inf --subject inf --teacher T07 --teacher T08 --class 10.a --class 10.b --as admin'))
    .action(async (code: string, opts: GroupOptions, command: Command) => {
      await runCommand(command, { write: true, run: (ctx) => addGroup(ctx, code, { ...opts, teachers: opts.teacher, classes: opts.class }), print: (r, out) => out.data(r, columns()) });
    });

  group
    .command('set <code>')
    .description(t.setDescription)
    .option('--subject <code>', t.optSetSubject)
    .option('--teacher <code>', t.optSetTeachers, collect)
    .option('--class <class>', t.optSetClass, collect)
    .option('--name <text>', t.optSetName)
    .addHelpText('after', examples('ezurnals group set 7a-ang1 --teacher T06 --as admin'))
    .action(async (code: string, opts: GroupOptions, command: Command) => {
      await runCommand(command, { write: true, run: (ctx) => setGroup(ctx, code, { ...opts, teachers: opts.teacher, classes: opts.class }), print: (r, out) => out.data(r, columns()) });
    });

  group
    .command('list')
    .description(t.listDescription)
    .option('--class <class>', t.optListClass)
    .option('--subject <code>', w.onlySubject)
    .option('--teacher <code>', t.optListTeacher)
    .addHelpText('after', examples('ezurnals group list --class 7.a', 'ezurnals group list --teacher T05 --json'))
    .action(async (opts: { class?: string; subject?: string; teacher?: string }, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listGroups(ctx, opts), print: (r, out) => out.data(r, columns()) });
    });

  group
    .command('show <code>')
    .description(t.showDescription)
    .addHelpText('after', examples('ezurnals group show 7a-ang1'))
    .action(async (code: string, _opts: object, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => showGroup(ctx, code), print: printDetail });
    });

  const member = group.command('member').description(t.memberDescription);
  member
    .command('add <code>')
    .description(t.memberAddDescription)
    .option('--student <code>', w.studentsRepeat, collect)
    .option('--from <date>', t.optMemberFrom)
    .option('--to <date>', t.optMemberTo)
    .addHelpText('after', examples('ezurnals group member add 7a-ang1 --student S001 --student S002 --from 2026-09-01 --as admin'))
    .action(async (code: string, opts: { student?: string[]; from?: string; to?: string }, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: (ctx) => confirmMembers(command, ctx, opts.student, (people) => t.confirmAdd(people, code, opts.from ?? ''), 'accusative'),
        run: (ctx) => addGroupMembers(ctx, code, { ...opts, students: opts.student }),
        print: printDetail,
      });
    });
  member
    .command('remove <code>')
    .description(t.memberRemoveDescription)
    .option('--student <code>', w.studentsRepeat, collect)
    .option('--to <date>', t.optMemberLastDay)
    .addHelpText('after', examples('ezurnals group member remove 7a-ang1 --student S002 --to 2026-11-30 --as admin'))
    .action(async (code: string, opts: { student?: string[]; to?: string }, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: (ctx) => confirmMembers(command, ctx, opts.student, (people) => t.confirmRemove(people, code, opts.to ?? ''), 'genitive'),
        run: (ctx) => removeGroupMembers(ctx, code, { ...opts, students: opts.student }),
        print: printDetail,
      });
    });
}
