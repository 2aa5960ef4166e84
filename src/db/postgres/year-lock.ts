// The year lock on PostgreSQL (the rule: src/db/year-lock.ts). Statement-level
// triggers with transition tables: one check per statement over all the rows
// it wrote, which costs a bulk import far less than a check per row. The
// school year's own dates are guarded row by row (a row-level trigger may
// name the columns it guards; those changes are rare).
import { sql } from 'kysely';
import type { Db } from '../connection.ts';
import { LOCK_MESSAGE, YEAR_OF } from '../year-lock.ts';
import { q } from './audit.ts';

type Operation = 'insert' | 'update' | 'delete';

/** The triggers and their functions the school should have once a year is closed, by trigger name. */
export function yearLockDefinitions(schema: string, tables: ReadonlySet<string>): Map<string, { table: string; function: string; body: string; trigger: string }> {
  const s = q(schema);
  const wanted = new Map<string, { table: string; function: string; body: string; trigger: string }>();
  const yearOf = (expression: string, rows: string) => expression.replace(/\bR\./g, `${rows}.`).replace(/\b(FROM|JOIN) (\w+)/g, (_, keyword, table) => `${keyword} ${s}.${q(table)}`);
  for (const [table, expression] of Object.entries(YEAR_OF)) {
    if (!tables.has(table)) continue;
    for (const operation of ['insert', 'update', 'delete'] as Operation[]) {
      const sets = operation === 'insert' ? ['new_rows'] : operation === 'delete' ? ['old_rows'] : ['old_rows', 'new_rows'];
      const checks = sets
        .map(
          (rows) => `
  if exists (select 1 from ${rows} as R where exists (select 1 from ${s}.year_closure k where k.school_year_id in (${yearOf(expression, 'R')}) and k.school_year_id not in (select school_year_id from ${s}.year_lock_bypass))) then
    raise exception '${LOCK_MESSAGE}';
  end if;`,
        )
        .join('');
      // An admin's override: the rows let through are counted on the bypass row (an update counts the rows as they end up).
      const counted = sets.at(-1)!;
      const body = `
begin${checks}
  update ${s}.year_lock_bypass as b set writes = b.writes + (select count(*) from ${counted} as R where b.school_year_id in (${yearOf(expression, 'R')}));
  return null;
end`;
      const referencing = operation === 'insert' ? 'new table as new_rows' : operation === 'delete' ? 'old table as old_rows' : 'old table as old_rows new table as new_rows';
      const name = `year_lock_${table}_${operation}`;
      const fn = `ezurnals_${name}`;
      wanted.set(name, { table, function: fn, body, trigger: `create trigger ${q(name)} after ${operation} on ${s}.${q(table)} referencing ${referencing} for each statement execute function ${s}.${q(fn)}()` });
    }
  }
  // The year's own dates stay as archived; is_current may move on to the next year.
  const guard = (row: 'OLD') => `
begin
  if exists (select 1 from ${s}.year_closure where school_year_id = ${row}.id) then
    if not exists (select 1 from ${s}.year_lock_bypass where school_year_id = ${row}.id) then
      raise exception '${LOCK_MESSAGE}';
    end if;
    update ${s}.year_lock_bypass set writes = writes + 1 where school_year_id = ${row}.id;
  end if;
  if TG_OP = 'DELETE' then return OLD; end if;
  return NEW;
end`;
  wanted.set('year_lock_school_year_update', {
    table: 'school_year',
    function: 'ezurnals_year_lock_school_year_update',
    body: guard('OLD'),
    trigger: `create trigger year_lock_school_year_update before update of code, starts_on, ends_on, semester1_from, semester1_to, semester2_from, semester2_to on ${s}.school_year for each row execute function ${s}.ezurnals_year_lock_school_year_update()`,
  });
  wanted.set('year_lock_school_year_delete', {
    table: 'school_year',
    function: 'ezurnals_year_lock_school_year_delete',
    body: guard('OLD'),
    trigger: `create trigger year_lock_school_year_delete before delete on ${s}.school_year for each row execute function ${s}.ezurnals_year_lock_school_year_delete()`,
  });
  return wanted;
}

/**
 * Creates the lock's missing triggers. Unlike SQLite's, they are in place
 * from the start: a statement-level check costs a write little, and this
 * way the application's role (which may not create triggers) can close a
 * year. Run at every open; creating a missing one needs the schema's owner.
 */
export async function ensurePostgresYearLock(db: Db, schema: string, tables: ReadonlySet<string>): Promise<void> {
  const present = await sql<{ name: string }>`select t.tgname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid where c.relnamespace = ${schema}::regnamespace and t.tgname like 'year\\_lock\\_%' and t.tgenabled <> 'D'`.execute(db);
  const have = new Set(present.rows.map((r) => r.name));
  for (const [name, d] of yearLockDefinitions(schema, tables)) {
    if (have.has(name)) continue;
    await sql.raw(`create or replace function ${q(schema)}.${q(d.function)}() returns trigger language plpgsql as $body$${d.body}$body$`).execute(db);
    await sql.raw(`drop trigger if exists ${q(name)} on ${q(schema)}.${q(d.table)}`).execute(db);
    await sql.raw(d.trigger).execute(db);
  }
}
