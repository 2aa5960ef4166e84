import { AppError } from '../errors.ts';
import { deleteAssignment, findAssignment, insertAssignment, listAssignmentViews, type AssignmentView } from '../db/repositories/assignments.ts';
import { requireReadRight, requireRight, timestamp, type ServiceContext } from './context.ts';
import { requireText } from './input.ts';
import { resolveClass, resolveStaff, resolveSubject, resolveYear } from './lookup.ts';
import { m as st } from '../i18n/messages/staff.ts';
import { staffName } from './staff.ts';

export interface AssignmentInput {
  class?: string;
  subject?: string;
  teacher?: string;
}

async function resolveAssignmentParts(ctx: ServiceContext, input: AssignmentInput) {
  const year = await resolveYear(ctx);
  const schoolClass = await resolveClass(ctx, year, requireText(input.class, 'class'));
  const subject = await resolveSubject(ctx, requireText(input.subject, 'subject'));
  const teacher = await resolveStaff(ctx, requireText(input.teacher, 'teacher'), 'teacher');
  return { year, schoolClass, subject, teacher };
}

/** A teaching assignment: who teaches which subject in which class (the basis of every teacher's rights). */
export async function addAssignment(ctx: ServiceContext, input: AssignmentInput): Promise<AssignmentView> {
  requireRight(ctx, 'manage-registry');
  const { year, schoolClass, subject, teacher } = await resolveAssignmentParts(ctx, input);
  if (!teacher.roles.includes('teacher')) throw new AppError('invalid', st.noTeacherRole(staffName(teacher), teacher.code));
  if (await findAssignment(ctx.db, schoolClass.id, subject.id, teacher.id)) {
    throw new AppError('conflict', st.alreadyTeaches(staffName(teacher), teacher.code, subject.code, schoolClass.code));
  }
  const row = await insertAssignment(ctx.db, { school_id: ctx.school.id, class_id: schoolClass.id, subject_id: subject.id, teacher_id: teacher.id, created_at: timestamp(ctx) });
  return (await listAssignmentViews(ctx.db, year.id)).find((a) => a.id === row.id)!;
}

export async function removeAssignment(ctx: ServiceContext, input: AssignmentInput): Promise<AssignmentView> {
  requireRight(ctx, 'manage-registry');
  const { year, schoolClass, subject, teacher } = await resolveAssignmentParts(ctx, input);
  const row = await findAssignment(ctx.db, schoolClass.id, subject.id, teacher.id);
  if (!row) throw new AppError('not_found', st.doesNotTeach(staffName(teacher), teacher.code, subject.code, schoolClass.code));
  const view = (await listAssignmentViews(ctx.db, year.id)).find((a) => a.id === row.id)!;
  await deleteAssignment(ctx.db, row.id);
  return view;
}

export async function listAssignments(ctx: ServiceContext, filter: AssignmentInput = {}): Promise<AssignmentView[]> {
  requireReadRight(ctx, 'read-staff');
  const year = await resolveYear(ctx);
  return listAssignmentViews(ctx.db, year.id, {
    classId: filter.class ? (await resolveClass(ctx, year, filter.class)).id : undefined,
    subjectId: filter.subject ? (await resolveSubject(ctx, filter.subject)).id : undefined,
    teacherId: filter.teacher ? (await resolveStaff(ctx, filter.teacher, 'teacher')).id : undefined,
  });
}
