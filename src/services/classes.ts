import { AppError } from '../errors.ts';
import { findClassByCode, insertClass, listClassViews, updateClass, type ClassView } from '../db/repositories/classes.ts';
import type { SchoolYear } from '../db/schema.ts';
import { localDateOf } from '../domain/dates.ts';
import { requireReadRight, requireRight, timestamp, type ServiceContext } from './context.ts';
import { requireInteger } from './input.ts';
import { resolveClass, resolveStaff, resolveYear } from './lookup.ts';
import type { StaffWithRoles } from '../db/repositories/staff.ts';
import { m as r } from '../i18n/messages/registry.ts';

/** Class codes as Latvian schools write them: level, a dot, a letter ("7.a", "12.b"). */
const CLASS_CODE = /^(\d{1,2})\.?\s*([\p{L}]{1,3})?$/u;

export interface ClassInput {
  level?: string | number;
  classTeacher?: string;
}

function levelFromCode(code: string): number | undefined {
  const m = CLASS_CODE.exec(code);
  return m ? Number(m[1]) : undefined;
}

async function classTeacher(ctx: ServiceContext, code: string): Promise<StaffWithRoles> {
  const teacher = await resolveStaff(ctx, code, 'class teacher');
  if (!teacher.roles.includes('class-teacher')) {
    throw new AppError('invalid', r.noClassTeacherRole(`${teacher.first_name} ${teacher.last_name}`.trim(), teacher.code));
  }
  return teacher;
}

/** "Today" for listings: inside the year, else the year's first day, so past and future years list their classes. */
export function referenceDate(ctx: ServiceContext, year: SchoolYear): string {
  const today = localDateOf(ctx.now);
  if (today < year.starts_on) return year.starts_on;
  if (today > year.ends_on) return year.ends_on;
  return today;
}

export async function addClass(ctx: ServiceContext, codeInput: string, input: ClassInput): Promise<ClassView> {
  requireRight(ctx, 'manage-registry');
  const code = codeInput.trim();
  if (!CLASS_CODE.test(code)) throw new AppError('invalid', r.badClassCode(codeInput));
  const year = await resolveYear(ctx);
  if (await findClassByCode(ctx.db, year.id, code)) throw new AppError('conflict', r.classExists(code, year.code));
  const level = requireInteger(input.level ?? levelFromCode(code), 'level', 1, 12);
  const teacher = input.classTeacher ? await classTeacher(ctx, input.classTeacher) : null;
  const row = await insertClass(ctx.db, {
    school_id: ctx.school.id,
    school_year_id: year.id,
    code,
    level,
    class_teacher_id: teacher?.id ?? null,
    created_at: timestamp(ctx),
  });
  return (await listClassViews(ctx.db, year.id, referenceDate(ctx, year), { code: row.code }))[0]!;
}

export async function setClass(ctx: ServiceContext, code: string, input: ClassInput): Promise<ClassView> {
  requireRight(ctx, 'manage-registry');
  const year = await resolveYear(ctx);
  const schoolClass = await resolveClass(ctx, year, code);
  const changes: { level?: number; class_teacher_id?: number | null } = {};
  if (input.level !== undefined) changes.level = requireInteger(input.level, 'level', 1, 12);
  if (input.classTeacher !== undefined) changes.class_teacher_id = input.classTeacher === '' ? null : (await classTeacher(ctx, input.classTeacher)).id;
  if (Object.keys(changes).length > 0) await updateClass(ctx.db, schoolClass.id, changes);
  return (await listClassViews(ctx.db, year.id, referenceDate(ctx, year), { code: schoolClass.code }))[0]!;
}

export async function listClasses(ctx: ServiceContext, filter: { level?: string } = {}): Promise<ClassView[]> {
  requireReadRight(ctx, 'read-school-setup');
  const year = await resolveYear(ctx);
  const level = filter.level === undefined ? undefined : requireInteger(filter.level, 'level', 1, 12);
  return listClassViews(ctx.db, year.id, referenceDate(ctx, year), { level });
}
