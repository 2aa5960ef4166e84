import type { AbsenceCode } from '../db/schema.ts';
import { absenceCountsInPeriod, gradesInPeriod, subjectsByIds, type ReportGrade } from '../db/repositories/report-data.ts';
import { behaviorForExtract, type ExtractBehaviorEntry } from '../db/repositories/behavior.ts';
import { notesForExtract, type ExtractParentNote } from '../db/repositories/parent-notes.ts';
import { listBriefingViews } from '../db/repositories/briefings.ts';
import { listConversationViews, type ConversationView } from '../db/repositories/conversations.ts';
import { findClassById } from '../db/repositories/classes.ts';
import { placementsOf } from '../db/repositories/students.ts';
import { ABSENCE_CODES } from '../domain/absence.ts';
import { pointsAverage } from '../domain/grade-scale.ts';
import { byKeys } from '../domain/latvian-order.ts';
import { authorize } from '../domain/permissions.ts';
import { emptyTermGrades, indexTermGrades, placementKey, TERM_GRADE_WORKS, type TermGrades } from '../reports/card-grades.ts';
import type { ServiceContext } from './context.ts';
import { resolveYear } from './lookup.ts';
import { showStudent, type StudentFile } from './students.ts';
import { readingIn } from './reading.ts';
import { listIndividualWorkViews, type IndividualWorkView } from '../db/repositories/individual-work.ts';
import { readableAuthor } from './individual-work.ts';

export interface SubjectGrades {
  subject: string;
  subject_name: string;
  /** The lesson, test, credit and large-work grades, oldest first. */
  grades: { date: string; work: string; value: string }[];
  /** Mean of the 1–10 lesson grades; null when there are none. */
  average: number | null;
  term: TermGrades;
}

export interface BriefingOfStudent {
  date: string;
  class: string;
  topic: string;
  /** Briefed, or in the class that day but missed it (to be briefed later). */
  briefed: boolean;
}

/** The personal file (REFERENCE §1; regulation §13–14): the student's data and the school year's record. */
export interface PersonalFile extends StudentFile {
  year: string;
  grades: SubjectGrades[];
  absences: Record<AbsenceCode, number>;
  behavior: Omit<ExtractBehaviorEntry, 'student_id'>[];
  notes: Omit<ExtractParentNote, 'student_id' | 'class_id'>[];
  briefings: BriefingOfStudent[];
  /** Only for the class teacher, deputies and admins: see `conversations_hidden`. */
  conversations: ConversationView[];
  conversations_hidden: boolean;
  /** Individual work with the student (§24–25): a staff member sees their own entries, deputies and admins all. */
  individual_work: IndividualWorkView[];
}

function subjectGrades(grades: readonly ReportGrade[], classIds: readonly number[], studentId: number, subjects: Map<number, { code: string; name: string }>): SubjectGrades[] {
  // A student who moved class has term grades under each placement; the personal file shows them together.
  const termIndex = indexTermGrades(grades);
  const bySubject = new Map<number, SubjectGrades>();
  for (const subjectId of new Set(grades.map((g) => g.subject_id))) {
    const subject = subjects.get(subjectId)!;
    const lessonGrades = grades.filter((g) => g.subject_id === subjectId && !TERM_GRADE_WORKS.includes(g.work));
    const term = emptyTermGrades();
    for (const classId of classIds) {
      const found = termIndex.get(placementKey(studentId, classId))?.get(subjectId);
      if (!found) continue;
      for (const [field, value] of Object.entries(found) as [keyof TermGrades, string | null][]) term[field] ??= value;
    }
    bySubject.set(subjectId, {
      subject: subject.code,
      subject_name: subject.name,
      grades: lessonGrades.map((g) => ({ date: g.date, work: g.work, value: g.value })),
      average: pointsAverage(lessonGrades.map((g) => g.value)),
      term,
    });
  }
  return [...bySubject.values()].sort(byKeys((s) => s.subject_name, (s) => s.subject));
}

/** The individual work with the student the reader may see (§24–25). */
async function individualWorkOf(ctx: ServiceContext, studentId: number, from: string, to: string): Promise<IndividualWorkView[]> {
  const readable = await readableAuthor(ctx);
  return readable === null ? [] : listIndividualWorkViews(ctx.db, ctx.school.id, { studentId, from, to, ...readable });
}

/**
 * The whole personal file for the current (or --year) school year. Conversations
 * with parents are confidential (regulation §15.2): they are left out, and
 * `conversations_hidden` says so, unless the actor may read the class's.
 */
export async function personalFile(ctx: ServiceContext, code: string): Promise<PersonalFile> {
  const file = await showStudent(ctx, code);
  const year = await resolveYear(ctx);
  const placements = (await placementsOf(ctx.db, file.id)).filter((p) => p.year === year.code);
  (await readingIn(ctx, year)).require('read-personal-file', { student: file.code, classes: placements.map((p) => p.class) });
  const classIds = [...new Set(placements.map((p) => p.class_id))];
  const studentIds = [file.id];

  const grades = (await gradesInPeriod(ctx.db, classIds, year.starts_on, year.ends_on)).filter((g) => g.student_id === file.id);
  const subjects = new Map((await subjectsByIds(ctx.db, [...new Set(grades.map((g) => g.subject_id))])).map((s) => [s.id, s]));

  const absences = Object.fromEntries(ABSENCE_CODES.map((c) => [c, 0])) as Record<AbsenceCode, number>;
  for (const row of await absenceCountsInPeriod(ctx.db, classIds, year.starts_on, year.ends_on)) {
    if (row.student_id === file.id) absences[row.code] += row.count;
  }

  const behavior = (await behaviorForExtract(ctx.db, studentIds, year.starts_on, year.ends_on)).map(({ student_id: _s, ...b }) => b);
  const notes = (await notesForExtract(ctx.db, studentIds, classIds, year.starts_on, year.ends_on)).map(({ student_id: _s, class_id: _c, ...n }) => n);

  const briefings: BriefingOfStudent[] = [];
  for (const classId of classIds) {
    for (const b of await listBriefingViews(ctx.db, { yearId: year.id, classId })) {
      const briefed = b.briefed.some((s) => s.student === file.code);
      if (briefed || b.absent.some((s) => s.student === file.code)) briefings.push({ date: b.date, class: b.class, topic: b.topic, briefed });
    }
  }
  briefings.sort(byKeys((b) => b.date, (b) => b.class));

  // The class the file is kept by is the student's class of the year (as `conversation list --student` decides).
  const current = placements.find((p) => p.to_date === null) ?? placements.at(-1);
  const schoolClass = current ? await findClassById(ctx.db, current.class_id) : undefined;
  const mayRead = !!ctx.actor && authorize(ctx.actor, 'read-parent-conversations', { classTeacher: !!schoolClass && schoolClass.class_teacher_id === ctx.actor.id }).allowed;
  const conversations = mayRead ? await listConversationViews(ctx.db, { yearId: year.id, studentId: file.id }) : [];

  return {
    ...file,
    year: year.code,
    grades: subjectGrades(grades, classIds, file.id, subjects),
    absences,
    behavior,
    notes,
    briefings,
    conversations,
    conversations_hidden: !mayRead,
    individual_work: await individualWorkOf(ctx, file.id, year.starts_on, year.ends_on),
  };
}
