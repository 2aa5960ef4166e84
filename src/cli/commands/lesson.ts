import type { Command } from 'commander';
import type { LessonView } from '../../db/repositories/lessons.ts';
import { addLesson, LESSON_NUMBERS, listLessons, setLesson, showLesson, type LessonInput, type LessonRef } from '../../services/lessons.ts';
import { decimalInteger } from '../../services/input.ts';
import { parseDateInput } from '../../domain/dates.ts';
import { listSubjectViews } from '../../services/subjects.ts';
import { listAssignments } from '../../services/assignments.ts';
import type { ServiceContext } from '../../services/context.ts';
import type { Column } from '../output.ts';
import { examples } from '../options.ts';
import { askChoice, askText, canPrompt } from '../prompt.ts';
import { runCommand } from '../runtime.ts';
import { chooseClass } from './student.ts';

export const lessonColumns: Column<LessonView>[] = [
  { header: 'id', value: (l) => l.id },
  { header: 'date', value: (l) => l.date },
  { header: 'no.', value: (l) => l.number },
  { header: 'class', value: (l) => l.class },
  { header: 'subject', value: (l) => (l.group ? `${l.subject} (${l.group})` : l.subject) },
  { header: 'teacher', value: (l) => (l.substitute_for ? `${l.teacher} (for ${l.substitute_for})` : l.teacher) },
  { header: 'topic', value: (l) => l.topic },
  { header: 'homework', value: (l) => l.homework },
];

/**
 * The subject, picked from those taught in the class; a teacher is offered
 * only the subjects they teach there (a substitute names the subject with
 * --subject), anyone else every subject of the class.
 */
export async function chooseSubject(ctx: ServiceContext, classCode: string | undefined, value: string | undefined): Promise<string> {
  return askChoice(value, '--subject', 'Subject', async () => {
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
  ref.lesson = await askChoice(undefined, '--lesson', 'Lesson', async () => lessons.map((l) => ({ name: `${l.date} #${l.number} ${l.topic}`, value: String(l.id) })));
}

/** A prompt's date answer that is no date: asked again. */
export const dateProblem = (answer: string): string | null => (parseDateInput(answer) ? null : `"${answer}" is not a date, e.g. 2026-10-05 or 05.10.2026`);

const lessonNumberProblem = (answer: string): string | null => {
  const n = decimalInteger(answer);
  return n >= LESSON_NUMBERS.min && n <= LESSON_NUMBERS.max ? null : `"${answer}" is not a lesson number ${LESSON_NUMBERS.min}–${LESSON_NUMBERS.max}`;
};

export function lessonRefOptions(command: Command): Command {
  return command
    .option('--lesson <id>', 'the lesson id')
    .option('--class <class>', 'or: class …')
    .option('--subject <code>', '… subject …')
    .option('--date <date>', '… and date of the lesson')
    .option('--number <n>', '… and its number in the day, when there are several')
    .option('--group <code>', '… and the group, when two groups of the class have it in that lesson');
}

export function registerLesson(program: Command): void {
  const lesson = program.command('lesson').description('the lesson journal: lessons, topics and homework');

  lesson
    .command('add')
    .description('record a lesson with its topic and homework')
    .option('--class <class>', 'class, e.g. 7.a')
    .option('--subject <code>', 'subject code')
    .option('--group <code>', "a group's lesson (see `group list`): its classes and subject come from the group")
    .option('--date <date>', 'date of the lesson')
    .option('--number <n>', 'lesson number in the day (0–12)')
    .option('--topic <text>', 'topic (tēma)')
    .option('--homework <text>', 'homework set (mājasdarbs)')
    .option('--teacher <code>', 'who taught it (default: you, or the assigned teacher)')
    .option('--substitute-for <code>', 'the assigned teacher this lesson was substituted for: needs a substitution set with `substitution add` (a deputy, an admin or the class teacher may record it directly)')
    .option('--force', 'record it even on a weekend, holiday or outside the semesters')
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
          opts.date = await askText(opts.date, '--date', 'Date (YYYY-MM-DD)', dateProblem);
          opts.number = await askText(opts.number as string | undefined, '--number', 'Lesson number', lessonNumberProblem);
          opts.topic = await askText(opts.topic, '--topic', 'Topic');
        },
        run: (ctx) => addLesson(ctx, opts),
        print: (r, out) => out.data(r, lessonColumns),
      });
    });

  lessonRefOptions(lesson.command('set [id]').description("fix a lesson's topic or homework"))
    .option('--topic <text>', 'new topic')
    .option('--homework <text>', 'new homework ("" clears it)')
    .addHelpText('after', examples('ezurnals lesson set 1 --homework "13. lpp., 1.–4. uzd." --as T01'))
    .action(async (id: string | undefined, opts: LessonRef & { topic?: string; homework?: string }, command: Command) => {
      const ref = { ...opts, lesson: id ?? opts.lesson };
      await runCommand(command, { write: true, prepare: (ctx) => chooseLesson(ctx, ref), run: (ctx) => setLesson(ctx, ref, opts), print: (r, out) => out.data(r, lessonColumns) });
    });

  lessonRefOptions(lesson.command('show [id]').description('show one lesson'))
    .addHelpText('after', examples('ezurnals lesson show 12', 'ezurnals lesson show --class 7.a --subject mat --date 2026-10-05'))
    .action(async (id: string | undefined, opts: LessonRef, command: Command) => {
      const ref = { ...opts, lesson: id ?? opts.lesson };
      await runCommand(command, { write: false, prepare: (ctx) => chooseLesson(ctx, ref), run: (ctx) => showLesson(ctx, ref), print: (r, out) => out.data(r, lessonColumns) });
    });

  lesson
    .command('list')
    .description('list lessons')
    .option('--class <class>', 'class')
    .option('--subject <code>', 'subject')
    .option('--teacher <code>', 'teacher who taught them')
    .option('--from <date>', 'from date')
    .option('--to <date>', 'to date')
    .addHelpText('after', examples('ezurnals lesson list --class 7.a --subject mat --from 2026-10-01 --to 2026-10-31'))
    .action(async (opts: { class?: string; subject?: string; teacher?: string; from?: string; to?: string }, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listLessons(ctx, opts), print: (r, out) => out.data(r, lessonColumns) });
    });
}
