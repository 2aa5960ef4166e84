// @sqlite-only: an older database is made with SQLite's own handle (test/db/postgres.test.ts covers the server's seals).
// Range seals (issue 17 §3) meet a database whose entries were sealed one by
// one, as every database before migration 0017: it migrates, keeps verifying,
// and new writes chain on from its last entry.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import SqliteDatabase from 'better-sqlite3';
import { openDatabase } from '../../src/db/connection.ts';
import { entryHash, valuesDigest, type ChainEntry, type RangeSeal } from '../../src/domain/audit-chain.ts';
import { addSubject } from '../../src/services/subjects.ts';
import { listAudit, verifyAudit } from '../../src/services/audit.ts';
import { auditHead } from '../../src/db/dialect.ts';
import { contextAs, freshSchool, inTx, rejects } from '../services/fixtures.ts';
import { dialectOf } from '../../src/db/dialect.ts';
import { inTransaction } from '../../src/db/connection.ts';
import { sql } from 'kysely';
import type { Db } from '../../src/db/connection.ts';

const Seal = suite('audit seals');

/** Rewrites a database as it was before 0017: every entry sealed alone, by the author its range named; no audit_seal, no migration 0017 nor any after it. */
function asBeforeRangeSeals(path: string): number {
  const native = new SqliteDatabase(path);
  try {
    const seals = native.prepare('select * from audit_seal order by last_id').all() as RangeSeal[];
    const entries = native.prepare('select * from audit_log order by id').all() as ChainEntry[];
    const update = native.prepare('update audit_log set actor = ?, os_user = ?, command = ?, values_digest = ?, prev_hash = ?, hash = ? where id = ?');
    let prev = '0'.repeat(64);
    native.transaction(() => {
      for (const e of entries) {
        const seal = seals.find((s) => s.first_id <= e.id && e.id <= s.last_id)!;
        const sealed = { ...e, actor: seal.actor, os_user: seal.os_user, command: seal.command, values_digest: valuesDigest(e.nonce!, e.before_values, e.after_values), prev_hash: prev };
        const hash = entryHash(sealed);
        update.run(sealed.actor, sealed.os_user, sealed.command, sealed.values_digest, prev, hash, e.id);
        prev = hash;
      }
      native.exec("drop table audit_seal; delete from kysely_migration where name >= '0017'");
    })();
    return entries.length;
  } finally {
    native.close();
  }
}

Seal('a database sealed entry by entry migrates, verifies, and its chain goes on through range seals', async () => {
  const s = await freshSchool();
  try {
    await inTx(await contextAs(s.db, 'admin'), (ctx) => addSubject(ctx, 'mat', { name: 'Matemātika' }));
    await s.db.destroy();
    const old = asBeforeRangeSeals(s.dbPath);
    const db = await openDatabase(s.dbPath);
    try {
      const admin = await contextAs(db, 'admin');
      const before = await verifyAudit(admin);
      assert.is(before.entries, old);
      assert.equal(before.head?.position, old, 'the head is the last entry sealed alone');
      await inTx(admin, (ctx) => addSubject(ctx, 'fiz', { name: 'Fizika' }));
      const after = await verifyAudit(admin);
      assert.is(after.entries, old + 1);
      assert.equal(await auditHead(db), after.head);
      assert.is(after.head!.position, old + 1, 'the head is the new seal, at its range’s last entry');
      // Verifying from the old head still finds it in the chain.
      await verifyAudit(admin, { head: `${before.head!.position}:${before.head!.hash}` });
      const subjects = await listAudit(admin, { entity: 'subject', limit: 10 });
      // Without --as both are the system operator's, one named by its range's seal, one by its own.
      assert.equal(subjects.map((e) => [e.after!.code, /^system \(.+\)$/.test(e.by ?? ''), e.command !== null, e.sealed]), [['fiz', true, true, true], ['mat', true, true, true]]);
      // An entry sealed alone is still checked as before.
      const native = new SqliteDatabase(s.dbPath);
      native.prepare("update audit_log set after_values = replace(after_values, 'Matemātika', 'Algebra') where table_name = 'subject' and record_key = '1'").run();
      native.close();
      await rejects(() => verifyAudit(admin), 'invalid', 'was changed: its values no longer match their digest');
    } finally {
      await db.destroy();
    }
  } finally {
    await s.cleanup().catch(() => undefined);
  }
});

Seal('one command’s entries share one seal row; its entries carry no seal values of their own', async () => {
  const s = await freshSchool();
  try {
    const admin = await contextAs(s.db, 'admin');
    const seals = async () => s.db.selectFrom('audit_seal').selectAll().orderBy('last_id').execute();
    const count = (await seals()).length;
    await inTx(admin, async (ctx) => {
      await addSubject(ctx, 'mat', { name: 'Matemātika' });
      await addSubject(ctx, 'fiz', { name: 'Fizika' });
    });
    const all = await seals();
    assert.is(all.length, count + 1);
    const last = all.at(-1)!;
    assert.is(last.last_id - last.first_id, 1);
    assert.is(last.actor, null, 'no --as here: the system operator');
    const entries = await s.db.selectFrom('audit_log').selectAll().where('id', '>=', last.first_id).execute();
    assert.equal(entries.map((e) => [e.hash, e.actor, e.command, e.nonce?.length]), [[null, null, null, 32], [null, null, null, 32]]);
    await verifyAudit(admin);
  } finally {
    await s.cleanup();
  }
});


/** The audit entries of a table's rows, as the chain reads them (ids aside). */
async function entriesOf(db: Db, table: string) {
  const rows = await db.selectFrom('audit_log').select(['table_name', 'operation', 'record_key', 'student_id', 'before_values', 'after_values']).where('table_name', '=', table).orderBy('id').execute();
  return rows;
}

Seal('a bulk insert logs its rows as the insert trigger does, row for row, and leaves the trigger in place', async () => {
  // 150 rows: two full multi-row statements and 22 single ones; the same rows go into a twin school through Kysely, one by one.
  const rows = Array.from({ length: 150 }, (_, i) => [1000 + i, 1, `b${i}`, i % 3 ? `Priekšmets ${i}` : `Ģeogrāfija "${i}"\n`, '2026-11-29T08:00:00.000Z']);
  const bulk = await freshSchool();
  const twin = await freshSchool();
  try {
    const admin = await contextAs(bulk.db, 'admin');
    await inTx(admin, async (ctx) => {
      const insert = dialectOf(ctx.db).bulkInsert(ctx.db, 'subject', ['id', 'school_id', 'code', 'name', 'created_at']);
      for (const r of rows) insert.add(r);
      await insert.flush();
      assert.is(insert.written, 150);
    });
    await inTx(await contextAs(twin.db, 'admin'), async (ctx) => {
      for (const [id, school_id, code, name, created_at] of rows) await ctx.db.insertInto('subject').values({ id, school_id, code, name, created_at } as never).execute();
    });
    const logged = await entriesOf(bulk.db, 'subject');
    assert.is(logged.length, 150);
    assert.equal(logged, await entriesOf(twin.db, 'subject'));
    const verdict = await verifyAudit(admin);
    assert.ok(verdict.entries > 150);
    // The trigger is back: a later single insert is logged by it.
    await inTx(admin, (ctx) => addSubject(ctx, 'fiz', { name: 'Fizika' }));
    assert.is((await entriesOf(bulk.db, 'subject')).length, 151);
    assert.is(await dialectOf(bulk.db).auditTriggerFault(bulk.db), null);
  } finally {
    await bulk.cleanup().catch(() => undefined);
    await twin.cleanup().catch(() => undefined);
  }
});

Seal('a bulk row below the table’s last rowid would escape the log: the write is refused and the command changes nothing', async () => {
  const s = await freshSchool();
  try {
    const admin = await contextAs(s.db, 'admin');
    const row = (id: number, code: string) => ({ id, school_id: 1, code, name: code, created_at: '2026-11-29T08:00:00.000Z' });
    await inTx(admin, (ctx) => ctx.db.insertInto('subject').values([row(500, 'mat'), row(502, 'fiz')] as never).execute());
    const before = await entriesOf(s.db, 'subject');
    let caught: unknown;
    try {
      await inTx(admin, async (ctx) => {
        const insert = dialectOf(ctx.db).bulkInsert(ctx.db, 'subject', ['id', 'school_id', 'code', 'name', 'created_at']);
        insert.add([501, 1, 'ang', 'Angļu valoda', '2026-11-29T08:00:00.000Z']);
        await insert.flush();
      });
    } catch (error) {
      caught = error;
    }
    assert.match(String(caught), '1 rows written but 0 logged');
    assert.equal((await s.db.selectFrom('subject').select('code').orderBy('id').execute()).map((r) => r.code), ['mat', 'fiz']);
    assert.equal(await entriesOf(s.db, 'subject'), before);
    assert.is(await dialectOf(s.db).auditTriggerFault(s.db), null);
  } finally {
    await s.cleanup().catch(() => undefined);
  }
});

Seal('a bulk load checks its rows’ references itself, refuses one that is missing, and leaves foreign keys on after', async () => {
  const s = await freshSchool();
  try {
    const admin = await contextAs(s.db, 'admin');
    const row = (id: number, school: number) => [id, school, `b${id}`, `Priekšmets ${id}`, '2026-11-29T08:00:00.000Z'];
    const load = (rows: unknown[][]) =>
      inTransaction(
        s.db,
        async (trx) => {
          const insert = dialectOf(trx).bulkInsert(trx, 'subject', ['id', 'school_id', 'code', 'name', 'created_at']);
          for (const r of rows) insert.add(r);
          await insert.flush();
        },
        { actor: 'admin' },
        { bulkLoad: true },
      );
    await load([row(700, 1), row(701, 1)]);
    assert.equal((await s.db.selectFrom('subject').select('id').where('id', '>=', 700).execute()).map((r) => r.id), [700, 701]);
    let caught: unknown;
    try {
      await load([row(702, 1), row(703, 99)]);
    } catch (error) {
      caught = error;
    }
    assert.match(String(caught), 'school_id 99 is not in school');
    assert.is((await s.db.selectFrom('subject').select('id').where('id', '>=', 702).execute()).length, 0, 'the whole load rolled back');
    // SQLite's own checks are back for the next command: a plain insert of a bad reference fails.
    caught = undefined;
    try {
      await inTx(admin, (ctx) => ctx.db.insertInto('subject').values({ id: 704, school_id: 99, code: 'x', name: 'x', created_at: '2026-11-29T08:00:00.000Z' } as never).execute());
    } catch (error) {
      caught = error;
    }
    assert.match(String(caught), 'FOREIGN KEY');
    assert.is(((await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(s.db)).rows[0]!).foreign_keys, 1);
  } finally {
    await s.cleanup().catch(() => undefined);
  }
});

Seal.run();
