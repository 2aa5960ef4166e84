// A school copied whole between databases of any dialect: every table, its
// history and its audit chain, entry for entry. `ezurnals db copy` moves a
// school between an SQLite file and a PostgreSQL server; the archive's
// snapshot of a PostgreSQL school is an SQLite file made the same way.
//
// The target must be new (made by the same version's migrations) and empty.
// The source is read in one consistent read (SQLite: one read transaction;
// PostgreSQL: REPEATABLE READ), so a copy taken while teachers write is the
// school as of one moment. The rows go in with the target's audit and
// year-lock triggers off, since the audit entries come along as they are:
// logging the copy's inserts again would double every entry.
import { sql } from 'kysely';
import { AppError } from '../errors.ts';
import { inCopyTransaction, openDatabase, removeDatabaseFiles, type Db } from './connection.ts';
import { dialectOf } from './dialect.ts';
import { loadSchema, type Schema } from './introspection.ts';
import { schemaVersion } from './migrate.ts';
import { m as d } from '../i18n/messages/db.ts';

const PAGE = 5000;

export interface CopyResult {
  tables: number;
  rows: number;
  auditEntries: number;
}

/** Reads `work` inside one consistent read of `db`. */
async function inOneRead<T>(db: Db, work: (conn: Db) => Promise<T>): Promise<T> {
  const postgres = dialectOf(db).name === 'postgres';
  return db.connection().execute(async (conn) => {
    await (postgres ? sql`begin isolation level repeatable read read only` : sql`begin`).execute(conn);
    try {
      return await work(conn);
    } finally {
      await sql`rollback`.execute(conn).catch(() => undefined);
    }
  });
}

async function* pagesOf(conn: Db, schema: Schema, table: string): AsyncGenerator<Record<string, unknown>[]> {
  const keys = schema.keyColumns(table);
  const byId = keys.length === 1 && keys[0] === 'id';
  if (byId) {
    // Keyset pages: each page starts where the last ended, so a million rows cost no growing offset.
    for (let after = -Infinity; ; ) {
      const rows = (await conn
        .selectFrom(table as never)
        .selectAll()
        .$if(after !== -Infinity, (qb) => qb.where(sql.ref('id'), '>', after))
        .orderBy(sql.ref('id'))
        .limit(PAGE)
        .execute()) as Record<string, unknown>[];
      if (rows.length === 0) return;
      yield rows;
      after = rows.at(-1)!.id as number;
    }
  }
  for (let offset = 0; ; offset += PAGE) {
    const rows = (await conn
      .selectFrom(table as never)
      .selectAll()
      .orderBy(sql.join(keys.map((k) => sql.ref(k))))
      .limit(PAGE)
      .offset(offset)
      .execute()) as Record<string, unknown>[];
    if (rows.length === 0) return;
    yield rows;
  }
}

/** Copies every table of `from` into the new, empty `to`. */
export async function copySchool(from: Db, to: Db): Promise<CopyResult> {
  const [fromVersion, toVersion] = [await schemaVersion(from), await schemaVersion(to)];
  if (fromVersion !== toVersion) throw new AppError('conflict', d.schemaVersions(String(fromVersion), String(toVersion)));
  const source = await loadSchema(from);
  const target = await loadSchema(to);
  for (const table of target.tables()) {
    const any = await to.selectFrom(table as never).select(sql.lit(1).as('one')).limit(1).executeTakeFirst();
    if (any) throw new AppError('conflict', d.targetHoldsData(table));
  }
  const missing = source.tables().filter((t) => !target.has(t));
  if (missing.length > 0) throw new AppError('conflict', d.targetLacks(missing.join(', ')));
  const result: CopyResult = { tables: 0, rows: 0, auditEntries: 0 };
  const toDialect = dialectOf(to);
  await inOneRead(from, async (read) => {
    const lastIssued = await dialectOf(from).lastIssuedAuditId(read);
    await inCopyTransaction(to, async (write) => {
      await toDialect.withTriggersOff(write, async () => {
        for (const table of target.insertOrder()) {
          const columns = source.columns(table).map((c) => c.name).filter((c) => target.columns(table).some((t) => t.name === c));
          const insert = toDialect.bulkInsert(write, table, columns);
          for await (const page of pagesOf(read, source, table)) {
            for (const row of page) insert.add(columns.map((c) => normalise(row[c])));
            await insert.flush();
          }
          result.tables++;
          result.rows += insert.written;
          if (table === 'audit_log') result.auditEntries = insert.written;
          if (target.columns(table).some((c) => c.name === 'id' && c.pk === 1)) await toDialect.afterBulkIds(write, table);
        }
      });
      await toDialect.setLastIssuedAuditId(write, lastIssued);
      await toDialect.installAuditTriggers(write);
    });
  });
  return result;
}

/** Values as the other driver takes them: a Buffer from SQLite, a Date never (every time is text). */
function normalise(value: unknown): unknown {
  if (value instanceof Uint8Array && !(value instanceof Buffer)) return Buffer.from(value);
  return value;
}

/**
 * The school as an SQLite file at `target`, as of one read: made by the
 * SQLite migrations of this version, then filled by copySchool. The archive's
 * snapshot of a PostgreSQL school, the same file an SQLite school gives.
 */
export async function snapshotToSqlite(db: Db, target: string): Promise<void> {
  const copy = await openDatabase(target, { create: true, ownWorkFile: true });
  try {
    await copySchool(db, copy);
  } catch (error) {
    await copy.destroy();
    removeDatabaseFiles(target);
    throw error;
  }
  await copy.destroy();
}
