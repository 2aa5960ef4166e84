import { AppError } from '../errors.ts';
import { m as t } from '../i18n/messages/journal-notes.ts';
import type { BehaviorKind } from '../db/schema.ts';
import { findBehaviorEntry, insertBehaviorEntry, listBehaviorViews, markBehaviorEntryRemoved, type BehaviorView } from '../db/repositories/behavior.ts';
import { localDateOf } from '../domain/dates.ts';
import { requireActor, requireRight, timestamp, type ServiceContext } from './context.ts';
import { optionalDate, requireDayDone, requireId, requireText } from './input.ts';
import { resolveClass, resolveStudent, resolveStudentClass, resolveYear } from './lookup.ts';
import { classScope } from './journal-scope.ts';
import { readingIn } from './reading.ts';

/** Positive and negative remarks (uzvedības iezīmes, regulation §28). */
export const BEHAVIOR_KINDS: readonly BehaviorKind[] = ['positive', 'negative'];

function parseKind(value: string | undefined): BehaviorKind {
  const kind = requireText(value, 'kind');
  if (!(BEHAVIOR_KINDS as readonly string[]).includes(kind)) throw new AppError('usage', t.badBehaviorKind(String(value), BEHAVIOR_KINDS.join(' or ')));
  return kind as BehaviorKind;
}

export interface BehaviorInput {
  student?: string;
  kind?: string;
  date?: string;
  text?: string;
}

/** A remark by whoever teaches in the student's class that day, or its class teacher. */
export async function addBehavior(ctx: ServiceContext, input: BehaviorInput): Promise<BehaviorView> {
  const actor = requireActor(ctx);
  const year = await resolveYear(ctx);
  const student = await resolveStudent(ctx, requireText(input.student, 'student'));
  const kind = parseKind(input.kind);
  const text = requireText(input.text, 'text');
  const today = localDateOf(ctx.now);
  const date = requireDayDone(input.date ?? today, 'date', year, today);
  const schoolClass = await resolveStudentClass(ctx, student, year, date);
  requireRight(ctx, 'record-behavior', await classScope(ctx, actor, schoolClass));
  const entry = await insertBehaviorEntry(ctx.db, {
    school_id: ctx.school.id,
    student_id: student.id,
    class_id: schoolClass.id,
    date,
    kind,
    text,
    created_at: timestamp(ctx),
    created_by: actor.id,
    removed_at: null,
    removed_by: null,
    removed_reason: null,
  });
  return (await listBehaviorViews(ctx.db, { ids: [entry.id] }))[0]!;
}

/** Withdraws a remark: it stays in the journal, marked with who removed it, when and why. */
export async function removeBehavior(ctx: ServiceContext, idInput: string | number | undefined, input: { reason?: string }): Promise<BehaviorView> {
  const actor = requireActor(ctx);
  const id = requireId(idInput, 'behaviour entry');
  const entry = await findBehaviorEntry(ctx.db, ctx.school.id, id);
  if (!entry) throw new AppError('not_found', t.noBehavior(id));
  requireRight(ctx, 'remove-behavior', { target: `behaviour entry ${id}`, author: entry.created_by === actor.id });
  const reason = requireText(input.reason, 'reason');
  if (entry.removed_at !== null) throw new AppError('conflict', t.behaviorRemoved(id, entry.removed_at));
  await markBehaviorEntryRemoved(ctx.db, id, { removed_by: actor.id, removed_at: timestamp(ctx), removed_reason: reason });
  return (await listBehaviorViews(ctx.db, { ids: [id], includeRemoved: true }))[0]!;
}

export interface BehaviorListFilter {
  student?: string;
  class?: string;
  from?: string;
  to?: string;
  kind?: string;
  includeRemoved?: boolean;
}

export async function listBehavior(ctx: ServiceContext, filter: BehaviorListFilter = {}): Promise<BehaviorView[]> {
  const year = await resolveYear(ctx);
  const student = filter.student ? await resolveStudent(ctx, filter.student) : undefined;
  const schoolClass = filter.class ? await resolveClass(ctx, year, filter.class) : undefined;
  const reading = await readingIn(ctx, year);
  await reading.requireNamed('read-journal', { student, schoolClass });
  const rows = await listBehaviorViews(ctx.db, {
    yearId: year.id,
    studentId: student?.id,
    classId: schoolClass?.id,
    from: optionalDate(filter.from, 'from'),
    to: optionalDate(filter.to, 'to'),
    kind: filter.kind === undefined ? undefined : parseKind(filter.kind),
    includeRemoved: filter.includeRemoved,
  });
  return reading.filter('read-journal', rows, (b) => ({ classes: [b.class], student: b.student }));
}
