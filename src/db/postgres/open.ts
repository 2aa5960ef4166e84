// Opening a school on a PostgreSQL server (issue 15). One schema per school,
// chosen by search_path: ids, unique constraints and the audit chain stay per
// school, as in an SQLite file, and Citus's schema-based sharding can place
// each school on a node without changing a table. The driver (`pg`) is loaded
// here only, so SQLite users never pay for it at start-up.
import { createRequire } from 'node:module';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Pool, PoolClient } from 'pg';
import { AppError } from '../../errors.ts';
import type { Database } from '../schema.ts';
import type { Db, OpenOptions } from '../connection.ts';
import type { DatabaseLocation } from '../location.ts';
import { migrateToLatestOrThrow, schemaBehind } from '../migrate.ts';
import { attachDialect } from '../dialect.ts';
import { postgresDialect } from './dialect.ts';
import { q } from './audit.ts';

type PostgresLocation = Extract<DatabaseLocation, { kind: 'postgres' }>;

/** How long a writer waits for the school's writer lock (and any other lock) before giving up: as SQLite's busy timeout. */
export const LOCK_TIMEOUT_MS = 30_000;

let driver: typeof import('pg') | undefined;

/** The driver, loaded once; int8 (counts) and numeric come back as numbers, as SQLite gives them. */
export async function loadDriver(): Promise<typeof import('pg')> {
  if (driver) return driver;
  // pg asks whether it runs in a Cloudflare Worker by `navigator.userAgent`, and where Node has no
  // `navigator` (Node 20) by constructing a fetch Response, which loads Node's whole fetch
  // implementation (undici): ~35 ms of CPU on every PostgreSQL command (measured). Node 21+ answers
  // with its own navigator; on Node 20 a stand-in saying the same is there while pg loads.
  const standIn = !('navigator' in globalThis);
  if (standIn) Object.defineProperty(globalThis, 'navigator', { value: { userAgent: 'Node.js' }, configurable: true });
  let pg: typeof import('pg');
  try {
    // Required, not imported: the bundled bin runs in a vm.Script, where import() has no loader.
    pg = createRequire(import.meta.url)('pg') as typeof import('pg');
  } finally {
    if (standIn) delete (globalThis as { navigator?: unknown }).navigator;
  }
  pg.types.setTypeParser(20, (v: string) => Number(v));
  pg.types.setTypeParser(1700, (v: string) => Number(v));
  driver = pg;
  return pg;
}

/** pg-copy-streams' COPY FROM STDIN, loaded with the first bulk insert. */
export function loadCopyFrom(): (typeof import('pg-copy-streams'))['from'] {
  return (createRequire(import.meta.url)('pg-copy-streams') as typeof import('pg-copy-streams')).from;
}

/**
 * A query text no server ever sees: a pooled client answers it itself with
 * one row holding the client. Kysely hides the driver's client behind its
 * connection; this is how the bulk insert finds the client of the
 * transaction it runs in, to send a COPY on it (see clientOf).
 */
const CLIENT_QUERY = '-- ezurnals: which client';

/** The pg client under a Kysely connection (a transaction's), from a pool made by newPool. */
export async function clientOf(conn: Db): Promise<PoolClient> {
  const { rows } = await sql.raw<{ client: PoolClient }>(CLIENT_QUERY).execute(conn);
  const client = rows[0]?.client;
  if (!client) throw new Error('clientOf: this connection did not come from an ezurnals pool');
  return client;
}

/** What must happen on a client before its next query: a COPY still open ends first, or that query would wait behind it forever. */
const beforeNextQuery = new WeakMap<PoolClient, () => void>();

/** Runs `hook` once, right before the next SQL query sent on `client`. */
export function onNextQuery(client: PoolClient, hook: () => void): void {
  beforeNextQuery.set(client, hook);
}

function answerClientQuery(client: PoolClient): void {
  const query = client.query;
  client.query = function (this: PoolClient, text: unknown, ...rest: unknown[]) {
    if (text === CLIENT_QUERY) return Promise.resolve({ command: 'SELECT', rowCount: 1, rows: [{ client }], fields: [] });
    // Any query, another COPY too: a client runs one query at a time, in order.
    const hook = beforeNextQuery.get(client);
    if (hook) {
      beforeNextQuery.delete(client);
      hook();
    }
    return (query as (...args: unknown[]) => unknown).call(this, text, ...rest);
  } as typeof client.query;
}

/** The driver's connection failures as one line: the server, not the journal, is the problem. */
export function connectionFailure(error: unknown, where: string): AppError | undefined {
  const e = error as { code?: string; message?: string };
  const code = e.code ?? '';
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH' || code === 'ETIMEDOUT' || code === 'ENOENT')
    return new AppError('not_found', `Cannot reach the PostgreSQL server of ${where}: ${e.message}.`);
  if (code === '28P01' || code === '28000') return new AppError('forbidden', `The PostgreSQL server refused the sign-in for ${where}: ${e.message}.`);
  if (code === '3D000') return new AppError('not_found', `No such database on the PostgreSQL server (${where}): ${e.message}. Create it first (createdb).`);
  if (code === '42501') return new AppError('forbidden', `The PostgreSQL role may not do this in ${where}: ${e.message}.`);
  return undefined;
}

export function newPool(pg: typeof import('pg'), location: PostgresLocation, max: number): Pool {
  const pool = new pg.Pool({
    connectionString: location.url,
    max,
    application_name: 'ezurnals',
    // The school's schema first; the server's own catalog after it. C collation is set per column (see collateC).
    options: `-c search_path=${q(location.school)},pg_catalog -c lock_timeout=${LOCK_TIMEOUT_MS} -c client_encoding=UTF8`,
  });
  // An idle client's error (the server restarted) must not kill the process: the next query reports it.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => answerClientQuery(client));
  return pool;
}

export interface PostgresOpenOptions extends OpenOptions {
  /** Connections kept open: one for a command; more for `serve`. */
  poolSize?: number;
}

/** What a school's schema holds, as opening it judges it; `empty` only when asked (`create`). */
interface SchoolState {
  schema: boolean;
  journal: boolean;
  tables: number;
  empty?: boolean;
}

async function schoolState(client: Pick<PoolClient, 'query'>, school: string, create: boolean): Promise<SchoolState> {
  const { rows } = await client.query(
    `select exists (select 1 from pg_namespace where nspname = $1) as schema,
            exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relname = 'kysely_migration') as journal,
            (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relkind = 'r')::int as tables,
            (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relkind = 'r' and c.relname not in ('kysely_migration', 'kysely_migration_lock'))::int as other_tables,
            to_regclass(quote_ident($1) || '.school') is not null as has_school_table`,
    [school],
  );
  const { has_school_table: hasSchoolTable, other_tables: otherTables, ...state } = rows[0] as SchoolState & { has_school_table: boolean; other_tables: number };
  // A schema the server's operator prepared (migrated by this tool, no school in it yet) may be taken by init;
  // only init asks (a round trip and two tables' catalog entries less for every other command).
  if (create && state.journal && hasSchoolTable) {
    // exists, not count(*): this runs on every open, and a school's audit log grows to millions of rows.
    const held = await client.query(`select exists (select 1 from ${q(school)}.school) or exists (select 1 from ${q(school)}.audit_log) as held`);
    state.empty = !held.rows[0].held;
  } else if (create && state.journal) {
    // A creation killed during its first migration (init, db copy, archive restore): the migrator's own tables and
    // nothing else, which a new attempt takes over. Any other table there is not ours to build beside.
    state.empty = otherTables === 0;
  }
  return state;
}

/** A school that creating it would refuse as existing: one with a journal or tables, unless it is a prepared empty one. */
const taken = (state: SchoolState) => !state.empty && (state.journal || state.tables > 0);

/** One client for a one-off question to the server (not a school's pool), ended after `work`. */
async function withClient<T>(url: string, where: string, work: (client: Pick<PoolClient, 'query'>) => Promise<T>): Promise<T> {
  const pg = await loadDriver();
  const client = new pg.Client({ connectionString: url, application_name: 'ezurnals' });
  try {
    await client.connect();
  } catch (error) {
    throw connectionFailure(error, where) ?? error;
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function openPostgres(location: PostgresLocation, options: PostgresOpenOptions = {}): Promise<Db> {
  const pg = await loadDriver();
  const pool = newPool(pg, location, options.poolSize ?? 2);
  const where = location.display;
  let state: SchoolState;
  try {
    const client: PoolClient = await pool.connect();
    try {
      state = await schoolState(client, location.school, !!options.create);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw connectionFailure(error, where) ?? error;
  }
  if (options.create && taken(state)) {
    await pool.end();
    throw new AppError('conflict', `The school ${location.school} already exists on ${where}; init refuses to overwrite it.`);
  }
  if (!options.create && !state.journal) {
    await pool.end();
    throw new AppError('not_found', `No school ${location.school} on ${where}. Create it with \`ezurnals init --db '${where}' --school "…" --year 2026/2027\`.`);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const dialect = postgresDialect(location.school, where);
  attachDialect(db, dialect);
  try {
    if (options.create && !state.schema) await sql.raw(`create schema ${q(location.school)}`).execute(db);
    // The audit log's high water only matters when there is something to migrate: the usual open asks one question.
    let prepared = false;
    if (await schemaBehind(db)) {
      const auditFrom = await dialect.auditHighWater(db);
      if (await migrateToLatestOrThrow(db, location.school)) {
        await dialect.afterMigrating(db, auditFrom);
        prepared = true;
      }
    }
    // An empty school taken over by a creation: one killed between its migrations and its audit triggers left it
    // without them (the open below would refuse it); they are made now, before any row goes in.
    if (options.create && state.empty && !prepared && (await dialect.auditTriggerFault(db))) await dialect.afterMigrating(db, await dialect.auditHighWater(db));
    await dialect.requireGuarantees(db);
  } catch (error) {
    await db.destroy();
    throw connectionFailure(error, where) ?? error;
  }
  return db;
}

/** The schools on a server: every schema holding an ezurnals journal, with its name. */
export async function listSchools(url: string): Promise<{ school: string; name: string | null; schema_version: string | null }[]> {
  return withClient(url, url, async (client) => {
    const { rows: schemas } = await client.query<{ nspname: string }>(
      `select n.nspname from pg_namespace n join pg_class c on c.relnamespace = n.oid where c.relname = 'kysely_migration' and c.relkind = 'r' order by n.nspname`,
    );
    const out = [];
    for (const { nspname } of schemas) {
      const name = await client.query<{ name: string }>(`select name from ${q(nspname)}.school order by id limit 1`).catch(() => ({ rows: [] as { name: string }[] }));
      const version = await client.query<{ name: string }>(`select name from ${q(nspname)}.kysely_migration order by name desc limit 1`).catch(() => ({ rows: [] as { name: string }[] }));
      out.push({ school: nspname, name: name.rows[0]?.name ?? null, schema_version: version.rows[0]?.name ?? null });
    }
    return out;
  });
}


/**
 * Whether opening the school to create it would be refused as existing (as
 * openPostgres judges it with `create`): asked before a long job that ends by
 * creating the school (`archive restore`), so that it is refused before, not after.
 */
export async function postgresSchoolTaken(location: PostgresLocation): Promise<boolean> {
  return withClient(location.url, location.display, async (client) => taken(await schoolState(client, location.school, true)));
}

/** Drops a school's schema with everything in it; with `onlyIf`, only when the school in it is that one (or none). */
export async function dropPostgresSchool(location: PostgresLocation, onlyIf?: { name: string; registrationNumber: string }): Promise<void> {
  await withClient(location.url, location.display, async (client) => {
    if (onlyIf) {
      const present = await client.query(`select to_regclass($1) is not null as present`, [`${q(location.school)}.school`]);
      if (present.rows[0].present) {
        const { rows } = await client.query<{ name: string; registration_number: string | null }>(`select name, registration_number from ${q(location.school)}.school`);
        const other = rows.find((r) => r.name !== onlyIf.name || r.registration_number !== onlyIf.registrationNumber);
        if (other) throw new AppError('conflict', `The school ${location.school} on ${location.display} is ${other.name}, not the demo school: the demo never replaces it. Name another school in --db.`);
      }
    }
    await client.query(`drop schema if exists ${q(location.school)} cascade`);
  });
}
