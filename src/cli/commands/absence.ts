import type { Command } from 'commander';
import type { AbsenceChangeView, AbsenceView } from '../../db/repositories/absences.ts';
import { absenceHistory, justifyAbsences, listAbsences, markAbsences, removeAbsence, showAbsence, type AbsenceRef, type MarkInput } from '../../services/absences.ts';
import { listStudentViews } from '../../services/students.ts';
import type { Column } from '../output.ts';
import { collect, examples } from '../options.ts';
import { askChoice, askText, canPrompt, confirmOrSkip } from '../prompt.ts';
import { JUSTIFY_REASONS } from '../../domain/absence.ts';
import { globalOptions, runCommand } from '../runtime.ts';
import { chooseLesson, forPeople, lessonRefOptions } from './lesson.ts';
import { resolveLesson } from '../../services/lessons.ts';
import { m as t } from '../../i18n/messages/journal-absences.ts';
import { named, namedList } from '../../i18n/messages/journal-people.ts';
import { decideAbsenceNote, listAbsenceNotes, type AbsenceNoteView } from '../../services/absence-notes.ts';

// Functions, not constants: the headers are read in the run's language.
const columns = (): Column<AbsenceView>[] => [
  { header: t.colId, value: (a) => a.id },
  { header: t.colDate, value: (a) => a.date },
  { header: t.colNumber, value: (a) => a.number },
  { header: t.colClass, value: (a) => a.class },
  { header: t.colSubject, value: (a) => a.subject },
  { header: t.colStudent, value: (a) => `${a.student_name} (${a.student})` },
  { header: t.colCode, value: (a) => (a.removed ? t.removed(a.code) : a.code) },
  { header: t.colMarked, value: (a) => t.markedBy(a.marked_code, a.marked_by) },
  { header: t.colDecided, value: (a) => (a.decided_by ? `${a.decided_by} ${a.decided_at}` : '') },
];

const historyColumns = (): Column<AbsenceChangeView>[] => [
  { header: t.colWhen, value: (h) => h.changed_at },
  { header: t.colWho, value: (h) => h.changed_by },
  { header: t.colAction, value: (h) => h.action },
  { header: t.colBefore, value: (h) => h.code_before },
  { header: t.colAfter, value: (h) => h.code_after },
  { header: t.colReason, value: (h) => h.reason },
];

const noteColumns = (): Column<AbsenceNoteView>[] => [
  { header: t.colId, value: (n) => n.id },
  { header: t.colStudent, value: (n) => `${n.student_name} (${n.student})` },
  { header: t.colClass, value: (n) => n.class },
  { header: t.colFrom, value: (n) => n.from },
  { header: t.colTo, value: (n) => n.to },
  { header: t.colReason, value: (n) => n.reason },
  { header: t.colText, value: (n) => n.text },
  { header: t.colGuardian, value: (n) => n.guardian },
  { header: t.colSent, value: (n) => n.created_at },
  { header: t.colStatus, value: (n) => (n.decided_by ? t.statusBy(n.status, n.decided_by) : n.status) },
  { header: t.colJustified, value: (n) => n.absences },
];

/** A view's student as messages name them: "Jānis Bērziņš (S001)", declined in Latvian. */
const studentOf = (a: AbsenceView) => ({ code: a.student, name: a.student_name });

export function registerAbsence(program: Command): void {
  const absence = program.command('absence').description(t.family);

  lessonRefOptions(absence.command('mark').description(t.markDescription))
    .option('--student <code>', t.markStudent, collect)
    .option('--code <code>', t.markCode, 'n')
    .option('--note <text>', t.markNote)
    .addHelpText('after', examples('ezurnals absence mark --lesson 1 --student S001 --student S002 --as T01', 'ezurnals absence mark --class 7.a --subject mat --date 2026-10-05 --student S003 --code k --as T01'))
    .action(async (opts: MarkInput & { student?: string[] }, command: Command) => {
      const input: MarkInput = { ...opts, students: opts.student };
      await runCommand(command, {
        write: true,
        prepare: async (ctx) => {
          await chooseLesson(ctx, input);
          if ((input.students ?? []).length === 0 && canPrompt()) {
            const { schoolClass } = await resolveLesson(ctx, input);
            input.students = [await askChoice(undefined, '--student', t.promptStudent, async () => (await listStudentViews(ctx, { class: schoolClass.code })).map((s) => ({ name: `${s.last_name} ${s.first_name} (${s.code})`, value: s.code })))];
          }
        },
        run: (ctx) => markAbsences(ctx, input),
        print: (r, out) => {
          out.data(r, [...columns(), { header: t.colChange, value: (a) => a.change }]);
          const changed = r.filter((a) => a.change !== 'unchanged');
          if (forPeople(out) && changed.length > 0) out.info(t.markedFor(changed.length, namedList(changed.map(studentOf))));
        },
      });
    });

  absence
    .command('justify')
    .description(t.justifyDescription)
    .option('--student <code>', t.justifyStudent)
    .option('--from <date>', t.justifyFrom)
    .option('--to <date>', t.justifyTo)
    .option('--reason <reason>', t.justifyReason)
    .option('--note <text>', t.justifyNote)
    .addHelpText('after', examples('ezurnals absence justify --student S001 --from 2026-10-05 --to 2026-10-07 --reason illness --note "Ārsta zīme" --as T01'))
    .action(async (opts: { student?: string; from?: string; to?: string; reason?: string; note?: string }, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async () => {
          opts.student = await askText(opts.student, '--student', t.promptStudentCode);
          opts.from = await askText(opts.from, '--from', t.promptFrom);
          opts.reason = await askChoice(opts.reason, '--reason', t.promptReason, async () => JUSTIFY_REASONS.map((r) => ({ name: r === 'illness' ? t.choiceIllness : t.choiceOther, value: r })));
        },
        run: (ctx) => justifyAbsences(ctx, opts),
        print: (r, out) => {
          out.data(r, columns());
          out.info(r.length === 0 ? t.nothingToJustify : t.justified(r.length, namedList(r.map(studentOf), 'dative')));
        },
      });
    });

  lessonRefOptions(absence.command('remove [id]').description(t.removeDescription))
    .option('--student <code>', t.refStudent)
    .option('--reason <text>', t.removeReason)
    .addHelpText('after', examples('ezurnals absence remove 12 --reason "Bija klāt" --as T01', 'ezurnals absence remove --lesson 1 --student S001 --as T01 --yes'))
    .action(async (id: string | undefined, opts: AbsenceRef & { reason?: string }, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async (ctx) => {
          // A person at a terminal is asked about the absence by its student's name, not only an id.
          const yes = globalOptions(command).yes;
          if (yes || !canPrompt()) return;
          const a = await showAbsence(ctx, { ...opts, id });
          await confirmOrSkip(yes, t.confirmRemoveOf(named(studentOf(a), 'genitive'), a.date, a.number, a.subject));
        },
        run: (ctx) => removeAbsence(ctx, { ...opts, id }),
        print: (r, out) => out.data(r, columns()),
      });
    });

  lessonRefOptions(absence.command('history [id]').description(t.historyDescription))
    .addHelpText('after', examples('ezurnals absence history 7', 'ezurnals absence history --class 7.a --subject mat --date 2026-10-05 --student S001'))
    .option('--student <code>', t.refStudent)
    .action(async (id: string | undefined, opts: AbsenceRef, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => absenceHistory(ctx, { ...opts, id }), print: (r, out) => out.data(r, historyColumns()) });
    });

  absence
    .command('list')
    .description(t.listDescription)
    .option('--student <code>', t.listStudent)
    .option('--class <class>', t.listClass)
    .option('--lesson <id>', t.listLesson)
    .option('--from <date>', t.listFrom)
    .option('--to <date>', t.listTo)
    .option('--code <code>', t.listCode)
    .option('--include-removed', t.listIncludeRemoved)
    .addHelpText('after', examples('ezurnals absence list --class 7.a --code n --from 2026-10-01'))
    .action(async (opts: { student?: string; class?: string; lesson?: string; from?: string; to?: string; code?: string; includeRemoved?: boolean }, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listAbsences(ctx, opts), print: (r, out) => out.data(r, columns()) });
    });

  absence
    .command('notes')
    .description(t.notesDescription)
    .option('--class <class>', t.notesClass)
    .option('--status <status>', t.notesStatus)
    .addHelpText('after', examples('ezurnals absence notes --status pending --as T01'))
    .action(async (opts: { class?: string; status?: string }, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listAbsenceNotes(ctx, opts), print: (r, out) => out.data(r, noteColumns()) });
    });

  for (const [name, decision, description] of [
    ['note-accept', 'accept', t.acceptDescription],
    ['note-decline', 'decline', t.declineDescription],
  ] as const) {
    absence
      .command(`${name} <id>`)
      .description(description)
      .option('--note <text>', t.decisionNote)
      .addHelpText('after', examples(`ezurnals absence ${name} 3 --as T01`))
      .action(async (id: string, opts: { note?: string }, command: Command) => {
        await runCommand(command, {
          write: true,
          run: (ctx) => decideAbsenceNote(ctx, { id, decision, note: opts.note }),
          print: (r, out) => {
            out.data(r, noteColumns());
            if (!out.json) out.info(decision === 'accept' ? t.noteAccepted(r.id, r.absences) : t.noteDeclined(r.id));
          },
        });
      });
  }
}
