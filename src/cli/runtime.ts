import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../errors.ts';
import { isPostgresUrl } from '../db/location.ts';
import { openWarnings, resolveDatabasePath, type Db } from '../db/connection.ts';
import { findOnlySchool } from '../db/repositories/schools.ts';
import { findStaffByCode, findStaffById } from '../db/repositories/staff.ts';
import { findStudentByCode, findStudentById, findStudentByPersonalCode } from '../db/repositories/students.ts';
import { findGuardian } from '../db/repositories/guardians.ts';
import { findAccountByUsername } from '../db/repositories/accounts.ts';
import type { School } from '../db/schema.ts';
import { staffActor, type Actor } from '../domain/permissions.ts';
import { checkPersonalCode } from '../domain/personal-code.ts';
import { operatorDecision } from '../domain/reading.ts';
import type { ServiceContext } from '../services/context.ts';
import { overridingYearLock } from '../services/year-lock.ts';
import { createOutput, type Output } from './output.ts';
import { auditCommandLine } from '../domain/command-line.ts';
import { io } from './io.ts';
import { perCommand } from './database-handles.ts';
import { m } from '../i18n/messages/cli.ts';
import { adoptSchoolLanguage } from '../i18n/language.ts';

/** Options every command understands; defined once on the root program. */
export interface GlobalOptions {
  db?: string;
  as?: string;
  json?: boolean;
  year?: string;
  yes?: boolean;
  /** An admin's reason for writing into a closed school year. */
  closedYearReason?: string;
  /** The language of messages: read by `main` before the program is built (src/i18n/choice.ts). */
  lang?: string;
}

export function globalOptions(command: Command): GlobalOptions {
  return command.optsWithGlobals() as GlobalOptions;
}

export interface CommandSpec<T> {
  /** Writes run in one immediate transaction: all or nothing, and concurrent writers queue. */
  write: boolean;
  /** Whether the write is a bulk load (WriteOptions.bulkLoad), decided before the transaction begins. */
  bulkLoad?: (ctx: ServiceContext) => boolean;
  /** Runs before the transaction: prompts for missing values without holding the write lock. */
  prepare?: (ctx: ServiceContext) => Promise<void>;
  run: (ctx: ServiceContext) => Promise<T>;
  print: (result: T, out: Output) => void;
  /** The personal file and the profiles print personas kodi in full; every other command masks them (issue 14). */
  revealsPersonalCodes?: boolean;
}

/** `--as` may say which kind of person it names: `staff:T01`, `student:S001`, `guardian:12`. */
const KIND_PREFIX = /^(staff|student|guardian):(.+)$/;

/**
 * Who acts, from `--as` or EZURNALS_USER: the one place an identity becomes an
 * Actor. A bare code is a staff code, else a student code or personas kods;
 * guardians have no code and are named by id (`guardian:12`).
 */
async function resolveActor(db: Db, school: School, who: string, source: string): Promise<Actor> {
  // A profile's username (a guardian's `janis.berzins`, a student's personas kods) names its person.
  const account = KIND_PREFIX.test(who) ? undefined : await findAccountByUsername(db, school.id, who);
  if (account) {
    if (account.disabled) throw new AppError('forbidden', m.profileDisabled(account.username));
    const person = account.kind === 'staff' ? (await findStaffById(db, account.person_id))?.code : account.kind === 'student' ? (await findStudentById(db, account.person_id))?.code : String(account.person_id);
    if (person !== undefined) return resolveActor(db, school, `${account.kind}:${person}`, source);
  }
  const prefixed = KIND_PREFIX.exec(who);
  const kind = prefixed?.[1];
  const ref = prefixed ? prefixed[2]!.trim() : who;
  const staff = kind === undefined || kind === 'staff' ? await findStaffByCode(db, school.id, ref) : undefined;
  const personal = checkPersonalCode(ref);
  const student =
    kind === undefined || kind === 'student'
      ? ((await findStudentByCode(db, school.id, ref)) ?? (personal.ok ? await findStudentByPersonalCode(db, school.id, personal.normalized) : undefined))
      : undefined;
  if (staff && student) throw new AppError('usage', m.bothStaffAndStudent(who, source, ref));
  if (staff) {
    if (staff.active !== 1) throw new AppError('forbidden', m.staffDeactivated(staff.code));
    return staffActor(staff);
  }
  if (student) return { kind: 'student', id: student.id, code: student.code, name: `${student.first_name} ${student.last_name}`.trim(), roles: [] };
  if (kind === 'guardian') {
    const id = /^\d+$/.test(ref) ? Number(ref) : NaN;
    const guardian = Number.isSafeInteger(id) ? await findGuardian(db, school.id, id) : undefined;
    if (!guardian) throw new AppError('not_found', m.unknownGuardian(who, source, ref));
    return { kind: 'guardian', id: guardian.id, code: `guardian:${guardian.id}`, name: `${guardian.first_name} ${guardian.last_name}`.trim(), roles: [] };
  }
  throw new AppError('not_found', m.unknownUser(who, source, kind === 'staff' ? 'staff' : kind === 'student' ? 'student' : 'any'));
}

/** A read with no identity is allowed to the owner of the database file only (the system operator). */
function requireOperator(path: string): void {
  const decision = operatorDecision(statSync(path).uid, process.getuid?.());
  if (!decision.allowed) throw new AppError('forbidden', decision.reason);
}

/** The command line as the user gave it (the bin's or a test's `main(argv)`), for the audit log. */
export function commandLine(command: Command): string {
  let root = command;
  while (root.parent) root = root.parent;
  return auditCommandLine((root as Command & { rawArgs?: string[] }).rawArgs ?? []);
}

async function openSession(options: GlobalOptions, write: boolean): Promise<{ db: Db; ctx: ServiceContext }> {
  const { env, now, databases = perCommand } = io();
  const path = resolveDatabasePath(options.db, env);
  const db = await databases.open(path);
  try {
    const school = await findOnlySchool(db);
    if (!school) throw new AppError('not_found', m.noSchool);
    adoptSchoolLanguage(school.language);
    const author = options.as ?? env.EZURNALS_USER;
    const actor = author ? await resolveActor(db, school, author, options.as ? '--as' : 'EZURNALS_USER') : null;
    // On a server, the database role the server signed in is the operator; a file's operator is its owner.
    if (!actor && !write && !isPostgresUrl(path)) requireOperator(path);
    return { db, ctx: { db, school, actor, now, yearCode: options.year, reading: !write } };
  } catch (error) {
    await databases.release(db);
    throw error;
  }
}

/** "grade correct": the command's words without the program name. */
function commandPath(command: Command): string {
  const words: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) words.unshift(c.name());
  return words.join(' ');
}

/** A write, opening closed school years to it when an admin gave the reason. */
async function runWrite<T>(command: Command, spec: CommandSpec<T>, ctx: ServiceContext, out: Output): Promise<T> {
  const reason = globalOptions(command).closedYearReason;
  if (reason === undefined) return spec.run(ctx);
  const { result, overrides } = await overridingYearLock(ctx, reason, commandPath(command), spec.run);
  for (const o of overrides) out.info(m.closedYearOverride(o.year, o.rows_written));
  return result;
}

/**
 * Whether each command run in this process reads or writes, by its words
 * ("grade list"): what the test walking every read command checks its
 * refusals against. Nothing else reads it.
 */
export const commandKinds = new Map<string, 'read' | 'write'>();

/** The one path every journal command takes: open, authorise, run once, print, close. */
export async function runCommand<T>(command: Command, spec: CommandSpec<T>): Promise<void> {
  commandKinds.set(commandPath(command), spec.write ? 'write' : 'read');
  const options = globalOptions(command);
  const out = await createOutput({ json: !!options.json, revealPersonalCodes: spec.revealsPersonalCodes });
  const databases = io().databases ?? perCommand;
  const { db, ctx } = await openSession(options, spec.write);
  try {
    for (const warning of openWarnings(db)) out.warn(warning);
    await spec.prepare?.(ctx);
    const result = spec.write
      ? await databases.write(db, (trx) => runWrite(command, spec, { ...ctx, db: trx }, out), { actor: ctx.actor?.code, command: commandLine(command) }, { bulkLoad: spec.bulkLoad?.(ctx) ?? false })
      : await spec.run(ctx);
    spec.print(result, out);
  } finally {
    await databases.release(db);
  }
}
