import { AppError } from '../errors.ts';
import { m as t } from '../i18n/messages/journal-notes.ts';
import { named } from '../i18n/messages/journal-people.ts';
import type { Student } from '../db/schema.ts';
import { findClassById } from '../db/repositories/classes.ts';
import { findExtractAck, findExtractAckView, insertExtractAck, updateExtractAck, type ExtractAckView } from '../db/repositories/extract-acks.ts';
import { listGuardianViews, type GuardianView } from '../db/repositories/guardians.ts';
import { placementsOf } from '../db/repositories/students.ts';
import { compareDates, localDateOf, parseMonth, type IsoDate } from '../domain/dates.ts';
import { slipDueDate, slipState, type ExtractMonth } from '../domain/extract-slip.ts';
import { requireActor, requireRight, timestamp, type ServiceContext } from './context.ts';
import { optionalDate, optionalText } from './input.ts';
import { resolveStudent } from './lookup.ts';

export interface ExtractAckInput {
  student?: string;
  month?: string;
  /** The day the signed slip came back; default today. */
  date?: string;
  /** The parent who signed: a guardian id or name. */
  guardian?: string;
  note?: string;
  /** Overwrite a slip already recorded for the month. */
  replace?: boolean;
}

export type ExtractAckResult = ExtractAckView & {
  classes: string[];
  due_on: IsoDate;
  days_late: number;
  change: 'recorded' | 'replaced';
};

export function requireMonth(value: string | undefined): ExtractMonth {
  if (!value) throw new AppError('usage', t.monthRequired);
  const month = parseMonth(value);
  if (!month) throw new AppError('usage', t.notAMonth(value));
  return month;
}

/** Classes the student was in on some day of the month: each received the month's extract. */
async function classesInMonth(ctx: ServiceContext, student: Student, month: ExtractMonth) {
  const placements = (await placementsOf(ctx.db, student.id)).filter((p) => p.from_date <= month.to && (p.to_date === null || p.to_date >= month.from));
  if (placements.length === 0) throw new AppError('invalid', t.inNoClass(named(student), month.month));
  return Promise.all(placements.map(async (p) => ({ code: p.class, classTeacherId: (await findClassById(ctx.db, p.class_id))!.class_teacher_id })));
}

function guardianName(g: GuardianView): string {
  return `${g.first_name} ${g.last_name}`;
}

const normalizedName = (text: string) => text.trim().toLocaleLowerCase('lv').split(/\s+/).join(' ');

/** The signing parent, named by id or by name ("Ilze Bērziņa" or "Bērziņa Ilze"), among the student's own guardians. */
async function signingGuardian(ctx: ServiceContext, student: Student, ref: string | undefined): Promise<GuardianView | null> {
  const text = optionalText(ref);
  if (!text) return null;
  const guardians = await listGuardianViews(ctx.db, ctx.school.id, { studentIds: [student.id] });
  const wanted = normalizedName(text);
  const matches = /^\d+$/.test(text)
    ? guardians.filter((g) => g.id === Number(text))
    : guardians.filter((g) => [`${g.first_name} ${g.last_name}`, `${g.last_name} ${g.first_name}`].some((name) => normalizedName(name) === wanted));
  const known = guardians.map((g) => `${g.id} ${guardianName(g)}`).join(', ') || t.noneRecorded;
  if (matches.length === 0) throw new AppError('invalid', t.notTheirGuardian(text, named(student, 'genitive'), known));
  if (matches.length > 1) throw new AppError('invalid', t.severalGuardiansNamed(text, named(student, 'genitive'), known));
  return matches[0]!;
}

/**
 * Records a returned, parent-signed slip of a monthly grade extract
 * (REFERENCE §6): the class teacher collects them, the deputy checks.
 */
export async function recordExtractAck(ctx: ServiceContext, input: ExtractAckInput): Promise<ExtractAckResult> {
  const actor = requireActor(ctx);
  if (!input.student) throw new AppError('usage', t.studentRequired);
  const month = requireMonth(input.month);
  const student = await resolveStudent(ctx, input.student);
  const classes = await classesInMonth(ctx, student, month);
  requireRight(ctx, 'record-extract-return', {
    target: classes.map((c) => c.code).join(' / '),
    classTeacher: classes.some((c) => c.classTeacherId === actor.id),
  });

  const today = localDateOf(ctx.now);
  if (compareDates(month.to, today) >= 0) {
    throw new AppError('invalid', t.monthNotOver(month.month));
  }
  const returnedOn = optionalDate(input.date, 'date') ?? today;
  if (compareDates(returnedOn, month.to) <= 0) throw new AppError('invalid', t.dateNotAfterMonth(returnedOn, month.month, month.to));
  if (compareDates(returnedOn, today) > 0) throw new AppError('invalid', t.dateInFuture(returnedOn, today));
  const guardian = await signingGuardian(ctx, student, input.guardian);

  const recorded = { returned_on: returnedOn, guardian_id: guardian?.id ?? null, note: optionalText(input.note) ?? null, recorded_by: actor.id, recorded_at: timestamp(ctx) };
  const existing = await findExtractAck(ctx.db, student.id, month.month);
  let id: number;
  if (existing) {
    if (!input.replace) {
      throw new AppError('conflict', t.slipRecorded(named(student, 'genitive'), month.month, existing.returned_on, existing.id));
    }
    await updateExtractAck(ctx.db, existing.id, recorded);
    id = existing.id;
  } else {
    id = await insertExtractAck(ctx.db, { school_id: ctx.school.id, student_id: student.id, month: month.month, ...recorded });
  }
  const state = slipState(month, returnedOn, today);
  return {
    ...(await findExtractAckView(ctx.db, id))!,
    classes: classes.map((c) => c.code),
    due_on: slipDueDate(month),
    days_late: state.kind === 'returned' ? state.daysLate : 0,
    change: existing ? 'replaced' : 'recorded',
  };
}
