import type { Command } from 'commander';
import { copyDatabase, grantApplicationRole, resolveDatabasePath } from '../../db/connection.ts';
import { io } from '../io.ts';
import { examples } from '../options.ts';
import { createOutput } from '../output.ts';
import { globalOptions } from '../runtime.ts';


/**
 * The database itself, for its operator: moving a school between an SQLite
 * file and a PostgreSQL server, and the schools on a server. These act on the
 * storage, not on the journal, so no staff identity is asked: the operator is
 * who may open the files, or the role the server signs in.
 */
export function registerDb(program: Command): void {
  const db = program.command('db').description("the journal's storage: copy a school between an SQLite file and a PostgreSQL server");

  db.command('copy')
    .description('copy a whole school (its history and audit chain included) into a new SQLite file or a new school on a PostgreSQL server')
    .argument('<from>', 'the school to copy: an SQLite file, or postgres://…?school=CODE')
    .argument('<to>', 'the new database: an SQLite file that does not exist yet, or postgres://…?school=CODE not taken yet')
    .addHelpText(
      'after',
      examples(
        "ezurnals db copy ezurnals.db 'postgres://ezurnals@db.novads.lv/ezurnals?school=rpv'",
        "ezurnals db copy 'postgres://ezurnals@db.novads.lv/ezurnals?school=rpv' rpv-kopija.db --json",
      ),
    )
    .action(async (from: string, to: string, _opts, command: Command) => {
      const out = await createOutput({ json: !!globalOptions(command).json });
      const result = await copyDatabase(from, to);
      out.data(result, [
        { header: 'tables', value: (r) => r.tables },
        { header: 'rows', value: (r) => r.rows },
        { header: 'audit entries', value: (r) => r.auditEntries },
      ]);
      out.info(`Copied the school into ${result.to}. Check both with \`ezurnals audit verify\`: the audit chain came along entry for entry.`);
    });


  db.command('grant')
    .description("PostgreSQL: let a role of the server use this school as the application: it writes the journal, reads the audit log, and never updates or deletes it (run as the schema's owner)")
    .argument('<role>', 'the server role the application signs in as, e.g. ezurnals_app')
    .addHelpText('after', examples("ezurnals db grant ezurnals_app --db 'postgres://ezurnals_owner@db.novads.lv/ezurnals?school=rpv'"))
    .action(async (role: string, _opts, command: Command) => {
      const out = await createOutput({ json: !!globalOptions(command).json });
      const result = await grantApplicationRole(resolveDatabasePath(globalOptions(command).db, io().env), role);
      out.data(result, [
        { header: 'school', value: (r) => r.school },
        { header: 'role', value: (r) => r.role },
      ]);
      out.info(`${role} may now use school ${result.school}: the audit log is append-only to it (sealing and redaction only through the owner's functions).`);
    });
}
