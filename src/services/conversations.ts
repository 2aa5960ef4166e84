import { AppError } from '../errors.ts';
import { m as t } from '../i18n/messages/journal-notes.ts';
import { named } from '../i18n/messages/journal-people.ts';
import type { Guardian, Student } from '../db/schema.ts';
import { insertConversation, listConversationViews, type ConversationView } from '../db/repositories/conversations.ts';
import { findGuardian, isLinked, listGuardianViews } from '../db/repositories/guardians.ts';
import { classesLedInYear, findClassById } from '../db/repositories/classes.ts';
import { placementInYear } from '../db/repositories/students.ts';
import { localDateOf } from '../domain/dates.ts';
import { authorize, mayWriteAtAll } from '../domain/permissions.ts';
import { requireActor, requireRight, timestamp, type ServiceContext } from './context.ts';
import { optionalText, requireDayDone, requireText } from './input.ts';
import { resolveClass, resolveStudent, resolveStudentClass, resolveYear } from './lookup.ts';
import { requireClassTeacherRight } from './journal-scope.ts';

/** The guardian by id, or by name among the student's own guardians ("Ilze Bērziņa", "Bērziņa", "Ilze"). */
async function resolveGuardianOf(ctx: ServiceContext, student: Student, ref: string): Promise<Guardian> {
  if (/^\d+$/.test(ref)) {
    const guardian = await findGuardian(ctx.db, ctx.school.id, Number(ref));
    if (!guardian) throw new AppError('not_found', t.noGuardian(ref, student.code));
    if (!(await isLinked(ctx.db, student.id, guardian.id))) {
      throw new AppError('invalid', t.guardianNotLinked(`${guardian.id} (${guardian.first_name} ${guardian.last_name})`, guardian.id, named(student, 'accusative'), student.code));
    }
    return guardian;
  }
  const own = await listGuardianViews(ctx.db, ctx.school.id, { studentIds: [student.id] });
  const wanted = ref.trim().toLocaleLowerCase('lv');
  const names = (g: (typeof own)[number]) =>
    [`${g.first_name} ${g.last_name}`, `${g.last_name} ${g.first_name}`, g.first_name, g.last_name].map((n) => n.toLocaleLowerCase('lv'));
  const matching = own.filter((g) => names(g).includes(wanted));
  const known = own.map((g) => `${g.first_name} ${g.last_name} (id ${g.id})`).join(', ') || t.noneLinked;
  if (matching.length === 0) throw new AppError('not_found', t.noSuchGuardian(named(student, 'dative'), ref, known));
  if (matching.length > 1) throw new AppError('usage', t.severalGuardians(ref, named(student, 'genitive'), known));
  return (await findGuardian(ctx.db, ctx.school.id, matching[0]!.id))!;
}

export interface ConversationInput {
  student?: string;
  guardian?: string;
  date?: string;
  summary?: string;
  agreed?: string;
}

/** An individual conversation with a parent (regulation §15.2), recorded by the class teacher. */
export async function addConversation(ctx: ServiceContext, input: ConversationInput): Promise<ConversationView> {
  const actor = requireActor(ctx);
  const year = await resolveYear(ctx);
  const student = await resolveStudent(ctx, requireText(input.student, 'student'));
  const today = localDateOf(ctx.now);
  const date = requireDayDone(input.date, 'date', year, today);
  const schoolClass = await resolveStudentClass(ctx, student, year, date);
  requireClassTeacherRight(ctx, schoolClass);
  const guardian = await resolveGuardianOf(ctx, student, requireText(input.guardian, 'guardian'));
  const row = await insertConversation(ctx.db, {
    school_id: ctx.school.id,
    student_id: student.id,
    class_id: schoolClass.id,
    guardian_id: guardian.id,
    date,
    summary: requireText(input.summary, 'summary'),
    agreed: optionalText(input.agreed) ?? null,
    created_at: timestamp(ctx),
    created_by: actor.id,
  });
  return (await listConversationViews(ctx.db, { ids: [row.id] }))[0]!;
}

/**
 * Conversations are confidential to the class teacher: they read their classes',
 * deputies and admins everybody's. Without a filter a class teacher gets the
 * classes they lead.
 */
export async function listConversations(ctx: ServiceContext, filter: { student?: string; class?: string } = {}): Promise<ConversationView[]> {
  // Students, guardians and guests are refused by the right itself, not told they may not write.
  if (ctx.actor && !mayWriteAtAll(ctx.actor)) requireRight(ctx, 'read-parent-conversations');
  const actor = requireActor(ctx);
  const year = await resolveYear(ctx);
  if (filter.student) {
    const student = await resolveStudent(ctx, filter.student);
    const placement = await placementInYear(ctx.db, student.id, year.id);
    const schoolClass = placement ? await findClassById(ctx.db, placement.class_id) : undefined;
    if (schoolClass) requireClassTeacherRight(ctx, schoolClass, 'read-parent-conversations');
    else requireRight(ctx, 'read-parent-conversations', { target: `${student.code}'s class` });
    return listConversationViews(ctx.db, { yearId: year.id, studentId: student.id });
  }
  if (filter.class) {
    const schoolClass = await resolveClass(ctx, year, filter.class);
    requireClassTeacherRight(ctx, schoolClass, 'read-parent-conversations');
    return listConversationViews(ctx.db, { yearId: year.id, classIds: [schoolClass.id] });
  }
  if (authorize(actor, 'read-parent-conversations').allowed) return listConversationViews(ctx.db, { yearId: year.id });
  const led = await classesLedInYear(ctx.db, year.id, actor.id);
  if (led.length === 0) requireRight(ctx, 'read-parent-conversations', { target: 'any class' });
  return listConversationViews(ctx.db, { yearId: year.id, classIds: led.map((c) => c.id) });
}
