// The PostgreSQL side of the dialect seam (src/db/dialect.ts).
import { sql } from 'kysely';
import type { Db } from '../connection.ts';
import type { BulkInsert, Dialect } from '../dialect.ts';
import { AppError } from '../../errors.ts';
import { currentCommand } from '../audit/seal.ts';
import type { Schema } from '../introspection.ts';
import { postgresSchema } from './schema.ts';
import { HEAD_TABLE, installPostgresAuditTriggers, postgresAuditTriggerFault, postgresRowAuditFault, q, sealPostgresAudit } from './audit.ts';
import { ensurePostgresYearLock } from './year-lock.ts';
import type { Writable } from 'node:stream';
import type { PoolClient } from 'pg';
import { clientOf, loadCopyFrom, LOCK_TIMEOUT_MS, onNextQuery } from './open.ts';

/** Rows per COPY data message: the server starts on them while the client reads on. */
const ROWS_PER_MESSAGE = 500;

/** A value in COPY's text format: \N for NULL; backslash, tab, newline and carriage return escaped. */
function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'boolean' ? (value ? 't' : 'f') : String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : text;
}

/**
 * Bulk rows by COPY FROM STDIN on the transaction's own connection (issue 15
 * §7): no statement to parse per thousand rows, no parameters to bind, and
 * the rows go out in messages of a few hundred while the client goes on
 * reading the file, so the server inserts (and checks the foreign keys) on
 * the other core. One COPY per flush; the audit trigger logs each COPY's rows
 * as one statement's. The ids are the caller's, given under the writer lock
 * (afterBulkIds moves the sequence past them).
 */
class CopyInsert implements BulkInsert {
  private client: PoolClient | undefined;
  private readonly clientFound: Promise<PoolClient>;
  private stream: Writable | undefined;
  /** COPYs ended, not yet known to have finished. */
  private closing: Promise<void>[] = [];
  private lines: string[] = [];
  private failure: unknown;
  written = 0;

  constructor(
    db: Db,
    private readonly school: string,
    private readonly table: string,
    private readonly columns: readonly string[],
  ) {
    this.clientFound = clientOf(db).then((client) => (this.client = client));
    // Found before the first rows are read, usually; flush waits for it otherwise.
    this.clientFound.catch(() => undefined);
  }

  add(values: readonly unknown[]): void {
    let line = '';
    for (let i = 0; i < values.length; i++) line += (i === 0 ? '' : '\t') + copyText(values[i]);
    this.lines.push(`${line}\n`);
    this.written++;
    if (this.lines.length >= ROWS_PER_MESSAGE && this.client) this.send(this.client);
  }

  private send(client: PoolClient): void {
    if (!this.stream) {
      const copyFrom = loadCopyFrom();
      const stream = client.query(copyFrom(`copy ${q(this.school)}.${q(this.table)} (${this.columns.map(q).join(', ')}) from stdin`));
      // Kept for flush to throw: an unhandled stream error would end the process.
      stream.on('error', (error) => (this.failure ??= error));
      this.stream = stream;
      // The caller may query the same transaction between two flushes (a reference it has not seen): the COPY ends first.
      onNextQuery(client, () => this.close());
    }
    this.stream.write(this.lines.join(''));
    this.lines = [];
  }

  /** Ends the open COPY; flush waits for it. */
  private close(): void {
    const stream = this.stream;
    if (!stream) return;
    this.stream = undefined;
    const done = new Promise<void>((resolve, reject) => {
      stream.once('finish', resolve);
      stream.once('error', reject);
      stream.end();
    });
    done.catch(() => undefined);
    this.closing.push(done);
  }

  async flush(): Promise<void> {
    if (this.lines.length > 0) this.send(await this.clientFound);
    this.close();
    const closing = this.closing;
    this.closing = [];
    if (this.failure) throw this.failure;
    await Promise.all(closing);
    if (this.failure) throw this.failure;
  }
}

export interface PostgresDialect extends Dialect {
  /** After migrating: the head row and functions, C collation, the audit triggers, and the migrations' own entries sealed. */
  afterMigrating(db: Db, auditFrom: number): Promise<void>;
  /** The audit log's highest id now (0 before it exists): what migrating may add above it is sealed. */
  auditHighWater(db: Db): Promise<number>;
  /** Refuses a school whose audit trail is gone (see src/db/dialect.ts). */
  requireGuarantees(db: Db): Promise<void>;
}

/**
 * Text sorts and compares as in SQLite (byte order), whatever the server's
 * locale: every text column gets the C collation. Changing a collation
 * rebuilds the column's indexes, not the table.
 */
async function collateC(conn: Db, school: string): Promise<void> {
  const { rows } = await sql<{ table: string; column: string }>`
    select c.relname as table, a.attname as column from pg_attribute a join pg_class c on c.oid = a.attrelid
     where c.relnamespace = ${school}::regnamespace and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
       and a.atttypid = 'text'::regtype and a.attcollation <> 'pg_catalog."C"'::regcollation`.execute(conn);
  for (const r of rows) await sql.raw(`alter table ${q(school)}.${q(r.table)} alter column ${q(r.column)} type text collate "C"`).execute(conn);
}

export function postgresDialect(school: string, where: string): PostgresDialect {
  // The schema changes only by migrating (and a copy's triggers): read from the catalog once per open, not per check.
  let known: Promise<Schema> | undefined;
  const schemaOf = (db: Db): Promise<Schema> => (known ??= postgresSchema(db).catch((error) => {
    known = undefined;
    throw error;
  }));
  const tablesOf = async (db: Db) => new Set((await schemaOf(db)).tables());
  const dialect: PostgresDialect = {
    name: 'postgres',
    where,
    async beginWrite(conn) {
      await sql`begin`.execute(conn);
      // The school's head row, FOR UPDATE: one writer per school; writers of other schools and all readers go on.
      const { rows } = await sql<{ high: number }>`select ezurnals_begin_write() as high`.execute(conn);
      return Number(rows[0]!.high);
    },
    sealAudit: (conn, after, stamp) => sealPostgresAudit(conn, after, stamp),
    // A failed statement leaves PostgreSQL's transaction open (aborted): it is always rolled back.
    inTransaction: () => true,
    translateError(error) {
      const code = (error as { code?: string }).code;
      if (code === '55P03') return new AppError('unexpected', `Another command kept school ${school} locked for more than ${LOCK_TIMEOUT_MS / 1000} s: nothing was changed. Try again.`);
      if (code === '57P01' || code === '08006' || code === '08003') return new AppError('unexpected', `The connection to the PostgreSQL server (${where}) was lost: nothing was changed.`);
      return undefined;
    },
    ensureYearLock: async (db) => ensurePostgresYearLock(db, school, await tablesOf(db)),
    loadSchema: schemaOf,
    bulkInsert: (db, table, columns) => new CopyInsert(db, school, table, columns),
    async afterBulkIds(db, table) {
      // The import assigned ids above max(id) under the writer lock; the sequence moves past them.
      await sql`select setval(pg_get_serial_sequence(${`${q(school)}.${q(table)}`}, 'id'), greatest((select coalesce(max(id), 0) from ${sql.id(table)}), 1))`.execute(db);
    },
    async lastIssuedAuditId(db) {
      const { rows } = await sql<{ id: number }>`select last_audit_id as id from ${sql.id(HEAD_TABLE)} where id = 1`.execute(db);
      return Number(rows[0]?.id ?? 0);
    },
    auditTriggerFault: async (db) => postgresAuditTriggerFault(db, school, await schemaOf(db)),
    rowAuditFault: async (db) => postgresRowAuditFault(db, await schemaOf(db)),
    // PostgreSQL checks its own pages (with data checksums, when the cluster was made with them).
    storageFault: async () => null,
    async widenCache() {},
    async withTriggersOff(conn, work) {
      const tables = [...(await tablesOf(conn))];
      for (const t of tables) await sql.raw(`alter table ${q(school)}.${q(t)} disable trigger user`).execute(conn);
      try {
        return await work();
      } finally {
        for (const t of tables) await sql.raw(`alter table ${q(school)}.${q(t)} enable trigger user`).execute(conn);
      }
    },
    async setLastIssuedAuditId(conn, id) {
      await sql`update ${sql.id(HEAD_TABLE)} set last_audit_id = ${id} where id = 1`.execute(conn);
    },
    async installAuditTriggers(conn) {
      await installPostgresAuditTriggers(conn, school, await schemaOf(conn));
    },
    async snapshot(db, target) {
      const { snapshotToSqlite } = await import('../copy.ts');
      await snapshotToSqlite(db, target);
    },
    async auditHighWater(db) {
      const { rows } = await sql<{ exists: boolean }>`select to_regclass(${`${q(school)}.audit_log`}) is not null as exists`.execute(db);
      if (!rows[0]?.exists) return 0;
      const high = await sql<{ id: number }>`select coalesce(max(id), 0) as id from audit_log`.execute(db);
      return Number(high.rows[0]!.id);
    },
    async afterMigrating(db, auditFrom) {
      known = undefined;
      await db.connection().execute(async (conn) => {
        await sql`begin`.execute(conn);
        try {
          await collateC(conn, school);
          await installPostgresAuditTriggers(conn, school, await schemaOf(conn));
          await sql`select ezurnals_begin_write()`.execute(conn);
          // The migrations' own data changes, logged by the triggers of an earlier version: sealed as the system's.
          await sealPostgresAudit(conn, auditFrom, { actor: null, command: `${currentCommand()} (schema migration)` });
          await sql`commit`.execute(conn);
        } catch (error) {
          await sql`rollback`.execute(conn).catch(() => undefined);
          throw error;
        }
      });
    },
    async requireGuarantees(db) {
      const fault = await postgresAuditTriggerFault(db, school, await schemaOf(db));
      if (fault) throw new AppError('invalid', `The school ${school} on ${where} is refused: ${fault}. Its audit trail must be whole before it is used (restore the triggers with a migration run by the schema's owner, or restore the school).`);
      await ensurePostgresYearLock(db, school, await tablesOf(db));
    },
  };
  return dialect;
}

