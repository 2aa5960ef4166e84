import type { Actor, Decision } from './permissions.ts';
import type { ReaderRole } from './roles.ts';
import { m as t } from '../i18n/messages/rights.ts';

/**
 * What a reading command needs (REFERENCE §1, §8; regulation §3, §15, §32).
 * A new command names the right it reads under; the table below decides.
 * A runtime list, so that the reading tests can check that every right has its rows.
 */
export const READ_RIGHTS = [
  /** The school, its years, holidays, calendar, subjects and classes: no personal data. */
  'read-school-setup',
  /** The employees and who teaches what. */
  'read-staff',
  /** The student registry: names, classes, guardians and their phones. */
  'read-registry',
  /** A student's whole personal file (personas kods, addresses, the year's record). */
  'read-personal-file',
  /** The class journal: lessons, grades, absences, behaviour, notes, briefings and the class documents. */
  'read-journal',
  /** A teacher's own subject report. */
  'read-teacher-report',
  /** Which lessons were taught by substitutes, across the school. */
  'read-substitutions',
  /** Whole kinds of records written out for another system. */
  'export-records',
  /** The deputy's control of the journal (§11, §17, §22): late entries, missing lessons, inspections. */
  'read-journal-control',
] as const;
export type ReadRight = (typeof READ_RIGHTS)[number];

/** Facts about what is read, gathered by the service; plain booleans keep the rule pure. */
export interface ReadScope {
  /** Human label of the target for messages, e.g. "7.a" or "S002". */
  target?: string;
  /** The employee teaches some subject in the class. */
  teachesClass?: boolean;
  /** The employee is the class teacher of the class. */
  classTeacher?: boolean;
  /** A guest's grant covers the class today. */
  granted?: boolean;
  /** The record is about the acting student, or about the acting guardian's child. */
  own?: boolean;
  /** A class-wide record with no other student's data (a lesson, a note to the class) of the student's (child's) class. */
  ownClass?: boolean;
  /** The record is the acting employee's own (their subject report). */
  self?: boolean;
}


export function readRightLabel(right: ReadRight): string {
  return t.readRights[right]!;
}

/** The permissions table for reading: may one role read under one right, given the facts? */
export function roleMayRead(role: ReaderRole, right: ReadRight, scope: ReadScope): boolean {
  if (role === 'admin' || role === 'deputy') return true;
  if (right === 'read-school-setup') return true;
  const inClass = !!scope.teachesClass || !!scope.classTeacher;
  switch (role) {
    case 'class-teacher':
    case 'teacher':
      switch (right) {
        case 'read-staff':
          return true;
        case 'read-registry':
        case 'read-journal':
          return inClass;
        case 'read-personal-file':
          return !!scope.classTeacher;
        case 'read-teacher-report':
          return !!scope.self;
        // A teacher sees how their own entries fare; a class teacher how their class's journal does.
        case 'read-journal-control':
          return !!scope.self || !!scope.classTeacher;
        default:
          return false;
      }
    case 'nurse':
    case 'social-pedagogue':
      return right === 'read-staff' || right === 'read-registry';
    case 'guest':
      return (right === 'read-registry' || right === 'read-journal') && !!scope.granted;
    case 'student':
    case 'guardian':
      switch (right) {
        case 'read-registry':
        case 'read-personal-file':
          return !!scope.own;
        case 'read-journal':
          return !!scope.own || !!scope.ownClass;
        default:
          return false;
      }
  }
}

/** The roles an actor reads with: an employee's staff roles, else the student or guardian they are. */
export function readerRoles(actor: Actor): readonly ReaderRole[] {
  return actor.kind === 'staff' ? actor.roles : [actor.kind];
}

function whyNot(actor: Actor, right: ReadRight, scope: ReadScope): string {
  const target = scope.target ? ` ${scope.target}` : '';
  if (actor.kind !== 'staff') return t.notOwnData(target, actor.kind === 'student');
  const roles = actor.roles;
  if (roles.length > 0 && roles.every((r) => r === 'guest')) return t.noGrant(target);
  switch (right) {
    case 'read-registry':
    case 'read-journal':
      return t.neitherTeachesInNorClassTeacher(target);
    case 'read-personal-file':
      return t.notClassTeacherOfStudent(target);
    case 'read-teacher-report':
      return t.notOwnReport(target);
    case 'read-journal-control':
      return t.notOwnControl(target);
    default:
      return t.onlyAdminOrDeputy;
  }
}

/** Whether any facts at all could give the actor the right: a listing refuses those it never could. */
export function mayEverRead(actor: Actor, right: ReadRight): boolean {
  const everything: ReadScope = { teachesClass: true, classTeacher: true, granted: true, own: true, ownClass: true, self: true };
  return authorizeRead(actor, right, everything).allowed;
}

export function authorizeRead(actor: Actor, right: ReadRight, scope: ReadScope = {}): Decision {
  if (readerRoles(actor).some((role) => roleMayRead(role, right, scope))) return { allowed: true };
  return { allowed: false, reason: t.refusal(actor.code, actor.name, readRightLabel(right), whyNot(actor, right, scope)) };
}

/**
 * A read with no identity is the system operator's: whoever owns the database
 * file may read it all, as they could with the sqlite3 shell anyway. Anyone
 * else must say who they are. Without POSIX owners (no getuid) the file's
 * permissions are the only guard, so the read is allowed.
 */
export function operatorDecision(fileOwner: number, processUser: number | undefined): Decision {
  if (processUser === undefined || fileOwner === processUser) return { allowed: true };
  return {
    allowed: false,
    reason: t.otherOwner(fileOwner, processUser),
  };
}
