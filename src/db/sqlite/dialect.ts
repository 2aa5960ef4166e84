// The SQLite side of the dialect seam (src/db/dialect.ts): one file per
// school, one writer at a time by BEGIN IMMEDIATE, and the audit trail and
// year lock as SQLite triggers.
import { sql } from 'kysely';
import type SqliteDatabase from 'better-sqlite3';
import type { Db } from '../connection.ts';
import type { AuditStamp, BulkInsert, Dialect } from '../dialect.ts';
import { auditHighWater, sealAuditEntries } from '../audit/seal.ts';
import { auditedTable, auditInsertsAfter, installAuditTriggers, triggerName } from '../audit/triggers.ts';
import { auditTriggerFault, lastIssuedAuditId, rowAuditFault } from '../audit/integrity.ts';
import { quickCheckFault } from '../quick-check.ts';
import { ensureSqliteYearLock } from './year-lock.ts';
import { sqliteSchema } from './schema.ts';

/** Pages per backup step: all of them, so the copy is read in one read transaction. */
const ALL_PAGES = 0x7fffffff;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Rows per multi-row INSERT: fewer statements to step (measured best of 16, 64 and 256 on 300,000 grades). */
const ROWS_PER_STATEMENT = 64;
/**
 * Rows buffered before they are written: bounds the buffer of a caller that
 * adds a whole file before it flushes. Each write drops and restores the audit
 * trigger (a schema change: prepared statements prepare anew) and logs its
 * rows in one INSERT … SELECT, whose statement journal SQLite keeps in memory:
 * 800,000 grades peaked at 468 MB RSS with writes of 16,384 rows and at 390 MB
 * with 4,096, in the same time.
 */
const ROWS_PER_WRITE = 4096;

/**
 * Bulk rows, buffered and written in multi-row INSERTs, synchronously: no
 * promise, no Kysely executor and no parameter object per row.
 *
 * The audit trail of the written rows: for the span of one write, which is
 * synchronous (nothing else runs on the connection meanwhile), the table's
 * audit insert trigger is dropped, the rows go in, one INSERT … SELECT logs
 * them as the trigger would have (auditInsertsAfter: the same text, built
 * from the same pieces), and the trigger is put back, all in the caller's
 * transaction. A per-row trigger made every row its own sub-program run, with
 * a statement journal of the pages it touched: 300,000 grades spent more in
 * SQLite than SQLite's own INSERT … SELECT needs for the rows and their log
 * (issue 17 §3). PostgreSQL does the same with statement-level triggers.
 * The log must cover exactly the rows written: a count that differs is an
 * error, and rolls the command back.
 */
class SqliteBulkInsert implements BulkInsert {
  private readonly one: SqliteDatabase.Statement;
  private readonly many: SqliteDatabase.Statement;
  private readonly width: number;
  /** Full statements' parameters, waiting for the next write. */
  private blocks: unknown[][] = [];
  /** The statement being filled, and how many of its values are there. */
  private block: unknown[];
  private filled = 0;
  written = 0;

  constructor(
    private readonly native: SqliteDatabase.Database,
    db: Db,
    private readonly table: string,
    columns: readonly string[],
    /** SQLite does not check foreign keys in this transaction: the rows' references are checked here. */
    checksReferences: boolean,
  ) {
    // Compiled by Kysely, so the statements are the ones any other write of the table would be.
    const row = Object.fromEntries(columns.map((c) => [c, null]));
    const query = db.insertInto(table as never).values(row as never).compile();
    if (query.parameters.length !== columns.length) throw new Error(`bulk insert into ${table}: expected ${columns.length} parameters, Kysely compiled ${query.parameters.length}`);
    this.one = native.prepare(query.sql);
    this.many = native.prepare(db.insertInto(table as never).values(Array.from({ length: ROWS_PER_STATEMENT }, () => row) as never).compile().sql);
    this.width = columns.length;
    this.block = new Array(ROWS_PER_STATEMENT * columns.length);
    if (checksReferences) {
      const schema = sqliteSchema(native);
      this.references = schema.foreignKeys(table).flatMap((k) => {
        const at = columns.indexOf(k.from);
        const key = k.to ?? schema.keyColumns(k.table)[0];
        if (at < 0 || !key) return [];
        const missing = native.prepare(`select value from json_each(?) where not exists (select 1 from ${ident(k.table)} as P where P.${ident(key)} = value) limit 1`).pluck();
        return [{ at, column: k.from, parent: k.table, missing, values: new Set<unknown>() }];
      });
    }
    // Prepared once: they outlive the trigger swaps (SQLite prepares a statement anew after a schema change by itself).
    this.triggerSql = native.prepare("select sql from sqlite_master where type = 'trigger' and name = ?").pluck();
    this.lastRowid = native.prepare(`select coalesce(max(rowid), 0) from ${ident(table)}`).pluck();
  }

  private readonly triggerSql: SqliteDatabase.Statement;
  private readonly lastRowid: SqliteDatabase.Statement;
  private logInserts: SqliteDatabase.Statement | undefined;

  /** The foreign keys of the columns written, each with the values rows gave it since the last check. */
  private readonly references: { at: number; column: string; parent: string; missing: SqliteDatabase.Statement; values: Set<unknown> }[] = [];

  /** Every value since the last check is in its parent table, or the write fails (and the command with it). */
  private checkReferences(): void {
    for (const r of this.references) {
      if (r.values.size === 0) continue;
      const missing = r.missing.get(JSON.stringify([...r.values]));
      r.values.clear();
      if (missing !== undefined) throw new Error(`bulk insert into ${this.table}: ${r.column} ${String(missing)} is not in ${r.parent}`);
    }
  }

  add(values: readonly unknown[]): void {
    if (values.length !== this.width) throw new Error(`bulk insert into ${this.table}: ${values.length} values for ${this.width} columns`);
    // Straight into the next statement's parameter array: no copy per statement.
    for (let i = 0; i < values.length; i++) this.block[this.filled++] = values[i];
    for (const r of this.references) {
      const v = values[r.at];
      if (v !== null && v !== undefined) r.values.add(v);
    }
    if (this.filled === this.block.length) {
      this.blocks.push(this.block);
      this.block = new Array(this.block.length);
      this.filled = 0;
      if (this.blocks.length * ROWS_PER_STATEMENT >= ROWS_PER_WRITE) this.write();
    }
  }

  async flush(): Promise<void> {
    this.write();
  }

  private write(): void {
    if (this.blocks.length === 0 && this.filled === 0) return;
    const blocks = this.blocks;
    const rest = this.block.slice(0, this.filled);
    this.blocks = [];
    this.filled = 0;
    const values = { blocks, rest };
    const name = triggerName(this.table, 'insert');
    const trigger = this.triggerSql.get(name) as string | undefined;
    // No insert trigger: a table not audited, or a copy that runs with the triggers off (withTriggersOff).
    if (!trigger) {
      this.insert(values);
      this.checkReferences();
      return;
    }
    if (!this.logInserts) {
      const shape = auditedTable(this.native, this.table);
      if (!shape) throw new Error(`bulk insert into ${this.table}: it has an audit trigger but is not an audited table`);
      this.logInserts = this.native.prepare(auditInsertsAfter(shape));
    }
    const after = this.lastRowid.get() as number;
    this.native.exec(`drop trigger ${ident(name)}`);
    const before = this.written;
    try {
      this.insert(values);
      // After the rows, so that a row may name one written with it.
      this.checkReferences();
    } finally {
      // Whatever went in is logged, even when a statement failed half-way (the caller may carry on);
      // a failed multi-row statement leaves none of its rows, and is not counted.
      const logged = this.logInserts.run(after).changes;
      this.native.exec(trigger);
      const inserted = this.written - before;
      if (logged !== inserted) throw new Error(`bulk insert into ${this.table}: ${inserted} rows written but ${logged} logged (a row below rowid ${after}?)`);
    }
  }

  /** Writes the statements' values, counting the rows written in `written`. */
  private insert({ blocks, rest }: { blocks: unknown[][]; rest: unknown[] }): void {
    for (const block of blocks) {
      this.many.run(block);
      this.written += ROWS_PER_STATEMENT;
    }
    for (let i = 0; i < rest.length; i += this.width) {
      this.one.run(rest.slice(i, i + this.width));
      this.written++;
    }
  }
}

export function sqliteDialect(native: SqliteDatabase.Database, path: string): Dialect {
  /** A bulk load's transaction is open, with SQLite's own foreign key checks off. */
  let bulkLoad = false;
  return {
    name: 'sqlite',
    where: path,
    async beginWrite(conn, options = {}) {
      // A bulk load checks its rows' references once per distinct value (SqliteBulkInsert): per row, SQLite's
      // own check opens a cursor on each parent table for each key, a tenth of a 300,000-grade import.
      // Only outside a transaction can the pragma change; endWrite puts it back.
      if (options.bulkLoad && !native.inTransaction) {
        native.pragma('foreign_keys = OFF');
        bulkLoad = true;
      }
      // BEGIN IMMEDIATE takes the write lock up front, so concurrent writers wait on the busy timeout instead of failing when a read transaction tries to upgrade.
      await sql`begin immediate`.execute(conn);
      return auditHighWater(native);
    },
    endWrite() {
      if (!bulkLoad || native.inTransaction) return;
      native.pragma('foreign_keys = ON');
      bulkLoad = false;
    },
    async sealAudit(_conn, after, stamp: AuditStamp) {
      return sealAuditEntries(native, after, stamp);
    },
    inTransaction: () => native.inTransaction,
    ensureYearLock: (db) => ensureSqliteYearLock(db),
    loadSchema: async () => sqliteSchema(native),
    bulkInsert: (db, table, columns) => new SqliteBulkInsert(native, db, table, columns, bulkLoad),
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
