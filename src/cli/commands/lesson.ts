import type { Command } from 'commander';
import type { LessonView } from '../../db/repositories/lessons.ts';
import { addLesson, LESSON_NUMBERS, listLessons, setLesson, showLesson, type LessonInput, type LessonRef } from '../../services/lessons.ts';
import { decimalInteger } from '../../services/input.ts';
import { parseDateInput } from '../../domain/dates.ts';
import { listSubjectViews } from '../../services/subjects.ts';
import { listAssignments } from '../../services/assignments.ts';
import type { ServiceContext } from '../../services/context.ts';
import type { Column, Output } from '../output.ts';
import { io } from '../io.ts';
import { examples } from '../options.ts';
import { askChoice, askText, canPrompt } from '../prompt.ts';
import { runCommand } from '../runtime.ts';
import { chooseClass } from './student.ts';
import { m as t } from '../../i18n/messages/journal-lessons.ts';
import { m as w } from '../../i18n/messages/words.ts';

/** A function, not a constant: the headers are read in the run's language. */
export const lessonColumns = (): Column<LessonView>[] => [
  { header: w.id, value: (l) => l.id },
  { header: w.date, value: (l) => l.date },
  { header: w.lessonNumber, value: (l) => l.number },
  { header: w.class, value: (l) => l.class },
  { header: w.subject, value: (l) => (l.group ? `${l.subject} (${l.group})` : l.subject) },
  { header: w.teacher, value: (l) => (l.substitute_for ? t.substituteFor(l.teacher, l.substitute_for) : l.teacher) },
  { header: w.topic, value: (l) => l.topic },
  { header: t.colHomework, value: (l) => l.homework },
];

/**
 * The subject, picked from those taught in the class; a teacher is offered
 * only the subjects they teach there (a substitute names the subject with
 * --subject), anyone else every subject of the class.
 */
export async function chooseSubject(ctx: ServiceContext, classCode: string | undefined, value: string | undefined): Promise<string> {
  return askChoice(value, '--subject', t.promptSubject, async () => {
    const inClass = classCode ? await listAssignments(ctx, { class: classCode }) : [];
    const own = inClass.filter((a) => ctx.actor?.kind === 'staff' && a.teacher === ctx.actor.code);
    const taught = own.length > 0 ? own : inClass;
    if (taught.length > 0) return [...new Map(taught.map((a) => [a.subject, { name: `${a.subject_name} (${a.subject})`, value: a.subject }])).values()];
    return (await listSubjectViews(ctx)).map((s) => ({ name: `${s.name} (${s.code})`, value: s.code }));
  });
}

/** On a terminal, a lesson named by nothing is picked: class, subject, then one of its recent lessons. */
export async function chooseLesson(ctx: ServiceContext, ref: LessonRef): Promise<void> {
  if (ref.lesson !== undefined || (ref.class && ref.subject && ref.date) || !canPrompt()) return;
  ref.class = await chooseClass(ctx, ref.class);
  ref.subject = await chooseSubject(ctx, ref.class, ref.subject);
  const lessons = (await listLessons(ctx, { class: ref.class, subject: ref.subject })).reverse().slice(0, 30);
  ref.lesson = await askChoice(undefined, '--lesson', t.promptLesson, async () => lessons.map((l) => ({ name: `${l.date} #${l.number} ${l.topic}`, value: String(l.id) })));
}

/**
 * Whether a person reads this run's output as tables: only then does a
 * command add its sentence on stderr (whose grade, whose absence). A script
 * (--json, or a batch's lines) gets the JSON alone.
 */
export const forPeople = (out: Output): boolean => !out.json && io().jsonOutput !== true;

/** A prompt's date answer that is no date: asked again. */
export const dateProblem = (answer: string): string | null => (parseDateInput(answer) ? null : t.notADate(answer));

const lessonNumberProblem = (answer: string): string | null => {
  const n = decimalInteger(answer);
  return n >= LESSON_NUMBERS.min && n <= LESSON_NUMBERS.max ? null : t.notALessonNumber(answer, LESSON_NUMBERS.min, LESSON_NUMBERS.max);
};

export function lessonRefOptions(command: Command): Command {
  return command
    .option('--lesson <id>', t.optLesson)
    .option('--class <class>', t.optRefClass)
    .option('--subject <code>', t.optRefSubject)
    .option('--date <date>', t.optRefDate)
    .option('--number <n>', t.optRefNumber)
    .option('--group <code>', t.optRefGroup);
}

export function registerLesson(program: Command): void {
  const lesson = program.command('lesson').description(t.family);

  lesson
    .command('add')
    .description(t.addDescription)
    .option('--class <class>', w.classExample)
    .option('--subject <code>', w.subjectCode)
    .option('--group <code>', t.addGroup)
    .option('--date <date>', t.addDate)
    .option('--number <n>', t.addNumber)
    .option('--topic <text>', t.addTopic)
    .option('--homework <text>', t.addHomework)
    .option('--teacher <code>', t.addTeacher)
    .option('--substitute-for <code>', t.addSubstituteFor)
    .option('--force', t.addForce)
    .addHelpText(
      'after',
      examples(
        'ezurnals lesson add --class 7.a --subject mat --date 2026-10-05 --number 2 --topic "Daļskaitļi" --homework "12. lpp., 3. uzd." --as T01',
        'ezurnals lesson add --class 7.a --subject mat --date 2026-10-06 --number 3 --topic "Procenti" --substitute-for T01 --as T02',
        'ezurnals lesson add --group 7a-ang1 --date 2026-10-05 --number 3 --topic "Present Simple" --as T05',
      ),
    )
    .action(async (opts: LessonInput, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async (ctx) => {
          if (!opts.group) {
            opts.class = await chooseClass(ctx, opts.class);
            opts.subject = await chooseSubject(ctx, opts.class, opts.subject);
          }
          opts.date = await askText(opts.date, '--date', w.askDate, dateProblem);
          opts.number = await askText(opts.number as string | undefined, '--number', t.promptLessonNumber, lessonNumberProblem);
          opts.topic = await askText(opts.topic, '--topic', w.askTopic);
        },
        run: (ctx) => addLesson(ctx, opts),
        print: (r, out) => out.data(r, lessonColumns()),
      });
    });

  lessonRefOptions(lesson.command('set [id]').description(t.setDescription))
    .option('--topic <text>', t.setTopic)
    .option('--homework <text>', t.setHomework)
    .addHelpText('after', examples('ezurnals lesson set 1 --homework "13. lpp., 1.–4. uzd." --as T01'))
    .action(async (id: string | undefined, opts: LessonRef & { topic?: string; homework?: string }, command: Command) => {
      const ref = { ...opts, lesson: id ?? opts.lesson };
      await runCommand(command, { write: true, prepare: (ctx) => chooseLesson(ctx, ref), run: (ctx) => setLesson(ctx, ref, opts), print: (r, out) => out.data(r, lessonColumns()) });
    });

  lessonRefOptions(lesson.command('show [id]').description(t.showDescription))
    .addHelpText('after', examples('ezurnals lesson show 12', 'ezurnals lesson show --class 7.a --subject mat --date 2026-10-05'))
    .action(async (id: string | undefined, opts: LessonRef, command: Command) => {
      const ref = { ...opts, lesson: id ?? opts.lesson };
      await runCommand(command, { write: false, prepare: (ctx) => chooseLesson(ctx, ref), run: (ctx) => showLesson(ctx, ref), print: (r, out) => out.data(r, lessonColumns()) });
    });

  lesson
    .command('list')
    .description(t.listDescription)
    .option('--class <class>', w.class)
    .option('--subject <code>', w.subject)
    .option('--teacher <code>', t.listTeacher)
    .option('--from <date>', w.fromDate)
    .option('--to <date>', w.toDate)
    .addHelpText('after', examples('ezurnals lesson list --class 7.a --subject mat --from 2026-10-01 --to 2026-10-31'))
    .action(async (opts: { class?: string; subject?: string; teacher?: string; from?: string; to?: string }, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listLessons(ctx, opts), print: (r, out) => out.data(r, lessonColumns()) });
    });
}
