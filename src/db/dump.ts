// Every row of every journal table, as one comparable text: the check that a
// refused command changed nothing, and that two databases hold the same. Read
// through the connection and the schema's own description (introspection), so
// the same check serves any dialect the seam opens.
import { sql } from 'kysely';
import type { Db } from './connection.ts';
import { loadSchema } from './introspection.ts';

const ident = (name: string) => sql.id(name);

export async function dumpDatabase(db: Db): Promise<string> {
  const schema = await loadSchema(db);
  const dump: Record<string, { columns: string[]; rows: unknown[][] }> = {};
  for (const table of schema.tables()) {
    const columns = schema.columns(table);
    const order = schema.keyColumns(table).map(ident);
    const names = columns.map((c) => c.name);
    const { rows } = await sql<Record<string, unknown>>`select * from ${ident(table)} order by ${sql.join(order)}`.execute(db);
    dump[table] = { columns: names, rows: rows.map((row) => names.map((n) => (row[n] instanceof Uint8Array ? Buffer.from(row[n] as Uint8Array).toString('base64') : row[n]))) };
  }
  return JSON.stringify(dump);
}
