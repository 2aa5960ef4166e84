import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Actor } from '../../src/domain/permissions.ts';
import { authorizeRead, mayEverRead, operatorDecision, READ_RIGHTS, roleMayRead, type ReadRight, type ReadScope } from '../../src/domain/reading.ts';
import { READER_ROLES, type ReaderRole } from '../../src/domain/roles.ts';

type Flag = Exclude<keyof ReadScope, 'target'>;
const EVERY: readonly Flag[] = ['teachesClass', 'classTeacher', 'granted', 'own', 'ownClass', 'self'];

/**
 * The permissions table for reading, as the issue and the README state it: one
 * entry per right, with its rows: the reader's role, the facts (ReadScope
 * flags, space-separated; `every` for all six), and whether they read.
 */
type Row = readonly [ReaderRole, string, boolean];

/** Admins and deputies read everything, with no facts at all. */
const UNRESTRICTED: Row[] = [
  ['admin', '', true],
  ['deputy', '', true],
];
/** Nobody else, whatever the facts. */
const NOBODY_ELSE: Row[] = (['class-teacher', 'teacher', 'nurse', 'social-pedagogue', 'guest', 'student', 'guardian'] as const).map((role) => [role, 'every', false]);

const TABLE: Partial<Record<ReadRight, readonly Row[]>> = {
  'read-school-setup': READER_ROLES.map((role) => [role, '', true]),
  'read-staff': [
    ...UNRESTRICTED,
    ['class-teacher', '', true],
    ['teacher', '', true],
    ['nurse', '', true],
    ['social-pedagogue', '', true],
    ['guest', 'every', false],
    ['student', 'every', false],
    ['guardian', 'every', false],
  ],
  'read-registry': [
    ...UNRESTRICTED,
    ['teacher', 'teachesClass', true],
    ['teacher', 'classTeacher', true],
    ['class-teacher', 'classTeacher', true],
    ['teacher', 'granted own ownClass self', false],
    ['class-teacher', 'granted own ownClass self', false],
    ['nurse', '', true],
    ['social-pedagogue', '', true],
    ['guest', 'granted', true],
    ['guest', 'teachesClass classTeacher own ownClass self', false],
    ['student', 'own', true],
    ['student', 'teachesClass classTeacher granted ownClass self', false],
    ['guardian', 'own', true],
    ['guardian', 'ownClass', false],
  ],
  'read-personal-file': [
    ...UNRESTRICTED,
    ['class-teacher', 'classTeacher', true],
    ['teacher', 'classTeacher', true],
    ['teacher', 'teachesClass granted own ownClass self', false],
    ['class-teacher', 'teachesClass granted own ownClass self', false],
    ['nurse', 'every', false],
    ['social-pedagogue', 'every', false],
    ['guest', 'every', false],
    ['student', 'own', true],
    ['student', 'teachesClass classTeacher granted ownClass self', false],
    ['guardian', 'own', true],
    ['guardian', 'ownClass', false],
  ],
  'read-journal': [
    ...UNRESTRICTED,
    ['teacher', 'teachesClass', true],
    ['class-teacher', 'classTeacher', true],
    ['teacher', 'granted own ownClass self', false],
    ['nurse', 'every', false],
    ['social-pedagogue', 'every', false],
    ['guest', 'granted', true],
    ['guest', 'teachesClass classTeacher own ownClass self', false],
    ['student', 'own', true],
    ['student', 'ownClass', true],
    ['student', 'teachesClass classTeacher granted self', false],
    ['guardian', 'own', true],
    ['guardian', 'ownClass', true],
    ['guardian', 'teachesClass classTeacher granted self', false],
  ],
  'read-teacher-report': [
    ...UNRESTRICTED,
    ['teacher', 'self', true],
    ['class-teacher', 'self', true],
    ['teacher', 'teachesClass classTeacher granted own ownClass', false],
    ['nurse', 'every', false],
    ['social-pedagogue', 'every', false],
    ['guest', 'every', false],
    ['student', 'every', false],
    ['guardian', 'every', false],
  ],
  'read-substitutions': [...UNRESTRICTED, ...NOBODY_ELSE],
  'export-records': [...UNRESTRICTED, ...NOBODY_ELSE],
  'read-journal-control': [
    ...UNRESTRICTED,
    ['teacher', 'self', true], // how their own entries fare
    ['class-teacher', 'classTeacher', true], // how their class's journal does
    ['teacher', 'classTeacher', true],
    ['teacher', 'teachesClass granted own ownClass', false],
    ['nurse', 'every', false],
    ['social-pedagogue', 'every', false],
    ['guest', 'every', false],
    ['student', 'every', false],
    ['guardian', 'every', false],
  ],
};

function actorFor(role: ReaderRole): Actor {
  if (role === 'student') return { kind: 'student', id: 1, code: 'S001', name: 'Jānis Bērziņš', roles: [] };
  if (role === 'guardian') return { kind: 'guardian', id: 3, code: 'guardian:3', name: 'Ilze Bērziņa', roles: [] };
  return { kind: 'staff', id: 7, code: 'T07', name: 'Anna Kalniņa', roles: [role] };
}

function scopeOf(facts: string): ReadScope {
  const flags = facts === 'every' ? EVERY : facts.split(' ').filter(Boolean);
  for (const flag of flags) if (!EVERY.includes(flag as Flag)) throw new Error(`no flag ${flag}`);
  return { target: '7.a', ...Object.fromEntries(flags.map((f) => [f, true])) };
}

for (const right of READ_RIGHTS) {
  test(`${right}: who reads, who may not`, () => {
    const rows = TABLE[right];
    if (!rows) return assert.unreachable(`${right} has no rows in the table`);
    const wrong = rows
      .filter(([role, facts, reads]) => authorizeRead(actorFor(role), right, scopeOf(facts)).allowed !== reads || roleMayRead(role, right, scopeOf(facts)) !== reads)
      .map(([role, facts, reads]) => `${role} {${facts}} should ${reads ? 'read' : 'be refused'}`);
    assert.equal(wrong, [], `${right}:\n  ${wrong.join('\n  ')}`);
  });
}

test('every read right in src has its rows, with every reader role in each', () => {
  assert.equal(Object.keys(TABLE).sort(), [...READ_RIGHTS].sort(), 'the table and src/domain/reading.ts READ_RIGHTS name the same rights');
  for (const right of READ_RIGHTS) {
    const roles = new Set((TABLE[right] ?? []).map(([role]) => role));
    assert.equal(READER_ROLES.filter((role) => !roles.has(role)), [], `${right}: roles without a row`);
  }
});

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

test.run();
