import type { Command } from 'commander';
import type { AbsenceChangeView, AbsenceView } from '../../db/repositories/absences.ts';
import { absenceHistory, justifyAbsences, listAbsences, markAbsences, removeAbsence, type AbsenceRef, type MarkInput } from '../../services/absences.ts';
import { listStudentViews } from '../../services/students.ts';
import type { Column } from '../output.ts';
import { collect, examples } from '../options.ts';
import { askChoice, askText, canPrompt, confirmOrSkip } from '../prompt.ts';
import { JUSTIFY_REASONS } from '../../domain/absence.ts';
import { globalOptions, runCommand } from '../runtime.ts';
import { chooseLesson, lessonRefOptions } from './lesson.ts';
import { resolveLesson } from '../../services/lessons.ts';
import { decideAbsenceNote, listAbsenceNotes, type AbsenceNoteView } from '../../services/absence-notes.ts';

const columns: Column<AbsenceView>[] = [
  { header: 'id', value: (a) => a.id },
  { header: 'date', value: (a) => a.date },
  { header: 'no.', value: (a) => a.number },
  { header: 'class', value: (a) => a.class },
  { header: 'subject', value: (a) => a.subject },
  { header: 'student', value: (a) => `${a.student_name} (${a.student})` },
  { header: 'code', value: (a) => (a.removed ? `${a.code} (removed)` : a.code) },
  { header: 'marked', value: (a) => `${a.marked_code} by ${a.marked_by}` },
  { header: 'decided', value: (a) => (a.decided_by ? `${a.decided_by} ${a.decided_at}` : '') },
];

const historyColumns: Column<AbsenceChangeView>[] = [
  { header: 'when', value: (h) => h.changed_at },
  { header: 'who', value: (h) => h.changed_by },
  { header: 'action', value: (h) => h.action },
  { header: 'before', value: (h) => h.code_before },
  { header: 'after', value: (h) => h.code_after },
  { header: 'reason', value: (h) => h.reason },
];

const noteColumns: Column<AbsenceNoteView>[] = [
  { header: 'id', value: (n) => n.id },
  { header: 'student', value: (n) => `${n.student_name} (${n.student})` },
  { header: 'class', value: (n) => n.class },
  { header: 'from', value: (n) => n.from },
  { header: 'to', value: (n) => n.to },
  { header: 'reason', value: (n) => n.reason },
  { header: 'text', value: (n) => n.text },
  { header: 'guardian', value: (n) => n.guardian },
  { header: 'sent', value: (n) => n.created_at },
  { header: 'status', value: (n) => (n.decided_by ? `${n.status} by ${n.decided_by}` : n.status) },
  { header: 'justified', value: (n) => n.absences },
];

export function registerAbsence(program: Command): void {
  const absence = program.command('absence').description('absences: n marked in the lesson, justified by the class teacher as ns/nc');

  lessonRefOptions(absence.command('mark').description('mark students absent (n) or late (k) in a lesson'))
    .option('--student <code>', 'student (repeatable)', collect)
    .option('--code <code>', 'n (absent) or k (late)', 'n')
    .option('--note <text>', 'note')
    .addHelpText('after', examples('ezurnals absence mark --lesson 1 --student S001 --student S002 --as T01', 'ezurnals absence mark --class 7.a --subject mat --date 2026-10-05 --student S003 --code k --as T01'))
    .action(async (opts: MarkInput & { student?: string[] }, command: Command) => {
      const input: MarkInput = { ...opts, students: opts.student };
      await runCommand(command, {
        write: true,
        prepare: async (ctx) => {
          await chooseLesson(ctx, input);
          if ((input.students ?? []).length === 0 && canPrompt()) {
            const { schoolClass } = await resolveLesson(ctx, input);
            input.students = [await askChoice(undefined, '--student', 'Student', async () => (await listStudentViews(ctx, { class: schoolClass.code })).map((s) => ({ name: `${s.last_name} ${s.first_name} (${s.code})`, value: s.code })))];
          }
        },
        run: (ctx) => markAbsences(ctx, input),
        print: (r, out) => {
          out.data(r, [...columns, { header: 'change', value: (a) => a.change }]);
        },
      });
    });

  absence
    .command('justify')
    .description("the class teacher's decision: every n of a student in a date range becomes ns (illness) or nc (other reason)")
    .option('--student <code>', 'student')
    .option('--from <date>', 'first day')
    .option('--to <date>', 'last day (default: --from)')
    .option('--reason <reason>', 'illness (→ ns) or other (→ nc)')
    .option('--note <text>', 'e.g. the certificate or the parent\'s note')
    .addHelpText('after', examples('ezurnals absence justify --student S001 --from 2026-10-05 --to 2026-10-07 --reason illness --note "Ārsta zīme" --as T01'))
    .action(async (opts: { student?: string; from?: string; to?: string; reason?: string; note?: string }, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async () => {
          opts.student = await askText(opts.student, '--student', 'Student code');
          opts.from = await askText(opts.from, '--from', 'From date (YYYY-MM-DD)');
          opts.reason = await askChoice(opts.reason, '--reason', 'Reason', async () => JUSTIFY_REASONS.map((r) => ({ name: r === 'illness' ? 'illness (ns)' : 'other justified reason (nc)', value: r })));
        },
        run: (ctx) => justifyAbsences(ctx, opts),
        print: (r, out) => {
          out.data(r, columns);
          out.info(r.length === 0 ? 'Nothing to justify: no n absences in that range, and no justified ones to switch.' : `Justified ${r.length} absence(s).`);
        },
      });
    });

  lessonRefOptions(absence.command('remove [id]').description('withdraw a wrongly marked absence (its history is kept)'))
    .option('--student <code>', 'student (with the lesson options)')
    .option('--reason <text>', 'why it was wrong')
    .addHelpText('after', examples('ezurnals absence remove 12 --reason "Bija klāt" --as T01', 'ezurnals absence remove --lesson 1 --student S001 --as T01 --yes'))
    .action(async (id: string | undefined, opts: AbsenceRef & { reason?: string }, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: () => confirmOrSkip(globalOptions(command).yes, 'Remove this absence?'),
        run: (ctx) => removeAbsence(ctx, { ...opts, id }),
        print: (r, out) => out.data(r, columns),
      });
    });

  lessonRefOptions(absence.command('history [id]').description('every change of an absence: who marked, justified or removed it, and when'))
    .addHelpText('after', examples('ezurnals absence history 7', 'ezurnals absence history --class 7.a --subject mat --date 2026-10-05 --student S001'))
    .option('--student <code>', 'student (with the lesson options)')
    .action(async (id: string | undefined, opts: AbsenceRef, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => absenceHistory(ctx, { ...opts, id }), print: (r, out) => out.data(r, historyColumns) });
    });

  absence
    .command('list')
    .description('list absences')
    .option('--student <code>', 'student')
    .option('--class <class>', 'class')
    .option('--lesson <id>', 'lesson')
    .option('--from <date>', 'from date')
    .option('--to <date>', 'to date')
    .option('--code <code>', 'n, k, ns or nc')
    .option('--include-removed', 'also withdrawn absences')
    .addHelpText('after', examples('ezurnals absence list --class 7.a --code n --from 2026-10-01'))
    .action(async (opts: { student?: string; class?: string; lesson?: string; from?: string; to?: string; code?: string; includeRemoved?: boolean }, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listAbsences(ctx, opts), print: (r, out) => out.data(r, columns) });
    });

  absence
    .command('notes')
    .description("guardians' absence notes (zīmes) sent in the web diary: the class teacher's own classes")
    .option('--class <class>', 'class')
    .option('--status <status>', 'pending, accepted or declined')
    .addHelpText('after', examples('ezurnals absence notes --status pending --as T01'))
    .action(async (opts: { class?: string; status?: string }, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listAbsenceNotes(ctx, opts), print: (r, out) => out.data(r, noteColumns) });
    });

  for (const [name, decision, description] of [
    ['note-accept', 'accept', "accept an absence note: its days' n absences are justified (illness → ns, other → nc), linked to the note"],
    ['note-decline', 'decline', 'decline an absence note: the absences stay as they are'],
  ] as const) {
    absence
      .command(`${name} <id>`)
      .description(description)
      .option('--note <text>', 'the class teacher\'s remark')
      .addHelpText('after', examples(`ezurnals absence ${name} 3 --as T01`))
      .action(async (id: string, opts: { note?: string }, command: Command) => {
        await runCommand(command, {
          write: true,
          run: (ctx) => decideAbsenceNote(ctx, { id, decision, note: opts.note }),
          print: (r, out) => {
            out.data(r, noteColumns);
            if (!out.json) out.info(decision === 'accept' ? `Accepted note ${r.id}: ${r.absences} absence(s) justified.` : `Declined note ${r.id}.`);
          },
        });
      });
  }
}
