import { Command } from 'commander';
import { VERSION } from '../version.ts';
import { io, type OutStream } from './io.ts';
import { m } from '../i18n/messages/cli.ts';
import { LATVIAN_HELP } from './help-language.ts';

type Register = (program: Command) => void;

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
  command.helpOption('-h, --help', m.optionHelp);
  if (command.commands.length > 0) command.helpCommand('help [command]', m.helpCommand);
  if (!json) command.showHelpAfterError(m.addHelpForUsage);
  command.configureOutput({
    writeOut: (s) => io().stdout.write(s),
    writeErr: (s) => (json ? undefined : io().stderr.write(s)),
    outputError: (s, write) => (json ? undefined : write(commanderMessage(s))),
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

/** A command family's help lists the first example of each of its commands (gathered only when the help is shown). */
function familyExamples(family: Command): void {
  if (family.commands.length === 0 || afterHelpListeners(family).length > 0) return;
  family.addHelpText('after', () => {
    const lines = family.commands.map((sub) => examplesOf(sub)[0]).filter((line): line is string => !!line);
    return lines.length > 0 ? `\n${m.examples}\n${lines.join('\n')}\n` : '';
  });
}

/**
 * The command families, by the word that names them, each loaded only when it
 * runs: scripts start the CLI thousands of times, and a family's code (and all
 * it imports: the database layer, the services, the reports) is not even
 * evaluated by a command of another family, nor by --version. The bundle keeps
 * each dynamically imported module behind a lazily called initialiser.
 *
 * A new family: one line here, `word: () => import('./commands/word.ts').then((m) => m.registerWord)`,
 * where `registerWord(program)` adds `program.command('word')` with its
 * subcommands, as every file in ./commands/ does. Nothing else imports the
 * family's module statically (that would load it on every start); `--help`
 * and unknown words load every family, so help stays complete.
 */
const FAMILIES: Record<string, () => Promise<Register>> = {
  init: () => import('./commands/init.ts').then((m) => m.registerInit),
  demo: () => import('./commands/demo.ts').then((m) => m.registerDemo),
  school: () => import('./commands/school.ts').then((m) => m.registerSchool),
  year: () => import('./commands/year.ts').then((m) => m.registerYear),
  holiday: () => import('./commands/holiday.ts').then((m) => m.registerHoliday),
  calendar: () => import('./commands/holiday.ts').then((m) => m.registerHoliday),
  staff: () => import('./commands/staff.ts').then((m) => m.registerStaff),
  subject: () => import('./commands/subject.ts').then((m) => m.registerSubject),
  class: () => import('./commands/class.ts').then((m) => m.registerClass),
  student: () => import('./commands/student.ts').then((m) => m.registerStudent),
  guardian: () => import('./commands/guardian.ts').then((m) => m.registerGuardian),
  assign: () => import('./commands/assign.ts').then((m) => m.registerAssign),
  group: () => import('./commands/group.ts').then((m) => m.registerGroup),
  lesson: () => import('./commands/lesson.ts').then((m) => m.registerLesson),
  absence: () => import('./commands/absence.ts').then((m) => m.registerAbsence),
  grade: () => import('./commands/grade.ts').then((m) => m.registerGrade),
  behavior: () => import('./commands/behavior.ts').then((m) => m.registerBehavior),
  note: () => import('./commands/note.ts').then((m) => m.registerNote),
  briefing: () => import('./commands/briefing.ts').then((m) => m.registerBriefing),
  conversation: () => import('./commands/conversation.ts').then((m) => m.registerConversation),
  individual: () => import('./commands/individual.ts').then((m) => m.registerIndividual),
  audit: () => import('./commands/audit.ts').then((m) => m.registerAudit),
  person: () => import('./commands/person.ts').then((m) => m.registerPerson),
  export: () => import('./commands/export.ts').then((m) => m.registerExport),
  import: () => import('./commands/import.ts').then((m) => m.registerImport),
  report: () => import('./commands/report.ts').then((m) => m.registerReport),
  substitution: () => import('./commands/substitution.ts').then((m) => m.registerSubstitution),
  extract: () => import('./commands/extract.ts').then((m) => m.registerExtract),
  timetable: () => import('./commands/timetable.ts').then((m) => m.registerTimetable),
  inspection: () => import('./commands/inspection.ts').then((m) => m.registerInspection),
  archive: () => import('./commands/archive.ts').then((m) => m.registerArchive),
  account: () => import('./commands/account.ts').then((m) => m.registerAccount),
  sms: () => import('./commands/sms.ts').then((m) => m.registerSms),
  batch: () => import('./commands/batch.ts').then((m) => m.registerBatch),
  db: () => import('./commands/db.ts').then((m) => m.registerDb),
  serve: () => import('./commands/serve.ts').then((m) => m.registerServe),
};

const GLOBAL_OPTIONS_WITH_VALUE = new Set(['--db', '--as', '--year', '--closed-year-reason', '--lang']);

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
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('ezurnals')
    .configureHelp(LATVIAN_HELP)
    .helpOption('-h, --help', m.optionHelp)
    .description(m.programDescription)
    .version(VERSION, '-V, --version', m.optionVersion)
    .option('--db <path>', m.optionDb)
    .option('--as <code>', m.optionAs)
    .option('--year <code>', m.optionYear)
    .option('--json', m.optionJson)
    .option('--yes', m.optionYes)
    .option('--closed-year-reason <text>', m.optionClosedYearReason)
    .option('--lang <code>', m.optionLang)
    .addHelpText(
      'after',
      () => `
${m.exitCodes}

${m.examples}
  $ ezurnals init --school "Rīgas Parauga vidusskola" --year 2026/2027
  $ export EZURNALS_USER=admin
  $ ezurnals class list
  $ ezurnals lesson add --class 7.a --subject mat --date 2026-10-05 --number 2 --topic "Daļskaitļi" --as T01 --json
`,
    );
  const word = commandWord(argv);
  const only = word === undefined || !Object.hasOwn(FAMILIES, word) ? undefined : FAMILIES[word];
  const versionOnly = word === undefined && (argv.includes('--version') || argv.includes('-V'));
  if (only) (await only())(program);
  else if (!versionOnly) {
    // Loaded together, registered in the table's order (the order of the root help). One module may register under two words (calendar, holiday).
    const registers = await Promise.all(Object.values(FAMILIES).map((load) => load()));
    for (const register of new Set(registers)) register(program);
  }
  for (const family of program.commands) familyExamples(family);
  strict(program, argv.includes('--json') || io().jsonOutput === true);
  return program;
}

/**
 * Commander's own error sentences in the running language: commander has no
 * catalogue, so its messages are matched by their fixed English shape and
 * rewritten; one it does not know passes through as it is.
 */
export function commanderMessage(text: string): string {
  const [first, ...rest] = text.replace(/^error: /, '').split('\n');
  const line = first ?? '';
  let out = line;
  let match: RegExpExecArray | null;
  if ((match = /^unknown option '([^']*)'$/.exec(line))) out = m.unknownOption(match[1]!);
  else if ((match = /^unknown command '([^']*)'$/.exec(line))) out = m.unknownCommand(match[1]!);
  else if ((match = /^missing required argument '([^']*)'$/.exec(line))) out = m.missingArgument(match[1]!);
  else if ((match = /^option '([^']*)' argument missing$/.exec(line))) out = m.optionArgumentMissing(match[1]!);
  else if ((match = /^required option '([^']*)' not specified$/.exec(line))) out = m.requiredOption(match[1]!);
  else if ((match = /^too many arguments(?: for '[^']*')?\. Expected (\d+) arguments? but got (\d+)\.$/.exec(line))) out = m.tooManyArguments(Number(match[1]), Number(match[2]));
  else if ((match = /^option '([^']*)' argument '([^']*)' is invalid\.\s*(.*)$/.exec(line))) out = m.invalidArgument(match[1]!, match[2]!, match[3] ?? '');
  else if ((match = /^option '([^']*)' cannot be used with option '([^']*)'$/.exec(line))) out = m.conflictingOptions(match[1]!, match[2]!);
  const tail = rest.map((r) => {
    const similar = /^\(Did you mean (.*)\?\)$/.exec(r);
    return similar ? m.didYouMean(similar[1]!) : r;
  });
  const prefix = text.startsWith('error: ') ? `${m.errorLabel} ` : '';
  return [prefix + out, ...tail].join('\n');
}
