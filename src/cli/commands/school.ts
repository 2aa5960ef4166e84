import type { Command } from 'commander';
import type { School } from '../../db/schema.ts';
import { setSchool, showSchool } from '../../services/school.ts';
import { DEFAULT_GRADE_DEADLINES } from '../../domain/deadlines.ts';
import type { Column } from '../output.ts';
import { examples } from '../options.ts';
import { globalOptions, runCommand } from '../runtime.ts';
import { createOutput } from '../output.ts';
import { io } from '../io.ts';
import { listSchoolsAt, resolveDatabasePath } from '../../db/connection.ts';

const columns: Column<School>[] = [
  { header: 'name', value: (s) => s.name },
  { header: 'registration number', value: (s) => s.registration_number },
  { header: 'director', value: (s) => s.director },
  { header: 'test deadline (working days)', value: (s) => s.test_deadline_days ?? DEFAULT_GRADE_DEADLINES.test },
  { header: 'language', value: (s) => s.language ?? 'lv' },
];

type SchoolRow = { school: string; name: string | null; schema_version: string | null };

const listColumns: Column<SchoolRow>[] = [
  { header: 'school', value: (s) => s.school },
  { header: 'name', value: (s) => s.name },
  { header: 'schema', value: (s) => s.schema_version },
];

export function registerSchool(program: Command): void {
  const school = program.command('school').description("the school's own data: name, registration number, director; the schools on a server");

  school
    .command('list')
    .description('the schools on a PostgreSQL server, for its operator (the URL may leave out ?school=); for an SQLite file, its one school')
    .addHelpText('after', examples("ezurnals school list --db 'postgres://ezurnals@db.novads.lv/ezurnals'", 'ezurnals school list --json'))
    .action(async (_opts, command: Command) => {
      // The storage's operator reads this: no staff identity, as the server's role (or the file's owner) is the gate.
      const out = await createOutput({ json: !!globalOptions(command).json });
      out.data(await listSchoolsAt(resolveDatabasePath(globalOptions(command).db, io().env)), listColumns);
    });

  school
    .command('show')
    .addHelpText('after', examples('ezurnals school show', 'ezurnals school show --json'))
    .description('show the school')
    .action(async (_opts, command: Command) => {
      await runCommand(command, { write: false, run: async (ctx) => showSchool(ctx), print: (r, out) => out.data(r, columns) });
    });

  school
    .command('set')
    .description("change the school's data")
    .option('--name <name>', "the school's name")
    .option('--registration-number <number>', 'registration number')
    .option('--director <name>', "the director's name (printed on report cards)")
    .option('--test-deadline-days <n>', 'working days for entering test grades (§22: a week; default 5, "default" resets)')
    .option('--language <code>', "the language the tool speaks to the school's staff: lv (default) or en; a person's --lang or EZURNALS_LANG still wins")
    .addHelpText('after', examples('ezurnals school set --director "Dace Liepiņa" --registration-number 3113900123', 'ezurnals school set --test-deadline-days 6'))
    .action(async (opts: { name?: string; registrationNumber?: string; director?: string; testDeadlineDays?: string; language?: string }, command: Command) => {
      await runCommand(command, {
        write: true,
        run: (ctx) => setSchool(ctx, opts),
        print: (r, out) => out.data(r, columns),
      });
    });
}
