// SQLite's description of the schema: sqlite_master and the table pragmas.
import type SqliteDatabase from 'better-sqlite3';
import { isJournalTable, Schema, type TableInfo } from '../introspection.ts';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function sqliteSchema(native: SqliteDatabase.Database): Schema {
  const rows = native.prepare("select name, sql from sqlite_master where type = 'table' order by name").all() as { name: string; sql: string | null }[];
  const tables: TableInfo[] = rows
    .filter((r) => isJournalTable(r.name) && !/^\s*create\s+virtual/i.test(r.sql ?? ''))
    .map((r) => ({
      name: r.name,
      columns: (native.pragma(`table_info(${ident(r.name)})`) as { name: string; type: string; pk: number; dflt_value: string | null }[]).map((c) => ({
        name: c.name,
        type: c.type.toLowerCase(),
        pk: c.pk,
        defaultValue: c.dflt_value,
      })),
      foreignKeys: (native.pragma(`foreign_key_list(${ident(r.name)})`) as { table: string; from: string; to: string | null }[]).map((k) => ({ table: k.table, from: k.from, to: k.to })),
    }));
  return new Schema(tables);
}
