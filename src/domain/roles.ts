export const ROLES = ['admin', 'deputy', 'class-teacher', 'teacher', 'nurse', 'social-pedagogue'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
