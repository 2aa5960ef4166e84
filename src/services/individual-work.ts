import { AppError } from '../errors.ts';
import { m as t } from '../i18n/messages/journal-notes.ts';
import { m as people, named } from '../i18n/messages/journal-people.ts';
import type { IndividualWorkKind } from '../db/schema.ts';
import { individualWorkAuthor, insertIndividualWork, listIndividualWorkViews, type IndividualWorkFilter, type IndividualWorkView } from '../db/repositories/individual-work.ts';
import { localDateOf } from '../domain/dates.ts';
import { authorize } from '../domain/permissions.ts';
import { requireActor, requireRight, timestamp, type ServiceContext } from './context.ts';
import { optionalDate, requireDayDone, requireId, requireText } from './input.ts';
import { resolveStaff, resolveStudents, resolveYear } from './lookup.ts';

export const INDIVIDUAL_WORK_KINDS: readonly IndividualWorkKind[] = ['consultation', 'nurse', 'social-pedagogue', 'other'];

export interface IndividualWorkInput {
  kind?: string;
  date?: string;
  students?: string[];
  text?: string;
}

/** An entry of the individual work journal (regulation §24–25), by the employee who did the work. */
export async function addIndividualWork(ctx: ServiceContext, input: IndividualWorkInput): Promise<IndividualWorkView> {
  const actor = requireActor(ctx);
  const kind = requireText(input.kind, 'kind') as IndividualWorkKind;
  if (!INDIVIDUAL_WORK_KINDS.includes(kind)) throw new AppError('usage', t.badIndividualKind(String(input.kind), INDIVIDUAL_WORK_KINDS.join(', ')));
  const year = await resolveYear(ctx);
  const date = requireDayDone(input.date, 'date', year, localDateOf(ctx.now));
  const codes = input.students ?? [];
  if (codes.length === 0) throw new AppError('usage', t.studentsRequired);
  const students = await resolveStudents(ctx, codes);
  const twice = students.find((s, i) => students.findIndex((o) => o.id === s.id) !== i);
  if (twice) throw new AppError('invalid', people.namedTwice(named(twice)));
  const text = requireText(input.text, 'text');
  const id = await insertIndividualWork(ctx.db, { school_id: ctx.school.id, kind, date, text, created_at: timestamp(ctx), created_by: actor.id }, students.map((s) => s.id));
  return (await listIndividualWorkViews(ctx.db, ctx.school.id, { ids: [id] }))[0]!;
}

/**
 * Whose entries the reader may see: an entry is bound to its author (§24–25), so a
 * staff member reads their own, deputies and admins everybody's. A read with no
 * `--as` is the system operator's, who holds the database and reads it all, as
 * every other read command does.
 */
export async function readableAuthor(ctx: ServiceContext): Promise<{ authorId?: number } | null> {
  if (!ctx.actor || authorize(ctx.actor, 'read-individual-work').allowed) return {};
  // Only an employee keeps such a journal: an actor who is no staff member (should one act) reads none of it.
  return ctx.actor.kind === 'staff' ? { authorId: ctx.actor.id } : null;
}

/** Refuses (exit 5) a reader asking for another employee's entries by name. */
function requireReadable(ctx: ServiceContext, authorId: number, target: string): void {
  if (ctx.actor) requireRight(ctx, 'read-individual-work', { target, author: authorId === ctx.actor.id });
}

export interface IndividualWorkListFilter {
  student?: string;
  from?: string;
  to?: string;
  author?: string;
}

/** The entries of the school year (or the period) the reader may see, oldest first. */
export async function listIndividualWork(ctx: ServiceContext, filter: IndividualWorkListFilter = {}): Promise<IndividualWorkView[]> {
  const year = await resolveYear(ctx);
  const query: IndividualWorkFilter = {
    from: optionalDate(filter.from, 'from') ?? year.starts_on,
    to: optionalDate(filter.to, 'to') ?? year.ends_on,
  };
  const readable = await readableAuthor(ctx);
  if (readable === null) throw new AppError('forbidden', t.individualNotForYou(ctx.actor!.code));
  query.authorId = readable.authorId;
  if (filter.author) {
    const author = await resolveStaff(ctx, filter.author);
    requireReadable(ctx, author.id, `${author.code}'s individual work`);
    query.authorId = author.id;
  }
  if (filter.student) query.studentId = (await resolveStudents(ctx, [filter.student]))[0]!.id;
  return listIndividualWorkViews(ctx.db, ctx.school.id, query);
}

export async function showIndividualWork(ctx: ServiceContext, idInput: string | number): Promise<IndividualWorkView> {
  const id = requireId(idInput, 'individual work entry');
  const authorId = await individualWorkAuthor(ctx.db, ctx.school.id, id);
  if (authorId === undefined) throw new AppError('not_found', t.noIndividualWork(id));
  requireReadable(ctx, authorId, `individual work entry ${id}`);
  return (await listIndividualWorkViews(ctx.db, ctx.school.id, { ids: [id] }))[0]!;
}
