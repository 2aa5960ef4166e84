// Row inserts for the bulk journal import: the SQL is compiled by Kysely once
// (so it stays typed by the schema) and prepared once on the better-sqlite3
// connection, then run synchronously for each row: no promise, no Kysely
// executor and no parameter object per row.
//
// One row per statement on purpose. A multi-row INSERT may fail half-way, so
// SQLite keeps a statement journal for it inside a transaction: every page
// the statement touches is first copied to a temporary file so that the
// statement alone can be undone. With two secondary indexes taking rows in
// random order, that copying measured 4.9 s of system time in 800,000 grades
// (256-row statements); single-row statements need no journal and the same
// import's SQLite time fell by a third (issue 3).
import type { Insertable } from 'kysely';
import type SqliteDatabase from 'better-sqlite3';
import { nativeDatabase, type Db } from '../connection.ts';
import type { Database } from '../schema.ts';

export class PreparedInsert<T extends keyof Database & string> {
  private readonly statement: SqliteDatabase.Statement;
  written = 0;

  constructor(db: Db, table: T, columns: readonly (keyof Insertable<Database[T]> & string)[]) {
    const native = nativeDatabase(db);
    if (!native) throw new Error(`bulk insert into ${table}: needs a connection from openDatabase or inTransaction`);
    const row = Object.fromEntries(columns.map((c) => [c, null]));
    const query = db.insertInto(table).values(row as never).compile();
    if (query.parameters.length !== columns.length) {
      throw new Error(`bulk insert into ${table}: expected ${columns.length} parameters, Kysely compiled ${query.parameters.length}`);
    }
    this.statement = native.prepare(query.sql);
  }

  /** One row's values, in the order of `columns`. */
  run(values: readonly unknown[]): void {
    this.statement.run(values);
    this.written++;
  }
}
