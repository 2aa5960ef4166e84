import type { Db } from '../../src/db/connection.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { ImportFailed } from '../../src/transfer/import.ts';
import { contextAs, freshSchool } from './school.ts';

/** A fresh school with the administrator acting, for the importer's tests. */
export interface AdminSchool {
  db: Db;
  dbPath: string;
  ctx: ServiceContext;
  cleanup: () => Promise<void>;
}

export async function adminSchool(): Promise<AdminSchool> {
  const s = await freshSchool();
  return { ...s, ctx: await contextAs(s.db, 'admin') };
}

/** The ImportFailed an import must end with; anything else fails the test. */
export async function importFailure(promise: Promise<unknown>): Promise<ImportFailed> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportFailed) return error;
    throw error;
  }
  throw new Error('expected the import to fail');
}
