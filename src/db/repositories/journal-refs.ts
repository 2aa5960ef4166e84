// Everything a big journal file refers to, read once (Kysely queries): the
// year's classes, the school's subjects and students, enrollments with their
// dates, the year's lessons and the grades/absences already there, keyed by
// what a row names. The bulk importer keeps these current as rows go in.
import type { Db } from '../connection.ts';
import { yearGroupMemberships } from './groups.ts';
import type { School, SchoolClass, SchoolYear, Student, Subject, AbsenceCode } from '../schema.ts';
import { isTermLike } from '../../domain/journal-rules.ts';

export interface StoredGrade {
  id: number;
  date: string;
  value: string;
  note: string | null;
  exempt_certificate: string | null;
}

export interface StoredAbsence {
  id: number;
  lessonId: number;
  studentId: number;
  date: string;
  number: number;
  markedCode: AbsenceCode;
  code: AbsenceCode;
  removed: boolean;
  /** Marked again by this import (marked_by/at change, the decision is cleared). */
  marked?: boolean;
  /** Justified by this import. */
  decided: boolean;
  note: string | null;
  dirty: boolean;
  isNew: boolean;
  /** A new mark's entry time: the row's `entered_at` (historic imports), else the import's own. */
  markedAt?: string;
}

export interface JournalRefs {
  classes: Map<string, SchoolClass>;
  subjects: Map<string, Subject>;
  students: Map<string, Student>;
  studentsByPersonalCode: Map<string, Student>;
  enrollments: Map<number, Map<number, { from: string; to: string | null }[]>>;
  /** class|subject|student|work|date → grades in id order. */
  gradesByKey: Map<string, StoredGrade[]>;
  /** The same without the date (a term grade row with no date), in date, id order. */
  gradesAnyDate(classId: number, subjectId: number, studentId: number, work: string): StoredGrade[] | undefined;
  /** student|subject|work → ids, for term-like grades (once per subject and year). */
  termGrades: Map<string, number[]>;
  maxGradeId: number;
  /** class|subject|date → lessons by number. */
  lessons: Map<string, { id: number; number: number; date: string; group_id: number | null }[]>;
  /** Whether a student belongs to a group on a day: of two groups' lessons in one slot, the student's. */
  inGroup: (groupId: number, studentId: number, date: string) => boolean;
  /** lesson|student → absence. */
  absences: Map<string, StoredAbsence>;
  /** student|date → absences. */
  absencesOfDay: Map<string, StoredAbsence[]>;
  addAbsence(a: StoredAbsence): void;
  changedExisting(): StoredAbsence[];
  maxAbsenceId: number;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export async function loadJournalRefs(db: Db, school: School, year: SchoolYear, kind: 'grades' | 'absences'): Promise<JournalRefs> {
  const withAbsences = kind === 'absences';
  const classRows = await db.selectFrom('school_class').selectAll().where('school_year_id', '=', year.id).execute();
  const classes = new Map(classRows.map((c) => [c.code, c]));
  const subjects = new Map((await db.selectFrom('subject').selectAll().where('school_id', '=', school.id).execute()).map((s) => [s.code, s]));
  const studentRows = await db.selectFrom('student').selectAll().where('school_id', '=', school.id).execute();
  const students = new Map(studentRows.map((s) => [s.code, s]));
  const studentsByPersonalCode = new Map(studentRows.filter((s) => s.personal_code).map((s) => [s.personal_code!, s]));
  const enrollments = new Map<number, Map<number, { from: string; to: string | null }[]>>();
  const enrollmentRows = await db
    .selectFrom('enrollment as e')
    .innerJoin('school_class as c', 'c.id', 'e.class_id')
    .select(['e.class_id', 'e.student_id', 'e.from_date', 'e.to_date'])
    .where('c.school_year_id', '=', year.id)
    .execute();
  for (const e of enrollmentRows) {
    let byStudent = enrollments.get(e.class_id);
    if (!byStudent) enrollments.set(e.class_id, (byStudent = new Map()));
    push(byStudent, e.student_id, { from: e.from_date, to: e.to_date });
  }

  const gradeRows = withAbsences ? [] : await db
    .selectFrom('grade')
    .select(['id', 'class_id', 'subject_id', 'student_id', 'work', 'date', 'value', 'note', 'exempt_certificate'])
    .where('school_year_id', '=', year.id)
    .orderBy('date')
    .orderBy('id')
    .execute();
  const gradesByKey = new Map<string, StoredGrade[]>();
  const termGrades = new Map<string, number[]>();
  for (const g of gradeRows) {
    push(gradesByKey, `${g.class_id}|${g.subject_id}|${g.student_id}|${g.work}|${g.date}`, { id: g.id, date: g.date, value: g.value, note: g.note, exempt_certificate: g.exempt_certificate });
    if (isTermLike(g.work)) push(termGrades, `${g.student_id}|${g.subject_id}|${g.work}`, g.id);
  }
  let anyDate: Map<string, StoredGrade[]> | undefined;
  const gradesAnyDate = (classId: number, subjectId: number, studentId: number, work: string) => {
    if (!anyDate) {
      anyDate = new Map();
      for (const [key, list] of gradesByKey) {
        const k = key.slice(0, key.lastIndexOf('|'));
        for (const g of list) push(anyDate, k, g);
      }
      for (const list of anyDate.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
    }
    return anyDate.get(`${classId}|${subjectId}|${studentId}|${work}`);
  };
  const maxGrade = withAbsences ? undefined : await db.selectFrom('grade').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst();

  const lessons = new Map<string, { id: number; number: number; date: string; group_id: number | null }[]>();
  const memberships = new Map<number, { student_id: number; from_date: string; to_date: string | null }[]>();
  const inGroup = (groupId: number, studentId: number, date: string) =>
    (memberships.get(groupId) ?? []).some((m) => m.student_id === studentId && m.from_date <= date && (m.to_date === null || m.to_date >= date));
  const absences = new Map<string, StoredAbsence>();
  const absencesOfDay = new Map<string, StoredAbsence[]>();
  const existing: StoredAbsence[] = [];
  let maxAbsenceId = 0;
  if (withAbsences) {
    const lessonRows = await db
      .selectFrom('lesson as l')
      .innerJoin('school_class as c', 'c.id', 'l.class_id')
      .select(['l.id', 'l.class_id', 'l.subject_id', 'l.date', 'l.number', 'l.group_id'])
      .where('c.school_year_id', '=', year.id)
      .orderBy('l.number')
      .execute();
    for (const l of lessonRows) push(lessons, `${l.class_id}|${l.subject_id}|${l.date}`, { id: l.id, number: l.number, date: l.date, group_id: l.group_id ?? null });
    for (const m of await yearGroupMemberships(db, year.id)) push(memberships, m.group_id, m);
    const absenceRows = await db
      .selectFrom('absence as a')
      .innerJoin('lesson as l', 'l.id', 'a.lesson_id')
      .innerJoin('school_class as c', 'c.id', 'l.class_id')
      .select(['a.id', 'a.lesson_id', 'a.student_id', 'a.marked_code', 'a.code', 'a.removed', 'a.note', 'l.date', 'l.number'])
      .where('c.school_year_id', '=', year.id)
      .execute();
    for (const a of absenceRows) {
      existing.push({ id: a.id, lessonId: a.lesson_id, studentId: a.student_id, date: a.date, number: a.number, markedCode: a.marked_code, code: a.code, removed: a.removed === 1, decided: false, note: a.note, dirty: false, isNew: false });
    }
    const maxAbsence = await db.selectFrom('absence').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst();
    maxAbsenceId = Number(maxAbsence?.max ?? 0);
  }
  const addAbsence = (a: StoredAbsence) => {
    absences.set(`${a.lessonId}|${a.studentId}`, a);
    push(absencesOfDay, `${a.studentId}|${a.date}`, a);
  };
  for (const a of existing) addAbsence(a);
  return {
    classes,
    subjects,
    students,
    studentsByPersonalCode,
    enrollments,
    gradesByKey,
    gradesAnyDate,
    termGrades,
    maxGradeId: Number(maxGrade?.max ?? 0),
    lessons,
    inGroup,
    absences,
    absencesOfDay,
    addAbsence,
    changedExisting: () => existing.filter((a) => a.dirty),
    maxAbsenceId,
  };
}
