import type { Command } from 'commander';
import type { ConversationView } from '../../db/repositories/conversations.ts';
import { addConversation, listConversations, type ConversationInput } from '../../services/conversations.ts';
import type { Column } from '../output.ts';
import { examples } from '../options.ts';
import { askText } from '../prompt.ts';
import { runCommand } from '../runtime.ts';
import { m as t } from '../../i18n/messages/journal-notes.ts';

// A function, not a constant: the headers are read in the run's language.
const columns = (): Column<ConversationView>[] => [
  { header: t.colId, value: (c) => c.id },
  { header: t.colDate, value: (c) => c.date },
  { header: t.colStudent, value: (c) => `${c.student_name} (${c.student}, ${c.class})` },
  { header: t.colWith, value: (c) => `${c.guardian_name}${c.relation ? ` (${c.relation})` : ''}` },
  { header: t.colSummary, value: (c) => c.summary },
  { header: t.colAgreed, value: (c) => c.agreed },
  { header: t.colBy, value: (c) => c.author },
];

export function registerConversation(program: Command): void {
  const conversation = program
    .command('conversation')
    .description(t.conversationFamily);

  conversation
    .command('add')
    .description(t.conversationAdd)
    .option('--student <code>', t.conversationStudent)
    .option('--guardian <id|name>', t.conversationGuardian)
    .option('--date <date>', t.conversationDate)
    .option('--summary <text>', t.conversationSummary)
    .option('--agreed <text>', t.conversationAgreed)
    .addHelpText('after', examples('ezurnals conversation add --student S001 --guardian "Ilze Bērziņa" --date 2026-10-12 --summary "Kavējumi oktobrī" --agreed "Māte informēs par slimību tās pašas dienas rītā" --as T01'))
    .action(async (opts: ConversationInput, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async () => {
          opts.student = await askText(opts.student, '--student', t.promptStudentCode);
          opts.guardian = await askText(opts.guardian, '--guardian', t.promptGuardian);
          opts.date = await askText(opts.date, '--date', t.promptDate);
          opts.summary = await askText(opts.summary, '--summary', t.promptSummary);
        },
        run: (ctx) => addConversation(ctx, opts),
        print: (r, out) => out.data(r, columns()),
      });
    });

  conversation
    .command('list')
    .description(t.conversationList)
    .option('--student <code>', t.conversationListStudent)
    .option('--class <class>', t.conversationListClass)
    .addHelpText('after', examples('ezurnals conversation list --class 7.a --as T01'))
    .action(async (opts: { student?: string; class?: string }, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listConversations(ctx, opts), print: (r, out) => out.data(r, columns()) });
    });
}
