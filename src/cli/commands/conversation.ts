import type { Command } from 'commander';
import type { ConversationView } from '../../db/repositories/conversations.ts';
import { addConversation, listConversations, type ConversationInput } from '../../services/conversations.ts';
import type { Column } from '../output.ts';
import { examples } from '../options.ts';
import { askText } from '../prompt.ts';
import { runCommand } from '../runtime.ts';
import { m as t } from '../../i18n/messages/journal-notes.ts';
import { m as w } from '../../i18n/messages/words.ts';

// A function, not a constant: the headers are read in the run's language.
const columns = (): Column<ConversationView>[] => [
  { header: w.id, value: (c) => c.id },
  { header: w.date, value: (c) => c.date },
  { header: w.student, value: (c) => `${c.student_name} (${c.student}, ${c.class})` },
  { header: w.with, value: (c) => `${c.guardian_name}${c.relation ? ` (${c.relation})` : ''}` },
  { header: w.summary, value: (c) => c.summary },
  { header: w.agreed, value: (c) => c.agreed },
  { header: w.recordedBy, value: (c) => c.author },
];

export function registerConversation(program: Command): void {
  const conversation = program
    .command('conversation')
    .description(t.conversationFamily);

  conversation
    .command('add')
    .description(t.conversationAdd)
    .option('--student <code>', w.student)
    .option('--guardian <id|name>', t.conversationGuardian)
    .option('--date <date>', w.theDay)
    .option('--summary <text>', t.conversationSummary)
    .option('--agreed <text>', t.conversationAgreed)
    .addHelpText('after', examples('ezurnals conversation add --student S001 --guardian "Ilze Bērziņa" --date 2026-10-12 --summary "Kavējumi oktobrī" --agreed "Māte informēs par slimību tās pašas dienas rītā" --as T01'))
    .action(async (opts: ConversationInput, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async () => {
          opts.student = await askText(opts.student, '--student', w.askStudentCode);
          opts.guardian = await askText(opts.guardian, '--guardian', t.promptGuardian);
          opts.date = await askText(opts.date, '--date', w.askDate);
          opts.summary = await askText(opts.summary, '--summary', t.promptSummary);
        },
        run: (ctx) => addConversation(ctx, opts),
        print: (r, out) => out.data(r, columns()),
      });
    });

  conversation
    .command('list')
    .description(t.conversationList)
    .option('--student <code>', w.student)
    .option('--class <class>', w.class)
    .addHelpText('after', examples('ezurnals conversation list --class 7.a --as T01'))
    .action(async (opts: { student?: string; class?: string }, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listConversations(ctx, opts), print: (r, out) => out.data(r, columns()) });
    });
}
