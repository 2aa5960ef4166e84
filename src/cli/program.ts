import { Command } from 'commander';
import { VERSION } from '../version.ts';
import { io, type OutStream } from './io.ts';
import { registerInit } from './commands/init.ts';
import { registerSchool } from './commands/school.ts';
import { registerYear } from './commands/year.ts';
import { registerHoliday } from './commands/holiday.ts';
import { registerStaff } from './commands/staff.ts';
import { registerSubject } from './commands/subject.ts';
import { registerClass } from './commands/class.ts';
import { registerStudent } from './commands/student.ts';
import { registerGuardian } from './commands/guardian.ts';
import { registerAssign } from './commands/assign.ts';
import { registerGroup } from './commands/group.ts';
import { registerLesson } from './commands/lesson.ts';
import { registerAbsence } from './commands/absence.ts';
import { registerGrade } from './commands/grade.ts';
import { registerDemo } from './commands/demo.ts';
import { registerImport } from './commands/import.ts';
import { registerExport } from './commands/export.ts';
import { registerReport } from './commands/report.ts';
import { registerSubstitution } from './commands/substitution.ts';
import { registerExtract } from './commands/extract.ts';
import { registerBehavior } from './commands/behavior.ts';
import { registerNote } from './commands/note.ts';
import { registerBriefing } from './commands/briefing.ts';
import { registerConversation } from './commands/conversation.ts';
import { registerTimetable } from './commands/timetable.ts';
import { registerInspection } from './commands/inspection.ts';
import { registerArchive } from './commands/archive.ts';
import { registerAccount } from './commands/account.ts';
import { registerSms } from './commands/sms.ts';
import { registerIndividual } from './commands/individual.ts';
import { registerAudit } from './commands/audit.ts';
import { registerPerson } from './commands/person.ts';

/** A terminal's width, as commander reads it from the process's own streams by default. */
function columns(stream: OutStream): number {
  return (stream.isTTY ? (stream as { columns?: number }).columns : undefined) ?? 80;
}

/**
 * Every level throws instead of exiting, so `main` maps all failures to the
 * documented exit codes. With --json, main reports usage errors as JSON, so
 * commander's own text is held back.
 */
function strict(command: Command, json: boolean): void {
  command.exitOverride();
  if (!json) command.showHelpAfterError('(add --help for usage)');
  command.configureOutput({
    writeOut: (s) => io().stdout.write(s),
    writeErr: (s) => (json ? undefined : io().stderr.write(s)),
    outputError: (s, write) => (json ? undefined : write(s)),
    getOutHelpWidth: () => columns(io().stdout),
    getErrHelpWidth: () => columns(io().stderr),
  });
  for (const sub of command.commands) strict(sub, json);
}

/** Commander keeps added help text as 'afterHelp' listeners (a Command is an EventEmitter at run time). */
function afterHelpListeners(command: Command): ((context: unknown) => void)[] {
  return (command as unknown as NodeJS.EventEmitter).listeners('afterHelp') as ((context: unknown) => void)[];
}

/** The example lines a command's own help shows (its "after" help text). */
function examplesOf(command: Command): string[] {
  let text = '';
  for (const listener of afterHelpListeners(command)) listener({ error: false, command, write: (s: string) => (text += s) });
  return text.split('\n').filter((line) => line.startsWith('  $ '));
}

/** A command family's help lists the first example of each of its commands. */
function familyExamples(family: Command): void {
  if (family.commands.length === 0 || afterHelpListeners(family).length > 0) return;
  const lines = family.commands.map((sub) => examplesOf(sub)[0]).filter((line): line is string => !!line);
  if (lines.length > 0) family.addHelpText('after', `\nExamples:\n${lines.join('\n')}\n`);
}

const NOUNS: Record<string, (program: Command) => void> = {
  init: registerInit,
  demo: registerDemo,
  school: registerSchool,
  year: registerYear,
  holiday: registerHoliday,
  calendar: registerHoliday,
  staff: registerStaff,
  subject: registerSubject,
  class: registerClass,
  student: registerStudent,
  guardian: registerGuardian,
  assign: registerAssign,
  group: registerGroup,
  lesson: registerLesson,
  absence: registerAbsence,
  grade: registerGrade,
  behavior: registerBehavior,
  note: registerNote,
  briefing: registerBriefing,
  conversation: registerConversation,
  individual: registerIndividual,
  audit: registerAudit,
  person: registerPerson,
  export: registerExport,
  import: registerImport,
  report: registerReport,
  substitution: registerSubstitution,
  extract: registerExtract,
  timetable: registerTimetable,
  inspection: registerInspection,
  archive: registerArchive,
  account: registerAccount,
  sms: registerSms,
};

const GLOBAL_OPTIONS_WITH_VALUE = new Set(['--db', '--as', '--year', '--closed-year-reason']);

/** The command word of argv, skipping global options and their values. */
export function commandWord(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (GLOBAL_OPTIONS_WITH_VALUE.has(arg)) i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/**
 * Registers only the command family that argv names (all of them for help or
 * an unknown word): scripts start the CLI thousands of times, and building
 * every subcommand's options on each start is wasted work.
 */
export function buildProgram(argv: readonly string[] = []): Command {
  const program = new Command('ezurnals')
    .description('e-žurnāls: the electronic class register of a Latvian school, over one SQLite file')
    .version(VERSION, '-V, --version')
    .option('--db <path>', 'the database file (default: $EZURNALS_DB, else ./ezurnals.db)')
    .option('--as <code>', 'who is acting: a staff code, a student code, or guardian:ID (default: $EZURNALS_USER)')
    .option('--year <code>', 'the school year to act on (default: the current one), e.g. 2026/2027')
    .option('--json', 'print machine-readable JSON (errors too, on stderr)')
    .option('--yes', 'do not ask for confirmations')
    .option('--closed-year-reason <text>', 'admins only: change a closed school year anyway; the reason is recorded')
    .addHelpText(
      'after',
      `
Exit codes: 0 ok, 1 unexpected, 2 usage, 3 not found, 4 invalid data, 5 not permitted, 6 conflict.

Examples:
  $ ezurnals init --school "Rīgas Parauga vidusskola" --year 2026/2027
  $ export EZURNALS_USER=admin
  $ ezurnals class list
  $ ezurnals lesson add --class 7.a --subject mat --date 2026-10-05 --number 2 --topic "Daļskaitļi" --as T01 --json
`,
    );
  const word = commandWord(argv);
  const only = word === undefined ? undefined : NOUNS[word];
  const versionOnly = word === undefined && (argv.includes('--version') || argv.includes('-V'));
  if (only) only(program);
  else if (!versionOnly) for (const register of new Set(Object.values(NOUNS))) register(program);
  for (const family of program.commands) familyExamples(family);
  strict(program, argv.includes('--json'));
  return program;
}
