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
import { chooseLesson, lessonRefOptions } from './lesson.ts';
import { chooseStudent } from './student.ts';

const columns: Column<GradeView>[] = [
  { header: 'id', value: (g) => g.id },
  { header: 'date', value: (g) => g.date },
  { header: 'class', value: (g) => g.class },
  { header: 'subject', value: (g) => g.subject },
  { header: 'student', value: (g) => `${g.student_name} (${shownStudentCode(g.student)})` },
  { header: 'work', value: (g) => g.work },
  { header: 'grade', value: (g) => g.value },
  { header: 'note', value: (g) => g.note },
  { header: 'by', value: (g) => g.updated_by },
];

const historyColumns: Column<GradeChangeView>[] = [
  { header: 'when', value: (h) => h.changed_at },
  { header: 'who', value: (h) => h.changed_by },
  { header: 'before', value: (h) => h.value_before },
  { header: 'after', value: (h) => h.value_after },
  { header: 'reason', value: (h) => h.reason ?? (h.value_before === null ? '(entered)' : '') },
  { header: 'improved on', value: (h) => h.improved_on },
];

const missingColumns: Column<MissingTermGrade>[] = [
  { header: 'class', value: (m) => m.class },
  { header: 'subject', value: (m) => m.subject_name },
  { header: 'teacher', value: (m) => `${m.teacher_name} (${m.teacher})` },
  { header: 'student', value: (m) => `${m.student_name} (${m.student})` },
];

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
  const grade = program.command('grade').description('grades: lesson grades, tests, credits, semester, annual and exam grades');

  lessonRefOptions(grade.command('enter').description('enter grades for one or more students (in a lesson, or by class, subject and date)'))
    .option('--student <code[=value]>', 'student, or STUDENT=VALUE (repeatable)', collect)
    .option('--value <value>', 'grade: 1–10, i, ni, +, -, /, S, T, A, P, nv, or a (exempt, term grades only)')
    .option('--work <kind>', WORK_KINDS.join(' | '), 'regular')
    .option('--note <text>', 'note (e.g. what the work was)')
    .option('--exempt-certificate <text>', "the doctor's certificate for an exemption (a)")
    .option('--reason <text>', 'a make-up grade for a subject whose annual grade is not failing: why (§26; kept as its note)')
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
            input.value = await askText(input.value, '--value', 'Grade', gradeProblem(input, level));
          }
        },
        run: (ctx) => enterGrades(ctx, input),
        print: (r, out) => out.data(r, columns),
      });
    });

  grade
    .command('correct <id>')
    .description('correct a grade; the previous value, who, when and why are kept')
    .option('--value <value>', 'the corrected grade')
    .option('--reason <text>', 'why (required)')
    .option('--note <text>', 'new note')
    .option('--exempt-certificate <text>', "doctor's certificate, when correcting to a (exempt)")
    .option('--improved-on <date>', 'the student improved the grade on this day (§23): its entry deadline counts from it')
    .addHelpText('after', examples('ezurnals grade correct 1 --value 9 --reason "Darbs pārrakstīts" --as T01', 'ezurnals grade correct 1 --value 7 --reason "Uzlabots" --improved-on 2026-11-23 --as T01'))
    .action(async (id: string, opts: { value?: string; reason?: string; note?: string; exemptCertificate?: string; improvedOn?: string }, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async () => {
          opts.value = await askText(opts.value, '--value', 'Corrected grade');
          opts.reason = await askText(opts.reason, '--reason', 'Reason');
        },
        run: (ctx) => correctGrade(ctx, id, opts),
        print: (r, out) => {
          if (r.unchanged) out.info(`Grade ${r.id} is already ${r.value}: nothing changed.`);
          const { unchanged: _u, ...view } = r;
          out.data(view, columns);
        },
      });
    });

  grade
    .command('history <id>')
    .addHelpText('after', examples('ezurnals grade history 42', 'ezurnals grade history 42 --json'))
    .description('the full history of a grade')
    .action(async (id: string, _opts, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => gradeHistory(ctx, id), print: (r, out) => out.data(r, historyColumns) });
    });

  grade
    .command('list')
    .description('list grades')
    .option('--student <code>', 'student')
    .option('--class <class>', 'class')
    .option('--subject <code>', 'subject')
    .option('--from <date>', 'from date')
    .option('--to <date>', 'to date')
    .option('--work <kind>', 'only this kind of work')
    .addHelpText('after', examples('ezurnals grade list --class 7.a --subject mat --json'))
    .action(async (opts: { student?: string; class?: string; subject?: string; from?: string; to?: string; work?: string }, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listGrades(ctx, opts), print: (r, out) => out.data(r, columns) });
    });

  grade
    .command('missing')
    .description('students still without a semester or annual grade in a subject their class is taught')
    .option('--term <term>', '1 (I semester), 2 (II semester) or year (the annual grade)')
    .option('--class <class>', 'only this class')
    .option('--subject <code>', 'only this subject')
    .addHelpText(
      'after',
      `\nCounted are the students in the class on the last day of the term; one who moved to another class\nbefore then is listed under the new class. Any value counts as given, nv and a (exempt) too.\n${examples('ezurnals grade missing --term 1 --class 7.a', 'ezurnals grade missing --term year --subject mat --json')}`,
    )
    .action(async (opts: { term?: string; class?: string; subject?: string }, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => missingTermGrades(ctx, opts), print: (r, out) => out.data(r, missingColumns) });
    });
}
