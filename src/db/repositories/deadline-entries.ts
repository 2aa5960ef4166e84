import type { Db } from '../connection.ts';

/** What deadline control judges: one part of the journal, when it was entered, and whose it is. */
/** 'lesson': the lesson with its topic (and homework given with it); 'homework': homework added later. */
export type EntryPart = 'lesson' | 'homework' | 'absences' | 'grade' | 'improvement';

export interface RecordedEntry {
  part: EntryPart;
  /** 'lesson' for a lesson's parts, else the grade's kind of work. */
  rule: string;
  /** The lesson's day, the work's day, or the day of the improvement. */
  date: string;
  entered_at: string;
  lesson_id: number | null;
  lesson_number: number | null;
  class_code: string;
  class_level: number;
  subject_code: string;
  subject_name: string;
  /** The lesson's teacher; for grades who entered them, for improvements who recorded them. */
  teacher_code: string;
  teacher_name: string;
  student_code: string | null;
  student_name: string | null;
}

export interface EntryFilter {
  classId?: number;
  teacherId?: number;
}

/** The kinds of work §22 sets an entry deadline for. */
const WORKS_WITH_DEADLINE = ['credit', 'test', 'large'];

const fullName = (first: string | null, last: string | null) => (first === null ? null : `${first} ${last}`);

/**
 * Every timed entry of the school dated in [from, to]: lessons with their topics (the
 * lesson's `created_at`), homework added later, each absence by its first mark, grades of works with a
 * deadline, and improvements. Removed absences are no longer in the journal and left out.
 */
export async function recordedEntries(db: Db, schoolId: number, from: string, to: string, filter: EntryFilter = {}): Promise<RecordedEntry[]> {
  let lessons = db
    .selectFrom('lesson as l')
    .innerJoin('school_class as c', 'c.id', 'l.class_id')
    .innerJoin('subject as s', 's.id', 'l.subject_id')
    .innerJoin('staff as t', 't.id', 'l.teacher_id')
    .select(['l.id', 'l.date', 'l.number', 'l.created_at', 'l.homework_entered_at', 'c.code as class_code', 'c.level as class_level', 's.code as subject_code', 's.name as subject_name', 't.code as teacher_code', 't.first_name', 't.last_name'])
    .where('l.school_id', '=', schoolId)
    .where('l.date', '>=', from)
    .where('l.date', '<=', to);
  if (filter.classId) lessons = lessons.where('l.class_id', '=', filter.classId);
  if (filter.teacherId) lessons = lessons.where('l.teacher_id', '=', filter.teacherId);

  let absences = db
    .selectFrom('absence as a')
    .innerJoin('absence_change as h', (j) => j.onRef('h.absence_id', '=', 'a.id').on('h.action', '=', 'mark'))
    .innerJoin('lesson as l', 'l.id', 'a.lesson_id')
    .innerJoin('student as st', 'st.id', 'a.student_id')
    .select(['a.id', 'l.id as lesson_id', 'h.changed_at', 'st.code as student_code', 'st.first_name as student_first', 'st.last_name as student_last'])
    .where('a.school_id', '=', schoolId)
    .where('a.removed', '=', 0)
    .where('l.date', '>=', from)
    .where('l.date', '<=', to);
  if (filter.classId) absences = absences.where('l.class_id', '=', filter.classId);
  if (filter.teacherId) absences = absences.where('l.teacher_id', '=', filter.teacherId);

  const grades = (improvements: boolean) => {
    let query = db
      .selectFrom('grade as g')
      .innerJoin('school_class as c', 'c.id', 'g.class_id')
      .innerJoin('subject as s', 's.id', 'g.subject_id')
      .innerJoin('student as st', 'st.id', 'g.student_id')
      .where('g.school_id', '=', schoolId)
      .where('g.work', 'in', WORKS_WITH_DEADLINE);
    if (filter.classId) query = query.where('g.class_id', '=', filter.classId);
    const columns = ['g.work', 'g.lesson_id', 'c.code as class_code', 'c.level as class_level', 's.code as subject_code', 's.name as subject_name', 'st.code as student_code', 'st.first_name as student_first', 'st.last_name as student_last', 't.code as teacher_code', 't.first_name', 't.last_name'] as const;
    if (!improvements) {
      let entered = query.innerJoin('staff as t', 't.id', 'g.created_by').select([...columns, 'g.date', 'g.created_at as entered_at']).where('g.date', '>=', from).where('g.date', '<=', to);
      if (filter.teacherId) entered = entered.where('g.created_by', '=', filter.teacherId);
      return entered.execute();
    }
    let improved = query
      .innerJoin('grade_change as h', 'h.grade_id', 'g.id')
      .innerJoin('staff as t', 't.id', 'h.changed_by')
      .select([...columns, 'h.improved_on as date', 'h.changed_at as entered_at'])
      .where('h.improved_on', '>=', from)
      .where('h.improved_on', '<=', to);
    if (filter.teacherId) improved = improved.where('h.changed_by', '=', filter.teacherId);
    return improved.execute();
  };

  const lessonRows = await lessons.execute();
  const byLesson = new Map(lessonRows.map((l) => [l.id, l]));
  const lessonEntry = (l: (typeof lessonRows)[number], part: EntryPart, enteredAt: string): RecordedEntry => ({
    part,
    rule: 'lesson',
    date: l.date,
    entered_at: enteredAt,
    lesson_id: l.id,
    lesson_number: l.number,
    class_code: l.class_code,
    class_level: l.class_level,
    subject_code: l.subject_code,
    subject_name: l.subject_name,
    teacher_code: l.teacher_code,
    teacher_name: `${l.first_name} ${l.last_name}`,
    student_code: null,
    student_name: null,
  });

  const entries: RecordedEntry[] = [];
  for (const l of lessonRows) {
    entries.push(lessonEntry(l, 'lesson', l.created_at));
    if (l.homework_entered_at !== null && l.homework_entered_at !== l.created_at) entries.push(lessonEntry(l, 'homework', l.homework_entered_at));
  }
  for (const a of await absences.execute()) {
    const lesson = byLesson.get(a.lesson_id);
    if (!lesson) continue;
    entries.push({ ...lessonEntry(lesson, 'absences', a.changed_at), student_code: a.student_code, student_name: fullName(a.student_first, a.student_last) });
  }
  for (const [part, rows] of [['grade', await grades(false)], ['improvement', await grades(true)]] as const) {
    for (const g of rows) {
      entries.push({
        part,
        rule: g.work,
        date: g.date!,
        entered_at: g.entered_at,
        lesson_id: g.lesson_id,
        lesson_number: null,
        class_code: g.class_code,
        class_level: g.class_level,
        subject_code: g.subject_code,
        subject_name: g.subject_name,
        teacher_code: g.teacher_code,
        teacher_name: `${g.first_name} ${g.last_name}`,
        student_code: g.student_code,
        student_name: fullName(g.student_first, g.student_last),
      });
    }
  }
  return entries;
}
