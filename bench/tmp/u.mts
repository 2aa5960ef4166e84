import { openDatabase } from '../../src/db/connection.ts';
import { sql } from 'kysely';
for (const url of ['/tmp/cp/u.db', 'postgres://postgres@127.0.0.1:54329/ctest?school=u' + Math.floor(Math.random() * 1e6)]) {
  const db = await openDatabase(url, { create: true });
  const r = await sql`select 1`.execute(db);
  console.log(url, 'ok', r.rows.length);
  await db.destroy();
}
