import { chmodSync, closeSync, existsSync, openSync, realpathSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { Kysely, SqliteDialect, sql } from 'kysely';
import SqliteDatabase from 'better-sqlite3';
import { AppError } from '../errors.ts';
import { systemFailure } from '../system-error.ts';
import { PRIVATE_FILE_MODE } from '../private-file.ts';
import { judgeDatabaseFiles, type DatabaseFiles, type FilesVerdict, type PathFacts } from '../domain/database-files.ts';
import type { Database } from './schema.ts';
import { migrateToLatestOrThrow, schemaBehind } from './migrate.ts';
import { ensureYearLockTriggers, isYearLockError, yearLockError } from './year-lock.ts';
import { installAuditTriggers } from './audit/triggers.ts';
import { auditHighWater, currentCommand, sealAuditEntries } from './audit/seal.ts';
import { attachDialect, dialectOf, type WriteOptions } from './dialect.ts';
import { sqliteDialect } from './sqlite/dialect.ts';
import { parseLocation } from './location.ts';
import { m as d } from '../i18n/messages/db.ts';

export type Db = Kysely<Database>;

/**
 * The better-sqlite3 handle behind each Kysely instance this module hands out
 * (the opened database, and the one connection of each `inTransaction`).
 * Only the bulk import's inserts use it, to run one prepared statement
 * hundreds of thousands of times without a promise per row.
 */
const natives = new WeakMap<Db, SqliteDatabase.Database>();

/** The better-sqlite3 database under `db`, when it came from `openDatabase` or `inTransaction`; only src/db's SQLite code uses it. */
export function nativeDatabase(db: Db): SqliteDatabase.Database | undefined {
  return natives.get(db);
}

/** Long enough that scripted writers queue behind each other instead of failing. */
const BUSY_TIMEOUT_MS = 30_000;

/** A database file goes with its WAL and shared-memory files; a stale WAL must never meet a new database. */
export function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

function makePrivate(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(`${path}${suffix}`)) chmodSync(`${path}${suffix}`, PRIVATE_FILE_MODE);
}

export function resolveDatabasePath(option?: string, env: NodeJS.ProcessEnv = process.env): string {
  return option || env.EZURNALS_DB || './ezurnals.db';
}

export interface OpenOptions {
  /** Only `init` creates a database; everything else needs an existing file. */
  create?: boolean;
  /** The user to judge the files for; the process's own uid. Tests stand in for another user with it. */
  uid?: number;
  /** A file the tool makes in a work folder of its own (the archive's snapshot): the folder is not judged. */
  ownWorkFile?: boolean;
  /** PostgreSQL: connections kept open (default 2; `serve` keeps more). */
  poolSize?: number;
}

/** Databases opened read-only because the current user does not own them: no transaction may begin on them. */
const readOnly = new WeakSet<Db>();
/** What the caller should tell the user about the files (other users may read them). */
const warnings = new WeakMap<Db, string[]>();

/** The warnings about the database's files found when it was opened. */
export function openWarnings(db: Db): readonly string[] {
  return warnings.get(db) ?? [];
}

function facts(path: string): PathFacts | undefined {
  try {
    const st = statSync(path);
    return { path, mode: st.mode & 0o7777, uid: st.uid };
  } catch {
    return undefined;
  }
}

/**
 * The modes and owners of the database, its -wal and -shm, and its folder,
 * judged by src/domain/database-files.ts. SQLite names the -wal and -shm
 * after the file a symlink leads to, so that is the one looked at. For a
 * database about to be created, the file is judged as it will be: the
 * current user's, 0600.
 */
export function inspectDatabaseFiles(path: string, uid: number, creating = false): FilesVerdict {
  const real = creating ? join(realpathSync(dirname(path)), path.slice(dirname(path).length + 1)) : realpathSync(path);
  const database = creating ? { path: real, mode: PRIVATE_FILE_MODE, uid } : facts(real)!;
  const files: DatabaseFiles = { database, wal: facts(`${real}-wal`), shm: facts(`${real}-shm`), folder: facts(dirname(real))! };
  return judgeDatabaseFiles(files, uid);
}

const require = createRequire(import.meta.url);

/**
 * The addon's path, found directly: better-sqlite3's default lookup (the
 * `bindings` package) probes many paths and walks a stack trace on every start.
 */
export function nativeBindingPath(): string | undefined {
  try {
    const candidate = join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
    return existsSync(candidate) ? candidate : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Kysely's SQLite driver prepares every query anew; the same few statements
 * run thousands of times in a demo or an import, so prepared ones are reused.
 */
function withStatementCache(native: SqliteDatabase.Database): SqliteDatabase.Database {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return new Proxy(native, {
    get(target, property) {
      if (property === 'prepare') {
        return (source: string) => {
          let statement = statements.get(source);
          if (!statement) {
            statement = target.prepare(source);
            statements.set(source, statement);
          }
          return statement;
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Opens the journal named by `--db` / EZURNALS_DB: a PostgreSQL URL
 * (postgres://…?school=CODE, src/db/postgres/open.ts, whose driver is loaded
 * only then) or the path of an SQLite file.
 */
export async function openDatabase(target: string, options: OpenOptions = {}): Promise<Db> {
  const location = parseLocation(target);
  if (location.kind === 'postgres') {
    const { openPostgres } = await import('./postgres/open.ts');
    return openPostgres(location, options);
  }
  return openSqlite(location.path, options);
}

async function openSqlite(path: string, options: OpenOptions): Promise<Db> {
  const exists = path === ':memory:' || existsSync(path);
  if (options.create && exists && path !== ':memory:') {
    throw new AppError('conflict', d.exists(path));
  }
  if (!options.create && !exists) {
    throw new AppError('not_found', d.noDatabase(path));
  }
  const uid = options.uid ?? process.getuid?.();
  let verdict: FilesVerdict = { refused: null, readOnly: false, warnings: [] };
  if (path !== ':memory:' && uid !== undefined && !options.ownWorkFile) {
    try {
      verdict = inspectDatabaseFiles(path, uid, options.create);
    } catch (error) {
      throw new AppError('not_found', d.cannotOpen(path, (error as Error).message));
    }
    if (verdict.refused !== null) throw new AppError('forbidden', verdict.refused);
  }
  // The journal holds children's personal data: the file (and SQLite's WAL and shm files, which take its mode) is the owner's only.
  if (options.create && path !== ':memory:') {
    // Created here rather than by SQLite (0644 less the umask); SQLite gives the -wal and -shm files the database's mode.
    try {
      closeSync(openSync(path, 'wx', PRIVATE_FILE_MODE));
      chmodSync(path, PRIVATE_FILE_MODE);
    } catch (error) {
      throw systemFailure(error, path) ?? new AppError('not_found', d.cannotCreate(path, (error as Error).message));
    }
  }
  try {
    return await openCreated(path, options, verdict);
  } catch (error) {
    // A database that could not be made whole (a full disk) is no database: left behind, every later init would say "already exists".
    if (options.create && path !== ':memory:') removeDatabaseFiles(path);
    throw error;
  }
}

async function openCreated(path: string, options: OpenOptions, verdict: FilesVerdict): Promise<Db> {
  const asReader = verdict.refused === null && verdict.readOnly;
  let native: SqliteDatabase.Database;
  try {
    native = new SqliteDatabase(path, { fileMustExist: !options.create, readonly: asReader, timeout: BUSY_TIMEOUT_MS, nativeBinding: nativeBindingPath() });
  } catch (error) {
    throw systemFailure(error, path) ?? new AppError('not_found', d.cannotOpen(path, (error as Error).message));
  }
  try {
    // Checked before anything is written: a foreign SQLite file must stay as it was.
    if (!options.create && !native.prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'").get()) {
      throw new AppError('invalid', d.notOurs(path));
    }
    if (native.pragma('journal_mode', { simple: true }) !== 'wal' && !asReader) native.pragma('journal_mode = WAL');
    native.pragma('foreign_keys = ON');
    native.pragma('synchronous = NORMAL');
    // A write that fires an audit trigger writes two tables, so SQLite keeps a statement journal for it;
    // on disk that is a temporary file per statement (measured: 23 µs of system time per inserted row).
    native.pragma('temp_store = MEMORY');
    if (options.create && path !== ':memory:') makePrivate(path);
  } catch (error) {
    native.close();
    if (error instanceof AppError) throw error;
    // A read-only folder or file system, a full disk, a damaged file: named as what they are.
    throw openFailure(error, path);
  }
  const cached = withStatementCache(native);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cached }) });
  natives.set(db, cached);
  attachDialect(db, sqliteDialect(cached, path));
  warnings.set(db, verdict.refused === null ? verdict.warnings : []);
  if (asReader) {
    readOnly.add(db);
    if (await schemaBehind(db)) {
      await db.destroy();
      throw new AppError('forbidden', d.ownerMustUpgrade(path, statSync(path).uid));
    }
    return db;
  }
  try {
    const auditFrom = auditHighWater(cached);
    if (await migrateToLatestOrThrow(db)) afterMigrating(cached, auditFrom);
    await ensureYearLockTriggers(db);
  } catch (error) {
    await db.destroy();
    throw systemFailure(error, path) ?? error;
  }
  return db;
}

/**
 * Why an existing file would not open. SQLite needs to create the -wal and
 * -shm files beside the database: in a read-only folder or file system that
 * fails with SQLITE_CANTOPEN or SQLITE_READONLY, which is no proof the file is
 * not a database.
 */
function openFailure(error: unknown, path: string): AppError {
  const code = String((error as { code?: unknown }).code ?? '');
  const message = (error as Error).message;
  if (code === 'SQLITE_NOTADB') return new AppError('invalid', d.notEzurnals(path, message));
  if (code.startsWith('SQLITE_IOERR')) return systemFailure(error, path)!;
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY'))
    return new AppError('forbidden', d.noWorkingFiles(path, message));
  return systemFailure(error, path) ?? new AppError('invalid', d.notEzurnals(path, message));
}

/**
 * After any migration: the audit triggers of every table as it now is, and
 * the entries that the migrations' own data changes made, sealed as the
 * system's.
 */
function afterMigrating(native: SqliteDatabase.Database, auditFrom: number): void {
  native.transaction(() => {
    installAuditTriggers(native);
    sealAuditEntries(native, auditFrom, { actor: null, command: `${currentCommand()} (schema migration)` });
  }).immediate();
}

/** A larger page cache for one big write (SQLite's default is 2 MB); other dialects manage their own. */
export async function widenPageCache(db: Db, megabytes: number): Promise<void> {
  await dialectOf(db).widenCache(db, megabytes);
}

/** Who the audit log names for a transaction's writes; the command defaults to this process's own. */
export interface AuditAuthor {
  /** The staff code of --as / EZURNALS_USER; none: the system operator. */
  actor?: string | null;
  command?: string;
}

/**
 * One command = one transaction. The dialect begins it with the school's
 * one-writer lock (SQLite's BEGIN IMMEDIATE; PostgreSQL's head row FOR
 * UPDATE), so concurrent writers queue instead of failing. Right before the
 * commit, the audit entries the triggers wrote are sealed
 * (src/db/audit/seal.ts): this is the one place every command and import
 * commits.
 */
export async function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>, author: AuditAuthor = {}, options: WriteOptions = {}): Promise<T> {
  if (readOnly.has(db)) throw new AppError('forbidden', d.readOnly);
  return writeTransaction(db, work, { actor: author.actor ?? null, command: author.command ?? currentCommand() }, options);
}

/** The write transaction itself; `seal`: how its audit entries are signed, or null for entries that arrive sealed. */
async function writeTransaction<T>(db: Db, work: (trx: Db) => Promise<T>, seal: { actor: string | null; command: string } | null, options: WriteOptions = {}): Promise<T> {
  const dialect = dialectOf(db);
  return db.connection().execute(async (conn) => {
    const native = natives.get(db);
    if (native) natives.set(conn, native);
    attachDialect(conn, dialect);
    try {
      const auditFrom = await dialect.beginWrite(conn, options);
      const result = await work(conn);
      if (seal) await dialect.sealAudit(conn, auditFrom, seal);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      // On a full disk or an I/O error SQLite has already rolled back: the rollback's own
      // "no transaction is active" must not hide the real cause.
      if (dialect.inTransaction(conn)) await sql`rollback`.execute(conn).catch(() => undefined);
      if (isYearLockError(error)) throw await yearLockError(conn);
      throw dialect.translateError?.(error) ?? error;
    } finally {
      dialect.endWrite?.(conn);
    }
  });
}

/**
 * A write that carries its own audit entries, already sealed (a school copied
 * whole with `db copy`, or the archive's snapshot): the school's writer lock,
 * but no sealing, which would sign the copied entries again. src/db only.
 */
export async function inCopyTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return writeTransaction(db, work, null);
}

/**
 * Removes a school from its PostgreSQL server, whole: a copy that failed
 * half-way, or the demo's --force, which passes `onlyIf` so that only a demo
 * school is ever replaced, never a real one that the URL happened to name.
 */
export async function dropSchool(target: string, onlyIf?: { name: string; registrationNumber: string }): Promise<void> {
  const location = parseLocation(target);
  if (location.kind !== 'postgres') throw new Error('dropSchool: not a server school');
  const { dropPostgresSchool } = await import('./postgres/open.ts');
  await dropPostgresSchool(location, onlyIf);
}

/** Whether a school on a PostgreSQL server is taken: one that a new school (init, db copy, archive restore) may not be made in. */
export async function serverSchoolTaken(target: string): Promise<boolean> {
  const location = parseLocation(target);
  if (location.kind !== 'postgres') throw new Error('serverSchoolTaken: not a server school');
  const { postgresSchoolTaken } = await import('./postgres/open.ts');
  return postgresSchoolTaken(location);
}

/** `db copy`: the school at `from` copied whole into a new database at `to` (src/db/copy.ts). */
export async function copyDatabase(from: string, to: string): Promise<{ from: string; to: string; tables: number; rows: number; auditEntries: number }> {
  const source = await openDatabase(from);
  try {
    const target = await openDatabase(to, { create: true });
    const { copySchool } = await import('./copy.ts');
    try {
      const result = await copySchool(source, target);
      return { from: dialectOf(source).where, to: dialectOf(target).where, ...result };
    } catch (error) {
      await target.destroy();
      const location = parseLocation(to);
      // Nothing half-copied is left behind: the target was new.
      if (location.kind === 'sqlite') removeDatabaseFiles(location.path);
      else await dropSchool(to);
      throw error;
    } finally {
      await target.destroy().catch(() => undefined);
    }
  } finally {
    await source.destroy();
  }
}

/** `school list`: the schools on a PostgreSQL server (the URL's school may be left out); an SQLite file's one school. */
export async function listSchoolsAt(target: string): Promise<{ school: string; name: string | null; schema_version: string | null }[]> {
  const location = parseLocation(target, { schoolOptional: true });
  if (location.kind === 'postgres') {
    const { listSchools } = await import('./postgres/open.ts');
    return listSchools(location.url);
  }
  const db = await openDatabase(location.path);
  try {
    const schools = await db.selectFrom('school').select('name').orderBy('id').execute();
    const version = await db.selectFrom('kysely_migration' as never).select(sql<string>`max(name)`.as('v')).executeTakeFirst();
    return schools.map((s) => ({ school: location.path, name: s.name, schema_version: (version as { v?: string } | undefined)?.v ?? null }));
  } finally {
    await db.destroy();
  }
}

/** `db grant ROLE`: on PostgreSQL, the application role's rights on one school (src/db/postgres/audit.ts grantStatements). */
export async function grantApplicationRole(target: string, role: string): Promise<{ school: string; role: string }> {
  const location = parseLocation(target);
  if (location.kind !== 'postgres') throw new AppError('usage', d.grantSqlite);
  if (!/^[a-z_][a-z0-9_$]{0,62}$/.test(role)) throw new AppError('usage', d.badRoleName(role));
  const db = await openDatabase(target);
  try {
    const { grantStatements } = await import('./postgres/audit.ts');
    await db.connection().execute(async (conn) => {
      await sql`begin`.execute(conn);
      try {
        for (const statement of grantStatements(location.school, role)) await sql.raw(statement).execute(conn);
        await sql`commit`.execute(conn);
      } catch (error) {
        await sql`rollback`.execute(conn).catch(() => undefined);
        const code = (error as { code?: string }).code;
        if (code === '42704') throw new AppError('not_found', d.noRole(role));
        if (code === '42501') throw new AppError('forbidden', d.notSchemaOwner(location.school, (error as Error).message));
        throw error;
      }
    });
    return { school: location.school, role };
  } finally {
    await db.destroy();
  }
}
