import { AppError } from '../errors.ts';
import { findGuardian, insertGuardian, isLinked, linkGuardian, listGuardianViews, updateGuardian, type GuardianView } from '../db/repositories/guardians.ts';
import { placementInYear, listStudents } from '../db/repositories/students.ts';
import { findClassById } from '../db/repositories/classes.ts';
import type { Student } from '../db/schema.ts';
import { requireActor, requireRight, timestamp, type ServiceContext } from './context.ts';
import { optionalEmail, optionalName, optionalPhone, optionalText, requireId, requireName, requireText } from './input.ts';
import { resolveClass, resolveStudents, resolveYear } from './lookup.ts';
import { referenceDate } from './classes.ts';
import { readingIn, studentTarget } from './reading.ts';
import { syncProfile } from './account-provisioning.ts';
import { m as p } from '../i18n/messages/people.ts';

export const RELATIONS = ['mother', 'father', 'guardian', 'grandmother', 'grandfather', 'sibling', 'other'] as const;
const RELATION_ALIASES: Record<string, (typeof RELATIONS)[number]> = {
  'māte': 'mother',
  'mamma': 'mother',
  'tēvs': 'father',
  'tētis': 'father',
  aizbildnis: 'guardian',
  'aizbildne': 'guardian',
  'vecmāmiņa': 'grandmother',
  'vectēvs': 'grandfather',
  'brālis': 'sibling',
  'māsa': 'sibling',
  'brālis vai māsa': 'sibling',
  cits: 'other',
};

export function parseRelation(value: string | undefined): (typeof RELATIONS)[number] {
  const text = requireText(value, 'relation').toLowerCase();
  const relation = (RELATIONS as readonly string[]).includes(text) ? (text as (typeof RELATIONS)[number]) : RELATION_ALIASES[text];
  if (!relation) throw new AppError('usage', p.badRelation(String(value), RELATIONS.join(', ')));
  return relation;
}

export interface GuardianInput {
  students?: string[];
  firstName?: string;
  lastName?: string;
  relation?: string;
  phone?: string;
  email?: string;
  address?: string;
}

/** The registry, or the class teacher of every student concerned (guardians' phones change often, §14). */
async function requireContactRight(ctx: ServiceContext, students: readonly Student[]): Promise<void> {
  const actor = requireActor(ctx);
  const year = await resolveYear(ctx);
  for (const student of students) {
    const placement = await placementInYear(ctx.db, student.id, year.id);
    const schoolClass = placement ? await findClassById(ctx.db, placement.class_id) : undefined;
    requireRight(ctx, 'edit-student-contact', { target: placement?.class ?? p.studentsClass(student.code), classTeacher: schoolClass?.class_teacher_id === actor.id });
  }
}

/** Each guardian has a profile of their own, never shared with the other parent (regulation §3). */
async function syncGuardianProfile(ctx: ServiceContext, guardianId: number): Promise<void> {
  const g = (await findGuardian(ctx.db, ctx.school.id, guardianId))!;
  await syncProfile(ctx, { kind: 'guardian', id: g.id, firstName: g.first_name, lastName: g.last_name, phone: g.phone });
}

export async function addGuardian(ctx: ServiceContext, input: GuardianInput): Promise<GuardianView> {
  const codes = input.students ?? [];
  if (codes.length === 0) throw new AppError('usage', p.guardianNeedsStudent);
  const students = await resolveStudents(ctx, codes);
  await requireContactRight(ctx, students);
  const relation = parseRelation(input.relation);
  const at = timestamp(ctx);
  const guardian = await insertGuardian(ctx.db, {
    school_id: ctx.school.id,
    first_name: requireName(input.firstName, 'first-name'),
    last_name: requireName(input.lastName, 'last-name'),
    phone: optionalPhone(input.phone) ?? null,
    email: optionalEmail(input.email) ?? null,
    address: optionalText(input.address) ?? null,
    created_at: at,
    updated_at: at,
  });
  for (const student of students) await linkGuardian(ctx.db, { student_id: student.id, guardian_id: guardian.id, relation });
  await syncGuardianProfile(ctx, guardian.id);
  return (await listGuardianViews(ctx.db, ctx.school.id, { guardianId: guardian.id }))[0]!;
}

/** Links an existing guardian to another student (siblings share parents, each parent stays one record). */
export async function linkGuardianToStudents(ctx: ServiceContext, idInput: string | number, input: { students?: string[]; relation?: string }): Promise<GuardianView> {
  const guardianId = requireId(idInput, 'guardian');
  const guardian = await findGuardian(ctx.db, ctx.school.id, guardianId);
  if (!guardian) throw new AppError('not_found', p.noGuardian(String(guardianId)));
  const students = await resolveStudents(ctx, input.students ?? []);
  if (students.length === 0) throw new AppError('usage', p.studentRequired);
  await requireContactRight(ctx, students);
  const relation = parseRelation(input.relation);
  for (const student of students) {
    if (await isLinked(ctx.db, student.id, guardian.id)) throw new AppError('conflict', p.alreadyLinked(`${guardian.first_name} ${guardian.last_name}`, guardian.id, `${student.first_name} ${student.last_name}`, student.code));
    await linkGuardian(ctx.db, { student_id: student.id, guardian_id: guardian.id, relation });
  }
  return (await listGuardianViews(ctx.db, ctx.school.id, { guardianId: guardian.id }))[0]!;
}

export async function setGuardian(ctx: ServiceContext, idInput: string | number, input: Omit<GuardianInput, 'students' | 'relation'>): Promise<GuardianView> {
  const guardianId = requireId(idInput, 'guardian');
  const guardian = await findGuardian(ctx.db, ctx.school.id, guardianId);
  if (!guardian) throw new AppError('not_found', p.noGuardian(String(guardianId)));
  const linked = (await listGuardianViews(ctx.db, ctx.school.id, { guardianId }))[0]!.students.map((s) => s.student);
  await requireContactRight(ctx, await resolveStudents(ctx, linked));
  const firstName = optionalName(input.firstName, 'first-name');
  const lastName = optionalName(input.lastName, 'last-name');
  if (firstName === null || lastName === null) throw new AppError('invalid', p.emptyName);
  await updateGuardian(ctx.db, guardian.id, {
    first_name: firstName,
    last_name: lastName,
    phone: optionalPhone(input.phone),
    email: optionalEmail(input.email),
    address: optionalText(input.address),
    updated_at: timestamp(ctx),
  });
  await syncGuardianProfile(ctx, guardian.id);
  return (await listGuardianViews(ctx.db, ctx.school.id, { guardianId }))[0]!;
}

/**
 * Guardians with their phones are registry data: a guardian row is shown to
 * whoever may read the registry entry of one of its students this year.
 */
export async function listGuardians(ctx: ServiceContext, filter: { student?: string; class?: string } = {}): Promise<GuardianView[]> {
  const year = await resolveYear(ctx);
  const reading = await readingIn(ctx, year);
  const roster = await listStudents(ctx.db, ctx.school.id, year.id, referenceDate(ctx, year));
  const classOf = new Map(roster.map((s) => [s.code, s.class]));
  const readable = (rows: GuardianView[]) => reading.filter('read-registry', rows, (g) => g.students.map((s) => ({ classes: [classOf.get(s.student) ?? null], student: s.student })));
  if (filter.student) {
    const [student] = await resolveStudents(ctx, [filter.student]);
    reading.require('read-registry', await studentTarget(ctx, year, student!));
    return listGuardianViews(ctx.db, ctx.school.id, { studentIds: [student!.id] });
  }
  if (filter.class) {
    const schoolClass = await resolveClass(ctx, year, filter.class);
    reading.require('read-registry', { classes: [schoolClass.code] });
    const students = await listStudents(ctx.db, ctx.school.id, year.id, referenceDate(ctx, year), { classId: schoolClass.id });
    return listGuardianViews(ctx.db, ctx.school.id, { studentIds: students.map((s) => s.id) });
  }
  return readable(await listGuardianViews(ctx.db, ctx.school.id));
}
