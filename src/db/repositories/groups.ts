import type { Insertable } from 'kysely';
import type { Db } from '../connection.ts';
import type { StudyGroup, StudyGroupMember, StudyGroupTable } from '../schema.ts';
import { byKeys } from '../../domain/latvian-order.ts';

export interface GroupView {
  id: number;
  code: string;
  name: string | null;
  year: string;
  subject: string;
  subject_name: string;
  teachers: string[];
  teacher_names: string[];
  classes: string[];
  /** Members on the reference day (today within the year). */
  members: number;
}

export interface GroupMemberView {
  id: number;
  student: string;
  first_name: string;
  last_name: string;
  class: string | null;
  from: string;
  to: string | null;
}

export async function insertGroup(db: Db, group: Insertable<StudyGroupTable>): Promise<StudyGroup> {
  return db.insertInto('study_group').values(group).returningAll().executeTakeFirstOrThrow();
}

export async function updateGroup(db: Db, id: number, changes: Partial<Pick<StudyGroup, 'name' | 'subject_id' | 'updated_at'>>): Promise<void> {
  await db.updateTable('study_group').set(changes).where('id', '=', id).execute();
}

export async function findGroupByCode(db: Db, yearId: number, code: string): Promise<StudyGroup | undefined> {
  return db.selectFrom('study_group').selectAll().where('school_year_id', '=', yearId).where('code', '=', code).executeTakeFirst();
}

export async function findGroupById(db: Db, id: number): Promise<StudyGroup | undefined> {
  return db.selectFrom('study_group').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function groupTeacherIds(db: Db, groupId: number): Promise<number[]> {
  return (await db.selectFrom('study_group_teacher').select('teacher_id').where('group_id', '=', groupId).orderBy('teacher_id').execute()).map((r) => r.teacher_id);
}

export async function setGroupTeachers(db: Db, groupId: number, teacherIds: readonly number[]): Promise<void> {
  await db.deleteFrom('study_group_teacher').where('group_id', '=', groupId).where('teacher_id', 'not in', [...teacherIds, -1]).execute();
  const have = new Set(await groupTeacherIds(db, groupId));
  const add = teacherIds.filter((t) => !have.has(t));
  if (add.length > 0) await db.insertInto('study_group_teacher').values(add.map((teacher_id) => ({ group_id: groupId, teacher_id }))).execute();
}

export async function groupClassIds(db: Db, groupId: number): Promise<number[]> {
  return (await db.selectFrom('study_group_class').select('class_id').where('group_id', '=', groupId).orderBy('class_id').execute()).map((r) => r.class_id);
}

export async function addGroupClasses(db: Db, groupId: number, classIds: readonly number[]): Promise<void> {
  const have = new Set(await groupClassIds(db, groupId));
  const add = [...new Set(classIds)].filter((c) => !have.has(c));
  if (add.length > 0) await db.insertInto('study_group_class').values(add.map((class_id) => ({ group_id: groupId, class_id }))).execute();
}

export async function groupMemberships(db: Db, groupId: number): Promise<StudyGroupMember[]> {
  return db.selectFrom('study_group_member').selectAll().where('group_id', '=', groupId).orderBy('from_date').orderBy('id').execute();
}

export async function insertGroupMember(db: Db, member: Omit<StudyGroupMember, 'id'>): Promise<StudyGroupMember> {
  return db.insertInto('study_group_member').values(member).returningAll().executeTakeFirstOrThrow();
}

export async function endGroupMember(db: Db, id: number, toDate: string): Promise<void> {
  await db.updateTable('study_group_member').set({ to_date: toDate }).where('id', '=', id).execute();
}

export async function deleteGroupMember(db: Db, id: number): Promise<void> {
  await db.deleteFrom('study_group_member').where('id', '=', id).execute();
}

/** Of these students, those in the group on that day. */
export async function groupMembersOn(db: Db, groupId: number, date: string, studentIds?: readonly number[]): Promise<Set<number>> {
  let query = db
    .selectFrom('study_group_member')
    .select('student_id')
    .where('group_id', '=', groupId)
    .where('from_date', '<=', date)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', date)]));
  if (studentIds) query = query.where('student_id', 'in', [...studentIds, -1]);
  return new Set((await query.execute()).map((r) => r.student_id));
}

/** Every membership of the groups of a year, for reports: which student is in which group when. */
export async function yearGroupMemberships(db: Db, yearId: number): Promise<{ group_id: number; student_id: number; from_date: string; to_date: string | null }[]> {
  return db
    .selectFrom('study_group_member as m')
    .innerJoin('study_group as g', 'g.id', 'm.group_id')
    .select(['m.group_id', 'm.student_id', 'm.from_date', 'm.to_date'])
    .where('g.school_year_id', '=', yearId)
    .execute();
}

export async function listGroupViews(
  db: Db,
  yearId: number,
  onDate: string,
  filter: { code?: string; classId?: number; subjectId?: number; teacherId?: number } = {},
): Promise<GroupView[]> {
  let query = db
    .selectFrom('study_group as g')
    .innerJoin('school_year as y', 'y.id', 'g.school_year_id')
    .innerJoin('subject as s', 's.id', 'g.subject_id')
    .select(['g.id', 'g.code', 'g.name', 'y.code as year', 's.code as subject', 's.name as subject_name'])
    .where('g.school_year_id', '=', yearId);
  if (filter.code) query = query.where('g.code', '=', filter.code);
  if (filter.subjectId) query = query.where('g.subject_id', '=', filter.subjectId);
  if (filter.classId) query = query.where('g.id', 'in', db.selectFrom('study_group_class').select('group_id').where('class_id', '=', filter.classId));
  if (filter.teacherId) query = query.where('g.id', 'in', db.selectFrom('study_group_teacher').select('group_id').where('teacher_id', '=', filter.teacherId));
  const groups = await query.orderBy('g.code').execute();
  if (groups.length === 0) return [];
  const ids = groups.map((g) => g.id);
  const teachers = await db
    .selectFrom('study_group_teacher as gt')
    .innerJoin('staff as t', 't.id', 'gt.teacher_id')
    .select(['gt.group_id', 't.code', 't.first_name', 't.last_name'])
    .where('gt.group_id', 'in', ids)
    .orderBy('t.code')
    .execute();
  const classes = await db
    .selectFrom('study_group_class as gc')
    .innerJoin('school_class as c', 'c.id', 'gc.class_id')
    .select(['gc.group_id', 'c.code', 'c.level'])
    .where('gc.group_id', 'in', ids)
    .orderBy('c.level')
    .orderBy('c.code')
    .execute();
  const members = await db
    .selectFrom('study_group_member')
    .select(['group_id', 'student_id'])
    .where('group_id', 'in', ids)
    .where('from_date', '<=', onDate)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', onDate)]))
    .execute();
  return groups.map((g) => ({
    ...g,
    teachers: teachers.filter((t) => t.group_id === g.id).map((t) => t.code),
    teacher_names: teachers.filter((t) => t.group_id === g.id).map((t) => `${t.first_name} ${t.last_name}`),
    classes: classes.filter((c) => c.group_id === g.id).map((c) => c.code),
    members: new Set(members.filter((m) => m.group_id === g.id).map((m) => m.student_id)).size,
  }));
}

/** A group's memberships with each student's class on the membership's first day. */
export async function listGroupMemberViews(db: Db, groupId: number, yearId: number): Promise<GroupMemberView[]> {
  const rows = await db
    .selectFrom('study_group_member as m')
    .innerJoin('student as s', 's.id', 'm.student_id')
    .select((eb) => [
      'm.id',
      's.code as student',
      's.first_name',
      's.last_name',
      'm.from_date as from',
      'm.to_date as to',
      eb
        .selectFrom('enrollment as e')
        .innerJoin('school_class as c', 'c.id', 'e.class_id')
        .select('c.code')
        .whereRef('e.student_id', '=', 's.id')
        .where('c.school_year_id', '=', yearId)
        .whereRef('e.from_date', '<=', 'm.from_date')
        .orderBy('e.from_date', 'desc')
        .limit(1)
        .as('class'),
    ])
    .where('m.group_id', '=', groupId)
    .execute();
  rows.sort(byKeys((r) => r.last_name, (r) => r.first_name, (r) => r.student, (r) => r.from));
  return rows.map((r) => ({ ...r, class: r.class ?? null }));
}
