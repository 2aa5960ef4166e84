import type { Command } from 'commander';
import { AppError } from '../../errors.ts';
import { parseYearCode } from '../../domain/school-year.ts';
import { openDatabase, inTransaction, removeDatabaseFiles, resolveDatabasePath } from '../../db/connection.ts';
import { initializeSchool } from '../../services/school-setup.ts';
import { createOutput } from '../output.ts';
import { askText } from '../prompt.ts';
import { examples } from '../options.ts';
import { io } from '../io.ts';
import { commandLine, globalOptions } from '../runtime.ts';

interface InitOptions {
  school?: string;
  year?: string;
  registrationNumber?: string;
  director?: string;
  admin?: string;
  adminName?: string;
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('create a new journal database for a school, with its first school year and administrator')
    .option('--school <name>', "the school's name")
    .option('--registration-number <number>', "the school's registration number")
    .option('--director <name>', "the director's name")
    .option('--admin <code>', 'code of the first administrator', 'admin')
    .option('--admin-name <name>', "the first administrator's first and last name", 'Skolas administrators')
    .addHelpText('after', examples('ezurnals init --school "Rīgas Parauga vidusskola" --year 2026/2027', 'ezurnals init --db school.db --school "Cēsu pamatskola" --year 2026/2027 --admin A01 --admin-name "Inese Kalēja"'))
    .action(async (opts: InitOptions, command: Command) => {
      const global = globalOptions(command);
      const out = await createOutput({ json: !!global.json });
      const path = resolveDatabasePath(global.db, io().env);
      const school = await askText(opts.school, '--school', "School's name");
      const year = await askText(global.year, '--year', 'School year (e.g. 2026/2027)');
      if (!parseYearCode(year)) throw new AppError('invalid', `School year "${year}" must look like 2026/2027.`);
      if ((opts.adminName ?? '').trim().split(/\s+/).length < 2) throw new AppError('usage', '--admin-name needs a first and a last name, e.g. "Inese Kalēja".');
      const db = await openDatabase(path, { create: true });
      let created = false;
      try {
        const [first, ...rest] = (opts.adminName ?? '').trim().split(/\s+/);
        const result = await inTransaction(db, (trx) =>
          initializeSchool(trx, { school, year, registrationNumber: opts.registrationNumber, director: opts.director, adminCode: opts.admin, adminFirstName: first, adminLastName: rest.join(' ') }, io().now),
          { command: commandLine(command) },
        );
        out.data(
          { database: path, school: result.school.name, year: result.year.code, admin: result.admin.code },
          [
            { header: 'database', value: (r) => r.database },
            { header: 'school', value: (r) => r.school },
            { header: 'year', value: (r) => r.year },
            { header: 'admin', value: (r) => r.admin },
          ],
        );
        created = true;
        out.info(`Created ${path}. Next: export EZURNALS_USER=${result.admin.code}, then add staff, subjects, classes and students.`);
      } finally {
        await db.destroy();
        // A failed init leaves nothing behind, so it can simply be run again.
        if (!created) removeDatabaseFiles(path);
      }
    });
}
