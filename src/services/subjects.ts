import { AppError } from '../errors.ts';
import type { Subject } from '../db/schema.ts';
import { findSubjectByCode, insertSubject, listSubjects, updateSubject } from '../db/repositories/subjects.ts';
import { requireReadRight, requireRight, timestamp, type ServiceContext } from './context.ts';
import { requireText } from './input.ts';
import { resolveSubject } from './lookup.ts';
import { checkCode } from './staff.ts';
import { m as r } from '../i18n/messages/registry.ts';

export interface SubjectView {
  id: number;
  code: string;
  name: string;
}

const toView = (s: Subject): SubjectView => ({ id: s.id, code: s.code, name: s.name });

export async function addSubject(ctx: ServiceContext, codeInput: string, input: { name?: string }): Promise<SubjectView> {
  requireRight(ctx, 'manage-registry');
  const code = checkCode(codeInput, 'Subject');
  if (await findSubjectByCode(ctx.db, ctx.school.id, code)) throw new AppError('conflict', r.subjectExists(code));
  return toView(await insertSubject(ctx.db, { school_id: ctx.school.id, code, name: requireText(input.name, 'name'), created_at: timestamp(ctx) }));
}

export async function setSubject(ctx: ServiceContext, code: string, input: { name?: string }): Promise<SubjectView> {
  requireRight(ctx, 'manage-registry');
  const subject = await resolveSubject(ctx, code);
  return toView(await updateSubject(ctx.db, subject.id, { name: requireText(input.name, 'name') }));
}

export async function listSubjectViews(ctx: ServiceContext): Promise<SubjectView[]> {
  requireReadRight(ctx, 'read-school-setup');
  return (await listSubjects(ctx.db, ctx.school.id)).map(toView);
}
