import type { Command } from 'commander';
import type { ParentNoteView } from '../../db/repositories/parent-notes.ts';
import { addNote, listNotes, removeNote, type NoteInput, type NoteListFilter } from '../../services/parent-notes.ts';
import type { Column } from '../output.ts';
import { examples } from '../options.ts';
import { askText, confirmOrSkip } from '../prompt.ts';
import { globalOptions, runCommand } from '../runtime.ts';
import { m as t } from '../../i18n/messages/journal-notes.ts';
import { m as w } from '../../i18n/messages/words.ts';

// A function, not a constant: the headers are read in the run's language.
const columns = (): Column<ParentNoteView>[] => [
  { header: w.id, value: (n) => n.id },
  { header: t.colFor, value: (n) => (n.student ? `${n.student_name} (${n.student})` : t.noteForClass(String(n.class))) },
  { header: w.from, value: (n) => n.valid_from },
  { header: w.until, value: (n) => n.valid_until },
  { header: w.text, value: (n) => (n.removed ? t.noteRemovedText(n.text, String(n.removed_by), String(n.removed_at)) : n.text) },
  { header: t.colAuthor, value: (n) => `${n.author_name} (${n.author})` },
];

export function registerNote(program: Command): void {
  const note = program.command('note').description(t.noteFamily);

  note
    .command('add')
    .description(t.noteAdd)
    .option('--student <code>', t.noteStudent)
    .option('--class <class>', t.noteClass)
    .option('--text <text>', t.noteText)
    .option('--from <date>', t.noteFrom)
    .option('--until <date>', t.noteUntil)
    .addHelpText('after', examples('ezurnals note add --class 7.a --text "Ekskursija uz Siguldu 15. maijā" --until 2027-05-15 --as T01', 'ezurnals note add --student S001 --text "Lūdzu parakstīt sekmju izrakstu" --as T01'))
    .action(async (opts: NoteInput, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async () => {
          opts.text = await askText(opts.text, '--text', t.promptNote);
        },
        run: (ctx) => addNote(ctx, opts),
        print: (r, out) => out.data(r, columns()),
      });
    });

  note
    .command('remove <id>')
    .description(t.noteRemove)
    .addHelpText('after', examples('ezurnals note remove 2 --as T01'))
    .action(async (id: string, _opts: unknown, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: () => confirmOrSkip(globalOptions(command).yes, t.confirmRemoveNote(id)),
        run: (ctx) => removeNote(ctx, id),
        print: (r, out) => out.data(r, columns()),
      });
    });

  note
    .command('list')
    .description(t.noteList)
    .option('--student <code>', w.student)
    .option('--class <class>', w.class)
    .option('--on <date>', t.noteOn)
    .option('--include-removed', t.noteIncludeRemoved)
    .addHelpText('after', examples('ezurnals note list --student S001 --on 2026-11-30'))
    .action(async (opts: NoteListFilter, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listNotes(ctx, opts), print: (r, out) => out.data(r, columns()) });
    });
}
