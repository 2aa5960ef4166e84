// PostgreSQL's description of a school's schema, from pg_catalog: the tables
// of the schema first on the connection's search_path (the school's).
import { sql } from 'kysely';
import type { Db } from '../connection.ts';
import { isJournalTable, Schema, type TableInfo } from '../introspection.ts';

export async function postgresSchema(db: Db): Promise<Schema> {
  const columns = await sql<{ table: string; name: string; type: string; pk: number; default_value: string | null }>`
    select c.relname as table, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
           coalesce(array_position(k.conkey, a.attnum), 0)::int as pk, pg_get_expr(d.adbin, d.adrelid) as default_value
      from pg_class c
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      left join pg_constraint k on k.conrelid = c.oid and k.contype = 'p'
      left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
     where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
     order by c.relname, a.attnum`.execute(db);
  const keys = await sql<{ table: string; from: string; target: string; to: string }>`
    select c.relname as table, a.attname as from, t.relname as target, ta.attname as to
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid
      join pg_class t on t.oid = k.confrelid
      join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
      join pg_attribute ta on ta.attrelid = k.confrelid and ta.attnum = k.confkey[1]
     where k.contype = 'f' and c.relnamespace = current_schema()::regnamespace
     order by c.relname, k.conname`.execute(db);
  const tables = new Map<string, TableInfo>();
  for (const c of columns.rows) {
    if (!isJournalTable(c.table)) continue;
    let table = tables.get(c.table);
    if (!table) tables.set(c.table, (table = { name: c.table, columns: [], foreignKeys: [] }));
    // A serial's default (nextval) is no declared value.
    const declared = c.default_value !== null && !/^nextval\(/.test(c.default_value) ? c.default_value : null;
    table.columns.push({ name: c.name, type: c.type.toLowerCase(), pk: c.pk, defaultValue: declared });
  }
  for (const k of keys.rows) tables.get(k.table)?.foreignKeys.push({ table: k.target, from: k.from, to: k.to });
  return new Schema([...tables.values()]);
}
