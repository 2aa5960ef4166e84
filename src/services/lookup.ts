import { AppError } from '../errors.ts';
import type { SchoolClass, SchoolYear, Student, Subject } from '../db/schema.ts';
import { findCurrentSchoolYear, findSchoolYear } from '../db/repositories/school-years.ts';
import { findClassById, findClassByCode, listClassCodes } from '../db/repositories/classes.ts';
import { findSubjectByCode, listSubjects } from '../db/repositories/subjects.ts';
import { findStaffByCode, type StaffWithRoles } from '../db/repositories/staff.ts';
import { findStudentByCode, findStudentByPersonalCode, findStudentsByCodes, placementOn } from '../db/repositories/students.ts';
import { listHolidays } from '../db/repositories/holidays.ts';
import { WorkingCalendar } from '../domain/calendar.ts';
import { checkPersonalCode, shownStudentCode } from '../domain/personal-code.ts';
import type { ServiceContext } from './context.ts';
import { m as t } from '../i18n/messages/system.ts';
import { m as w } from '../i18n/messages/words.ts';

/** Names a few known values, so a typo can be fixed without another command. */
function knownList(values: readonly string[]): string {
  if (values.length === 0) return w.noneDefinedYet;
  const shown = values.slice(0, 12).join(', ');
  return values.length > 12 ? t.knownMore(shown, values.length - 12) : shown;
}

export async function resolveYear(ctx: ServiceContext, code = ctx.yearCode): Promise<SchoolYear> {
  if (code) {
    const year = await findSchoolYear(ctx.db, ctx.school.id, code);
    if (!year) throw new AppError('not_found', t.unknownYear(code));
    return year;
  }
  const current = await findCurrentSchoolYear(ctx.db, ctx.school.id);
  if (!current) throw new AppError('not_found', t.noCurrentYear);
  return current;
}

export async function resolveClass(ctx: ServiceContext, year: SchoolYear, code: string): Promise<SchoolClass> {
  const found = await findClassByCode(ctx.db, year.id, code);
  if (found) return found;
  const known = await listClassCodes(ctx.db, year.id);
  throw new AppError('not_found', t.unknownClass(code, year.code, knownList(known)));
}

export async function resolveSubject(ctx: ServiceContext, code: string): Promise<Subject> {
  const found = await findSubjectByCode(ctx.db, ctx.school.id, code);
  if (found) return found;
  const known = (await listSubjects(ctx.db, ctx.school.id)).map((s) => s.code);
  throw new AppError('not_found', t.unknownSubject(code, knownList(known)));
}

export async function resolveStaff(ctx: ServiceContext, code: string, what = 'staff member'): Promise<StaffWithRoles> {
  const found = await findStaffByCode(ctx.db, ctx.school.id, code);
  if (!found) throw new AppError('not_found', t.unknownStaff(what, code));
  return found;
}

/** A student is named by code; a personas kods identifies them too. */
export async function resolveStudent(ctx: ServiceContext, ref: string): Promise<Student> {
  const byCode = await findStudentByCode(ctx.db, ctx.school.id, ref);
  if (byCode) return byCode;
  const personal = checkPersonalCode(ref);
  if (personal.ok) {
    const byPersonalCode = await findStudentByPersonalCode(ctx.db, ctx.school.id, personal.normalized);
    if (byPersonalCode) return byPersonalCode;
  }
  throw new AppError('not_found', t.unknownStudent(shownStudentCode(ref)));
}

/** The class the student is in on that day of the year: entries about a student are filed under it. */
export async function resolveStudentClass(ctx: ServiceContext, student: Student, year: SchoolYear, date: string): Promise<SchoolClass> {
  const placement = await placementOn(ctx.db, student.id, year.id, date);
  if (!placement) throw new AppError('invalid', t.studentInNoClass(`${student.first_name} ${student.last_name} (${student.code})`, year.code, date));
  return (await findClassById(ctx.db, placement.class_id))!;
}

export async function resolveStudents(ctx: ServiceContext, codes: readonly string[]): Promise<Student[]> {
  const found = await findStudentsByCodes(ctx.db, ctx.school.id, codes);
  const byCode = new Map(found.map((s) => [s.code, s]));
  const result: Student[] = [];
  for (const code of codes) result.push(byCode.get(code) ?? (await resolveStudent(ctx, code)));
  return result;
}

export async function loadCalendar(ctx: ServiceContext): Promise<WorkingCalendar> {
  const rows = await listHolidays(ctx.db, ctx.school.id);
  return new WorkingCalendar(rows.map((r) => ({ from: r.starts_on, to: r.ends_on, kind: r.kind, name: r.name })));
}
