import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { databaseOf, newTestDatabase, TEST_PG } from './postgres.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inTransaction, openDatabase, type Db } from '../../src/db/connection.ts';
import { findOnlySchool } from '../../src/db/repositories/schools.ts';
import { findStaffByCode } from '../../src/db/repositories/staff.ts';
import { initializeSchool } from '../../src/services/school-setup.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { staffActor } from '../../src/domain/permissions.ts';

/**
 * A fresh database in its own temporary folder: a file in it, or, when the
 * suite runs on PostgreSQL, a new database on the test server
 * (test/support/postgres.ts); `from` copies another test database.
 */
export function tempDir(prefix = 'ezurnals-test-', options: { from?: string } = {}): { dir: string; dbPath: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const dbPath = TEST_PG ? newTestDatabase(options.from ? databaseOf(options.from) : undefined) : join(dir, 'test.db');
  if (options.from && !TEST_PG) copyFileSync(options.from, dbPath);
  // A server's test databases go with the throwaway server.
  return { dir, dbPath, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A school as `ezurnals init` makes it, open for service-level tests. */
export async function freshSchool(options: { year?: string; now?: Date } = {}): Promise<{ db: Db; dbPath: string; cleanup: () => Promise<void> }> {
  const t = tempDir();
  const db = await openDatabase(t.dbPath, { create: true });
  await inTransaction(db, (trx) => initializeSchool(trx, { school: 'Rīgas Parauga vidusskola', year: options.year ?? '2026/2027' }, options.now ?? new Date('2026-11-29T08:00:00Z')));
  return {
    db,
    dbPath: t.dbPath,
    cleanup: async () => {
      await db.destroy();
      t.cleanup();
    },
  };
}

/** A service context acting as a staff member (or nobody), at a fixed time. */
export async function contextAs(db: Db, staffCode: string | null, now = new Date('2026-11-29T08:00:00Z')): Promise<ServiceContext> {
  const school = (await findOnlySchool(db))!;
  let actor = null;
  if (staffCode) {
    const staff = await findStaffByCode(db, school.id, staffCode);
    if (!staff) throw new Error(`no staff ${staffCode}`);
    actor = staffActor(staff);
  }
  return { db, school, actor, now };
}

/** Runs a use case the way the CLI does: in one transaction, rolled back on error. */
export async function inTx<T>(ctx: ServiceContext, work: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  return inTransaction(ctx.db, (trx) => work({ ...ctx, db: trx }));
}
