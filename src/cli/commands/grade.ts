import type { Command } from 'commander';
import type { GradeChangeView, GradeView } from '../../db/repositories/grades.ts';
import { correctGrade, enterGrades, gradeHistory, listGrades, missingTermGrades, type GradeInput, type MissingTermGrade } from '../../services/grades.ts';
import { checkGrade, isWorkKind, WORK_KINDS } from '../../domain/grade-scale.ts';
import { shownStudentCode } from '../../domain/personal-code.ts';
import { showLesson } from '../../services/lessons.ts';
import { listClasses } from '../../services/classes.ts';
import type { Column } from '../output.ts';
import { collect, examples } from '../options.ts';
import { askText, canPrompt } from '../prompt.ts';
import { runCommand } from '../runtime.ts';
import { chooseLesson, forPeople, lessonRefOptions } from './lesson.ts';
import { chooseStudent } from './student.ts';
import { m as t } from '../../i18n/messages/journal-grades.ts';
import { namedList, named } from '../../i18n/messages/journal-people.ts';
import { m as w } from '../../i18n/messages/words.ts';

// Functions, not constants: the headers are read in the run's language.
const columns = (): Column<GradeView>[] => [
  { header: w.id, value: (g) => g.id },
  { header: w.date, value: (g) => g.date },
  { header: w.class, value: (g) => g.class },
  { header: w.subject, value: (g) => g.subject },
  { header: w.student, value: (g) => `${g.student_name} (${shownStudentCode(g.student)})` },
  { header: t.colWork, value: (g) => g.work },
  { header: w.grade, value: (g) => g.value },
  { header: w.note, value: (g) => g.note },
  { header: w.recordedBy, value: (g) => g.updated_by },
];

const historyColumns = (): Column<GradeChangeView>[] => [
  { header: w.when, value: (h) => h.changed_at },
  { header: w.who, value: (h) => h.changed_by },
  { header: w.before, value: (h) => h.value_before },
  { header: w.after, value: (h) => h.value_after },
  { header: w.reason, value: (h) => h.reason ?? (h.value_before === null ? t.entered : '') },
  { header: t.colImprovedOn, value: (h) => h.improved_on },
];

const missingColumns = (): Column<MissingTermGrade>[] => [
  { header: w.class, value: (m) => m.class },
  { header: w.subject, value: (m) => m.subject_name },
  { header: w.teacher, value: (m) => `${m.teacher_name} (${m.teacher})` },
  { header: w.student, value: (m) => `${m.student_name} (${m.student})` },
];

/** A view's student as messages name them: "Jānis Bērziņš (S001)", declined in Latvian. */
const studentOf = (g: GradeView) => ({ code: g.student, name: g.student_name });

/** A prompt's grade answer off the scale of the work and the class level: asked again, naming what is accepted. */
export function gradeProblem(input: GradeInput, level: number | undefined): (answer: string) => string | null {
  return (answer) => {
    const work = input.work ?? 'regular';
    if (!isWorkKind(work)) return null;
    const check = checkGrade({ value: answer, work, level, exemptCertificate: input.exemptCertificate });
    return check.ok ? null : check.reason;
  };
}

export function registerGrade(program: Command): void {
  const grade = program.command('grade').description(t.family);

  lessonRefOptions(grade.command('enter').description(t.enterDescription))
    .option('--student <code[=value]>', t.enterStudent, collect)
    .option('--value <value>', t.enterValue)
    .option('--work <kind>', WORK_KINDS.join(' | '), 'regular')
    .option('--note <text>', t.enterNote)
    .option('--exempt-certificate <text>', t.enterCertificate)
    .option('--reason <text>', t.enterReason)
    .addHelpText(
      'after',
      examples(
        'ezurnals grade enter --lesson 1 --student S001 --value 8 --work test --as T01',
        'ezurnals grade enter --lesson 1 --student S001=8 --student S002=7 --as T01',
        'ezurnals grade enter --class 7.a --subject mat --work semester1 --student S001=7 --as T01',
        'ezurnals grade enter --class 7.a --subject spo --work annual --student S004 --value a --exempt-certificate "Ārsta izziņa Nr. 12" --as T01',
      ),
    )
    .action(async (opts: GradeInput & { student?: string[] }, command: Command) => {
      const input: GradeInput = { ...opts, students: opts.student };
      await runCommand(command, {
        write: true,
        prepare: async (ctx) => {
          if (input.class === undefined) await chooseLesson(ctx, input);
          if ((input.students ?? []).length === 0 && canPrompt()) {
            const classCode = input.class ?? (await showLesson(ctx, input)).class;
            input.students = [await chooseStudent(ctx, classCode, undefined)];
            const level = (await listClasses(ctx)).find((c) => c.code === classCode)?.level;
            input.value = await askText(input.value, '--value', t.promptGrade, gradeProblem(input, level));
          }
        },
        run: (ctx) => enterGrades(ctx, input),
        print: (r, out) => {
          out.data(r, columns());
          if (forPeople(out) && r.length > 0) out.info(t.enteredFor(r.length, namedList(r.map(studentOf), 'dative')));
        },
      });
    });

  grade
    .command('correct <id>')
    .description(t.correctDescription)
    .option('--value <value>', t.correctValue)
    .option('--reason <text>', t.correctReason)
    .option('--note <text>', t.correctNote)
    .option('--exempt-certificate <text>', t.correctCertificate)
    .option('--improved-on <date>', t.correctImprovedOn)
    .addHelpText('after', examples('ezurnals grade correct 1 --value 9 --reason "Darbs pārrakstīts" --as T01', 'ezurnals grade correct 1 --value 7 --reason "Uzlabots" --improved-on 2026-11-23 --as T01'))
    .action(async (id: string, opts: { value?: string; reason?: string; note?: string; exemptCertificate?: string; improvedOn?: string }, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async () => {
          opts.value = await askText(opts.value, '--value', t.promptCorrected);
          opts.reason = await askText(opts.reason, '--reason', w.askReason);
        },
        run: (ctx) => correctGrade(ctx, id, opts),
        print: (r, out) => {
          if (r.unchanged) out.info(t.unchanged(r.id, r.value));
          const { unchanged: _u, ...view } = r;
          out.data(view, columns());
          if (!r.unchanged && forPeople(out)) out.info(t.correctedFor(named(studentOf(r), 'genitive'), r.value));
        },
      });
    });

  grade
    .command('history <id>')
    .addHelpText('after', examples('ezurnals grade history 42', 'ezurnals grade history 42 --json'))
    .description(t.historyDescription)
    .action(async (id: string, _opts, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => gradeHistory(ctx, id), print: (r, out) => out.data(r, historyColumns()) });
    });

  grade
    .command('list')
    .description(t.listDescription)
    .option('--student <code>', w.student)
    .option('--class <class>', w.class)
    .option('--subject <code>', w.subject)
    .option('--from <date>', w.fromDate)
    .option('--to <date>', w.toDate)
    .option('--work <kind>', t.listWork)
    .addHelpText('after', examples('ezurnals grade list --class 7.a --subject mat --json'))
    .action(async (opts: { student?: string; class?: string; subject?: string; from?: string; to?: string; work?: string }, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listGrades(ctx, opts), print: (r, out) => out.data(r, columns()) });
    });

  grade
    .command('missing')
    .description(t.missingDescription)
    .option('--term <term>', t.missingTerm)
    .option('--class <class>', w.onlyClass)
    .option('--subject <code>', w.onlySubject)
    .addHelpText(
      'after',
      `\n${t.missingNotes}\n${examples('ezurnals grade missing --term 1 --class 7.a', 'ezurnals grade missing --term year --subject mat --json')}`,
    )
    .action(async (opts: { term?: string; class?: string; subject?: string }, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => missingTermGrades(ctx, opts), print: (r, out) => out.data(r, missingColumns()) });
    });
}
