import { AppError } from '../errors.ts';
import type { School } from '../db/schema.ts';
import { updateSchool } from '../db/repositories/schools.ts';
import { requireReadRight, requireRight, type ServiceContext } from './context.ts';
import { optionalText } from './input.ts';

export interface SchoolInput {
  name?: string;
  registrationNumber?: string;
  director?: string;
}

export function showSchool(ctx: ServiceContext): School {
  requireReadRight(ctx, 'read-school-setup');
  return ctx.school;
}

/** The school's own data; the director's name is printed on report cards. */
export async function setSchool(ctx: ServiceContext, input: SchoolInput): Promise<School> {
  requireRight(ctx, 'manage-registry');
  const name = optionalText(input.name);
  if (name === null) throw new AppError('invalid', "The school's name may not be empty.");
  if (name === undefined && input.registrationNumber === undefined && input.director === undefined) {
    throw new AppError('usage', 'Nothing to change: give --name, --registration-number or --director.');
  }
  return updateSchool(ctx.db, ctx.school.id, { name, registration_number: optionalText(input.registrationNumber), director: optionalText(input.director) });
}
