import { language } from '../../i18n/language.ts';
import { RELATION_LABELS_LV } from '../../transfer/excel.ts';
import type { Command } from 'commander';
import { checkOutputFile, writeOutputFile } from '../../output-file.ts';
import { exportStudentData } from '../../services/student-data.ts';
import { addStudent, listStudentViews, moveStudent, setStudent, type StudentFile, type StudentInput, type StudentView } from '../../services/students.ts';
import { listClasses } from '../../services/classes.ts';
import { personalFile, type PersonalFile, type SubjectGrades } from '../../services/personal-file.ts';
import type { Column, Output } from '../output.ts';
import { examples } from '../options.ts';
import { askChoice, askText, confirmOrSkip } from '../prompt.ts';
import { globalOptions, runCommand } from '../runtime.ts';
import { io } from '../io.ts';
import type { ServiceContext } from '../../services/context.ts';
import { shownStudentCode } from '../../domain/personal-code.ts';
import { resolveStudent } from '../../services/lookup.ts';

/** A guardian's relation as stored (mother, father, …), in the run's language: Latvian as the Excel export writes it. */
function relationWord(relation: string | undefined): string {
  if (relation === undefined) return '';
  return language() === 'lv' ? (RELATION_LABELS_LV[relation] ?? relation) : relation;
}
import { m } from '../../i18n/messages/people.ts';
import { m as vocab } from '../../i18n/messages/words.ts';

const columns = (): Column<StudentView>[] => [
  { header: vocab.code, value: (s) => shownStudentCode(s.code) },
  { header: vocab.personName, value: (s) => `${s.first_name} ${s.last_name}` },
  { header: vocab.class, value: (s) => s.class },
  // The same words in both languages: English speaks of the personas kods too.
  { header: 'personas kods', value: (s) => s.personal_code },
  { header: m.hBirthDate, value: (s) => s.birth_date },
  { header: vocab.phone, value: (s) => s.phone },
];

const fileColumns = (): Column<StudentFile>[] => [
    ...columns(),
    { header: m.hSex, value: (s) => s.sex },
    { header: vocab.email, value: (s) => s.email },
    { header: vocab.address, value: (s) => s.address },
    { header: vocab.classes, value: (s) => s.classes.map((c) => `${c.year} ${c.class} ${c.from_date} – ${c.to_date ?? ''}`).join('\n') },
    { header: m.hGuardians, value: (s) => s.guardians.map((g) => `${g.first_name} ${g.last_name} (${relationWord(g.students.find((l) => l.student === s.code)?.relation)}) ${g.phone ?? ''}`).join('\n') },
];

function printFile(file: StudentFile, out: Output): void {
  if (out.json) return out.raw(file);
  out.data(file, fileColumns());
}

type Row<K extends keyof PersonalFile> = PersonalFile[K] extends (infer T)[] ? T : never;

const gradeColumns = (): Column<SubjectGrades>[] => [
  { header: vocab.subject, value: (s) => s.subject_name },
  { header: vocab.grades, value: (s) => s.grades.map((g) => (g.work === 'regular' ? g.value : `${g.value} (${g.work})`)).join(', ') },
  { header: m.hAverage, value: (s) => s.average },
  { header: 'I sem.', value: (s) => s.term.semester1 },
  { header: 'II sem.', value: (s) => s.term.semester2 },
  { header: m.hAnnual, value: (s) => s.term.annual },
  { header: m.hExam, value: (s) => s.term.state_exam },
  { header: m.hMakeup, value: (s) => s.term.makeup },
];

const behaviorColumns = (): Column<Row<'behavior'>>[] => [
  { header: vocab.date, value: (b) => b.date },
  { header: vocab.kind, value: (b) => b.kind },
  { header: m.hRemark, value: (b) => b.text },
  { header: vocab.recordedBy, value: (b) => b.author_name },
];

const noteColumns = (): Column<Row<'notes'>>[] => [
  { header: vocab.from, value: (n) => n.valid_from },
  { header: vocab.until, value: (n) => n.valid_until },
  { header: vocab.note, value: (n) => n.text },
  { header: vocab.recordedBy, value: (n) => n.author_name },
];

const briefingColumns = (): Column<Row<'briefings'>>[] => [
  { header: vocab.date, value: (b) => b.date },
  { header: vocab.class, value: (b) => b.class },
  { header: vocab.topic, value: (b) => b.topic },
  { header: vocab.briefed, value: (b) => b.briefed },
];

const conversationColumns = (): Column<Row<'conversations'>>[] => [
  { header: vocab.date, value: (c) => c.date },
  { header: vocab.with, value: (c) => `${c.guardian_name}${c.relation ? ` (${relationWord(c.relation)})` : ''}` },
  { header: vocab.summary, value: (c) => c.summary },
  { header: vocab.agreed, value: (c) => c.agreed },
  { header: vocab.recordedBy, value: (c) => c.author_name },
];

const individualWorkColumns = (): Column<Row<'individual_work'>>[] => [
  { header: vocab.date, value: (w) => w.date },
  { header: vocab.kind, value: (w) => w.kind },
  { header: vocab.text, value: (w) => w.text },
  { header: vocab.recordedBy, value: (w) => w.author_name },
];

/** The personal file on a terminal: the data as key/value lines, then one small table per section. */
function printPersonalFile(file: PersonalFile, out: Output): void {
  if (out.json) return out.raw(file);
  out.data(file, fileColumns());
  const section = <T>(title: string, rows: T[], columns: Column<T>[]) => {
    out.heading(`${title} (${file.year})`);
    out.data(rows, columns);
  };
  section(m.sectionGrades, file.grades, gradeColumns());
  out.heading(`${m.sectionAbsences} (${file.year})`);
  out.data([file.absences], (['n', 'ns', 'nc', 'k'] as const).map((code) => ({ header: code, value: (a: PersonalFile['absences']) => a[code] })));
  section(m.sectionBehavior, file.behavior, behaviorColumns());
  section(m.sectionNotes, file.notes, noteColumns());
  section(m.sectionBriefings, file.briefings, briefingColumns());
  if (file.conversations_hidden) out.heading(m.conversationsHidden);
  else section(m.sectionConversations, file.conversations, conversationColumns());
  section(m.sectionIndividualWork, file.individual_work, individualWorkColumns());
}

/** A student of the class, picked from its list (surname order, as the journal shows them). */
export async function chooseStudent(ctx: ServiceContext, classCode: string, value: string | undefined): Promise<string> {
  return askChoice(value, '--student', vocab.askStudent, async () =>
    (await listStudentViews(ctx, { class: classCode })).map((s) => ({ name: `${s.last_name} ${s.first_name} (${s.code})`, value: s.code })),
  );
}

export async function chooseClass(ctx: ServiceContext, value: string | undefined): Promise<string> {
  return askChoice(value, '--class', vocab.askClass, async () => (await listClasses(ctx)).map((c) => ({ name: `${c.code} (${c.class_teacher_name ?? m.noClassTeacher})`, value: c.code })));
}

type StudentOpts = Omit<StudentInput, 'class'> & { class?: string };

function fieldOptions(command: Command): Command {
  return command
    .option('--first-name <name>', vocab.firstName)
    .option('--last-name <name>', vocab.lastName)
    .option('--personal-code <code>', m.personalCodeOption)
    .option('--birth-date <date>', m.birthDateOption)
    .option('--sex <sex>', m.sexOption)
    .option('--phone <phone>', vocab.phoneOption)
    .option('--email <email>', vocab.email)
    .option('--address <address>', m.addressOption);
}

export function registerStudent(program: Command): void {
  const student = program.command('student').description(m.studentFamily);

  fieldOptions(student.command('add <code>').description(m.studentAdd))
    .option('--class <class>', vocab.classExample)
    .option('--from <date>', m.studentAddFrom)
    .addHelpText('after', examples('ezurnals student add S001 --first-name Jānis --last-name Bērziņš --personal-code 010110-20002 --class 7.a'))
    .action(async (code: string, opts: StudentOpts, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async (ctx) => {
          opts.firstName = await askText(opts.firstName, '--first-name', vocab.askFirstName);
          opts.lastName = await askText(opts.lastName, '--last-name', vocab.askLastName);
          if (opts.class === undefined && io().stdin.isTTY) opts.class = await chooseClass(ctx, undefined);
        },
        run: (ctx) => addStudent(ctx, code, opts),
        print: (r, out) => out.data(r, columns()),
      });
    });

  fieldOptions(student.command('set <code>').description(m.studentSet))
    .addHelpText('after', examples('ezurnals student set S001 --phone +37129999998 --as T01'))
    .action(async (code: string, opts: StudentOpts, command: Command) => {
      await runCommand(command, { write: true, run: (ctx) => setStudent(ctx, code, opts), print: (r, out) => out.data(r, columns()) });
    });

  student
    .command('move <code>')
    .description(m.studentMove)
    .option('--class <class>', m.studentMoveClass)
    .option('--date <date>', m.studentMoveDate)
    .addHelpText('after', examples('ezurnals student move S001 --class 7.b --date 2026-11-02 --yes'))
    .action(async (code: string, opts: { class?: string; date?: string }, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async (ctx) => {
          opts.class = await chooseClass(ctx, opts.class);
          const target = opts.class;
          await confirmOrSkip(globalOptions(command).yes, async () => {
            const s = await resolveStudent(ctx, code);
            return m.confirmMove(`${s.first_name} ${s.last_name}`, s.code, target);
          });
        },
        run: (ctx) => moveStudent(ctx, code, opts),
        print: printFile,
      });
    });

  student
    .command('show <code>')
    .description(m.studentShow)
    .addHelpText('after', examples('ezurnals student show S001 --as T01', 'ezurnals student show S001 --year 2025/2026 --json'))
    .action(async (code: string, _opts, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => personalFile(ctx, code), print: printPersonalFile, revealsPersonalCodes: true });
    });

  student
    .command('list')
    .addHelpText('after', examples('ezurnals student list --class 7.a', 'ezurnals student list --json > skoleni.json'))
    .description(m.studentList)
    .option('--class <class>', vocab.onlyClass)
    .action(async (opts: { class?: string }, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listStudentViews(ctx, opts), print: (r, out) => out.data(r, columns()) });
    });

  student
    .command('export-data <code>')
    .description(m.studentExportData)
    .option('--out <file>', m.studentExportOut)
    .option('--force', vocab.overwriteOut)
    .addHelpText('after', examples('ezurnals student export-data S001 --out S001-dati.json --as admin'))
    .action(async (code: string, opts: { out?: string; force?: boolean }, command: Command) => {
      if (opts.out) checkOutputFile(opts.out, opts.force);
      await runCommand(command, {
        write: false,
        run: (ctx) => exportStudentData(ctx, code),
        revealsPersonalCodes: true,
        print: (data, out) => {
          const text = `${JSON.stringify(data, null, 2)}\n`;
          if (!opts.out) return void io().stdout.write(text);
          writeOutputFile(opts.out, text);
          out.info(m.exportWritten(`${data.student.first_name} ${data.student.last_name} (${data.student.code})`, opts.out, Object.values(data.records).reduce((n, rows) => n + rows.length, 0), data.lessons.length, data.audit.length));
        },
      });
    });
}
