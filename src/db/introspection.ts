// The schema as the database itself describes it, for the features that must
// cover tables other migrations add without being told of them: the audit
// triggers, `student export-data`, `person anonymize`. SQLite's pragmas: in
// another dialect this file reads information_schema instead.
import type SqliteDatabase from 'better-sqlite3';
import { nativeDatabase, type Db } from './connection.ts';

export interface Reference {
  table: string;
  column: string;
}

export interface ColumnInfo {
  name: string;
  /** The declared type ("" when none). */
  type: string;
  /** Position in the primary key from 1; 0 when not part of it. */
  pk: number;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export class Schema {
  constructor(private readonly native: SqliteDatabase.Database) {}

  /** The journal's tables: not SQLite's own, not Kysely's bookkeeping, not virtual ones. */
  tables(): string[] {
    const rows = this.native.prepare("select name, sql from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' and name not like 'kysely\\_%' escape '\\' order by name").all() as { name: string; sql: string | null }[];
    return rows.filter((r) => !/^\s*create\s+virtual/i.test(r.sql ?? '')).map((r) => r.name);
  }

  columns(table: string): ColumnInfo[] {
    return (this.native.pragma(`table_info(${ident(table)})`) as ColumnInfo[]).map((c) => ({ name: c.name, type: c.type, pk: c.pk }));
  }

  /** The table's column that references `target`'s id, if any (the first one). */
  referenceFrom(table: string, target: string): string | null {
    const keys = this.native.pragma(`foreign_key_list(${ident(table)})`) as { table: string; from: string; to: string | null }[];
    return keys.find((k) => k.table === target && (k.to === null || k.to === 'id'))?.from ?? null;
  }

  /** Every (table, column) with a foreign key to `target`'s id. */
  referencesTo(target: string): Reference[] {
    const found: Reference[] = [];
    for (const table of this.tables()) {
      const keys = this.native.pragma(`foreign_key_list(${ident(table)})`) as { table: string; from: string; to: string | null }[];
      for (const key of keys) if (key.table === target && (key.to === null || key.to === 'id')) found.push({ table, column: key.from });
    }
    return found;
  }
}

export function schemaOf(db: Db): Schema {
  const native = nativeDatabase(db);
  if (!native) throw new Error('schema introspection needs the SQLite database under the connection');
  return new Schema(native);
}
