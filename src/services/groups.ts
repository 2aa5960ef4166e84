import { AppError } from '../errors.ts';
import { m as people, named } from '../i18n/messages/journal-people.ts';
import type { Lesson, SchoolYear, Student, StudyGroup } from '../db/schema.ts';
import {
  addGroupClasses,
  deleteGroupMember,
  endGroupMember,
  findGroupByCode,
  findGroupById,
  groupClassIds,
  groupMembersOn,
  groupMemberships,
  groupTeacherIds,
  insertGroup,
  insertGroupMember,
  listGroupMemberViews,
  listGroupViews,
  setGroupTeachers,
  updateGroup,
  type GroupMemberView,
  type GroupView,
} from '../db/repositories/groups.ts';
import { placementOn } from '../db/repositories/students.ts';
import { addDays } from '../domain/dates.ts';
import { overlapsMembership } from '../domain/group-slots.ts';
import { requireActor, requireReadRight, requireRight, timestamp, type ServiceContext } from './context.ts';
import { optionalDate, optionalText } from './input.ts';
import { resolveClass, resolveStaff, resolveStudents, resolveSubject, resolveYear } from './lookup.ts';
import { referenceDate } from './classes.ts';

/** Group codes as schools write them: `7a-ang1`, `10ab-inf`, `9.b sp 2`; letters, digits, dot, dash, underscore. */
const GROUP_CODE = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,39}$/u;

export interface GroupInput {
  subject?: string;
  teachers?: string[];
  classes?: string[];
  name?: string;
}

export async function resolveGroup(ctx: ServiceContext, year: SchoolYear, code: string): Promise<StudyGroup> {
  const group = await findGroupByCode(ctx.db, year.id, code.trim());
  if (!group) throw new AppError('not_found', `No group ${code} in ${year.code}. See \`ezurnals group list\`.`);
  return group;
}

async function teacherIds(ctx: ServiceContext, codes: readonly string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const code of codes) {
    const teacher = await resolveStaff(ctx, code, 'teacher');
    if (!teacher.roles.includes('teacher')) throw new AppError('invalid', `${teacher.code} has no teacher role and cannot teach a group.`);
    if (!ids.includes(teacher.id)) ids.push(teacher.id);
  }
  return ids;
}

async function classIds(ctx: ServiceContext, year: SchoolYear, codes: readonly string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const code of codes) ids.push((await resolveClass(ctx, year, code)).id);
  return ids;
}

async function view(ctx: ServiceContext, year: SchoolYear, code: string): Promise<GroupView> {
  return (await listGroupViews(ctx.db, year.id, referenceDate(ctx, year), { code }))[0]!;
}

export async function addGroup(ctx: ServiceContext, codeInput: string, input: GroupInput): Promise<GroupView> {
  const actor = requireRight(ctx, 'manage-registry');
  const code = codeInput.trim();
  if (!GROUP_CODE.test(code)) throw new AppError('invalid', `Group code "${codeInput}" should be letters, digits, dots and dashes (up to 40), e.g. 7a-ang1.`);
  const year = await resolveYear(ctx);
  if (await findGroupByCode(ctx.db, year.id, code)) throw new AppError('conflict', `Group ${code} already exists in ${year.code}.`);
  if (!input.subject) throw new AppError('usage', 'A group needs its subject (--subject).');
  const subject = await resolveSubject(ctx, input.subject);
  if (!input.teachers?.length) throw new AppError('usage', 'A group needs at least one teacher (--teacher).');
  const teachers = await teacherIds(ctx, input.teachers);
  const classes = await classIds(ctx, year, input.classes ?? []);
  const at = timestamp(ctx);
  const group = await insertGroup(ctx.db, {
    school_id: ctx.school.id,
    school_year_id: year.id,
    code,
    name: optionalText(input.name) ?? null,
    subject_id: subject.id,
    created_at: at,
    created_by: actor.id,
    updated_at: at,
  });
  await setGroupTeachers(ctx.db, group.id, teachers);
  await addGroupClasses(ctx.db, group.id, classes);
  return view(ctx, year, code);
}

/** `--teacher` replaces the teachers; `--class` adds classes (a class with members stays). */
export async function setGroup(ctx: ServiceContext, code: string, input: GroupInput): Promise<GroupView> {
  requireRight(ctx, 'manage-registry');
  const year = await resolveYear(ctx);
  const group = await resolveGroup(ctx, year, code);
  const changes: { name?: string | null; subject_id?: number } = {};
  if (input.name !== undefined) changes.name = optionalText(input.name) ?? null;
  if (input.subject !== undefined) {
    const subject = await resolveSubject(ctx, input.subject);
    if (subject.id !== group.subject_id) {
      const lessons = await ctx.db.selectFrom('lesson').select('id').where('group_id', '=', group.id).limit(1).executeTakeFirst();
      if (lessons) throw new AppError('invalid', `Group ${group.code} already has lessons: its subject stays (make a new group for another subject).`);
      changes.subject_id = subject.id;
    }
  }
  if (input.teachers?.length) await setGroupTeachers(ctx.db, group.id, await teacherIds(ctx, input.teachers));
  if (input.classes?.length) await addGroupClasses(ctx.db, group.id, await classIds(ctx, year, input.classes));
  if (Object.keys(changes).length > 0 || input.teachers?.length || input.classes?.length) await updateGroup(ctx.db, group.id, { ...changes, updated_at: timestamp(ctx) });
  return view(ctx, year, group.code);
}

export async function listGroups(ctx: ServiceContext, filter: { class?: string; subject?: string; teacher?: string } = {}): Promise<GroupView[]> {
  requireReadRight(ctx, 'read-school-setup');
  const year = await resolveYear(ctx);
  return listGroupViews(ctx.db, year.id, referenceDate(ctx, year), {
    classId: filter.class ? (await resolveClass(ctx, year, filter.class)).id : undefined,
    subjectId: filter.subject ? (await resolveSubject(ctx, filter.subject)).id : undefined,
    teacherId: filter.teacher ? (await resolveStaff(ctx, filter.teacher, 'teacher')).id : undefined,
  });
}

export type GroupDetail = GroupView & { memberships: GroupMemberView[] };

/** The group with every membership (names: the registry's reading right). */
export async function showGroup(ctx: ServiceContext, code: string): Promise<GroupDetail> {
  requireReadRight(ctx, 'read-registry');
  const year = await resolveYear(ctx);
  const group = await resolveGroup(ctx, year, code);
  return { ...(await view(ctx, year, group.code)), memberships: await listGroupMemberViews(ctx.db, group.id, year.id) };
}

export interface MemberInput {
  students?: string[];
  from?: string;
  to?: string;
}

/**
 * Members come from the classes of the year; a student's class joins the
 * group's classes, so a group across classes is made by its members. A
 * student already in the group on those days is a conflict.
 */
export async function addGroupMembers(ctx: ServiceContext, code: string, input: MemberInput): Promise<GroupDetail> {
  const actor = requireRight(ctx, 'manage-registry');
  const year = await resolveYear(ctx);
  const group = await resolveGroup(ctx, year, code);
  if (!input.students?.length) throw new AppError('usage', 'Name the students (--student S001, repeat for several).');
  const from = optionalDate(input.from, 'from') ?? referenceDate(ctx, year);
  if (from < year.starts_on || from > year.ends_on) throw new AppError('invalid', `${from} is outside the school year ${year.code} (${year.starts_on} – ${year.ends_on}).`);
  const to = optionalDate(input.to, 'to') ?? null;
  if (to !== null && to < from) throw new AppError('invalid', `The membership would end (${to}) before it begins (${from}).`);
  const students = await resolveStudents(ctx, input.students);
  const existing = (await groupMemberships(ctx.db, group.id)).map((m) => ({ studentId: m.student_id, from: m.from_date, to: m.to_date }));
  const classes: number[] = [];
  for (const student of students) {
    const placement = await placementOn(ctx.db, student.id, year.id, from);
    if (!placement) throw new AppError('invalid', `${student.code} is in no class of ${year.code} on ${from}, so cannot join group ${group.code}.`);
    if (overlapsMembership(existing, student.id, from, to)) throw new AppError('conflict', `${student.code} is already in group ${group.code} then.`);
    existing.push({ studentId: student.id, from, to });
    classes.push(placement.class_id);
    await insertGroupMember(ctx.db, { group_id: group.id, student_id: student.id, from_date: from, to_date: to, created_at: timestamp(ctx), created_by: actor.id });
  }
  await addGroupClasses(ctx.db, group.id, classes);
  return showGroup(ctx, group.code);
}

/**
 * A student leaves the group: the membership ends on `to` (default the day
 * before today), so the lessons before keep them. A membership that had not
 * begun by then is withdrawn whole, unless the student already has grades or
 * absences in the group's lessons after the end.
 */
export async function removeGroupMembers(ctx: ServiceContext, code: string, input: MemberInput): Promise<GroupDetail> {
  requireRight(ctx, 'manage-registry');
  const year = await resolveYear(ctx);
  const group = await resolveGroup(ctx, year, code);
  if (!input.students?.length) throw new AppError('usage', 'Name the students (--student S001, repeat for several).');
  const to = optionalDate(input.to, 'to') ?? addDays(referenceDate(ctx, year), -1);
  const students = await resolveStudents(ctx, input.students);
  const memberships = await groupMemberships(ctx.db, group.id);
  for (const student of students) {
    const open = memberships.filter((m) => m.student_id === student.id && (m.to_date === null || m.to_date > to));
    if (open.length === 0) throw new AppError('not_found', `${student.code} is not in group ${group.code} after ${to}.`);
    const entries = await entriesAfter(ctx, group.id, student, to);
    if (entries > 0) throw new AppError('invalid', `${student.code} has ${entries} grade(s) or absence(s) in lessons of ${group.code} after ${to}: end the membership later (--to).`);
    for (const m of open) {
      if (m.from_date > to) await deleteGroupMember(ctx.db, m.id);
      else await endGroupMember(ctx.db, m.id, to);
    }
  }
  return showGroup(ctx, group.code);
}

async function entriesAfter(ctx: ServiceContext, groupId: number, student: Student, date: string): Promise<number> {
  const lessons = ctx.db.selectFrom('lesson').select('id').where('group_id', '=', groupId).where('date', '>', date);
  const grades = await ctx.db.selectFrom('grade').select('id').where('student_id', '=', student.id).where('lesson_id', 'in', lessons).execute();
  const absences = await ctx.db.selectFrom('absence').select('id').where('student_id', '=', student.id).where('removed', '=', 0).where('lesson_id', 'in', lessons).execute();
  return grades.length + absences.length;
}

/** Refuses students not in the lesson's group that day (absences and grades are for members only), naming the group. */
export async function requireGroupMembers(ctx: ServiceContext, lesson: Lesson, students: readonly Student[]): Promise<void> {
  if (lesson.group_id === null) return;
  const members = await groupMembersOn(ctx.db, lesson.group_id, lesson.date, students.map((s) => s.id));
  const outsiders = students.filter((s) => !members.has(s.id));
  if (outsiders.length === 0) return;
  const group = (await findGroupById(ctx.db, lesson.group_id))!;
  // Named by name and code (issue 18 §4), in the journal translator's catalogue.
  throw new AppError('invalid', people.notInGroup(outsiders.map((s) => named(s)).join(', '), outsiders.length, group.code, lesson.date));
}

/**
 * The row of a group lesson for each student: a lesson of a group across
 * classes is one row per class, and a student's absence or grade goes on
 * their own class's row (any row's id names the lesson).
 */
export async function groupLessonRows(ctx: ServiceContext, lesson: Lesson, students: readonly Student[], yearId: number): Promise<Map<number, Lesson>> {
  const rows = new Map<number, Lesson>();
  if (lesson.group_id === null) {
    for (const s of students) rows.set(s.id, lesson);
    return rows;
  }
  const siblings = await ctx.db
    .selectFrom('lesson')
    .selectAll()
    .where('group_id', '=', lesson.group_id)
    .where('date', '=', lesson.date)
    .where('number', '=', lesson.number)
    .execute();
  for (const s of students) {
    const placement = await placementOn(ctx.db, s.id, yearId, lesson.date);
    rows.set(s.id, siblings.find((l) => l.class_id === placement?.class_id) ?? lesson);
  }
  return rows;
}

export { groupTeacherIds, groupClassIds, groupMembersOn };
