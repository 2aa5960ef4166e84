import { AppError } from '../errors.ts';
import { isLanguage } from '../i18n/language.ts';
import type { School } from '../db/schema.ts';
import { updateSchool } from '../db/repositories/schools.ts';
import { requireReadRight, requireRight, type ServiceContext } from './context.ts';
import { optionalText, requireInteger } from './input.ts';
import { DEFAULT_GRADE_DEADLINES, type GradeDeadlineRules } from '../domain/deadlines.ts';
import { m as r } from '../i18n/messages/registry.ts';

export interface SchoolInput {
  name?: string;
  registrationNumber?: string;
  director?: string;
  /** Working days for entering tests' grades (§22: "a week"); "default" goes back to 5. */
  testDeadlineDays?: string;
  /** The language the tool speaks to the school's staff: lv or en ("default" goes back to Latvian). */
  language?: string;
}

export function showSchool(ctx: ServiceContext): School {
  requireReadRight(ctx, 'read-school-setup');
  return ctx.school;
}

/** The school's own data; the director's name is printed on report cards. */
export async function setSchool(ctx: ServiceContext, input: SchoolInput): Promise<School> {
  requireRight(ctx, 'manage-registry');
  const name = optionalText(input.name);
  if (name === null) throw new AppError('invalid', r.schoolNameEmpty);
  const language = input.language?.trim().toLowerCase();
  if (language !== undefined && language !== 'default' && !isLanguage(language)) throw new AppError('invalid', r.unknownLanguage(String(input.language)));
  if (name === undefined && input.registrationNumber === undefined && input.director === undefined && input.testDeadlineDays === undefined && language === undefined) {
    throw new AppError('usage', r.schoolNothingToChange);
  }
  const testDays = input.testDeadlineDays;
  return updateSchool(ctx.db, ctx.school.id, {
    name,
    registration_number: optionalText(input.registrationNumber),
    director: optionalText(input.director),
    language: language === undefined ? undefined : language === 'default' || language === 'lv' ? null : language,
    test_deadline_days: testDays === undefined ? undefined : testDays === 'default' || testDays === 'noklusējums' ? null : requireInteger(testDays, 'test-deadline-days', 1, 30),
  });
}

/** The school's entry deadlines for grades (§22): the regulation's, with the school's own for tests. */
export function gradeDeadlineRules(school: School): GradeDeadlineRules {
  return { ...DEFAULT_GRADE_DEADLINES, test: school.test_deadline_days ?? DEFAULT_GRADE_DEADLINES.test };
}
