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

const columns: Column<StudentView>[] = [
  { header: 'code', value: (s) => shownStudentCode(s.code) },
  { header: 'name', value: (s) => `${s.first_name} ${s.last_name}` },
  { header: 'class', value: (s) => s.class },
  { header: 'personas kods', value: (s) => s.personal_code },
  { header: 'birth date', value: (s) => s.birth_date },
  { header: 'phone', value: (s) => s.phone },
];

const fileColumns: Column<StudentFile>[] = [
    ...columns,
    { header: 'sex', value: (s) => s.sex },
    { header: 'e-mail', value: (s) => s.email },
    { header: 'address', value: (s) => s.address },
    { header: 'classes', value: (s) => s.classes.map((c) => `${c.year} ${c.class} ${c.from_date} – ${c.to_date ?? ''}`).join('\n') },
    { header: 'guardians', value: (s) => s.guardians.map((g) => `${g.first_name} ${g.last_name} (${g.students.find((l) => l.student === s.code)?.relation}) ${g.phone ?? ''}`).join('\n') },
];

function printFile(file: StudentFile, out: Output): void {
  if (out.json) return out.raw(file);
  out.data(file, fileColumns);
}

type Row<K extends keyof PersonalFile> = PersonalFile[K] extends (infer T)[] ? T : never;

const gradeColumns: Column<SubjectGrades>[] = [
  { header: 'subject', value: (s) => s.subject_name },
  { header: 'grades', value: (s) => s.grades.map((g) => (g.work === 'regular' ? g.value : `${g.value} (${g.work})`)).join(', ') },
  { header: 'average', value: (s) => s.average },
  { header: 'I sem.', value: (s) => s.term.semester1 },
  { header: 'II sem.', value: (s) => s.term.semester2 },
  { header: 'annual', value: (s) => s.term.annual },
  { header: 'exam', value: (s) => s.term.state_exam },
  { header: 'make-up', value: (s) => s.term.makeup },
];

const behaviorColumns: Column<Row<'behavior'>>[] = [
  { header: 'date', value: (b) => b.date },
  { header: 'kind', value: (b) => b.kind },
  { header: 'remark', value: (b) => b.text },
  { header: 'by', value: (b) => b.author_name },
];

const noteColumns: Column<Row<'notes'>>[] = [
  { header: 'from', value: (n) => n.valid_from },
  { header: 'until', value: (n) => n.valid_until },
  { header: 'note', value: (n) => n.text },
  { header: 'by', value: (n) => n.author_name },
];

const briefingColumns: Column<Row<'briefings'>>[] = [
  { header: 'date', value: (b) => b.date },
  { header: 'class', value: (b) => b.class },
  { header: 'topic', value: (b) => b.topic },
  { header: 'briefed', value: (b) => b.briefed },
];

const conversationColumns: Column<Row<'conversations'>>[] = [
  { header: 'date', value: (c) => c.date },
  { header: 'with', value: (c) => `${c.guardian_name}${c.relation ? ` (${c.relation})` : ''}` },
  { header: 'summary', value: (c) => c.summary },
  { header: 'agreed', value: (c) => c.agreed },
  { header: 'by', value: (c) => c.author_name },
];

const individualWorkColumns: Column<Row<'individual_work'>>[] = [
  { header: 'date', value: (w) => w.date },
  { header: 'kind', value: (w) => w.kind },
  { header: 'text', value: (w) => w.text },
  { header: 'by', value: (w) => w.author_name },
];

/** The personal file on a terminal: the data as key/value lines, then one small table per section. */
function printPersonalFile(file: PersonalFile, out: Output): void {
  if (out.json) return out.raw(file);
  out.data(file, fileColumns);
  const section = <T>(title: string, rows: T[], columns: Column<T>[]) => {
    out.heading(`${title} (${file.year})`);
    out.data(rows, columns);
  };
  section('Grades', file.grades, gradeColumns);
  out.heading(`Absences (${file.year})`);
  out.data([file.absences], (['n', 'ns', 'nc', 'k'] as const).map((code) => ({ header: code, value: (a: PersonalFile['absences']) => a[code] })));
  section('Behaviour', file.behavior, behaviorColumns);
  section('Notes for parents', file.notes, noteColumns);
  section('Briefings', file.briefings, briefingColumns);
  if (file.conversations_hidden) out.heading('Conversations with parents: hidden (only the class teacher, deputies and admins read them).');
  else section('Conversations with parents', file.conversations, conversationColumns);
  section('Individual work (yours, or all for deputies and admins)', file.individual_work, individualWorkColumns);
}

/** A student of the class, picked from its list (surname order, as the journal shows them). */
export async function chooseStudent(ctx: ServiceContext, classCode: string, value: string | undefined): Promise<string> {
  return askChoice(value, '--student', 'Student', async () =>
    (await listStudentViews(ctx, { class: classCode })).map((s) => ({ name: `${s.last_name} ${s.first_name} (${s.code})`, value: s.code })),
  );
}

export async function chooseClass(ctx: ServiceContext, value: string | undefined): Promise<string> {
  return askChoice(value, '--class', 'Class', async () => (await listClasses(ctx)).map((c) => ({ name: `${c.code} (${c.class_teacher_name ?? 'no class teacher'})`, value: c.code })));
}

type StudentOpts = Omit<StudentInput, 'class'> & { class?: string };

function fieldOptions(command: Command): Command {
  return command
    .option('--first-name <name>', 'first name')
    .option('--last-name <name>', 'last name')
    .option('--personal-code <code>', 'personas kods, DDMMYY-CNNNN or 32XXXX-XXXXX (validated)')
    .option('--birth-date <date>', 'birth date (taken from a legacy personas kods when omitted)')
    .option('--sex <sex>', 'M or F')
    .option('--phone <phone>', 'phone, +371XXXXXXXX')
    .option('--email <email>', 'e-mail')
    .option('--address <address>', 'home address');
}

export function registerStudent(program: Command): void {
  const student = program.command('student').description("students and their personal files");

  fieldOptions(student.command('add <code>').description('add a student, placed in a class of the current year'))
    .option('--class <class>', 'class, e.g. 7.a')
    .option('--from <date>', 'in the class from (default: the start of the school year)')
    .addHelpText('after', examples('ezurnals student add S001 --first-name Jānis --last-name Bērziņš --personal-code 010110-20002 --class 7.a'))
    .action(async (code: string, opts: StudentOpts, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async (ctx) => {
          opts.firstName = await askText(opts.firstName, '--first-name', 'First name');
          opts.lastName = await askText(opts.lastName, '--last-name', 'Last name');
          if (opts.class === undefined && io().stdin.isTTY) opts.class = await chooseClass(ctx, undefined);
        },
        run: (ctx) => addStudent(ctx, code, opts),
        print: (r, out) => out.data(r, columns),
      });
    });

  fieldOptions(student.command('set <code>').description("change a student's data; the class teacher may change phone, e-mail and address"))
    .addHelpText('after', examples('ezurnals student set S001 --phone +37129999998 --as T01'))
    .action(async (code: string, opts: StudentOpts, command: Command) => {
      await runCommand(command, { write: true, run: (ctx) => setStudent(ctx, code, opts), print: (r, out) => out.data(r, columns) });
    });

  student
    .command('move <code>')
    .description('move a student to another class from a date (the class history is kept)')
    .option('--class <class>', 'the new class')
    .option('--date <date>', 'first day in the new class (default: today)')
    .addHelpText('after', examples('ezurnals student move S001 --class 7.b --date 2026-11-02 --yes'))
    .action(async (code: string, opts: { class?: string; date?: string }, command: Command) => {
      await runCommand(command, {
        write: true,
        prepare: async (ctx) => {
          opts.class = await chooseClass(ctx, opts.class);
          await confirmOrSkip(globalOptions(command).yes, `Move ${code} to ${opts.class}?`);
        },
        run: (ctx) => moveStudent(ctx, code, opts),
        print: printFile,
      });
    });

  student
    .command('show <code>')
    .description("a student's personal file: data, guardians, class history and the school year's grades, absences, behaviour, notes, briefings and (for the class teacher, deputies and admins) conversations with parents")
    .addHelpText('after', examples('ezurnals student show S001 --as T01', 'ezurnals student show S001 --year 2025/2026 --json'))
    .action(async (code: string, _opts, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => personalFile(ctx, code), print: printPersonalFile, revealsPersonalCodes: true });
    });

  student
    .command('list')
    .addHelpText('after', examples('ezurnals student list --class 7.a', 'ezurnals student list --json > skoleni.json'))
    .description('list students (personas kods masked)')
    .option('--class <class>', 'only this class')
    .action(async (opts: { class?: string }, command: Command) => {
      await runCommand(command, { write: false, run: (ctx) => listStudentViews(ctx, opts), print: (r, out) => out.data(r, columns) });
    });

  student
    .command('export-data <code>')
    .description('everything held about one student and their guardians, as JSON, for a data-subject request (admins and deputies)')
    .option('--out <file>', 'write to a file (mode 0600) instead of stdout')
    .option('--force', 'overwrite an existing --out file (a symbolic link there is replaced, never written through)')
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
          out.info(`Wrote everything held about ${code} to ${opts.out}: ${Object.values(data.records).reduce((n, rows) => n + rows.length, 0)} records, ${data.lessons.length} lessons, ${data.audit.length} audit entries.`);
        },
      });
    });
}
