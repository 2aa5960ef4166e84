/**
 * Which lessons may share a class's slot (class, date, lesson number) now that
 * classes split into groups (issue 19). A student cannot be in two lessons at
 * once and a teacher cannot teach two: so two groups of a class meet in one
 * slot with different teachers and no common member, while the whole class's
 * lesson and a group's lesson of that class conflict as soon as one student
 * of the class is in the group (every student of the class is in the
 * whole-class lesson). Two whole-class lessons always conflict, as before.
 */

export interface SlotLesson {
  /** null: the whole class. */
  groupId: number | null;
  teacherId: number;
  /** The students of the class in this lesson on that day (the class's for a whole-class lesson, the group's members of the class otherwise). */
  students: readonly number[];
}

export type SlotConflict =
  | { kind: 'whole-class' }
  | { kind: 'same-group' }
  | { kind: 'same-teacher' }
  | { kind: 'shared-students'; students: number[] };

/** Why `candidate` cannot join `existing` in one slot of a class, or null when it can. */
export function slotConflict(existing: SlotLesson, candidate: SlotLesson): SlotConflict | null {
  if (existing.groupId === null && candidate.groupId === null) return { kind: 'whole-class' };
  if (existing.groupId !== null && existing.groupId === candidate.groupId) return { kind: 'same-group' };
  if (existing.teacherId === candidate.teacherId) return { kind: 'same-teacher' };
  const theirs = new Set(existing.students);
  const shared = candidate.students.filter((s) => theirs.has(s));
  return shared.length > 0 ? { kind: 'shared-students', students: shared } : null;
}

export interface Membership {
  studentId: number;
  from: string;
  to: string | null;
}

/** Whether a membership holds on a day (from and to inclusive). */
export function memberOn(membership: Membership, date: string): boolean {
  return membership.from <= date && (membership.to === null || membership.to >= date);
}

/** The students who belong on a day, each once. */
export function membersOn(memberships: readonly Membership[], date: string): number[] {
  return [...new Set(memberships.filter((m) => memberOn(m, date)).map((m) => m.studentId))];
}

/**
 * Whether a new membership from `from` (to `to`) overlaps one the student
 * already has: a second row is for coming back after leaving, not for being
 * a member twice.
 */
export function overlapsMembership(existing: readonly Membership[], studentId: number, from: string, to: string | null): boolean {
  return existing.some((m) => m.studentId === studentId && (m.to === null || m.to >= from) && (to === null || to >= m.from));
}
