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
import { m } from '../../i18n/messages/registry.ts';
import { m as w } from '../../i18n/messages/words.ts';

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
    .description(m.initDescription)
    .option('--school <name>', m.schoolName)
    .option('--registration-number <number>', m.schoolRegistration)
    .option('--director <name>', m.schoolDirector)
    .option('--admin <code>', m.initAdmin, 'admin')
    .option('--admin-name <name>', m.initAdminName, 'Skolas administrators')
    .addHelpText('after', examples('ezurnals init --school "Rīgas Parauga vidusskola" --year 2026/2027', 'ezurnals init --db school.db --school "Cēsu pamatskola" --year 2026/2027 --admin A01 --admin-name "Inese Kalēja"'))
    .action(async (opts: InitOptions, command: Command) => {
      const global = globalOptions(command);
      const out = await createOutput({ json: !!global.json });
      const path = resolveDatabasePath(global.db, io().env);
      const school = await askText(opts.school, '--school', m.askSchool);
      const year = await askText(global.year, '--year', m.askYear);
      if (!parseYearCode(year)) throw new AppError('invalid', m.badYear(year));
      if ((opts.adminName ?? '').trim().split(/\s+/).length < 2) throw new AppError('usage', m.adminNameParts);
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
            { header: m.hDatabase, value: (r) => r.database },
            { header: w.school, value: (r) => r.school },
            { header: w.year, value: (r) => r.year },
            { header: m.hAdmin, value: (r) => r.admin },
          ],
        );
        created = true;
        out.info(m.created(path, result.admin.code));
      } finally {
        await db.destroy();
        // A failed init leaves nothing behind, so it can simply be run again.
        if (!created) removeDatabaseFiles(path);
      }
    });
}
