import { AppError } from '../errors.ts';
import type { Db } from './connection.ts';

/** The message of the year_lock_* triggers (migration 0006): a literal, so the year is looked up here. */
const LOCK_MESSAGE = 'ezurnals-year-closed';

/** The global option by which an admin writes into a closed year anyway. */
export const OVERRIDE_OPTION = '--closed-year-reason';

export function isYearLockError(error: unknown): boolean {
  return error instanceof Error && !(error instanceof AppError) && error.message.includes(LOCK_MESSAGE);
}

export async function closedYearCodes(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('year_closure as k').innerJoin('school_year as y', 'y.id', 'k.school_year_id').select('y.code').orderBy('y.code').execute();
  return rows.map((r) => r.code);
}

/**
 * The one place where the database's refusal becomes the user's exit 5,
 * naming the closed year (or years, when several are closed: the trigger
 * cannot say which one it met).
 */
export async function yearLockError(db: Db): Promise<AppError> {
  const codes = await closedYearCodes(db);
  const which = codes.length === 1 ? `School year ${codes[0]} is closed` : `This change falls in a closed school year (closed: ${codes.join(', ')})`;
  return new AppError(
    'forbidden',
    `${which}: its journal was archived and can no longer be changed. An admin may still change it with ${OVERRIDE_OPTION} "why", which is recorded.`,
  );
}

export interface LockOverride {
  staffId: number;
  reason: string;
  /** The command as typed, e.g. "grade correct": recorded beside the reason. */
  command: string;
  at: string;
}

export interface RecordedOverride {
  year: string;
  rows_written: number;
}

/**
 * Runs `work` with every closed year open to it, inside the caller's
 * transaction, and records each closed year it actually wrote to. The
 * bypass rows are gone again before the transaction commits.
 */
export async function withLockOverride<T>(db: Db, override: LockOverride, work: () => Promise<T>): Promise<{ result: T; overrides: RecordedOverride[] }> {
  const closed = await db.selectFrom('year_closure').select('school_year_id').execute();
  for (const { school_year_id } of closed) await db.insertInto('year_lock_bypass').values({ school_year_id, writes: 0 }).execute();
  const result = await work();
  const used = await db
    .selectFrom('year_lock_bypass as b')
    .innerJoin('school_year as y', 'y.id', 'b.school_year_id')
    .select(['b.school_year_id', 'b.writes', 'y.code'])
    .where('b.writes', '>', 0)
    .orderBy('y.code')
    .execute();
  await db.deleteFrom('year_lock_bypass').execute();
  for (const u of used) {
    await db
      .insertInto('year_lock_override')
      .values({ school_year_id: u.school_year_id, staff_id: override.staffId, reason: override.reason, command: override.command, rows_written: u.writes, created_at: override.at })
      .execute();
  }
  return { result, overrides: used.map((u) => ({ year: u.code, rows_written: u.writes })) };
}
