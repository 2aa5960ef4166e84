// Absence notes (zīmes) from guardians, sent in the web diary (issue 16).
// The class teacher accepts or declines each: accepting is `absence justify`
// over the note's days, and the absences it justified stay linked to it.
import { AppError } from '../errors.ts';
import { m as t } from '../i18n/messages/journal-absences.ts';
import type { AbsenceNoteStatus } from '../db/schema.ts';
import { isLinked } from '../db/repositories/guardians.ts';
import { findClassById, classesLedInYear } from '../db/repositories/classes.ts';
import { findStudentById, placementsOf } from '../db/repositories/students.ts';
import type { JustifyReason } from '../domain/absence.ts';
import { checkAbsenceNote, noteProblemText, type NoteProblem } from '../domain/absence-note.ts';
import { localDateOf } from '../domain/dates.ts';
import { authorizeFamily } from '../domain/family-actions.ts';
import { mayWriteAtAll } from '../domain/permissions.ts';
import { requireActor, requireRight, timestamp, type ServiceContext } from './context.ts';
import { optionalText, requireId } from './input.ts';
import { justifyAbsences } from './absences.ts';
import { resolveClass, resolveYear } from './lookup.ts';

export interface AbsenceNoteView {
  id: number;
  student: string;
  student_name: string;
  class: string | null;
  guardian: string;
  from: string;
  to: string;
  reason: JustifyReason;
  text: string | null;
  status: AbsenceNoteStatus;
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  /** The absences accepting it justified. */
  absences: number;
}

export interface SendNoteInput {
  studentId: number;
  from?: string;
  to?: string;
  reason?: string;
  text?: string;
}


/** A note refused by its rules: the problem stays with it, so the web page can say it in Latvian. */
export class AbsenceNoteRefused extends AppError {
  constructor(readonly problem: NoteProblem) {
    super(problem.kind === 'no-from' ? 'usage' : 'invalid', noteProblemText(problem));
  }
}

/** A guardian sends a note for their own child. */
export async function sendAbsenceNote(ctx: ServiceContext, input: SendNoteInput): Promise<AbsenceNoteView> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('usage', t.noteNeedsGuardian);
  const student = await findStudentById(ctx.db, input.studentId);
  const ownChild = !!student && student.school_id === ctx.school.id && actor.kind === 'guardian' && (await isLinked(ctx.db, student.id, actor.id));
  const decision = authorizeFamily(actor, 'send-absence-note', { ownChild });
  if (!decision.allowed) throw new AppError(actor.kind === 'guardian' ? 'not_found' : 'forbidden', decision.reason);
  const check = checkAbsenceNote(input, localDateOf(ctx.now));
  if (!check.ok) throw new AbsenceNoteRefused(check.problem);
  const { from, to, reason, text } = check;
  const row = await ctx.db
    .insertInto('absence_note')
    .values({ school_id: ctx.school.id, student_id: student!.id, guardian_id: actor.id, from_date: from, to_date: to, reason, text, status: 'pending', created_at: timestamp(ctx) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await noteViews(ctx, { ids: [row.id] }))[0]!;
}

interface NoteQuery {
  ids?: number[];
  studentIds?: number[];
  classIds?: number[];
  status?: AbsenceNoteStatus;
}

async function noteViews(ctx: ServiceContext, q: NoteQuery): Promise<AbsenceNoteView[]> {
  const year = await resolveYear(ctx);
  let query = ctx.db
    .selectFrom('absence_note as n')
    .innerJoin('student as s', 's.id', 'n.student_id')
    .innerJoin('guardian as g', 'g.id', 'n.guardian_id')
    .leftJoin('staff as d', 'd.id', 'n.decided_by')
    .select([
      'n.id',
      's.id as student_id',
      's.code as student',
      's.first_name',
      's.last_name',
      'g.first_name as g_first',
      'g.last_name as g_last',
      'n.from_date',
      'n.to_date',
      'n.reason',
      'n.text',
      'n.status',
      'n.created_at',
      'd.code as decided_by',
      'n.decided_at',
      'n.decision_note',
    ])
    .select((eb) => eb.selectFrom('absence_note_absence as l').whereRef('l.absence_note_id', '=', 'n.id').select((e) => e.fn.countAll<number>().as('c')).as('absences'))
    .where('n.school_id', '=', ctx.school.id);
  if (q.ids) query = query.where('n.id', 'in', q.ids);
  if (q.studentIds) query = q.studentIds.length ? query.where('n.student_id', 'in', q.studentIds) : query.where('n.id', '=', -1);
  if (q.status) query = query.where('n.status', '=', q.status);
  const rows = await query.orderBy('n.id', 'desc').execute();
  const views: AbsenceNoteView[] = [];
  for (const r of rows) {
    const placements = (await placementsOf(ctx.db, r.student_id)).filter((p) => p.year === year.code && p.from_date <= r.to_date && (p.to_date === null || p.to_date >= r.from_date));
    const placement = placements.at(-1);
    if (q.classIds && !(placement && q.classIds.includes(placement.class_id))) continue;
    views.push({
      id: r.id,
      student: r.student,
      student_name: `${r.first_name} ${r.last_name}`,
      class: placement?.class ?? null,
      guardian: `${r.g_first} ${r.g_last}`,
      from: r.from_date,
      to: r.to_date,
      reason: r.reason,
      text: r.text,
      status: r.status,
      created_at: r.created_at,
      decided_by: r.decided_by,
      decided_at: r.decided_at,
      decision_note: r.decision_note,
      absences: Number(r.absences ?? 0),
    });
  }
  return views;
}

/** A guardian's own notes about a child (the caller checked the child is theirs). */
export async function notesOfStudent(ctx: ServiceContext, studentId: number): Promise<AbsenceNoteView[]> {
  return noteViews(ctx, { studentIds: [studentId] });
}

export interface NoteListFilter {
  class?: string;
  status?: string;
}

const STATUSES: readonly AbsenceNoteStatus[] = ['pending', 'accepted', 'declined'];

/**
 * The notes a class teacher decides: their own classes' (deputies and
 * admins: every class's). Others are refused, like `absence justify`.
 */
export async function listAbsenceNotes(ctx: ServiceContext, filter: NoteListFilter = {}): Promise<AbsenceNoteView[]> {
  const year = await resolveYear(ctx);
  if (filter.status !== undefined && !(STATUSES as readonly string[]).includes(filter.status)) throw new AppError('usage', t.badStatus(STATUSES.join(', ')));
  const status = filter.status as AbsenceNoteStatus | undefined;
  const actor = ctx.actor;
  let classIds: number[] | undefined;
  if (filter.class) {
    const schoolClass = await resolveClass(ctx, year, filter.class);
    if (actor) requireRight(ctx, 'justify-absence', { target: schoolClass.code, classTeacher: schoolClass.class_teacher_id === actor.id });
    classIds = [schoolClass.id];
  } else if (actor && !(actor.roles.includes('admin') || actor.roles.includes('deputy'))) {
    if (!mayWriteAtAll(actor)) requireActor(ctx);
    const led = await classesLedInYear(ctx.db, year.id, actor.id);
    if (led.length === 0) requireRight(ctx, 'justify-absence', { classTeacher: false });
    classIds = led.map((c) => c.id);
  }
  return noteViews(ctx, { status, classIds });
}

export interface DecideInput {
  id?: string | number;
  decision: 'accept' | 'decline';
  note?: string;
}

/**
 * The class teacher's decision. Accepting justifies the student's `n`
 * absences over the note's days (illness → ns, other → nc), exactly as
 * `absence justify`, and links them to the note. A decided note stays as decided.
 */
export async function decideAbsenceNote(ctx: ServiceContext, input: DecideInput): Promise<AbsenceNoteView> {
  const actor = requireActor(ctx);
  const id = requireId(input.id, 'absence note');
  const note = await ctx.db.selectFrom('absence_note').selectAll().where('id', '=', id).where('school_id', '=', ctx.school.id).executeTakeFirst();
  if (!note) throw new AppError('not_found', t.noNote(id));
  const student = (await findStudentById(ctx.db, note.student_id))!;
  const year = await resolveYear(ctx);
  const placement = (await placementsOf(ctx.db, student.id)).filter((p) => p.year === year.code && p.from_date <= note.to_date && (p.to_date === null || p.to_date >= note.from_date)).at(-1);
  const schoolClass = placement ? await findClassById(ctx.db, placement.class_id) : undefined;
  requireRight(ctx, 'justify-absence', { target: placement?.class ?? student.code, classTeacher: !!schoolClass && schoolClass.class_teacher_id === actor.id });
  if (note.status !== 'pending') throw new AppError('conflict', t.noteDecided(id, note.status, String(note.decided_at)));
  const decisionNote = optionalText(input.note) ?? null;
  if (input.decision === 'accept') {
    const text = `zīme #${note.id}${note.text ? `: ${note.text}` : ''}`;
    const justified = await justifyAbsences(ctx, { student: student.code, from: note.from_date, to: note.to_date, reason: note.reason, note: text.slice(0, 200) });
    for (const absence of justified) await ctx.db.insertInto('absence_note_absence').values({ absence_note_id: note.id, absence_id: absence.id }).execute();
  }
  await ctx.db
    .updateTable('absence_note')
    .set({ status: input.decision === 'accept' ? 'accepted' : 'declined', decided_by: actor.id, decided_at: timestamp(ctx), decision_note: decisionNote })
    .where('id', '=', note.id)
    .execute();
  return (await noteViews(ctx, { ids: [note.id] }))[0]!;
}
