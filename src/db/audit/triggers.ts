// The audit triggers: AFTER INSERT/UPDATE/DELETE on every table, each writing
// the row's values as JSON into audit_log (unsealed: src/db/audit/seal.ts
// seals them before the tool commits).
//
// Why triggers and not logging in each repository: nothing can miss them.
// Every write path (the services, the bulk import's prepared statements,
// tables that later migrations add, even the sqlite3 shell behind the tool's
// back) goes through SQLite, and SQLite runs the trigger in the same
// statement. Repository-level logging would have to be remembered in every
// write function, and a forgotten one would be silent. The price is dialect:
// this is SQLite's trigger syntax and json_object(); a PostgreSQL dialect
// would need its own trigger functions (one PL/pgSQL function using
// to_jsonb(OLD)/to_jsonb(NEW), attached per table), which is why this lives
// here, apart from the dialect-neutral Kysely code.
//
// The triggers are made by introspection (PRAGMA table_info and
// foreign_key_list) after every migration, so a table another migration adds
// is audited without anyone listing it. Only triggers named audit_* are
// dropped and recreated; other triggers (year_lock_* and the like) are left alone.
import type SqliteDatabase from 'better-sqlite3';
import { isSecretColumn, REDACTED } from '../../domain/secret-columns.ts';
import type { ColumnInfo, Schema } from '../introspection.ts';
import { sqliteSchema } from '../sqlite/schema.ts';

export const AUDIT_TABLE = 'audit_log';
/** The seals over ranges of entries (src/db/audit/seal.ts): part of the log, so not audited itself. */
export const SEAL_TABLE = 'audit_seal';
const TRIGGER_PREFIX = 'audit_';
export interface TableShape {
  name: string;
  columns: ColumnInfo[];
  /** The column holding the student the row is about ("id" for the student table), if any. */
  studentColumn: string | null;
}

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The JSON of a row's values as the triggers log it; `row` is NEW, OLD, or a query's alias of the table. */
export function rowJson(table: TableShape, row: string): string {
  const pairs = table.columns.map((c) => {
    const value = `${row}.${ident(c.name)}`;
    if (isSecretColumn(table.name, c.name)) return `${literal(c.name)}, iif(${value} is null, null, ${literal(REDACTED)})`;
    // json_object() refuses BLOBs; a column that may hold one is logged as hex.
    const mayBeBlob = c.type === '' || /blob/i.test(c.type);
    return `${literal(c.name)}, ${mayBeBlob ? `iif(typeof(${value}) = 'blob', hex(${value}), ${value})` : value}`;
  });
  return `json_object(${pairs.join(', ')})`;
}

/** The record key the triggers log for a row; `row` as for rowJson. */
export function recordKey(table: TableShape, row: string): string {
  const keys = table.columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  if (keys.length === 0) return `cast(${row}.rowid as text)`;
  if (keys.length === 1) return `cast(${row}.${ident(keys[0]!.name)} as text)`;
  return `json_array(${keys.map((k) => `${row}.${ident(k.name)}`).join(', ')})`;
}

export function triggerName(table: string, operation: 'insert' | 'update' | 'delete'): string {
  return `${TRIGGER_PREFIX}${table}_${operation}`;
}

/** The three triggers of one table, as the SQL sqlite_master keeps. */
export function auditTriggersFor(table: TableShape): { name: string; sql: string }[] {
  const t = ident(table.name);
  const student = (row: 'NEW' | 'OLD') => (table.studentColumn ? `${row}.${ident(table.studentColumn)}` : 'null');
  const insert = (operation: string, row: 'NEW' | 'OLD', before: string, after: string) =>
    // The entry's own random nonce, written here so that sealing never rewrites the entry (src/domain/audit-chain.ts).
    `insert into ${AUDIT_TABLE} (table_name, operation, record_key, student_id, before_values, after_values, at, nonce) values (${literal(table.name)}, '${operation}', ${recordKey(table, row)}, ${student(row)}, ${before}, ${after}, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), lower(hex(randomblob(16))));`;
  const changed = table.columns.map((c) => `OLD.${ident(c.name)} is not NEW.${ident(c.name)}`).join(' or ');
  return [
    { name: triggerName(table.name, 'insert'), sql: `CREATE TRIGGER ${ident(triggerName(table.name, 'insert'))} AFTER INSERT ON ${t} BEGIN ${insert('insert', 'NEW', 'null', rowJson(table, 'NEW'))} END` },
    // A write that changes nothing is not logged.
    { name: triggerName(table.name, 'update'), sql: `CREATE TRIGGER ${ident(triggerName(table.name, 'update'))} AFTER UPDATE ON ${t} WHEN ${changed} BEGIN ${insert('update', 'NEW', rowJson(table, 'OLD'), rowJson(table, 'NEW'))} END` },
    { name: triggerName(table.name, 'delete'), sql: `CREATE TRIGGER ${ident(triggerName(table.name, 'delete'))} AFTER DELETE ON ${t} BEGIN ${insert('delete', 'OLD', rowJson(table, 'OLD'), 'null')} END` },
  ];
}

/**
 * What the insert trigger writes for every row of `table` above a rowid, as
 * one statement (its one parameter: the rowid the rows come after), for the
 * bulk path: src/db/sqlite/dialect.ts drops the insert trigger for the span of
 * one synchronous write of many rows and logs them with this, the way
 * PostgreSQL's statement-level triggers do. Built from the same pieces as the
 * trigger, so the entries are the same text. The time is one for the statement
 * (as 'now' is within one statement anyway), worked out once, not per row.
 */
export function auditInsertsAfter(table: TableShape): string {
  const student = table.studentColumn ? `T.${ident(table.studentColumn)}` : 'null';
  return `insert into ${AUDIT_TABLE} (table_name, operation, record_key, student_id, before_values, after_values, at, nonce) select ${literal(table.name)}, 'insert', ${recordKey(table, 'T')}, ${student}, null, ${rowJson(table, 'T')}, (select strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), lower(hex(randomblob(16))) from ${ident(table.name)} as T where T.rowid > ? order by T.rowid`;
}

/** One table's shape, read from the SQLite database; undefined for a table not audited. */
export function auditedTable(native: SqliteDatabase.Database, name: string): TableShape | undefined {
  return auditedTables(native).find((t) => t.name === name);
}

/** Every table to audit (all but the log and its seals), as the schema describes them. */
export function auditedTablesOf(schema: Schema): TableShape[] {
  return schema
    .tables()
    .filter((name) => name !== AUDIT_TABLE && name !== SEAL_TABLE)
    .map((name) => ({ name, columns: schema.columns(name), studentColumn: name === 'student' ? 'id' : schema.referenceFrom(name, 'student') }));
}

/** Every table to audit, read from the SQLite database itself. */
export function auditedTables(native: SqliteDatabase.Database): TableShape[] {
  return auditedTablesOf(sqliteSchema(native));
}

/** The audit triggers the database should have, by name. */
export function expectedAuditTriggers(native: SqliteDatabase.Database): Map<string, string> {
  return new Map(auditedTables(native).flatMap(auditTriggersFor).map((t) => [t.name, t.sql]));
}

/** The audit triggers it has. */
export function presentAuditTriggers(native: SqliteDatabase.Database): Map<string, string> {
  const rows = native.prepare("select name, sql from sqlite_master where type = 'trigger' and substr(name, 1, length(?)) = ?").all(TRIGGER_PREFIX, TRIGGER_PREFIX) as { name: string; sql: string }[];
  return new Map(rows.map((r) => [r.name, r.sql]));
}

/** Drops every audit_* trigger and creates those of the current tables; run after migrating, inside a transaction. */
export function installAuditTriggers(native: SqliteDatabase.Database): void {
  for (const name of presentAuditTriggers(native).keys()) native.exec(`drop trigger ${ident(name)}`);
  for (const sql of expectedAuditTriggers(native).values()) native.exec(sql);
}
