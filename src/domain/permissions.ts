import type { Role } from './roles.ts';

/** What a command needs to be allowed to do (REFERENCE §1–3; regulation §15–23, §28). */
export type Right =
  | 'manage-registry'
  | 'edit-student-contact'
  | 'record-lesson'
  | 'mark-absence'
  | 'justify-absence'
  | 'correct-absence'
  | 'enter-grade'
  | 'correct-grade'
  | 'record-extract-return'
  | 'record-behavior'
  | 'remove-behavior'
  | 'keep-class-appendix'
  | 'read-parent-conversations'
  | 'read-audit-log'
  | 'export-personal-data'
  | 'anonymize-personal-data';

export interface Actor {
  id: number;
  code: string;
  name: string;
  roles: readonly Role[];
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

const RIGHT_LABELS: Record<Right, string> = {
  'manage-registry': 'manage the school registry',
  'edit-student-contact': "edit a student's contact data",
  'record-lesson': 'record lessons',
  'mark-absence': 'mark absences',
  'justify-absence': 'justify absences',
  'correct-absence': 'correct absences',
  'enter-grade': 'enter grades',
  'correct-grade': 'correct grades',
  'record-extract-return': 'record returned grade extract slips',
  'record-behavior': 'write in the behaviour journal',
  'remove-behavior': 'remove behaviour entries',
  'keep-class-appendix': "keep the class teacher's appendices",
  'read-parent-conversations': 'read conversations with parents',
  'read-audit-log': 'read the audit log',
  'export-personal-data': "export a student's personal data",
  'anonymize-personal-data': 'anonymise personal data',
};

/** Deputies and admins may do everything (regulation §5–11)… */
const UNRESTRICTED: readonly Role[] = ['admin', 'deputy'];
/** …except what cannot be undone to everybody's data at once: the admin's alone (issue 7). */
const ADMIN_ONLY: readonly Right[] = ['anonymize-personal-data'];

function allowedByScope(right: Right, scope: Scope, isTeacher: boolean): boolean {
  switch (right) {
    case 'manage-registry':
    case 'read-audit-log':
    case 'export-personal-data':
    case 'anonymize-personal-data':
      return false;
    case 'edit-student-contact':
    case 'justify-absence':
    case 'record-extract-return':
    case 'keep-class-appendix':
    case 'read-parent-conversations':
      return !!scope.classTeacher;
    case 'record-behavior':
      return !!scope.teachesClass || !!scope.classTeacher;
    case 'remove-behavior':
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
    case 'read-audit-log':
    case 'export-personal-data':
      return 'only an admin or a deputy director may';
    case 'anonymize-personal-data':
      return 'only an admin may';
    case 'edit-student-contact':
    case 'justify-absence':
    case 'record-extract-return':
    case 'keep-class-appendix':
    case 'read-parent-conversations':
      return `is not the class teacher of${target || ' this class'}`;
    case 'record-behavior':
      return `neither teaches in${target || ' this class'} nor is its class teacher`;
    case 'remove-behavior':
      return `did not write${target || ' this entry'}`;
    case 'record-lesson':
    case 'mark-absence':
    case 'enter-grade':
      return `does not teach${target || ' this class and subject'}`;
    case 'correct-absence':
    case 'correct-grade':
      return `neither teaches${target || ' this subject'} nor is the class teacher`;
  }
}

export function authorize(actor: Actor, right: Right, scope: Scope = {}): Decision {
  if (ADMIN_ONLY.includes(right) ? actor.roles.includes('admin') : actor.roles.some((role) => UNRESTRICTED.includes(role))) return { allowed: true };
  if (allowedByScope(right, scope, actor.roles.includes('teacher'))) return { allowed: true };
  return {
    allowed: false,
    reason: `${actor.code} (${actor.name}) may not ${RIGHT_LABELS[right]}: ${whyNot(right, scope)}`,
  };
}
