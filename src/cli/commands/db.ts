import type { Command } from 'commander';
import { copyDatabase, grantApplicationRole, resolveDatabasePath } from '../../db/connection.ts';
import { io } from '../io.ts';
import { examples } from '../options.ts';
import { createOutput } from '../output.ts';
import { globalOptions } from '../runtime.ts';
import { m as d } from '../../i18n/messages/db.ts';
import { m as w } from '../../i18n/messages/words.ts';


/**
 * The database itself, for its operator: moving a school between an SQLite
 * file and a PostgreSQL server, and the schools on a server. These act on the
 * storage, not on the journal, so no staff identity is asked: the operator is
 * who may open the files, or the role the server signs in.
 */
export function registerDb(program: Command): void {
  const db = program.command('db').description(d.dbFamily);

  db.command('copy')
    .description(d.dbCopy)
    .argument(d.argFrom, d.dbCopyFrom)
    .argument(d.argTo, d.dbCopyTo)
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
        { header: d.hTables, value: (r) => r.tables },
        { header: w.rows, value: (r) => r.rows },
        { header: d.hAuditEntries, value: (r) => r.auditEntries },
      ]);
      out.info(d.copied(result.to));
    });


  db.command('grant')
    .description(d.dbGrant)
    .argument('<role>', d.dbGrantRole)
    .addHelpText('after', examples("ezurnals db grant ezurnals_app --db 'postgres://ezurnals_owner@db.novads.lv/ezurnals?school=rpv'"))
    .action(async (role: string, _opts, command: Command) => {
      const out = await createOutput({ json: !!globalOptions(command).json });
      const result = await grantApplicationRole(resolveDatabasePath(globalOptions(command).db, io().env), role);
      out.data(result, [
        { header: w.school, value: (r) => r.school },
        { header: d.hRole, value: (r) => r.role },
      ]);
      out.info(d.granted(role, result.school));
    });
}
