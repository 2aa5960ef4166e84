import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Actor } from '../../src/domain/permissions.ts';
import { authorizeRead, mayEverRead, operatorDecision, READ_RIGHTS, roleMayRead, type ReadRight, type ReadScope } from '../../src/domain/reading.ts';
import { READER_ROLES, type ReaderRole } from '../../src/domain/roles.ts';

type Flag = Exclude<keyof ReadScope, 'target'>;
const FLAGS: readonly Flag[] = ['teachesClass', 'classTeacher', 'granted', 'own', 'ownClass', 'self'];

/**
 * The permissions table as the issue and the README state it: per role, the
 * rights it reads always, or the scope facts any one of which gives the right.
 * A right not listed is refused whatever the facts.
 */
const ALWAYS = 'always' as const;
const TEACHING = {
  'read-school-setup': ALWAYS,
  'read-staff': ALWAYS,
  'read-registry': ['teachesClass', 'classTeacher'],
  'read-journal': ['teachesClass', 'classTeacher'],
  'read-personal-file': ['classTeacher'],
  'read-teacher-report': ['self'],
  'read-journal-control': ['self', 'classTeacher'],
} as const;
const CARE = { 'read-school-setup': ALWAYS, 'read-staff': ALWAYS, 'read-registry': ALWAYS } as const;
const FAMILY = { 'read-school-setup': ALWAYS, 'read-registry': ['own'], 'read-personal-file': ['own'], 'read-journal': ['own', 'ownClass'] } as const;
const EVERYTHING = Object.fromEntries(READ_RIGHTS.map((r) => [r, ALWAYS]));
const TABLE: Record<ReaderRole, Partial<Record<ReadRight, typeof ALWAYS | readonly Flag[]>>> = {
  admin: EVERYTHING,
  deputy: EVERYTHING,
  'class-teacher': TEACHING,
  teacher: TEACHING,
  nurse: CARE,
  'social-pedagogue': CARE,
  guest: { 'read-school-setup': ALWAYS, 'read-registry': ['granted'], 'read-journal': ['granted'] },
  student: FAMILY,
  guardian: FAMILY,
};

function expected(role: ReaderRole, right: ReadRight, flags: readonly Flag[]): boolean {
  const rule = TABLE[role][right];
  if (rule === undefined) return false;
  return rule === ALWAYS || flags.some((f) => rule.includes(f));
}

const FLAG_SETS: Flag[][] = Array.from({ length: 1 << FLAGS.length }, (_, mask) => FLAGS.filter((_, i) => mask & (1 << i)));

// The whole table, row by row: 9 roles × 9 rights × 64 combinations of facts.
for (const role of READER_ROLES) {
  for (const right of READ_RIGHTS) {
    for (const flags of FLAG_SETS) {
      const allowed = expected(role, right, flags);
      test(`${role} · ${right} · {${flags.join(',')}} → ${allowed ? 'reads' : 'refused'}`, () => {
        const scope: ReadScope = { target: '7.a', ...Object.fromEntries(flags.map((f) => [f, true])) };
        assert.is(roleMayRead(role, right, scope), allowed);
      });
    }
  }
}

const staff = (...roles: Actor['roles'][number][]): Actor => ({ kind: 'staff', id: 7, code: 'T07', name: 'Anna Kalniņa', roles });
const student: Actor = { kind: 'student', id: 1, code: 'S001', name: 'Jānis Bērziņš', roles: [] };
const guardian: Actor = { kind: 'guardian', id: 3, code: 'guardian:3', name: 'Ilze Bērziņa', roles: [] };

test('an employee reads with any one of their roles', () => {
  assert.is(authorizeRead(staff('nurse', 'teacher'), 'read-journal', { teachesClass: true }).allowed, true);
  assert.is(authorizeRead(staff('nurse', 'teacher'), 'read-registry', {}).allowed, true);
  assert.is(authorizeRead(staff('nurse'), 'read-journal', { teachesClass: true, classTeacher: true }).allowed, false);
});

test('a student or guardian reads by their own facts only, never by an employee role', () => {
  assert.is(authorizeRead(student, 'read-journal', { teachesClass: true, classTeacher: true, granted: true }).allowed, false);
  assert.is(authorizeRead(student, 'read-journal', { own: true }).allowed, true);
  assert.is(authorizeRead(guardian, 'read-personal-file', { own: true }).allowed, true);
  assert.is(authorizeRead(guardian, 'export-records', { own: true, ownClass: true }).allowed, false);
});

test('refusals name who, the missing right and why', () => {
  const cases: [Actor, ReadRight, ReadScope, string][] = [
    [staff('teacher'), 'read-journal', { target: '7.b' }, 'T07 (Anna Kalniņa) may not read the class journal: neither teaches in 7.b nor is its class teacher'],
    [staff('teacher', 'class-teacher'), 'read-personal-file', { target: 'S002 in 7.a', teachesClass: true }, "T07 (Anna Kalniņa) may not read a student's personal file: is not the class teacher of S002 in 7.a"],
    [staff('nurse'), 'read-journal', { target: '7.a' }, 'T07 (Anna Kalniņa) may not read the class journal: neither teaches in 7.a nor is its class teacher'],
    [staff('guest'), 'read-journal', { target: '7.a' }, 'T07 (Anna Kalniņa) may not read the class journal: no grant of theirs covers 7.a today'],
    [staff('teacher'), 'export-records', { target: 'grades' }, 'T07 (Anna Kalniņa) may not export records: only an admin or a deputy director may'],
    [staff('teacher'), 'read-teacher-report', { target: 'T02' }, "T07 (Anna Kalniņa) may not read a teacher's subject report: it is not their own report (T02)"],
    [student, 'read-journal', { target: 'S002' }, 'S001 (Jānis Bērziņš) may not read the class journal: S002 is not their own data'],
    [guardian, 'read-journal', { target: 'S002' }, "guardian:3 (Ilze Bērziņa) may not read the class journal: S002 is not their child's data"],
    [student, 'read-staff', {}, 'S001 (Jānis Bērziņš) may not read the staff list and teaching assignments: this is not their own data'],
  ];
  for (const [actor, right, scope, reason] of cases) assert.equal(authorizeRead(actor, right, scope), { allowed: false, reason });
});

test('the operator rule: the owner of the database file reads without an identity, anyone else is asked for one', () => {
  assert.equal(operatorDecision(1000, 1000), { allowed: true });
  assert.equal(operatorDecision(0, 0), { allowed: true });
  const refused = operatorDecision(1000, 1001);
  assert.is(refused.allowed, false);
  if (!refused.allowed) assert.match(refused.reason, /belongs to another user \(uid 1000, you are 1001\): say who you are with --as/);
  // Even root is asked: reading as the operator means owning the journal, not being able to open it.
  assert.is(operatorDecision(1000, 0).allowed, false);
  // Without POSIX owners the file's own permissions are the guard.
  assert.equal(operatorDecision(1000, undefined), { allowed: true });
});

test('mayEverRead: whether some facts could give the right (lists refuse the others outright)', () => {
  assert.is(mayEverRead(staff('nurse'), 'read-journal'), false);
  assert.is(mayEverRead(staff('nurse'), 'read-registry'), true);
  assert.is(mayEverRead(staff('teacher'), 'read-journal'), true);
  assert.is(mayEverRead(staff('guest'), 'read-journal'), true);
  assert.is(mayEverRead(staff('guest'), 'read-staff'), false);
  assert.is(mayEverRead(student, 'read-journal'), true);
  assert.is(mayEverRead(guardian, 'read-teacher-report'), false);
});

test('every read right and reader role is in the table', () => {
  assert.equal([...READER_ROLES], ['admin', 'deputy', 'class-teacher', 'teacher', 'nurse', 'social-pedagogue', 'guest', 'student', 'guardian']);
  assert.equal(Object.keys(TABLE).sort(), [...READER_ROLES].sort());
  assert.is(READ_RIGHTS.length, 9);
});

test.run();
