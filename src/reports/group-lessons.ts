import type { ReportGroupLesson, ReportGroupMembership } from '../db/repositories/report-data.ts';

/**
 * A student's lessons per subject in a period: the class's whole-class
 * lessons, and the lessons of each group on the days they belonged to it
 * (two groups of 7.a learn English in the same hour; each member's card
 * counts their own group's lessons only).
 */
export function studentLessonCounts(
  wholeClass: ReadonlyMap<string, number>,
  groupLessons: readonly ReportGroupLesson[],
  memberships: readonly ReportGroupMembership[],
  studentId: number,
  classId: number,
): Map<number, number> {
  const counts = new Map<number, number>();
  for (const [key, count] of wholeClass) {
    const [c, subject] = key.split(':').map(Number) as [number, number];
    if (c === classId) counts.set(subject, count);
  }
  const mine = memberships.filter((m) => m.student_id === studentId);
  for (const lesson of groupLessons) {
    if (lesson.class_id !== classId) continue;
    const member = mine.some((m) => m.group_id === lesson.group_id && m.from_date <= lesson.date && (m.to_date === null || m.to_date >= lesson.date));
    if (member) counts.set(lesson.subject_id, (counts.get(lesson.subject_id) ?? 0) + 1);
  }
  return counts;
}

/** The subjects a student learns in groups during the period (their card and extract list them though the class is not assigned them). */
export function groupSubjectIds(memberships: readonly ReportGroupMembership[], studentId: number): number[] {
  return [...new Set(memberships.filter((m) => m.student_id === studentId).map((m) => m.subject.id))];
}
