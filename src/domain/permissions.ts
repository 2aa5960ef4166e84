import type { ActorKind, Role } from './roles.ts';
import { m as t } from '../i18n/messages/rights.ts';

/**
 * What a command needs to be allowed to do (REFERENCE §1–3; regulation §15–23, §28).
 * A runtime list, so that the permission tests can check that every right has its rows.
 */
export const RIGHTS = [
  'manage-registry',
  'edit-student-contact',
  'record-lesson',
  'mark-absence',
  'justify-absence',
  'correct-absence',
  'enter-grade',
  'correct-grade',
  'record-extract-return',
  'record-behavior',
  'remove-behavior',
  'keep-class-appendix',
  'read-parent-conversations',
  'manage-timetable',
  'record-inspection',
  'manage-accounts',
  'decide-promotion',
  'close-year',
  'read-individual-work',
  'read-audit-log',
  'export-personal-data',
  'anonymize-personal-data',
  'set-substitution',
] as const;
export type Right = (typeof RIGHTS)[number];

export interface Actor {
  /** Who acts: an employee (id is a staff id), or a student or guardian as themselves (id is theirs). */
  kind: ActorKind;
  id: number;
  code: string;
  name: string;
  /** Staff roles; empty for a student or a guardian. */
  roles: readonly Role[];
}

/** The actor an employee acts as. */
export function staffActor(staff: { id: number; code: string; first_name: string; last_name: string; roles: readonly Role[] }): Actor {
  return { kind: 'staff', id: staff.id, code: staff.code, name: `${staff.first_name} ${staff.last_name}`.trim(), roles: staff.roles };
}

/**
 * Facts about the record being touched, gathered by the service. Kept as plain
 * booleans so the rule itself stays pure and table-testable.
 */
export interface Scope {
  /** Human label of the target for messages, e.g. "mat in 7.a". */
  target?: string;
  /** The actor has a teaching assignment for this class and subject. */
  teaches?: boolean;
  /** The actor taught this very lesson (e.g. as a substitute). */
  taughtLesson?: boolean;
  /** The actor substitutes for a teacher who has the assignment. */
  substitutes?: boolean;
  /** The actor is the class teacher (audzinātājs) of the student's class. */
  classTeacher?: boolean;
  /** The actor teaches some subject in the class (any assignment there). */
  teachesClass?: boolean;
  /** The actor wrote the entry being changed. */
  author?: boolean;
}

export type Decision = { allowed: true } | { allowed: false; reason: string };

/** What a right lets one do, as a phrase after "may not" (src/i18n/messages/rights.ts holds both languages). */
const rightLabel = (right: Right): string => t.rights[right]!;

/** Deputies and admins may do everything (regulation §5–11)… */
const UNRESTRICTED: readonly Role[] = ['admin', 'deputy'];
/** …except what cannot be undone to everybody's data at once: the admin's alone (issue 7). */
const ADMIN_ONLY: readonly Right[] = ['anonymize-personal-data'];

function allowedByScope(right: Right, scope: Scope, isTeacher: boolean): boolean {
  switch (right) {
    case 'manage-registry':
    case 'manage-timetable':
    case 'record-inspection':
    case 'manage-accounts':
    case 'decide-promotion':
    case 'close-year':
    case 'read-audit-log':
    case 'export-personal-data':
    case 'anonymize-personal-data':
      return false;
    case 'edit-student-contact':
    case 'justify-absence':
    case 'record-extract-return':
    case 'keep-class-appendix':
    case 'read-parent-conversations':
    case 'set-substitution':
      return !!scope.classTeacher;
    case 'record-behavior':
      return !!scope.teachesClass || !!scope.classTeacher;
    case 'remove-behavior':
    case 'read-individual-work':
      return !!scope.author;
    case 'record-lesson':
      return !!scope.teaches || (isTeacher && !!scope.substitutes);
    case 'mark-absence':
    case 'enter-grade':
      return !!scope.teaches || !!scope.taughtLesson;
    case 'correct-absence':
    case 'correct-grade':
      return !!scope.teaches || !!scope.taughtLesson || !!scope.classTeacher;
  }
}

function whyNot(right: Right, scope: Scope): string {
  const target = scope.target ? ` ${scope.target}` : '';
  switch (right) {
    case 'manage-registry':
    case 'manage-timetable':
    case 'record-inspection':
    case 'manage-accounts':
    case 'decide-promotion':
    case 'close-year':
    case 'read-audit-log':
    case 'export-personal-data':
      return t.onlyAdminOrDeputy;
    case 'anonymize-personal-data':
      return t.onlyAdmin;
    case 'edit-student-contact':
    case 'justify-absence':
    case 'record-extract-return':
    case 'keep-class-appendix':
    case 'read-parent-conversations':
    case 'set-substitution':
      return t.notClassTeacher(target);
    case 'record-behavior':
      return t.neitherTeachesInNorClassTeacher(target);
    case 'remove-behavior':
    case 'read-individual-work':
      return t.didNotWrite(target);
    case 'record-lesson':
    case 'mark-absence':
    case 'enter-grade':
      return t.doesNotTeach(target);
    case 'correct-absence':
    case 'correct-grade':
      return t.neitherTeachesNorClassTeacher(target);
  }
}

/** Students, guardians and guests read only (REFERENCE §8, regulation §32): they change nothing. */
export function mayWriteAtAll(actor: Actor): boolean {
  const onlyGuest = actor.roles.length > 0 && actor.roles.every((role) => role === 'guest');
  return actor.kind === 'staff' && !onlyGuest;
}

/** "a guest", "a student", "a guardian": who only reads (for refusals). */
export function readerKind(actor: Actor): string {
  return t.readerKind(actor.kind === 'staff' ? 'guest' : actor.kind);
}

/**
 * `reading` says the command only reads (a list, a report): a reading role
 * refused there is told who may, not that it "only reads the journal", which
 * is what it was trying to do.
 */
export function authorize(actor: Actor, right: Right, scope: Scope = {}, options: { reading?: boolean } = {}): Decision {
  if (!mayWriteAtAll(actor)) {
    const why = options.reading ? whyNot(right, scope) : t.onlyReads(readerKind(actor));
    return { allowed: false, reason: t.refusal(actor.code, actor.name, rightLabel(right), why) };
  }
  if (ADMIN_ONLY.includes(right) ? actor.roles.includes('admin') : actor.roles.some((role) => UNRESTRICTED.includes(role))) return { allowed: true };
  if (allowedByScope(right, scope, actor.roles.includes('teacher'))) return { allowed: true };
  return {
    allowed: false,
    reason: t.refusal(actor.code, actor.name, rightLabel(right), whyNot(right, scope)),
  };
}
