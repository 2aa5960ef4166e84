import { AppError } from '../errors.ts';
import type { Db } from '../db/connection.ts';
import type { School, SchoolYear } from '../db/schema.ts';
import { insertSchool } from '../db/repositories/schools.ts';
import { insertStaff, type StaffWithRoles } from '../db/repositories/staff.ts';
import { insertHoliday } from '../db/repositories/holidays.ts';
import { KNOWN_ONE_OFF_HOLIDAYS } from '../domain/calendar.ts';
import { localTimestamp } from '../domain/dates.ts';
import { createSchoolYear } from './years.ts';
import { m as r } from '../i18n/messages/registry.ts';

export interface InitInput {
  school: string;
  year: string;
  registrationNumber?: string;
  director?: string;
  adminCode?: string;
  adminFirstName?: string;
  adminLastName?: string;
}

export interface InitResult {
  school: School;
  year: SchoolYear;
  admin: StaffWithRoles;
}

/** A new school: its first year with default dates and breaks, national one-off holidays, and the first administrator. */
export async function initializeSchool(db: Db, input: InitInput, now: Date): Promise<InitResult> {
  const name = input.school.trim();
  if (!name) throw new AppError('usage', r.schoolRequired);
  const at = localTimestamp(now);
  const school = await insertSchool(db, {
    name,
    registration_number: input.registrationNumber?.trim() || null,
    director: input.director?.trim() || null,
    created_at: at,
  });
  const adminCode = (input.adminCode ?? 'admin').trim();
  if (!/^[\p{L}\p{N}._-]+$/u.test(adminCode)) throw new AppError('invalid', r.badAdminCode(adminCode));
  const admin = await insertStaff(
    db,
    {
      school_id: school.id,
      code: adminCode,
      first_name: input.adminFirstName?.trim() || 'Skolas',
      last_name: input.adminLastName?.trim() || 'administrators',
      phone: null,
      email: null,
      created_at: at,
      updated_at: at,
    },
    ['admin'],
  );
  for (const holiday of KNOWN_ONE_OFF_HOLIDAYS) {
    await insertHoliday(db, { school_id: school.id, school_year_id: null, starts_on: holiday.from, ends_on: holiday.to, kind: holiday.kind, name: holiday.name, created_at: at, created_by: null });
  }
  const year = await createSchoolYear(db, school.id, { code: input.year, current: true }, now, null);
  return { school, year, admin };
}
