import type { Command } from 'commander';
import { AppError } from '../errors.ts';
import { inTransaction, openDatabase, resolveDatabasePath, type Db } from '../db/connection.ts';
import { findOnlySchool } from '../db/repositories/schools.ts';
import { findStaffByCode } from '../db/repositories/staff.ts';
import type { ServiceContext } from '../services/context.ts';
import { createOutput, type Output } from './output.ts';
import { auditCommandLine } from '../domain/command-line.ts';

/** Options every command understands; defined once on the root program. */
export interface GlobalOptions {
  db?: string;
  as?: string;
  json?: boolean;
  year?: string;
  yes?: boolean;
}

export function globalOptions(command: Command): GlobalOptions {
  return command.optsWithGlobals() as GlobalOptions;
}

export interface CommandSpec<T> {
  /** Writes run in one immediate transaction: all or nothing, and concurrent writers queue. */
  write: boolean;
  /** Runs before the transaction: prompts for missing values without holding the write lock. */
  prepare?: (ctx: ServiceContext) => Promise<void>;
  run: (ctx: ServiceContext) => Promise<T>;
  print: (result: T, out: Output) => void;
}

/** The command line as the user gave it (the bin's or a test's `main(argv)`), for the audit log. */
export function commandLine(command: Command): string {
  let root = command;
  while (root.parent) root = root.parent;
  return auditCommandLine((root as Command & { rawArgs?: string[] }).rawArgs ?? process.argv.slice(2));
}

async function openSession(options: GlobalOptions): Promise<{ db: Db; ctx: ServiceContext }> {
  const db = await openDatabase(resolveDatabasePath(options.db));
  try {
    const school = await findOnlySchool(db);
    if (!school) throw new AppError('not_found', 'The database holds no school: it was not created by `ezurnals init`.');
    const author = options.as ?? process.env.EZURNALS_USER;
    let actor = null;
    if (author) {
      const staff = await findStaffByCode(db, school.id, author);
      if (!staff) throw new AppError('not_found', `Unknown user ${author} (from ${options.as ? '--as' : 'EZURNALS_USER'}): no staff member has that code.`);
      if (staff.active !== 1) throw new AppError('forbidden', `${staff.code} is deactivated and may not use the journal.`);
      actor = { id: staff.id, code: staff.code, name: `${staff.first_name} ${staff.last_name}`.trim(), roles: staff.roles };
    }
    return { db, ctx: { db, school, actor, now: new Date(), yearCode: options.year } };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

/** The one path every journal command takes: open, authorise, run once, print, close. */
export async function runCommand<T>(command: Command, spec: CommandSpec<T>): Promise<void> {
  const options = globalOptions(command);
  const out = await createOutput({ json: !!options.json });
  const { db, ctx } = await openSession(options);
  try {
    await spec.prepare?.(ctx);
    const result = spec.write ? await inTransaction(db, (trx) => spec.run({ ...ctx, db: trx }), { actor: ctx.actor?.code, command: commandLine(command) }) : await spec.run(ctx);
    spec.print(result, out);
  } finally {
    await db.destroy();
  }
}
