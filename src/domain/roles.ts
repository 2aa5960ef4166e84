export const ROLES = ['admin', 'deputy', 'class-teacher', 'teacher', 'nurse', 'social-pedagogue', 'guest'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Students and guardians act as themselves, not as employees: they hold no staff role. */
export type ActorKind = 'staff' | 'student' | 'guardian';

/** A column of the permissions table: an employee's role, or a student or guardian acting as themselves. */
export type ReaderRole = Role | 'student' | 'guardian';
export const READER_ROLES: readonly ReaderRole[] = [...ROLES, 'student', 'guardian'];
