// The audit trail on PostgreSQL: the same entries as SQLite's triggers write
// (src/db/audit/triggers.ts), so that one verifier serves both.
//
// - PL/pgSQL trigger functions, generated from the catalog after every
//   migration, write the row's values as the same compact JSON text SQLite's
//   json_object() gives, secret columns as "[redacted]". Updates and deletes
//   are logged row by row; inserts by one statement-level trigger over the
//   statement's new rows (a transition table), which writes all their entries
//   with one INSERT … SELECT: a row-level trigger costs a bulk import a
//   PL/pgSQL call, a function call for the id and an INSERT per row (measured
//   on 20,000 grades: the audit was half the import's server time, then a
//   tenth). The entries are the same, in the same order (the rows' order).
// - Entry ids are gap-free per school: the writer holds the school's head row
//   (ezurnals_head, FOR UPDATE) and the next id is counted in a
//   transaction-local setting, so a rolled-back write leaves no hole (a
//   sequence would, and the verifier reads a hole as a deleted entry). Writes
//   made behind the tool's back (psql) take the same head lock on their first
//   entry.
// - The head row keeps the highest id ever issued, as SQLite's sqlite_sequence
//   does, so entries cut off the end are caught.
// - Sealing is per transaction: the tool computes the range's digest and the
//   chain hash in JavaScript (the same functions as on SQLite) and writes one
//   seal row (audit_seal) through ezurnals_seal_range; the trigger has given
//   each entry its random nonce already (gen_random_uuid: PostgreSQL 13+).
import { sql } from 'kysely';
import type { Db } from '../connection.ts';
import type { AuditStamp, RowAuditResult } from '../dialect.ts';
import { GENESIS_HASH, rowMatchesEntry } from '../../domain/audit-chain.ts';
import { isSecretColumn, REDACTED } from '../../domain/secret-columns.ts';
import { ANONYMIZED_VALUE } from '../../domain/anonymization.ts';
import { AUDIT_TABLE, auditedTablesOf, SEAL_TABLE, type TableShape } from '../audit/triggers.ts';
import { defaultsOf } from '../audit/integrity.ts';
import type { Schema } from '../introspection.ts';
import { m as t } from '../../i18n/messages/files-audit.ts';
import { PendingRange, systemUser, type PendingEntry } from '../audit/seal.ts';

export const HEAD_TABLE = 'ezurnals_head';

export const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The transaction-local setting counting this school's audit ids. */
export const auditCounter = (school: string) => `ezurnals.audit_id_${school}`;

/** A value as SQLite's json_object writes it: JSON text, `null` for NULL. */
function jsonValue(table: TableShape, column: string, type: string, row: string): string {
  const value = `${row}.${q(column)}`;
  if (isSecretColumn(table.name, column)) return `case when ${value} is null then 'null' else ${literal(JSON.stringify(REDACTED))} end`;
  if (type === 'bytea') return `coalesce(to_json(upper(encode(${value}, 'hex')))::text, 'null')`;
  return `coalesce(to_json(${value})::text, 'null')`;
}

/** The row's values as compact JSON text, in column order, as the SQLite triggers log them. */
export function pgRowJson(table: TableShape, row: string): string {
  const parts = table.columns.map((c, i) => `${literal(`${i === 0 ? '{' : ','}${JSON.stringify(c.name)}:`)} || ${jsonValue(table, c.name, c.type, row)}`);
  return parts.length === 0 ? `'{}'` : `${parts.join(' || ')} || '}'`;
}

/** The record key: the id as text, or a JSON array for a composite key. */
export function pgRecordKey(table: TableShape, row: string): string {
  const keys = table.columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  if (keys.length === 0) throw new Error(`The table ${table.name} has no primary key: its audit entries could not name their rows.`);
  if (keys.length === 1) return `${row}.${q(keys[0]!.name)}::text`;
  return `'[' || ${keys.map((k) => `coalesce(to_json(${row}.${q(k.name)})::text, 'null')`).join(` || ',' || `)} || ']'`;
}

export function auditFunctionName(table: string): string {
  return `ezurnals_audit_${table}`;
}

export function auditTriggerName(table: string): string {
  return `audit_${table}`;
}

/** The statement-level insert trigger's function and name (a double underscore: no table's name has one). */
export function auditInsertFunctionName(table: string): string {
  return `ezurnals_audit_${table}__insert`;
}

export function auditInsertTriggerName(table: string): string {
  return `audit_${table}__insert`;
}

/** pg_trigger.tgtype of each: ROW (1) | DELETE (8) | UPDATE (16), AFTER; and INSERT (4), AFTER, per statement. */
const ROW_TRIGGER_TYPE = 1 | 8 | 16;
const INSERT_TRIGGER_TYPE = 4;

const NOW = `to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The entry's own random nonce, as SQLite's lower(hex(randomblob(16))) gives it: 32 hex digits from the server's strong random source. */
const NONCE = `replace(gen_random_uuid()::text, '-', '')`;

const COLUMNS = '(id, table_name, operation, record_key, student_id, before_values, after_values, at, nonce)';

/** The body of a table's row-level audit trigger function (updates and deletes), as pg_proc.prosrc keeps it. */
export function auditFunctionBody(schema: string, table: TableShape): string {
  const log = `${q(schema)}.${AUDIT_TABLE}`;
  const student = (row: string) => (table.studentColumn ? `${row}.${q(table.studentColumn)}` : 'null');
  const insert = (operation: string, row: 'NEW' | 'OLD', before: string, after: string) =>
    `insert into ${log} ${COLUMNS} values (${q(schema)}.ezurnals_audit_next(), ${literal(table.name)}, '${operation}', ${pgRecordKey(table, row)}, ${student(row)}, ${before}, ${after}, ${NOW}, ${NONCE});`;
  return `
begin
  if TG_OP = 'UPDATE' then
    -- A write that changes nothing is not logged.
    if OLD is distinct from NEW then
      ${insert('update', 'NEW', pgRowJson(table, 'OLD'), pgRowJson(table, 'NEW'))}
    end if;
  else
    ${insert('delete', 'OLD', pgRowJson(table, 'OLD'), 'null')}
  end if;
  return null;
end`;
}

/**
 * The body of a table's statement-level insert trigger function: the
 * statement's new rows get consecutive ids reserved at once, in the order
 * they were inserted (a row-level trigger would log them in that order too).
 */
export function auditInsertFunctionBody(schema: string, table: TableShape): string {
  const log = `${q(schema)}.${AUDIT_TABLE}`;
  const student = table.studentColumn ? `R.${q(table.studentColumn)}` : 'null';
  return `
declare
  k bigint;
  n bigint;
begin
  select count(*) into k from new_rows;
  if k = 0 then
    return null;
  end if;
  n := ${q(schema)}.ezurnals_audit_reserve(k);
  insert into ${log} ${COLUMNS}
    select n + row_number() over (), ${literal(table.name)}, 'insert', ${pgRecordKey(table, 'R')}, ${student}, null, ${pgRowJson(table, 'R')}, ${NOW}, ${NONCE} from new_rows as R;
  return null;
end`;
}

/** The school's own functions: the next audit id, and the start of a write. */
export function headFunctions(schema: string): string[] {
  const s = q(schema);
  const counter = literal(auditCounter(schema));
  return [
    `create table if not exists ${s}.${HEAD_TABLE} (id integer primary key check (id = 1), last_audit_id bigint not null default 0)`,
    `insert into ${s}.${HEAD_TABLE} (id, last_audit_id) values (1, 0) on conflict (id) do nothing`,
    `create or replace function ${s}.ezurnals_audit_next() returns bigint language plpgsql security definer set search_path = pg_catalog as $body$
declare n bigint := nullif(current_setting(${counter}, true), '')::bigint;
begin
  if n is null then
    -- A write outside ezurnals: it takes the school's writer lock like the tool does.
    perform 1 from ${s}.${HEAD_TABLE} where id = 1 for update;
    select greatest(h.last_audit_id, coalesce((select max(id) from ${s}.${AUDIT_TABLE}), 0)) into n from ${s}.${HEAD_TABLE} h where h.id = 1;
  end if;
  n := n + 1;
  perform set_config(${counter}, n::text, true);
  return n;
end $body$`,
    // The ids of k entries at once (a statement's inserted rows): returns the id before the first.
    `create or replace function ${s}.ezurnals_audit_reserve(k bigint) returns bigint language plpgsql security definer set search_path = pg_catalog as $body$
declare n bigint := nullif(current_setting(${counter}, true), '')::bigint;
begin
  if n is null then
    perform 1 from ${s}.${HEAD_TABLE} where id = 1 for update;
    select greatest(h.last_audit_id, coalesce((select max(id) from ${s}.${AUDIT_TABLE}), 0)) into n from ${s}.${HEAD_TABLE} h where h.id = 1;
  end if;
  perform set_config(${counter}, (n + k)::text, true);
  return n;
end $body$`,
    `create or replace function ${s}.ezurnals_begin_write() returns bigint language plpgsql security definer set search_path = pg_catalog as $body$
declare high bigint; issued bigint;
begin
  select last_audit_id into issued from ${s}.${HEAD_TABLE} where id = 1 for update;
  select coalesce(max(id), 0) into high from ${s}.${AUDIT_TABLE};
  perform set_config(${counter}, greatest(high, issued)::text, true);
  return high;
end $body$`,
    // Entries the tool writes itself (an anonymisation's redact record) take their id from the same counter.
    `alter table ${s}.${AUDIT_TABLE} alter column id set default ${s}.ezurnals_audit_next()`,
    // Sealing and redaction run with the owner's right: the application's role may not UPDATE or DELETE the log
    // (db grant), and these change only what they must — a seal only over entries above the last sealed range,
    // and nonces only where the entry has none (written before the triggers made one).
    `drop function if exists ${s}.ezurnals_seal(text, text, text, integer[], text[], text[], text[], text[])`,
    `create or replace function ${s}.ezurnals_seal_range(p_actor text, p_os_user text, p_command text, p_first bigint, p_last bigint, p_digest text, p_prev text, p_hash text, p_nonce_ids bigint[], p_nonces text[]) returns void
  language plpgsql security definer set search_path = pg_catalog as $body$
begin
  if p_first > p_last or p_first <= coalesce((select max(last_id) from ${s}.${SEAL_TABLE}), 0) or p_last > coalesce((select max(id) from ${s}.${AUDIT_TABLE}), 0) then
    raise exception 'ezurnals_seal_range: entries % to % are not a range above the last seal', p_first, p_last;
  end if;
  update ${s}.${AUDIT_TABLE} as a set nonce = v.nonce from unnest(p_nonce_ids, p_nonces) as v(id, nonce)
   where a.id = v.id and a.nonce is null and a.id between p_first and p_last;
  insert into ${s}.${SEAL_TABLE} (first_id, last_id, actor, os_user, command, digest, prev_hash, hash) values (p_first, p_last, p_actor, p_os_user, p_command, p_digest, p_prev, p_hash);
  update ${s}.${HEAD_TABLE} set last_audit_id = greatest(last_audit_id, p_last) where id = 1;
end $body$`,
    `drop function if exists ${s}.ezurnals_redact(integer, text, text, boolean, text)`,
    // Whether an entry's values `p_new` are `p_old` with some values replaced by the anonymisation's placeholder, and
    // nothing else: the same keys, each value as it was or the placeholder (src/domain/anonymization.ts redactValues).
    `create or replace function ${s}.ezurnals_only_blanked(p_old text, p_new text) returns boolean
  language sql immutable set search_path = pg_catalog as $body$
  select case
    when p_old is null or p_new is null then p_old is not distinct from p_new
    when p_old = p_new then true
    else (select array_agg(k order by k) from jsonb_object_keys(p_new::jsonb) as k) = (select array_agg(k order by k) from jsonb_object_keys(p_old::jsonb) as k)
     and (select bool_and(n.value = o.value or n.value = to_jsonb(${literal(ANONYMIZED_VALUE)}::text)) from jsonb_each(p_new::jsonb) as n join jsonb_each(p_old::jsonb) as o on o.key = n.key)
  end
$body$`,
    // p_digest: an entry of a sealed range keeps its values' digest from before (src/domain/audit-chain.ts); null keeps the one it has.
    // A redaction only blanks: the application's role may call this, and a sealed entry's values are no longer checked
    // against its seal once redacted, so values written here instead of the placeholder would pass for the entry's own.
    `create or replace function ${s}.ezurnals_redact(p_id integer, p_before text, p_after text, p_sealed boolean, p_at text, p_digest text) returns void
  language plpgsql security definer set search_path = pg_catalog as $body$
begin
  if not exists (select 1 from ${s}.${AUDIT_TABLE} a where a.id = p_id and ${s}.ezurnals_only_blanked(a.before_values, p_before) and ${s}.ezurnals_only_blanked(a.after_values, p_after)) then
    raise exception 'ezurnals_redact: entry % may only have values replaced by %', p_id, ${literal(ANONYMIZED_VALUE)};
  end if;
  if p_sealed then
    update ${s}.${AUDIT_TABLE} set before_values = p_before, after_values = p_after, nonce = null, values_digest = coalesce(p_digest, values_digest), redacted_at = p_at where id = p_id;
  else
    update ${s}.${AUDIT_TABLE} set before_values = p_before, after_values = p_after where id = p_id;
  end if;
end $body$`,
    `create or replace function ${s}.ezurnals_redaction_record(p_after text, p_at text) returns void
  language plpgsql security definer set search_path = pg_catalog as $body$
begin
  insert into ${s}.${AUDIT_TABLE} (table_name, operation, record_key, student_id, before_values, after_values, at) values ('audit_log', 'redact', null, null, null, p_after, p_at);
end $body$`,
  ];
}

/** Drops and recreates every audit trigger of the school's tables as they now are. */
export async function installPostgresAuditTriggers(conn: Db, schemaName: string, schema: Schema): Promise<void> {
  for (const statement of headFunctions(schemaName)) await sql.raw(statement).execute(conn);
  const present = await sql<{ table: string; name: string }>`select c.relname as table, t.tgname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid where c.relnamespace = ${schemaName}::regnamespace and t.tgname like 'audit\\_%'`.execute(conn);
  for (const t of present.rows) await sql.raw(`drop trigger ${q(t.name)} on ${q(schemaName)}.${q(t.table)}`).execute(conn);
  for (const table of auditedTablesOf(schema)) {
    // SECURITY DEFINER: the entry is written with the owner's right, so the application's role needs no INSERT on the log.
    await sql.raw(`create or replace function ${q(schemaName)}.${q(auditFunctionName(table.name))}() returns trigger language plpgsql security definer set search_path = pg_catalog as $body$${auditFunctionBody(schemaName, table)}$body$`).execute(conn);
    await sql.raw(`create trigger ${q(auditTriggerName(table.name))} after update or delete on ${q(schemaName)}.${q(table.name)} for each row execute function ${q(schemaName)}.${q(auditFunctionName(table.name))}()`).execute(conn);
    await sql.raw(`create or replace function ${q(schemaName)}.${q(auditInsertFunctionName(table.name))}() returns trigger language plpgsql security definer set search_path = pg_catalog as $body$${auditInsertFunctionBody(schemaName, table)}$body$`).execute(conn);
    await sql.raw(`create trigger ${q(auditInsertTriggerName(table.name))} after insert on ${q(schemaName)}.${q(table.name)} referencing new table as new_rows for each statement execute function ${q(schemaName)}.${q(auditInsertFunctionName(table.name))}()`).execute(conn);
  }
}

/** A dropped, disabled or altered audit trigger: the first, or null. */
export async function postgresAuditTriggerFault(db: Db, schemaName: string, schema: Schema): Promise<string | null> {
  const present = await sql<{ table: string; name: string; enabled: string; type: number; body: string; function: string }>`
    select c.relname as table, t.tgname as name, t.tgenabled as enabled, t.tgtype::int as type, p.prosrc as body, p.proname as function
      from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
     where c.relnamespace = ${schemaName}::regnamespace and t.tgname like 'audit\\_%'`.execute(db);
  const byName = new Map(present.rows.map((r) => [`${r.table}\u0000${r.name}`, r]));
  for (const table of auditedTablesOf(schema)) {
    const wanted = [
      { name: auditTriggerName(table.name), function: auditFunctionName(table.name), type: ROW_TRIGGER_TYPE, body: () => auditFunctionBody(schemaName, table) },
      { name: auditInsertTriggerName(table.name), function: auditInsertFunctionName(table.name), type: INSERT_TRIGGER_TYPE, body: () => auditInsertFunctionBody(schemaName, table) },
    ];
    for (const w of wanted) {
      const found = byName.get(`${table.name}\u0000${w.name}`);
      if (!found) return t.triggerMissing(w.name);
      if (found.enabled === 'D') return t.triggerDisabled(w.name);
      if (found.function !== w.function || found.type !== w.type || found.body !== w.body()) return t.triggerAltered(w.name);
    }
  }
  return null;
}

const PAGE = 4096;

/** Seals every entry above `after` with one seal row (see the file's head); returns how many entries. */
export async function sealPostgresAudit(conn: Db, after: number, stamp: AuditStamp): Promise<number> {
  const range = new PendingRange();
  // A short page is the last one: a write's few entries cost one query, not two.
  for (let cursor = after; ; ) {
    const { rows } = await sql<PendingEntry>`select id, table_name, operation, record_key, student_id, before_values, after_values, at, nonce from audit_log where id > ${cursor} order by id limit ${PAGE}`.execute(conn);
    range.add(rows);
    if (rows.length < PAGE) break;
    cursor = rows.at(-1)!.id;
  }
  if (range.count === 0) return 0;
  // The chain's last link at or below `after`: an entry sealed alone after the last seal (older schools), else that seal. One round trip.
  const link = await sql<{ hash: string | null }>`
    select coalesce(
      (select hash from audit_log where hash is not null and id <= ${after} and id > coalesce((select max(last_id) from audit_seal where last_id <= ${after}), 0) order by id desc limit 1),
      (select hash from audit_seal where last_id <= ${after} order by last_id desc limit 1)) as hash`.execute(conn);
  const prev = link.rows[0]?.hash ?? GENESIS_HASH;
  const s = range.seal(stamp, systemUser(), prev);
  const ids = range.nonces.map((n) => n.id);
  const nonces = range.nonces.map((n) => n.nonce);
  await sql`select ezurnals_seal_range(${s.actor}, ${s.os_user}, ${s.command}, ${s.first_id}::bigint, ${s.last_id}::bigint, ${s.digest}, ${s.prev_hash}, ${s.hash}, ${ids}::bigint[], ${nonces}::text[])`.execute(conn);
  return range.count;
}

/** Every current row against its last audit entry, as src/db/audit/integrity.ts does on SQLite. */
export async function postgresRowAuditFault(db: Db, schema: Schema): Promise<RowAuditResult> {
  let checked = 0;
  const named = (table: string, key: string) => `${table} ${key.startsWith('[') ? key : `#${key}`}`;
  const fault = (text: string) => ({ fault: text, rows: checked });
  for (const table of auditedTablesOf(schema)) {
    const rows = `select ${pgRecordKey(table, 'T')} as k, ${pgRowJson(table, 'T')} as v from ${q(table.name)} as T`;
    const latest = `select distinct on (record_key) record_key, operation, after_values, id from ${AUDIT_TABLE} where table_name = ${literal(table.name)} and record_key is not null and operation in ('insert', 'update', 'delete') order by record_key, id desc`;
    const count = await sql<{ n: number }>`select count(*)::int as n from ${sql.id(table.name)}`.execute(db);
    checked += count.rows[0]!.n;
    const differing = await sql.raw<{ k: string; v: string; operation: string | null; after: string | null; id: number | null }>(
      `with R as (${rows}), L as (${latest}) select R.k, R.v, L.operation, L.after_values as after, L.id from R left join L on L.record_key = R.k where L.id is null or L.operation = 'delete' or L.after_values is distinct from R.v`,
    ).execute(db);
    const defaults = defaultsOf(table.columns);
    for (const r of differing.rows) {
      if (r.id === null) return fault(t.rowNoEntry(named(table.name, r.k)));
      if (r.operation === 'delete') return fault(t.rowDeletedBack(named(table.name, r.k), r.id));
      if (!rowMatchesEntry(r.v, r.after, defaults)) return fault(t.rowChanged(named(table.name, r.k), r.id));
    }
    const missing = await sql.raw<{ k: string; id: number }>(
      `with R as (${rows}), L as (${latest}) select L.record_key as k, L.id from L where L.operation <> 'delete' and not exists (select 1 from R where R.k = L.record_key) order by L.id limit 1`,
    ).execute(db);
    const gone = missing.rows[0];
    if (gone) return fault(t.rowMissing(named(table.name, gone.k), gone.id));
  }
  return { fault: null, rows: checked };
}

/** The grants of an application role (`db grant`): it writes the journal, reads the log, and changes the log only through the functions above. */
export function grantStatements(schema: string, role: string): string[] {
  const s = q(schema);
  const r = q(role);
  return [
    `grant usage on schema ${s} to ${r}`,
    `grant select, insert, update, delete on all tables in schema ${s} to ${r}`,
    `revoke insert, update, delete, truncate on ${s}.${AUDIT_TABLE} from ${r}`,
    `revoke insert, update, delete, truncate on ${s}.${SEAL_TABLE} from ${r}`,
    // The head row is the school's writer lock and its highest audit id: only the owner's functions change it
    // (deleted, writers would no longer wait for each other).
    `revoke insert, update, delete, truncate on ${s}.${HEAD_TABLE} from ${r}`,
    // A closed year is reopened by no command: its closure row is only ever inserted.
    `revoke update, delete, truncate on ${s}.year_closure from ${r}`,
    `grant usage, select on all sequences in schema ${s} to ${r}`,
    `grant execute on all functions in schema ${s} to ${r}`,
  ];
}
