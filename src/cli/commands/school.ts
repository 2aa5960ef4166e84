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
import { m } from '../../i18n/messages/registry.ts';
import { m as w } from '../../i18n/messages/words.ts';

const columns = (): Column<School>[] => [
  { header: w.thingName, value: (s) => s.name },
  { header: m.hRegistration, value: (s) => s.registration_number },
  { header: m.hDirector, value: (s) => s.director },
  { header: m.hTestDeadline, value: (s) => s.test_deadline_days ?? DEFAULT_GRADE_DEADLINES.test },
  { header: m.hLanguage, value: (s) => s.language ?? 'lv' },
];

type SchoolRow = { school: string; name: string | null; schema_version: string | null };

const listColumns = (): Column<SchoolRow>[] => [
  { header: w.school, value: (s) => s.school },
  { header: w.thingName, value: (s) => s.name },
  { header: m.hSchema, value: (s) => s.schema_version },
];

export function registerSchool(program: Command): void {
  const school = program.command('school').description(m.schoolFamily);

  school
    .command('list')
    .description(m.schoolList)
    .addHelpText('after', examples("ezurnals school list --db 'postgres://ezurnals@db.novads.lv/ezurnals'", 'ezurnals school list --json'))
    .action(async (_opts, command: Command) => {
      // The storage's operator reads this: no staff identity, as the server's role (or the file's owner) is the gate.
      const out = await createOutput({ json: !!globalOptions(command).json });
      out.data(await listSchoolsAt(resolveDatabasePath(globalOptions(command).db, io().env)), listColumns());
    });

  school
    .command('show')
    .addHelpText('after', examples('ezurnals school show', 'ezurnals school show --json'))
    .description(m.schoolShow)
    .action(async (_opts, command: Command) => {
      await runCommand(command, { write: false, run: async (ctx) => showSchool(ctx), print: (r, out) => out.data(r, columns()) });
    });

  school
    .command('set')
    .description(m.schoolSet)
    .option('--name <name>', m.schoolName)
    .option('--registration-number <number>', m.registrationNumber)
    .option('--director <name>', m.directorPrinted)
    .option('--test-deadline-days <n>', m.testDeadlineDays)
    .option('--language <code>', m.schoolLanguage)
    .addHelpText('after', examples('ezurnals school set --director "Dace Liepiņa" --registration-number 3113900123', 'ezurnals school set --test-deadline-days 6'))
    .action(async (opts: { name?: string; registrationNumber?: string; director?: string; testDeadlineDays?: string; language?: string }, command: Command) => {
      await runCommand(command, {
        write: true,
        run: (ctx) => setSchool(ctx, opts),
        print: (r, out) => out.data(r, columns()),
      });
    });
}
