import type { Command } from 'commander';
import type { ConversationView } from '../../db/repositories/conversations.ts';
import { addConversation, listConversations, type ConversationInput } from '../../services/conversations.ts';
import type { Column } from '../output.ts';
import { examples } from '../options.ts';
import { askText } from '../prompt.ts';
import { runCommand } from '../runtime.ts';

const columns: Column<ConversationView>[] = [
  { header: 'id', value: (c) => c.id },
  { header: 'date', value: (c) => c.date },
  { header: 'student', value: (c) => `${c.student_name} (${c.student}, ${c.class})` },
  { header: 'with', value: (c) => `${c.guardian_name}${c.relation ? ` (${c.relation})` : ''}` },
  { header: 'summary', value: (c) => c.summary },
  { header: 'agreed', value: (c) => c.agreed },
  { header: 'by', value: (c) => c.author },
];

export function registerConversation(program: Command): void {
  const conversation = program
    .command('conversation')
    .description("individual conversations with parents (regulation §15): the class teacher's, read by them, deputies and admins");

  conversation
    .command('add')
    .description('record a conversation with a guardian of the student')
    .option('--student <code>', 'student')
    .option('--guardian <id|name>', "the guardian's id, or name among the student's guardians")
    .option('--date <date>', 'the day')
    .option('--summary <text>', 'what was discussed')
    .option('--agreed <text>', 'what was agreed')
    .addHelpText('after', examples('ezurnals conversation add --student S001 --guardian "Ilze Bērziņa" --date 2026-10-12 --summary "Kavējumi oktobrī" --agreed "Māte informēs par slimību tās pašas dienas rītā" --as T01'))
    .action(async (opts: ConversationInput, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async () => {
          opts.student = await askText(opts.student, '--student', 'Student code');
          opts.guardian = await askText(opts.guardian, '--guardian', 'Guardian (id or name)');
          opts.date = await askText(opts.date, '--date', 'Date (YYYY-MM-DD)');
          opts.summary = await askText(opts.summary, '--summary', 'Summary');
        },
        run: (ctx) => addConversation(ctx, opts),
        print: (r, out) => out.data(r, columns),
      });
    });

  conversation
    .command('list')
    .description("list conversations (a class teacher: their classes')")
    .option('--student <code>', 'student')
    .option('--class <class>', 'class')
    .addHelpText('after', examples('ezurnals conversation list --class 7.a --as T01'))
    .action(async (opts: { student?: string; class?: string }, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listConversations(ctx, opts), print: (r, out) => out.data(r, columns) });
    });
}
