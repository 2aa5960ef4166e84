import { AppError } from '../errors.ts';
import type { SchoolYear } from '../db/schema.ts';
import { listSchoolYears } from '../db/repositories/school-years.ts';
import { reportClasses, type ReportClass } from '../db/repositories/report-data.ts';
import { placementsOf } from '../db/repositories/students.ts';
import type { IsoDate } from '../domain/dates.ts';
import type { ServiceContext } from '../services/context.ts';
import { resolveClass, resolveStudent, resolveYear } from '../services/lookup.ts';
import { readingIn } from '../services/reading.ts';
import { m as t } from '../i18n/messages/files-reports.ts';

/** Whom a report is for: `--class` (repeatable), `--student` (repeatable) or `--all`. */
export interface AudienceInput {
  class?: string[];
  student?: string[];
  all?: boolean;
}

export interface Audience {
  year: SchoolYear;
  classes: ReportClass[];
  /** Only these students; null means everybody in the classes. */
  studentIds: Set<number> | null;
}

/** `--year` when given, else the school year that contains the date (a month's extract knows its year). */
export async function yearOf(ctx: ServiceContext, date: IsoDate): Promise<SchoolYear> {
  if (ctx.yearCode) return resolveYear(ctx);
  const years = await listSchoolYears(ctx.db, ctx.school.id);
  const found = years.find((y) => y.starts_on <= date && date <= y.ends_on);
  if (found) return found;
  throw new AppError('not_found', t.noYearContains(date, years.map((y) => `${y.code} ${y.starts_on}–${y.ends_on}`).join(', ') || t.noneKnown));
}

/**
 * Whom a class report covers, each class or student checked against the
 * reader's right to the class journal: a report is refused whole (exit 5)
 * rather than printed with someone missing.
 */
export async function resolveAudience(ctx: ServiceContext, year: SchoolYear, input: AudienceInput): Promise<Audience> {
  const classCodes = input.class ?? [];
  const studentRefs = input.student ?? [];
  const chosen = [classCodes.length > 0, studentRefs.length > 0, !!input.all].filter(Boolean).length;
  if (chosen !== 1) throw new AppError('usage', t.sayWhomFor);
  const reading = await readingIn(ctx, year);
  if (input.all) {
    const classes = await reportClasses(ctx.db, year.id);
    for (const schoolClass of classes) reading.require('read-journal', { classes: [schoolClass.code] });
    return { year, classes, studentIds: null };
  }
  if (classCodes.length > 0) {
    for (const code of classCodes) await reading.requireNamed('read-journal', { schoolClass: await resolveClass(ctx, year, code) });
    return { year, classes: await reportClasses(ctx.db, year.id, classCodes), studentIds: null };
  }
  const studentIds = new Set<number>();
  const codes = new Set<string>();
  for (const ref of studentRefs) {
    const student = await resolveStudent(ctx, ref);
    const placements = (await placementsOf(ctx.db, student.id)).filter((p) => p.year === year.code);
    if (placements.length === 0) throw new AppError('not_found', t.inNoClass(`${student.first_name} ${student.last_name} (${student.code})`, year.code));
    reading.require('read-journal', { student: student.code, classes: placements.map((p) => p.class) });
    studentIds.add(student.id);
    for (const p of placements) codes.add(p.class);
  }
  return { year, classes: await reportClasses(ctx.db, year.id, [...codes]), studentIds };
}
