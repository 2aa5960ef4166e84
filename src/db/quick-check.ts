import type SqliteDatabase from 'better-sqlite3';
import { AppError } from '../errors.ts';
import type { Db } from './connection.ts';
import { dialectOf } from './dialect.ts';

/**
 * SQLite's quick_check (the page structure; not the indexes' agreement with
 * their tables): a corrupt page makes it fail, where a query that happens not
 * to touch that page would go on. Run where a corrupt page would do harm: the
 * year's archive, the year's closure, and `audit verify`. It reads the whole
 * file once.
 */
export function quickCheckFault(native: SqliteDatabase.Database): string | null {
  const rows = native.pragma('quick_check(20)') as { quick_check: string }[];
  const problems = rows.map((r) => r.quick_check).filter((m) => m !== 'ok');
  return problems.length === 0 ? null : problems.join('; ');
}

/** The storage's own check as a refusal (SQLite's quick_check): `what` says what would have been done with the damaged database. */
export async function requireIntactDatabase(db: Db, what: string): Promise<void> {
  let fault: string | null;
  try {
    fault = await dialectOf(db).storageFault(db);
  } catch (error) {
    fault = (error as Error).message;
  }
  if (fault) {
    // SQLite's report spans lines ("*** in database main ***\n…"): one line, as every refusal.
    fault = fault.replace(/\s+/g, ' ').trim();
    throw new AppError('invalid', `The database file is damaged (SQLite quick_check: ${fault.length > 300 ? `${fault.slice(0, 300)}…` : fault}): ${what}. Restore it from a backup, or recover it with \`sqlite3 FILE .recover\`.`);
  }
}
