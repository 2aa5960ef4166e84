// `ezurnals person anonymize --left-before DATE`: the personal data of
// students who left long ago (and of guardians linked to no one else) is
// replaced by placeholders; grades, absences and the class history stay, so
// the school's statistics are unchanged. The same personal values are taken
// out of the audit log's old entries as src/domain/audit-chain.ts describes:
// the chain keeps verifying, and a sealed `redact` entry says which entries
// were redacted and why.
import { AppError } from '../errors.ts';
import { valuesDigest } from '../domain/audit-chain.ts';
import { auditEntriesOfRecords, insertRedactionRecord, redactAuditEntry } from '../db/repositories/audit-log.ts';
import { updateGuardian } from '../db/repositories/guardians.ts';
import { updateStudent } from '../db/repositories/students.ts';
import { ANONYMIZED_VALUE, guardianPlaceholder, isAnonymized, leftOn, redactValues, studentPlaceholder } from '../domain/anonymization.ts';
import { localDateOf } from '../domain/dates.ts';
import { requireRight, timestamp, type ServiceContext } from './context.ts';
import { requireDate } from './input.ts';
import { m as p } from '../i18n/messages/people.ts';

export interface AnonymizedStudent {
  code: string;
  /** The name before: shown by a dry run only. */
  name: string | null;
  left_on: string;
}

export interface AnonymizedGuardian {
  id: number;
  name: string | null;
}

export interface Anonymization {
  left_before: string;
  dry_run: boolean;
  students: AnonymizedStudent[];
  guardians: AnonymizedGuardian[];
  /** Left earlier and already anonymised. */
  already_anonymized: number;
  audit_entries_redacted: number;
}

type Values = Record<string, string | null>;

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Takes the placeholder's personal values out of every audit entry about these records. */
async function redactAudit(ctx: ServiceContext, table: string, placeholders: Map<number, Values>, at: string): Promise<number[]> {
  const redacted: number[] = [];
  const keys = [...placeholders.keys()];
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = keys.slice(i, i + 500);
    for (const entry of await auditEntriesOfRecords(ctx.db, table, chunk.map(String))) {
      const placeholder = placeholders.get(Number(entry.record_key));
      if (!placeholder) continue;
      const before = redactValues(entry.before_values, placeholder);
      const after = redactValues(entry.after_values, placeholder);
      if (before === entry.before_values && after === entry.after_values) continue;
      const sealed = entry.sealed;
      // An entry of a sealed range keeps its values' digest, made before its values and nonce go (src/domain/audit-chain.ts).
      const digest = sealed && entry.hash === null && entry.redacted_at === null && entry.nonce !== null ? valuesDigest(entry.nonce, entry.before_values, entry.after_values) : null;
      await redactAuditEntry(ctx.db, entry.id, { before_values: before, after_values: after }, sealed, at, digest);
      if (sealed) redacted.push(entry.id);
    }
  }
  return redacted;
}

/**
 * Their profiles go too: a student's username is their personas kods, and the
 * profile and its password messages carry the phone. The profile stays (under a
 * placeholder name, disabled, without password) so that its audit history keeps its key.
 */
async function anonymizeProfiles(ctx: ServiceContext, studentIds: number[], guardianIds: number[], at: string): Promise<{ accountValues: Map<number, Values>; messageValues: Map<number, Values> }> {
  const profiles = await ctx.db
    .selectFrom('account')
    .select(['id'])
    .where('school_id', '=', ctx.school.id)
    .where((eb) => eb.or([eb.and([eb('kind', '=', 'student'), eb('person_id', 'in', [...studentIds, -1])]), eb.and([eb('kind', '=', 'guardian'), eb('person_id', 'in', [...guardianIds, -1])])]))
    .execute();
  const accountValues = new Map<number, Values>(profiles.map((p) => [p.id, { username: `anonimizets-${p.id}`, phone: null }]));
  for (const [id, values] of accountValues) {
    await ctx.db.updateTable('account').set({ ...values, password_hash: null, disabled: 1, locked_until: null, updated_at: at }).where('id', '=', id).execute();
  }
  const ids = [...accountValues.keys(), -1];
  const messages = await ctx.db.selectFrom('sms_outbox').select(['id', 'state']).where('account_id', 'in', ids).execute();
  const messageValues = new Map<number, Values>(messages.map((m) => [m.id, { phone: '' }]));
  for (const message of messages) {
    const state = message.state === 'queued' ? 'cancelled' : message.state;
    await ctx.db.updateTable('sms_outbox').set({ phone: '', body: ANONYMIZED_VALUE, state, updated_at: at }).where('id', '=', message.id).execute();
  }
  return { accountValues, messageValues };
}

export async function anonymizePeople(ctx: ServiceContext, options: { leftBefore?: string; dryRun?: boolean }): Promise<Anonymization> {
  requireRight(ctx, 'anonymize-personal-data');
  const before = requireDate(options.leftBefore, 'left-before');
  if (before > localDateOf(ctx.now)) throw new AppError('invalid', p.anonymizeFuture(before));
  const students = await ctx.db.selectFrom('student').selectAll().where('school_id', '=', ctx.school.id).orderBy('code').execute();
  const enrollments = await ctx.db
    .selectFrom('enrollment as e')
    .innerJoin('school_class as c', 'c.id', 'e.class_id')
    .innerJoin('school_year as y', 'y.id', 'c.school_year_id')
    .select(['e.student_id', 'e.to_date', 'y.ends_on as year_ends_on'])
    .where('y.school_id', '=', ctx.school.id)
    .execute();
  const byStudent = groupBy(enrollments, (e) => e.student_id);
  const gone = new Set<number>();
  const chosen: (typeof students)[number][] = [];
  let already = 0;
  for (const s of students) {
    const left = leftOn(byStudent.get(s.id) ?? []);
    if (left === null || left >= before) continue;
    gone.add(s.id);
    if (isAnonymized(s, studentPlaceholder(s.code))) already++;
    else chosen.push(s);
  }
  // A guardian goes only when every child linked to them has gone.
  const links = await ctx.db.selectFrom('student_guardian').select(['student_id', 'guardian_id']).execute();
  const byGuardian = groupBy(links, (l) => l.guardian_id);
  const chosenIds = new Set(chosen.map((s) => s.id));
  const guardianIds = [...byGuardian].filter(([, ls]) => ls.every((l) => gone.has(l.student_id)) && ls.some((l) => chosenIds.has(l.student_id))).map(([id]) => id);
  const guardians = guardianIds.length === 0 ? [] : await ctx.db.selectFrom('guardian').selectAll().where('id', 'in', guardianIds).orderBy('id').execute();
  const leaving = guardians.filter((g) => !isAnonymized(g, guardianPlaceholder(g.id)));
  const result: Anonymization = {
    left_before: before,
    dry_run: !!options.dryRun,
    students: chosen.map((s) => ({ code: s.code, name: options.dryRun ? `${s.first_name} ${s.last_name}` : null, left_on: leftOn(byStudent.get(s.id)!)! })),
    guardians: leaving.map((g) => ({ id: g.id, name: options.dryRun ? `${g.first_name} ${g.last_name}` : null })),
    already_anonymized: already,
    audit_entries_redacted: 0,
  };
  if (options.dryRun || (chosen.length === 0 && leaving.length === 0)) return result;

  const at = timestamp(ctx);
  const studentValues = new Map(chosen.map((s) => [s.id, studentPlaceholder(s.code)]));
  const guardianValues = new Map(leaving.map((g) => [g.id, guardianPlaceholder(g.id)]));
  for (const [id, values] of studentValues) await updateStudent(ctx.db, id, { ...values, updated_at: at });
  for (const [id, values] of guardianValues) await updateGuardian(ctx.db, id, { ...values, updated_at: at });
  const { accountValues, messageValues } = await anonymizeProfiles(ctx, [...studentValues.keys()], [...guardianValues.keys()], at);
  // After the updates, so that their own entries (whose "before" holds the names) are redacted too, before sealing.
  const redactedAt = ctx.now.toISOString();
  const redacted = [
    ...(await redactAudit(ctx, 'student', studentValues, redactedAt)),
    ...(await redactAudit(ctx, 'guardian', guardianValues, redactedAt)),
    ...(await redactAudit(ctx, 'account', accountValues, redactedAt)),
    ...(await redactAudit(ctx, 'sms_outbox', messageValues, redactedAt)),
  ].sort((a, b) => a - b);
  await insertRedactionRecord(ctx.db, { reason: `person anonymize --left-before ${before}: ${chosen.length} student(s), ${leaving.length} guardian(s)`, entries: redacted }, redactedAt);
  result.audit_entries_redacted = redacted.length;
  return result;
}
