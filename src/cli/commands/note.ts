import type { Command } from 'commander';
import type { ParentNoteView } from '../../db/repositories/parent-notes.ts';
import { addNote, listNotes, removeNote, type NoteInput, type NoteListFilter } from '../../services/parent-notes.ts';
import type { Column } from '../output.ts';
import { examples } from '../options.ts';
import { askText, confirmOrSkip } from '../prompt.ts';
import { globalOptions, runCommand } from '../runtime.ts';

const columns: Column<ParentNoteView>[] = [
  { header: 'id', value: (n) => n.id },
  { header: 'for', value: (n) => (n.student ? `${n.student_name} (${n.student})` : `class ${n.class}`) },
  { header: 'from', value: (n) => n.valid_from },
  { header: 'until', value: (n) => n.valid_until },
  { header: 'text', value: (n) => (n.removed ? `${n.text} (removed by ${n.removed_by} ${n.removed_at})` : n.text) },
  { header: 'author', value: (n) => `${n.author_name} (${n.author})` },
];

export function registerNote(program: Command): void {
  const note = program.command('note').description('notes for parents\' attention ("Piezīmes vecāku ievērībai", regulation §16): the class teacher\'s');

  note
    .command('add')
    .description("add a note to one student's parents or to the whole class")
    .option('--student <code>', 'one student')
    .option('--class <class>', 'the whole class')
    .option('--text <text>', 'the note')
    .option('--from <date>', 'shown from (default: today)')
    .option('--until <date>', 'shown until (default: no end)')
    .addHelpText('after', examples('ezurnals note add --class 7.a --text "Ekskursija uz Siguldu 15. maijā" --until 2027-05-15 --as T01', 'ezurnals note add --student S001 --text "Lūdzu parakstīt sekmju izrakstu" --as T01'))
    .action(async (opts: NoteInput, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async () => {
          opts.text = await askText(opts.text, '--text', 'Note');
        },
        run: (ctx) => addNote(ctx, opts),
        print: (r, out) => out.data(r, columns),
      });
    });

  note
    .command('remove <id>')
    .description('withdraw a note (kept, marked as removed)')
    .addHelpText('after', examples('ezurnals note remove 2 --as T01'))
    .action(async (id: string, _opts: unknown, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: () => confirmOrSkip(globalOptions(command).yes, `Remove note ${id}?`),
        run: (ctx) => removeNote(ctx, id),
        print: (r, out) => out.data(r, columns),
      });
    });

  note
    .command('list')
    .description("list the year's notes (a student's list includes their class's)")
    .option('--student <code>', 'student')
    .option('--class <class>', 'class')
    .option('--on <date>', 'only those shown on that day')
    .option('--include-removed', 'also withdrawn notes')
    .addHelpText('after', examples('ezurnals note list --student S001 --on 2026-11-30'))
    .action(async (opts: NoteListFilter, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listNotes(ctx, opts), print: (r, out) => out.data(r, columns) });
    });
}
