/**
 * Shared set-up for the service and data-layer tests (not a test file itself:
 * uvu only runs `*.test.ts`). Builds a small school on top of `freshSchool()`
 * through the real services, so the fixtures obey the same rules as the CLI.
 */
import * as assert from 'uvu/assert';
import { rmSync } from 'node:fs';
import { TEST_PG } from '../support/postgres.ts';
import { dirname } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../../src/db/connection.ts';
import { AppError, type ErrorCode } from '../../src/errors.ts';
import type { Db } from '../../src/db/connection.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { addStaff } from '../../src/services/staff.ts';
import { addSubject } from '../../src/services/subjects.ts';
import { addClass } from '../../src/services/classes.ts';
import { addStudent } from '../../src/services/students.ts';
import { addAssignment } from '../../src/services/assignments.ts';
import { contextAs, freshSchool, inTx, tempDir } from '../support/school.ts';

export { contextAs, freshSchool, inTx };

/** 2026-11-29T08:00Z, the default `now` of `contextAs`: a Sunday, 10:00 in Riga (EET, +02:00). */
export const DEFAULT_NOW = new Date('2026-11-29T08:00:00Z');

/**
 * A legacy personas kods for the date with a correct check digit (REFERENCE §5).
 * Serials whose remainder is 10 are skipped so that no test relies on that edge.
 */
export function legacyPersonalCode(day: number, month: number, year: number, serial = 1): string {
  const century = year >= 2000 ? '2' : year >= 1900 ? '1' : '0';
  const head = `${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}${String(year % 100).padStart(2, '0')}`;
  const weights = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  for (let s = serial; s < 1000; s++) {
    const body = `${head}${century}${String(s).padStart(3, '0')}`;
    const sum = [...body].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
    const check = (1101 - sum) % 11;
    if (check !== 10) return `${head}-${body.slice(6)}${check}`;
  }
  throw new Error('no serial found');
}

/** Runs `work` and asserts it fails with an AppError of `code` whose message contains every part. */
export async function rejects(work: () => Promise<unknown>, code: ErrorCode, ...parts: (string | RegExp)[]): Promise<AppError> {
  let caught: unknown;
  try {
    await work();
  } catch (error) {
    caught = error;
  }
  if (caught === undefined) assert.unreachable(`expected an AppError ${code}, but it succeeded`);
  if (!(caught instanceof AppError)) throw caught;
  assert.is(caught.code, code, `expected code ${code}, got ${caught.code}: ${caught.message}`);
  for (const part of parts) {
    if (typeof part === 'string') assert.ok(caught.message.includes(part), `message ${JSON.stringify(caught.message)} should contain ${JSON.stringify(part)}`);
    else assert.match(caught.message, part);
  }
  return caught;
}

/** Row counts of the given tables, for "nothing changed" assertions. */
export async function counts(db: Db, ...tables: string[]): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of tables) {
    const row = await (db as Db).selectFrom(table as 'school').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    result[table] = Number(row.n);
  }
  return result;
}

export interface SmallSchool {
  db: Db;
  dbPath: string;
  cleanup: () => Promise<void>;
  /** A context for the staff code, at `now` (default DEFAULT_NOW), run in its own transaction. */
  as: <T>(staffCode: string, work: (ctx: ServiceContext) => Promise<T>, now?: Date) => Promise<T>;
  ctx: (staffCode: string | null, now?: Date) => Promise<ServiceContext>;
}

export const S001_CODE = '010110-20002';

/**
 * The school every journal test starts from:
 * - staff: admin; D01 deputy; T01 teacher+class-teacher (7.a); T02 teacher; T03 teacher+class-teacher (2.a);
 *   T04 teacher+class-teacher of no class; N01 nurse; P01 social pedagogue;
 * - subjects mat, lv, sp; classes 7.a (level 7, CT T01), 7.b (level 7, no CT), 2.a (level 2, CT T03);
 * - students S001–S003 in 7.a, S004 in 7.b, S101 in 2.a, all from 2026-09-01;
 * - assignments: mat 7.a T01; lv 7.a T02; mat 7.b T02; mat 2.a T03.
 */
export async function smallSchool(): Promise<SmallSchool> {
  // Built once per process through the services, then copied: each test gets its own file.
  template ??= buildTemplate();
  const source = await template;
  const t = tempDir(undefined, { from: source.dbPath });
  const db = await openDatabase(t.dbPath);
  return wrap({ db, dbPath: t.dbPath, cleanup: async () => { await db.destroy(); t.cleanup(); } });
}

let template: Promise<{ dbPath: string }> | undefined;

function wrap(school: { db: Db; dbPath: string; cleanup: () => Promise<void> }): SmallSchool {
  const ctx = (code: string | null, now = DEFAULT_NOW) => contextAs(school.db, code, now);
  const as = async <T>(code: string, work: (ctx: ServiceContext) => Promise<T>, now = DEFAULT_NOW) => inTx(await ctx(code, now), work);
  return { ...school, as, ctx };
}

async function buildTemplate(): Promise<{ dbPath: string }> {
  const school = await freshSchool();
  const { as } = wrap(school);
  await as('admin', async (c) => {
    await addStaff(c, 'D01', { firstName: 'Dace', lastName: 'Liepa', roles: ['deputy'] });
    await addStaff(c, 'T01', { firstName: 'Anna', lastName: 'Kalniņa', roles: ['teacher', 'class-teacher'], phone: '+37120000001' });
    await addStaff(c, 'T02', { firstName: 'Pēteris', lastName: 'Ozoliņš', roles: ['teacher'] });
    await addStaff(c, 'T03', { firstName: 'Ilze', lastName: 'Priede', roles: ['teacher,class-teacher'] });
    await addStaff(c, 'T04', { firstName: 'Jānis', lastName: 'Ābele', roles: ['teacher', 'class-teacher'] });
    await addStaff(c, 'N01', { firstName: 'Līga', lastName: 'Zariņa', roles: ['nurse'] });
    await addStaff(c, 'P01', { firstName: 'Rūta', lastName: 'Krūmiņa', roles: ['social-pedagogue'] });
    await addSubject(c, 'mat', { name: 'Matemātika' });
    await addSubject(c, 'lv', { name: 'Latviešu valoda' });
    await addSubject(c, 'sp', { name: 'Sports' });
    await addClass(c, '7.a', { classTeacher: 'T01' });
    await addClass(c, '7.b', {});
    await addClass(c, '2.a', { classTeacher: 'T03' });
    await addStudent(c, 'S001', { firstName: 'Jānis', lastName: 'Bērziņš', personalCode: S001_CODE, class: '7.a' });
    await addStudent(c, 'S002', { firstName: 'Anna', lastName: 'Ābele', personalCode: legacyPersonalCode(15, 3, 2013), class: '7.a' });
    await addStudent(c, 'S003', { firstName: 'Zane', lastName: 'Ziemele', class: '7.a' });
    await addStudent(c, 'S004', { firstName: 'Oskars', lastName: 'Ozols', class: '7.b' });
    await addStudent(c, 'S101', { firstName: 'Emīls', lastName: 'Egle', class: '2.a' });
    await addAssignment(c, { class: '7.a', subject: 'mat', teacher: 'T01' });
    await addAssignment(c, { class: '7.a', subject: 'lv', teacher: 'T02' });
    await addAssignment(c, { class: '7.b', subject: 'mat', teacher: 'T02' });
    await addAssignment(c, { class: '2.a', subject: 'mat', teacher: 'T03' });
  });
  // Fold the WAL into the main file so that a plain copy carries everything.
  if (!TEST_PG) await sql`pragma wal_checkpoint(TRUNCATE)`.execute(school.db);
  await school.db.destroy();
  if (!TEST_PG) process.once('exit', () => rmSync(dirname(school.dbPath), { recursive: true, force: true }));
  return { dbPath: school.dbPath };
}
