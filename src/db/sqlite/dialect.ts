// The SQLite side of the dialect seam (src/db/dialect.ts): one file per
// school, one writer at a time by BEGIN IMMEDIATE, and the audit trail and
// year lock as SQLite triggers.
import { sql } from 'kysely';
import type SqliteDatabase from 'better-sqlite3';
import type { Db } from '../connection.ts';
import type { AuditStamp, BulkInsert, Dialect } from '../dialect.ts';
import { auditHighWater, sealAuditEntries } from '../audit/seal.ts';
import { installAuditTriggers } from '../audit/triggers.ts';
import { auditTriggerFault, lastIssuedAuditId, rowAuditFault } from '../audit/integrity.ts';
import { quickCheckFault } from '../quick-check.ts';
import { ensureSqliteYearLock } from './year-lock.ts';
import { sqliteSchema } from './schema.ts';

/** Pages per backup step: all of them, so the copy is read in one read transaction. */
const ALL_PAGES = 0x7fffffff;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Bulk rows as single-row prepared statements, run synchronously: no promise,
 * no Kysely executor and no parameter object per row. One row per statement
 * on purpose: a multi-row INSERT may fail half-way, so SQLite keeps a
 * statement journal for it inside a transaction (every page the statement
 * touches copied to a temporary file); with two secondary indexes taking rows
 * in random order that measured 4.9 s of system time in 800,000 grades, and
 * single-row statements made the import's SQLite time a third shorter (issue 3).
 */
class PreparedInsert implements BulkInsert {
  private readonly statement: SqliteDatabase.Statement;
  written = 0;

  constructor(native: SqliteDatabase.Database, db: Db, table: string, columns: readonly string[]) {
    // Compiled by Kysely, so the statement is the one any other write of the table would be.
    const row = Object.fromEntries(columns.map((c) => [c, null]));
    const query = db.insertInto(table as never).values(row as never).compile();
    if (query.parameters.length !== columns.length) throw new Error(`bulk insert into ${table}: expected ${columns.length} parameters, Kysely compiled ${query.parameters.length}`);
    this.statement = native.prepare(query.sql);
  }

  add(values: readonly unknown[]): void {
    this.statement.run(values as unknown[]);
    this.written++;
  }

  async flush(): Promise<void> {}
}

export function sqliteDialect(native: SqliteDatabase.Database, path: string): Dialect {
  return {
    name: 'sqlite',
    where: path,
    async beginWrite(conn) {
      // BEGIN IMMEDIATE takes the write lock up front, so concurrent writers wait on the busy timeout instead of failing when a read transaction tries to upgrade.
      await sql`begin immediate`.execute(conn);
      return auditHighWater(native);
    },
    async sealAudit(_conn, after, stamp: AuditStamp) {
      return sealAuditEntries(native, after, stamp);
    },
    inTransaction: () => native.inTransaction,
    ensureYearLock: (db) => ensureSqliteYearLock(db),
    loadSchema: async () => sqliteSchema(native),
    bulkInsert: (db, table, columns) => new PreparedInsert(native, db, table, columns),
    // AUTOINCREMENT keeps its own counter as max(id) of the rows: ids the import assigned are seen.
    async afterBulkIds() {},
    lastIssuedAuditId: async () => lastIssuedAuditId(native),
    auditTriggerFault: async () => auditTriggerFault(native),
    rowAuditFault: async () => rowAuditFault(native),
    storageFault: async () => quickCheckFault(native),
    async widenCache(_db, megabytes) {
      native.pragma(`cache_size = -${Math.round(megabytes * 1024)}`);
    },
    async withTriggersOff(_conn, work) {
      // Triggers cannot be switched off in SQLite: they are dropped and put back, in the caller's transaction.
      const triggers = native.prepare("select name, sql from sqlite_master where type = 'trigger' and (name like 'audit\\_%' escape '\\' or name like 'year\\_lock\\_%' escape '\\')").all() as { name: string; sql: string }[];
      for (const t of triggers) native.exec(`drop trigger ${ident(t.name)}`);
      try {
        return await work();
      } finally {
        for (const t of triggers) native.exec(t.sql);
      }
    },
    async setLastIssuedAuditId(_conn, id) {
      native.prepare("delete from sqlite_sequence where name = 'audit_log'").run();
      if (id > 0) native.prepare("insert into sqlite_sequence (name, seq) values ('audit_log', ?)").run(id);
    },
    async snapshot(_db, target) {
      // In one step, the copy is read inside one read transaction: in WAL mode writers in other processes carry on meanwhile
      // (in small steps, every write elsewhere would restart the copy, and a busy school could keep it from ever finishing).
      await native.backup(target, { progress: () => ALL_PAGES });
    },
    async installAuditTriggers() {
      installAuditTriggers(native);
    },
  };
}
