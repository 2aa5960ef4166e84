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
import { m as w } from '../../i18n/messages/words.ts';
import { decideAbsenceNote, listAbsenceNotes, type AbsenceNoteView } from '../../services/absence-notes.ts';

// Functions, not constants: the headers are read in the run's language.
const columns = (): Column<AbsenceView>[] => [
  { header: w.id, value: (a) => a.id },
  { header: w.date, value: (a) => a.date },
  { header: w.lessonNumber, value: (a) => a.number },
  { header: w.class, value: (a) => a.class },
  { header: w.subject, value: (a) => a.subject },
  { header: w.student, value: (a) => `${a.student_name} (${a.student})` },
  { header: w.code, value: (a) => (a.removed ? t.removed(a.code) : a.code) },
  { header: t.colMarked, value: (a) => t.markedBy(a.marked_code, a.marked_by) },
  { header: t.colDecided, value: (a) => (a.decided_by ? `${a.decided_by} ${a.decided_at}` : '') },
];

const historyColumns = (): Column<AbsenceChangeView>[] => [
  { header: w.when, value: (h) => h.changed_at },
  { header: w.who, value: (h) => h.changed_by },
  { header: t.colAction, value: (h) => h.action },
  { header: w.before, value: (h) => h.code_before },
  { header: w.after, value: (h) => h.code_after },
  { header: w.reason, value: (h) => h.reason },
];

const noteColumns = (): Column<AbsenceNoteView>[] => [
  { header: w.id, value: (n) => n.id },
  { header: w.student, value: (n) => `${n.student_name} (${n.student})` },
  { header: w.class, value: (n) => n.class },
  { header: w.from, value: (n) => n.from },
  { header: w.to, value: (n) => n.to },
  { header: w.reason, value: (n) => n.reason },
  { header: w.text, value: (n) => n.text },
  { header: w.guardian, value: (n) => n.guardian },
  { header: w.sent, value: (n) => n.created_at },
  { header: w.status, value: (n) => (n.decided_by ? t.statusBy(n.status, n.decided_by) : n.status) },
  { header: t.colJustified, value: (n) => n.absences },
];

/** A view's student as messages name them: "Jānis Bērziņš (S001)", declined in Latvian. */
const studentOf = (a: AbsenceView) => ({ code: a.student, name: a.student_name });

export function registerAbsence(program: Command): void {
  const absence = program.command('absence').description(t.family);

  lessonRefOptions(absence.command('mark').description(t.markDescription))
    .option('--student <code>', w.studentRepeatable, collect)
    .option('--code <code>', t.markCode, 'n')
    .option('--note <text>', w.note)
    .addHelpText('after', examples('ezurnals absence mark --lesson 1 --student S001 --student S002 --as T01', 'ezurnals absence mark --class 7.a --subject mat --date 2026-10-05 --student S003 --code k --as T01'))
    .action(async (opts: MarkInput & { student?: string[] }, command: Command) => {
      const input: MarkInput = { ...opts, students: opts.student };
      await runCommand(command, {
        write: true,
        prepare: async (ctx) => {
          await chooseLesson(ctx, input);
          if ((input.students ?? []).length === 0 && canPrompt()) {
            const { schoolClass } = await resolveLesson(ctx, input);
            input.students = [await askChoice(undefined, '--student', w.askStudent, async () => (await listStudentViews(ctx, { class: schoolClass.code })).map((s) => ({ name: `${s.last_name} ${s.first_name} (${s.code})`, value: s.code })))];
          }
        },
        run: (ctx) => markAbsences(ctx, input),
        print: (r, out) => {
          out.data(r, [...columns(), { header: w.change, value: (a) => a.change }]);
          const changed = r.filter((a) => a.change !== 'unchanged');
          if (forPeople(out) && changed.length > 0) out.info(t.markedFor(changed.length, namedList(changed.map(studentOf))));
        },
      });
    });

  absence
    .command('justify')
    .description(t.justifyDescription)
    .option('--student <code>', w.student)
    .option('--from <date>', w.firstDay)
    .option('--to <date>', w.lastDayDefaultFrom)
    .option('--reason <reason>', t.justifyReason)
    .option('--note <text>', t.justifyNote)
    .addHelpText('after', examples('ezurnals absence justify --student S001 --from 2026-10-05 --to 2026-10-07 --reason illness --note "Ārsta zīme" --as T01'))
    .action(async (opts: { student?: string; from?: string; to?: string; reason?: string; note?: string }, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async () => {
          opts.student = await askText(opts.student, '--student', w.askStudentCode);
          opts.from = await askText(opts.from, '--from', t.promptFrom);
          opts.reason = await askChoice(opts.reason, '--reason', w.askReason, async () => JUSTIFY_REASONS.map((r) => ({ name: r === 'illness' ? t.choiceIllness : t.choiceOther, value: r })));
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
    .option('--student <code>', w.student)
    .option('--class <class>', w.class)
    .option('--lesson <id>', t.listLesson)
    .option('--from <date>', w.fromDate)
    .option('--to <date>', w.toDate)
    .option('--code <code>', t.listCode)
    .option('--include-removed', t.listIncludeRemoved)
    .addHelpText('after', examples('ezurnals absence list --class 7.a --code n --from 2026-10-01'))
    .action(async (opts: { student?: string; class?: string; lesson?: string; from?: string; to?: string; code?: string; includeRemoved?: boolean }, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listAbsences(ctx, opts), print: (r, out) => out.data(r, columns()) });
    });

  absence
    .command('notes')
    .description(t.notesDescription)
    .option('--class <class>', w.class)
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
