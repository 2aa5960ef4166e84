import type { Db } from '../connection.ts';
import type { AbsenceCode } from '../schema.ts';

/**
 * Read-only queries behind the printed reports. Each reads a whole set of
 * classes and a period in one statement, so a school-wide run costs a handful
 * of queries, not a few per student.
 */

export interface ReportClass {
  id: number;
  code: string;
  level: number;
  class_teacher_code: string | null;
  class_teacher_name: string | null;
}

export async function reportClasses(db: Db, yearId: number, codes?: readonly string[]): Promise<ReportClass[]> {
  let query = db
    .selectFrom('school_class as c')
    .leftJoin('staff as t', 't.id', 'c.class_teacher_id')
    .select(['c.id', 'c.code', 'c.level', 't.code as class_teacher_code', 't.first_name', 't.last_name'])
    .where('c.school_year_id', '=', yearId);
  if (codes) query = query.where('c.code', 'in', codes.length > 0 ? [...codes] : ['']);
  const rows = await query.orderBy('c.level').orderBy('c.code').execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    level: r.level,
    class_teacher_code: r.class_teacher_code,
    class_teacher_name: r.first_name ? `${r.first_name} ${r.last_name}` : null,
  }));
}

export interface RosterEntry {
  class_id: number;
  student_id: number;
  code: string;
  first_name: string;
  last_name: string;
  from_date: string;
  to_date: string | null;
}

/** Everybody enrolled in the classes on any day of the period (a student who moved appears in both classes). */
export async function rosterInPeriod(db: Db, classIds: readonly number[], from: string, to: string): Promise<RosterEntry[]> {
  if (classIds.length === 0) return [];
  return db
    .selectFrom('enrollment as e')
    .innerJoin('student as s', 's.id', 'e.student_id')
    .select(['e.class_id', 'e.student_id', 's.code', 's.first_name', 's.last_name', 'e.from_date', 'e.to_date'])
    .where('e.class_id', 'in', [...classIds])
    .where('e.from_date', '<=', to)
    .where((eb) => eb.or([eb('e.to_date', 'is', null), eb('e.to_date', '>=', from)]))
    .execute();
}

export interface ReportSubject {
  id: number;
  code: string;
  name: string;
}

/** Subjects taught in each class (its assignments). */
export async function classSubjects(db: Db, classIds: readonly number[]): Promise<{ class_id: number; subject: ReportSubject; teacher_code: string; teacher_name: string }[]> {
  if (classIds.length === 0) return [];
  const rows = await db
    .selectFrom('assignment as a')
    .innerJoin('subject as s', 's.id', 'a.subject_id')
    .innerJoin('staff as t', 't.id', 'a.teacher_id')
    .select(['a.class_id', 's.id', 's.code', 's.name', 't.code as teacher_code', 't.first_name', 't.last_name'])
    .where('a.class_id', 'in', [...classIds])
    .execute();
  return rows.map((r) => ({ class_id: r.class_id, subject: { id: r.id, code: r.code, name: r.name }, teacher_code: r.teacher_code, teacher_name: `${r.first_name} ${r.last_name}` }));
}

export async function subjectsByIds(db: Db, ids: readonly number[]): Promise<ReportSubject[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('subject').select(['id', 'code', 'name']).where('id', 'in', [...ids]).execute();
}

export interface ReportGrade {
  student_id: number;
  class_id: number;
  subject_id: number;
  /** The lesson it was given in; null for a grade entered for a day without naming a lesson. */
  lesson_id: number | null;
  date: string;
  work: string;
  value: string;
}

/** Grades dated within the period, optionally of some kinds of work only. */
export async function gradesInPeriod(db: Db, classIds: readonly number[], from: string, to: string, works?: readonly string[]): Promise<ReportGrade[]> {
  if (classIds.length === 0) return [];
  let query = db
    .selectFrom('grade')
    .select(['student_id', 'class_id', 'subject_id', 'lesson_id', 'date', 'work', 'value'])
    .where('class_id', 'in', [...classIds])
    .where('date', '>=', from)
    .where('date', '<=', to);
  if (works) query = query.where('work', 'in', works.length > 0 ? [...works] : ['']);
  return query.orderBy('date').orderBy('id').execute();
}

export interface AbsenceCount {
  student_id: number;
  class_id: number;
  subject_id: number;
  code: AbsenceCode;
  count: number;
}

/** Absences as they stand now (after the class teacher's decisions), counted per student, subject and code. */
export async function absenceCountsInPeriod(db: Db, classIds: readonly number[], from: string, to: string): Promise<AbsenceCount[]> {
  if (classIds.length === 0) return [];
  const rows = await db
    .selectFrom('absence as a')
    .innerJoin('lesson as l', 'l.id', 'a.lesson_id')
    .select((eb) => ['a.student_id', 'l.class_id', 'l.subject_id', 'a.code', eb.fn.countAll<number>().as('count')])
    .where('l.class_id', 'in', [...classIds])
    .where('l.date', '>=', from)
    .where('l.date', '<=', to)
    .where('a.removed', '=', 0)
    .groupBy(['a.student_id', 'l.class_id', 'l.subject_id', 'a.code'])
    .execute();
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

export interface AbsenceMark {
  lesson_id: number;
  student_id: number;
  code: AbsenceCode;
}

/** Every absence as it stands now in the classes' lessons of the period, one row each (the printed class journal's cells). */
export async function absenceMarksInPeriod(db: Db, classIds: readonly number[], from: string, to: string): Promise<AbsenceMark[]> {
  if (classIds.length === 0) return [];
  return db
    .selectFrom('absence as a')
    .innerJoin('lesson as l', 'l.id', 'a.lesson_id')
    .select(['a.lesson_id', 'a.student_id', 'a.code'])
    .where('l.class_id', 'in', [...classIds])
    .where('l.date', '>=', from)
    .where('l.date', '<=', to)
    .where('a.removed', '=', 0)
    .orderBy('l.date')
    .orderBy('l.number')
    .orderBy('a.student_id')
    .execute();
}

/** Whole-class lessons held per class and subject in the period (report cards print them, adding each member's group lessons). */
export async function lessonCountsInPeriod(db: Db, classIds: readonly number[], from: string, to: string): Promise<{ class_id: number; subject_id: number; count: number }[]> {
  if (classIds.length === 0) return [];
  const rows = await db
    .selectFrom('lesson')
    .select((eb) => ['class_id', 'subject_id', eb.fn.countAll<number>().as('count')])
    .where('class_id', 'in', [...classIds])
    // Group lessons count per member (groupLessonsInPeriod).
    .where('group_id', 'is', null)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .groupBy(['class_id', 'subject_id'])
    .execute();
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

export interface ReportGroupLesson {
  class_id: number;
  subject_id: number;
  group_id: number;
  date: string;
}

/** The groups' lessons of the classes in the period, one per class row: a student's count is those of their groups on days they belonged. */
export async function groupLessonsInPeriod(db: Db, classIds: readonly number[], from: string, to: string): Promise<ReportGroupLesson[]> {
  if (classIds.length === 0) return [];
  const rows = await db
    .selectFrom('lesson')
    .select(['class_id', 'subject_id', 'group_id', 'date'])
    .where('class_id', 'in', [...classIds])
    .where('group_id', 'is not', null)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute();
  return rows.map((r) => ({ ...r, group_id: r.group_id! }));
}

export interface ReportGroupMembership {
  student_id: number;
  group_id: number;
  group_code: string;
  subject: ReportSubject;
  from_date: string;
  to_date: string | null;
}

/** Memberships of the students' groups that overlap the period, with each group's subject (a member is taught it). */
export async function groupMembershipsInPeriod(db: Db, studentIds: readonly number[], from: string, to: string): Promise<ReportGroupMembership[]> {
  if (studentIds.length === 0) return [];
  const rows = await db
    .selectFrom('study_group_member as m')
    .innerJoin('study_group as g', 'g.id', 'm.group_id')
    .innerJoin('subject as s', 's.id', 'g.subject_id')
    .select(['m.student_id', 'm.group_id', 'g.code as group_code', 's.id as subject_id', 's.code as subject_code', 's.name as subject_name', 'm.from_date', 'm.to_date'])
    .where('m.student_id', 'in', [...studentIds])
    .where('m.from_date', '<=', to)
    .where((eb) => eb.or([eb('m.to_date', 'is', null), eb('m.to_date', '>=', from)]))
    .execute();
  return rows.map((r) => ({
    student_id: r.student_id,
    group_id: r.group_id,
    group_code: r.group_code,
    subject: { id: r.subject_id, code: r.subject_code, name: r.subject_name },
    from_date: r.from_date,
    to_date: r.to_date,
  }));
}

export interface ReportExtractAck {
  student_id: number;
  returned_on: string;
  guardian: string | null;
  note: string | null;
}

/** Returned slips of the month's extract for everybody enrolled in the classes during the period. */
export async function extractAcksInMonth(db: Db, classIds: readonly number[], month: string, from: string, to: string): Promise<ReportExtractAck[]> {
  if (classIds.length === 0) return [];
  const rows = await db
    .selectFrom('extract_ack as a')
    .leftJoin('guardian as g', 'g.id', 'a.guardian_id')
    .select(['a.student_id', 'a.returned_on', 'g.first_name', 'g.last_name', 'a.note'])
    .where('a.month', '=', month)
    .where('a.student_id', 'in', (eb) =>
      eb
        .selectFrom('enrollment as e')
        .select('e.student_id')
        .where('e.class_id', 'in', [...classIds])
        .where('e.from_date', '<=', to)
        .where((w) => w.or([w('e.to_date', 'is', null), w('e.to_date', '>=', from)])),
    )
    .execute();
  return rows.map((r) => ({ student_id: r.student_id, returned_on: r.returned_on, guardian: r.first_name === null ? null : `${r.first_name} ${r.last_name}`, note: r.note }));
}

/** "Iepazinos" given in the web diary for the month's extract, for the same students. */
export async function extractOnlineAcksInMonth(db: Db, classIds: readonly number[], month: string, from: string, to: string): Promise<{ student_id: number; acknowledged_on: string; guardian: string }[]> {
  if (classIds.length === 0) return [];
  const rows = await db
    .selectFrom('extract_online_ack as a')
    .innerJoin('guardian as g', 'g.id', 'a.guardian_id')
    .select(['a.student_id', 'a.acknowledged_at', 'g.first_name', 'g.last_name'])
    .where('a.month', '=', month)
    .where('a.student_id', 'in', (eb) =>
      eb
        .selectFrom('enrollment as e')
        .select('e.student_id')
        .where('e.class_id', 'in', [...classIds])
        .where('e.from_date', '<=', to)
        .where((w) => w.or([w('e.to_date', 'is', null), w('e.to_date', '>=', from)])),
    )
    .execute();
  return rows.map((r) => ({ student_id: r.student_id, acknowledged_on: r.acknowledged_at.slice(0, 10), guardian: `${r.first_name} ${r.last_name}` }));
}

export interface ReportLesson {
  id: number;
  date: string;
  number: number;
  class_id: number;
  class_code: string;
  class_level: number;
  subject: ReportSubject;
  teacher_id: number;
  teacher_code: string;
  teacher_name: string;
  substitute_for_id: number | null;
  substitute_for_code: string | null;
  substitute_for_name: string | null;
  topic: string;
  homework: string | null;
  /** The group whose lesson it is; null: the whole class. */
  group_id: number | null;
  group_code: string | null;
}

/**
 * The school's lessons in the period with their class, subject and teachers named:
 * only those of some classes, taught by some teachers, or only substituted ones, when asked.
 */
export async function lessonsInPeriod(
  db: Db,
  schoolId: number,
  from: string,
  to: string,
  filter: { classIds?: readonly number[]; teacherIds?: readonly number[]; substitutedOnly?: boolean } = {},
): Promise<ReportLesson[]> {
  let query = db
    .selectFrom('lesson as l')
    .innerJoin('school_class as c', 'c.id', 'l.class_id')
    .innerJoin('subject as s', 's.id', 'l.subject_id')
    .innerJoin('staff as t', 't.id', 'l.teacher_id')
    .leftJoin('staff as r', 'r.id', 'l.substitute_for_id')
    .leftJoin('study_group as g', 'g.id', 'l.group_id')
    .select([
      'l.group_id',
      'g.code as group_code',
      'l.id',
      'l.date',
      'l.number',
      'l.class_id',
      'c.code as class_code',
      'c.level as class_level',
      's.id as subject_id',
      's.code as subject_code',
      's.name as subject_name',
      'l.teacher_id',
      't.code as teacher_code',
      't.first_name as teacher_first_name',
      't.last_name as teacher_last_name',
      'l.substitute_for_id',
      'r.code as replaced_code',
      'r.first_name as replaced_first_name',
      'r.last_name as replaced_last_name',
      'l.topic',
      'l.homework',
    ])
    .where('l.school_id', '=', schoolId)
    .where('l.date', '>=', from)
    .where('l.date', '<=', to);
  if (filter.classIds) query = query.where('l.class_id', 'in', filter.classIds.length > 0 ? [...filter.classIds] : [-1]);
  if (filter.teacherIds) query = query.where('l.teacher_id', 'in', filter.teacherIds.length > 0 ? [...filter.teacherIds] : [-1]);
  if (filter.substitutedOnly) query = query.where('l.substitute_for_id', 'is not', null);
  const rows = await query.orderBy('l.date').orderBy('l.number').orderBy('c.level').orderBy('c.code').execute();
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    number: r.number,
    class_id: r.class_id,
    class_code: r.class_code,
    class_level: r.class_level,
    subject: { id: r.subject_id, code: r.subject_code, name: r.subject_name },
    teacher_id: r.teacher_id,
    teacher_code: r.teacher_code,
    teacher_name: `${r.teacher_first_name} ${r.teacher_last_name}`,
    substitute_for_id: r.substitute_for_id,
    substitute_for_code: r.replaced_code,
    substitute_for_name: r.replaced_first_name ? `${r.replaced_first_name} ${r.replaced_last_name}` : null,
    topic: r.topic,
    homework: r.homework,
    group_id: r.group_id ?? null,
    group_code: r.group_code ?? null,
  }));
}

export interface TeacherAssignment {
  teacher_id: number;
  teacher_code: string;
  teacher_name: string;
  class_id: number;
  class_code: string;
  class_level: number;
  subject: ReportSubject;
}

/** Who teaches what in the year's classes: of some teachers, or of everybody. */
export async function teacherAssignments(db: Db, yearId: number, teacherIds?: readonly number[]): Promise<TeacherAssignment[]> {
  let query = db
    .selectFrom('assignment as a')
    .innerJoin('school_class as c', 'c.id', 'a.class_id')
    .innerJoin('subject as s', 's.id', 'a.subject_id')
    .innerJoin('staff as t', 't.id', 'a.teacher_id')
    .select(['a.teacher_id', 't.code as teacher_code', 't.first_name', 't.last_name', 'a.class_id', 'c.code as class_code', 'c.level as class_level', 's.id as subject_id', 's.code as subject_code', 's.name as subject_name'])
    .where('c.school_year_id', '=', yearId);
  if (teacherIds) query = query.where('a.teacher_id', 'in', teacherIds.length > 0 ? [...teacherIds] : [-1]);
  const rows = await query.execute();
  return rows.map((r) => ({
    teacher_id: r.teacher_id,
    teacher_code: r.teacher_code,
    teacher_name: `${r.first_name} ${r.last_name}`,
    class_id: r.class_id,
    class_code: r.class_code,
    class_level: r.class_level,
    subject: { id: r.subject_id, code: r.subject_code, name: r.subject_name },
  }));
}
