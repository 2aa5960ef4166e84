import type { Command } from 'commander';
import type { GroupMemberView, GroupView } from '../../db/repositories/groups.ts';
import { addGroup, addGroupMembers, listGroups, removeGroupMembers, setGroup, showGroup, type GroupDetail } from '../../services/groups.ts';
import type { Column, Output } from '../output.ts';
import { collect, examples } from '../options.ts';
import { runCommand } from '../runtime.ts';

const columns: Column<GroupView>[] = [
  { header: 'group', value: (g) => g.code },
  { header: 'subject', value: (g) => g.subject },
  { header: 'teachers', value: (g) => g.teacher_names.map((n, i) => `${n} (${g.teachers[i]})`).join(', ') },
  { header: 'classes', value: (g) => g.classes.join(', ') },
  { header: 'members', value: (g) => g.members },
  { header: 'name', value: (g) => g.name },
];

const memberColumns: Column<GroupMemberView>[] = [
  { header: 'student', value: (m) => m.student },
  { header: 'name', value: (m) => `${m.first_name} ${m.last_name}` },
  { header: 'class', value: (m) => m.class },
  { header: 'from', value: (m) => m.from },
  { header: 'to', value: (m) => m.to },
];

/** A group, then its memberships (the JSON is the one object). */
function printDetail(detail: GroupDetail, out: Output): void {
  if (out.json) return out.data(detail, []);
  out.data(detail, columns);
  out.heading(`Members of ${detail.code}`);
  out.data(detail.memberships, memberColumns);
}

interface GroupOptions {
  subject?: string;
  teacher?: string[];
  class?: string[];
  name?: string;
}

export function registerGroup(program: Command): void {
  const group = program.command('group').description('groups of students: a class split (languages, sport, informatics) or across classes');

  group
    .command('add <code>')
    .description('add a group to the current (or --year) school year')
    .option('--subject <code>', 'the subject the group learns')
    .option('--teacher <code>', "the group's teacher (repeat for several)", collect)
    .option('--class <class>', 'a class the group draws from (repeat; members add their classes too)', collect)
    .option('--name <text>', 'a name to print, e.g. "Angļu valoda, 1. grupa"')
    .addHelpText('after', examples('ezurnals group add 7a-ang1 --subject ang --teacher T05 --class 7.a --as admin', 'ezurnals group add 10-inf --subject inf --teacher T07 --teacher T08 --class 10.a --class 10.b --as admin'))
    .action(async (code: string, opts: GroupOptions, command: Command) => {
      await runCommand(command, { write: true, run: (ctx) => addGroup(ctx, code, { ...opts, teachers: opts.teacher, classes: opts.class }), print: (r, out) => out.data(r, columns) });
    });

  group
    .command('set <code>')
    .description("change a group's teachers (replaced), classes (added), subject (while it has no lessons) or name")
    .option('--subject <code>', 'the subject')
    .option('--teacher <code>', 'the teachers, all of them (repeat)', collect)
    .option('--class <class>', 'a class to add (repeat)', collect)
    .option('--name <text>', 'the name ("" for none)')
    .addHelpText('after', examples('ezurnals group set 7a-ang1 --teacher T06 --as admin'))
    .action(async (code: string, opts: GroupOptions, command: Command) => {
      await runCommand(command, { write: true, run: (ctx) => setGroup(ctx, code, { ...opts, teachers: opts.teacher, classes: opts.class }), print: (r, out) => out.data(r, columns) });
    });

  group
    .command('list')
    .description('the groups of the year, with their members today')
    .option('--class <class>', 'only groups drawing from this class')
    .option('--subject <code>', 'only this subject')
    .option('--teacher <code>', 'only groups of this teacher')
    .addHelpText('after', examples('ezurnals group list --class 7.a', 'ezurnals group list --teacher T05 --json'))
    .action(async (opts: { class?: string; subject?: string; teacher?: string }, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listGroups(ctx, opts), print: (r, out) => out.data(r, columns) });
    });

  group
    .command('show <code>')
    .description('a group with every membership (from, to)')
    .addHelpText('after', examples('ezurnals group show 7a-ang1'))
    .action(async (code: string, _opts: object, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => showGroup(ctx, code), print: printDetail });
    });

  const member = group.command('member').description("a group's members");
  member
    .command('add <code>')
    .description('students join the group from a day (default today; before the year begins, its first day)')
    .option('--student <code>', 'a student (repeat for several)', collect)
    .option('--from <date>', 'the first day in the group')
    .option('--to <date>', 'the last day (default: open)')
    .addHelpText('after', examples('ezurnals group member add 7a-ang1 --student S001 --student S002 --from 2026-09-01 --as admin'))
    .action(async (code: string, opts: { student?: string[]; from?: string; to?: string }, command: Command) => {
      await runCommand(command, { write: true, run: (ctx) => addGroupMembers(ctx, code, { ...opts, students: opts.student }), print: printDetail });
    });
  member
    .command('remove <code>')
    .description('students leave the group: the membership ends on a day (default yesterday), the lessons before keep them')
    .option('--student <code>', 'a student (repeat for several)', collect)
    .option('--to <date>', 'the last day in the group')
    .addHelpText('after', examples('ezurnals group member remove 7a-ang1 --student S002 --to 2026-11-30 --as admin'))
    .action(async (code: string, opts: { student?: string[]; to?: string }, command: Command) => {
      await runCommand(command, { write: true, run: (ctx) => removeGroupMembers(ctx, code, { ...opts, students: opts.student }), print: printDetail });
    });
}
