import { AppError } from '../errors.ts';
import { findStaffByCode, insertStaff, listStaff, replaceRoles, updateStaff, type StaffWithRoles } from '../db/repositories/staff.ts';
import { classesLedBy } from '../db/repositories/classes.ts';
import { isRole, ROLES, type Role } from '../domain/roles.ts';
import { requireReadRight, requireRight, timestamp, type ServiceContext } from './context.ts';
import { optionalEmail, optionalName, optionalPhone, requireName } from './input.ts';
import { resolveStaff } from './lookup.ts';
import { syncProfile } from './account-provisioning.ts';
import { m as t } from '../i18n/messages/system.ts';
import { m as st } from '../i18n/messages/staff.ts';

export interface StaffView {
  id: number;
  code: string;
  first_name: string;
  last_name: string;
  roles: Role[];
  phone: string | null;
  email: string | null;
  active: boolean;
}

export interface StaffInput {
  firstName?: string;
  lastName?: string;
  roles?: string[];
  phone?: string;
  email?: string;
}

export const CODE_PATTERN = /^[\p{L}\p{N}._-]+$/u;

export function checkCode(code: string, what: string): string {
  const trimmed = code.trim();
  if (!CODE_PATTERN.test(trimmed)) throw new AppError('invalid', t.badCode(what, code));
  return trimmed;
}

/** An employee's name as messages show it (issue 18 §4: people are named, not only coded). */
export function staffName(s: { first_name: string; last_name: string }): string {
  return `${s.first_name} ${s.last_name}`.trim();
}

function parseRoles(values: readonly string[]): Role[] {
  const roles = new Set<Role>();
  for (const value of values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean)) {
    if (!isRole(value)) throw new AppError('usage', st.unknownRole(value, ROLES.join(', ')));
    roles.add(value);
  }
  return [...roles].sort();
}

export function toStaffView(s: StaffWithRoles): StaffView {
  return { id: s.id, code: s.code, first_name: s.first_name, last_name: s.last_name, roles: s.roles, phone: s.phone, email: s.email, active: s.active === 1 };
}

function syncStaffProfile(ctx: ServiceContext, s: StaffWithRoles): Promise<void> {
  return syncProfile(ctx, { kind: 'staff', id: s.id, firstName: s.first_name, lastName: s.last_name, phone: s.phone, active: s.active === 1 });
}

export async function addStaff(ctx: ServiceContext, codeInput: string, input: StaffInput): Promise<StaffView> {
  requireRight(ctx, 'manage-registry');
  const code = checkCode(codeInput, 'Staff');
  const existing = await findStaffByCode(ctx.db, ctx.school.id, code);
  if (existing) throw new AppError('conflict', st.staffExists(staffName(existing), code));
  const roles = parseRoles(input.roles ?? []);
  if (roles.length === 0) throw new AppError('usage', st.roleRequired(ROLES.join(', ')));
  const at = timestamp(ctx);
  const row = await insertStaff(
    ctx.db,
    {
      school_id: ctx.school.id,
      code,
      first_name: requireName(input.firstName, 'first-name'),
      last_name: requireName(input.lastName, 'last-name'),
      phone: optionalPhone(input.phone) ?? null,
      email: optionalEmail(input.email) ?? null,
      created_at: at,
      updated_at: at,
    },
    roles,
  );
  await syncStaffProfile(ctx, row);
  return toStaffView(row);
}

export async function setStaff(ctx: ServiceContext, code: string, input: StaffInput & { active?: boolean }): Promise<StaffView> {
  requireRight(ctx, 'manage-registry');
  const staff = await resolveStaff(ctx, code);
  const roles = input.roles === undefined ? undefined : parseRoles(input.roles);
  if (roles && roles.length === 0) throw new AppError('usage', st.roleEmpty(ROLES.join(', ')));
  const losesAdmin = staff.roles.includes('admin') && ((roles && !roles.includes('admin')) || input.active === false);
  if (losesAdmin) {
    const activeAdmins = (await listStaff(ctx.db, ctx.school.id, { role: 'admin' })).filter((a) => a.active === 1);
    if (activeAdmins.length <= 1) throw new AppError('conflict', st.lastAdmin(staffName(staff), staff.code));
  }
  if (roles && staff.roles.includes('class-teacher') && !roles.includes('class-teacher')) {
    const classes = await classesLedBy(ctx.db, staff.id);
    if (classes.length > 0) throw new AppError('conflict', st.leadsClasses(staffName(staff), staff.code, classes.join(', ')));
  }
  const firstName = optionalName(input.firstName, 'first-name');
  const lastName = optionalName(input.lastName, 'last-name');
  if (firstName === null || lastName === null) throw new AppError('invalid', st.emptyName);
  await updateStaff(ctx.db, staff.id, {
    first_name: firstName,
    last_name: lastName,
    phone: optionalPhone(input.phone),
    email: optionalEmail(input.email),
    active: input.active === undefined ? undefined : input.active ? 1 : 0,
    updated_at: timestamp(ctx),
  });
  if (roles) await replaceRoles(ctx.db, staff.id, roles);
  const updated = await resolveStaff(ctx, staff.code);
  await syncStaffProfile(ctx, updated);
  return toStaffView(updated);
}

export async function listStaffViews(ctx: ServiceContext, filter: { role?: string } = {}): Promise<StaffView[]> {
  requireReadRight(ctx, 'read-staff');
  if (filter.role && !isRole(filter.role)) throw new AppError('usage', st.unknownRole(filter.role, ROLES.join(', ')));
  return (await listStaff(ctx.db, ctx.school.id, { role: filter.role as Role | undefined })).map(toStaffView);
}
