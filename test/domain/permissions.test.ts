import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { authorize, type Actor, type Right, type Scope } from '../../src/domain/permissions.ts';
import { ROLES, type Role } from '../../src/domain/roles.ts';

type Flag = 'teaches' | 'taughtLesson' | 'substitutes' | 'classTeacher' | 'teachesClass' | 'author';
const FLAGS: readonly Flag[] = ['teaches', 'taughtLesson', 'substitutes', 'classTeacher', 'teachesClass', 'author'];

/**
 * The rule as the issue states it (REFERENCE §2, §3):
 * - admins and deputies may do everything;
 * - a subject teacher records lessons for their own assignments or lessons they substitute
 *   (substituting needs the teacher role), marks absences and enters grades in their own
 *   assignments or the lesson they taught;
 * - the class teacher justifies absences, edits contact data, records returned extract slips, and may correct grades and absences;
 * - whoever teaches in the class, and its class teacher, write in the behaviour journal (§28);
 *   an entry is removed by its author;
 * - the class teacher alone keeps the appendices (briefings, notes for parents, conversations
 *   with parents) and reads the conversations (§15–16);
 * - nobody else manages the registry, the accounts and their password messages (§30–31), changes the
 *   timetable (§17), records journal inspections (§11) or promotion decisions, or closes and opens school years.
 * - an individual work entry (§24–25) is read by its author alone;
 * - nobody else manages the registry.
 * - nobody else manages the registry, reads the audit log or exports a student's personal data (issue 7);
 * - only an admin anonymises personal data: not even a deputy (`adminOnly`).
 * `granted` lists the scope flags that give the right; `teacherOnly` those that count only for
 * an actor with the teacher role.
 */
const RULES: Record<Right, { granted: readonly Flag[]; teacherOnly?: readonly Flag[]; adminOnly?: boolean; label: string; lacks: string; lacksWithoutTarget: string }> = {
  'manage-registry': { granted: [], label: 'manage the school registry', lacks: 'only an admin or a deputy director may', lacksWithoutTarget: 'only an admin or a deputy director may' },
  'edit-student-contact': { granted: ['classTeacher'], label: "edit a student's contact data", lacks: 'is not the class teacher of mat in 7.a', lacksWithoutTarget: 'is not the class teacher of this class' },
  'record-lesson': { granted: ['teaches'], teacherOnly: ['substitutes'], label: 'record lessons', lacks: 'does not teach mat in 7.a', lacksWithoutTarget: 'does not teach this class and subject' },
  'mark-absence': { granted: ['teaches', 'taughtLesson'], label: 'mark absences', lacks: 'does not teach mat in 7.a', lacksWithoutTarget: 'does not teach this class and subject' },
  'justify-absence': { granted: ['classTeacher'], label: 'justify absences', lacks: 'is not the class teacher of mat in 7.a', lacksWithoutTarget: 'is not the class teacher of this class' },
  'correct-absence': { granted: ['teaches', 'taughtLesson', 'classTeacher'], label: 'correct absences', lacks: 'neither teaches mat in 7.a nor is the class teacher', lacksWithoutTarget: 'neither teaches this subject nor is the class teacher' },
  'enter-grade': { granted: ['teaches', 'taughtLesson'], label: 'enter grades', lacks: 'does not teach mat in 7.a', lacksWithoutTarget: 'does not teach this class and subject' },
  'correct-grade': { granted: ['teaches', 'taughtLesson', 'classTeacher'], label: 'correct grades', lacks: 'neither teaches mat in 7.a nor is the class teacher', lacksWithoutTarget: 'neither teaches this subject nor is the class teacher' },
  'record-extract-return': { granted: ['classTeacher'], label: 'record returned grade extract slips', lacks: 'is not the class teacher of mat in 7.a', lacksWithoutTarget: 'is not the class teacher of this class' },
  'record-behavior': { granted: ['teachesClass', 'classTeacher'], label: 'write in the behaviour journal', lacks: 'neither teaches in mat in 7.a nor is its class teacher', lacksWithoutTarget: 'neither teaches in this class nor is its class teacher' },
  'remove-behavior': { granted: ['author'], label: 'remove behaviour entries', lacks: 'did not write mat in 7.a', lacksWithoutTarget: 'did not write this entry' },
  'keep-class-appendix': { granted: ['classTeacher'], label: "keep the class teacher's appendices", lacks: 'is not the class teacher of mat in 7.a', lacksWithoutTarget: 'is not the class teacher of this class' },
  'read-parent-conversations': { granted: ['classTeacher'], label: 'read conversations with parents', lacks: 'is not the class teacher of mat in 7.a', lacksWithoutTarget: 'is not the class teacher of this class' },
  'set-substitution': { granted: ['classTeacher'], label: 'set substitutions', lacks: 'is not the class teacher of mat in 7.a', lacksWithoutTarget: 'is not the class teacher of this class' },
  'manage-timetable': { granted: [], label: 'change the timetable', lacks: 'only an admin or a deputy director may', lacksWithoutTarget: 'only an admin or a deputy director may' },
  'record-inspection': { granted: [], label: 'record journal inspections', lacks: 'only an admin or a deputy director may', lacksWithoutTarget: 'only an admin or a deputy director may' },
  'manage-accounts': { granted: [], label: 'manage user accounts and their password messages', lacks: 'only an admin or a deputy director may', lacksWithoutTarget: 'only an admin or a deputy director may' },
  'decide-promotion': { granted: [], label: 'record promotion decisions', lacks: 'only an admin or a deputy director may', lacksWithoutTarget: 'only an admin or a deputy director may' },
  'close-year': { granted: [], label: 'close or open school years', lacks: 'only an admin or a deputy director may', lacksWithoutTarget: 'only an admin or a deputy director may' },
  'read-individual-work': { granted: ['author'], label: "read another employee's individual work journal", lacks: 'did not write mat in 7.a', lacksWithoutTarget: 'did not write this entry' },
  'read-audit-log': { granted: [], label: 'read the audit log', lacks: 'only an admin or a deputy director may', lacksWithoutTarget: 'only an admin or a deputy director may' },
  'export-personal-data': { granted: [], label: "export a student's personal data", lacks: 'only an admin or a deputy director may', lacksWithoutTarget: 'only an admin or a deputy director may' },
  'anonymize-personal-data': { granted: [], adminOnly: true, label: 'anonymise personal data', lacks: 'only an admin may', lacksWithoutTarget: 'only an admin may' },
};
const RIGHTS = Object.keys(RULES) as Right[];

const actorWith = (roles: Role[]): Actor => ({ kind: 'staff', id: 7, code: 'T07', name: 'Anna Kalniņa', roles });

function expectedAllowed(right: Right, roles: readonly Role[], flags: readonly Flag[]): boolean {
  if (roles.length > 0 && roles.every((r) => r === 'guest')) return false;
  const rule = RULES[right];
  if (rule.adminOnly) return roles.includes('admin');
  if (roles.includes('admin') || roles.includes('deputy')) return true;
  if (flags.some((f) => rule.granted.includes(f))) return true;
  return roles.includes('teacher') && flags.some((f) => rule.teacherOnly?.includes(f));
}

// Every subset of the flags (64), as Scope objects with a target.
const FLAG_SETS: Flag[][] = Array.from({ length: 1 << FLAGS.length }, (_, mask) => FLAGS.filter((_, i) => mask & (1 << i)));

// The full table: every right × every staff role × 64 flag combinations.
for (const right of RIGHTS) {
  for (const role of ROLES) {
    for (const flags of FLAG_SETS) {
      const allowed = expectedAllowed(right, [role], flags);
      test(`${right} · ${role} · {${flags.join(',')}} → ${allowed ? 'allowed' : 'refused'}`, () => {
        const scope: Scope = { target: 'mat in 7.a', ...Object.fromEntries(flags.map((f) => [f, true])) };
        const decision = authorize(actorWith([role]), right, scope);
        assert.is(decision.allowed, allowed);
        if (!decision.allowed) {
          const lacks = role === 'guest' ? 'a guest only reads the journal' : RULES[right].lacks;
          assert.is(decision.reason, `T07 (Anna Kalniņa) may not ${RULES[right].label}: ${lacks}`);
        }
      });
    }
  }
}

// A few spelled-out rows, readable without the generator above.
const explicit: [string, Role[], Right, Scope, boolean][] = [
  ['teacher in own assignment records a lesson', ['teacher'], 'record-lesson', { teaches: true }, true],
  ['teacher substituting records a lesson', ['teacher'], 'record-lesson', { substitutes: true }, true],
  ['class-teacher without teacher role may not substitute', ['class-teacher'], 'record-lesson', { substitutes: true }, false],
  ['nurse may not substitute', ['nurse'], 'record-lesson', { substitutes: true }, false],
  ['having taught the lesson alone does not record lessons', ['teacher'], 'record-lesson', { taughtLesson: true }, false],
  ['substitute who taught the lesson marks absences', ['teacher'], 'mark-absence', { taughtLesson: true }, true],
  ['substituting alone does not mark absences', ['teacher'], 'mark-absence', { substitutes: true }, false],
  ['class teacher may not mark absences in a lesson of another subject', ['teacher', 'class-teacher'], 'mark-absence', { classTeacher: true }, false],
  ['class teacher justifies', ['class-teacher'], 'justify-absence', { classTeacher: true }, true],
  ['class teacher records a returned extract slip', ['class-teacher', 'teacher'], 'record-extract-return', { classTeacher: true }, true],
  ['a subject teacher of the class may not record the slip', ['teacher'], 'record-extract-return', { teaches: true, taughtLesson: true }, false],
  ['subject teacher may not justify', ['teacher'], 'justify-absence', { teaches: true, taughtLesson: true }, false],
  ['class teacher corrects grades of the class', ['teacher', 'class-teacher'], 'correct-grade', { classTeacher: true }, true],
  ['class teacher may not enter grades in a subject not taught', ['teacher', 'class-teacher'], 'enter-grade', { classTeacher: true }, false],
  ['teacher may not manage the registry even with every flag', ['teacher', 'class-teacher'], 'manage-registry', { teaches: true, taughtLesson: true, substitutes: true, classTeacher: true }, false],
  ['deputy manages the registry', ['deputy'], 'manage-registry', {}, true],
  ['admin with no scope at all corrects grades', ['admin'], 'correct-grade', {}, true],
  ['a teacher who is also a deputy is unrestricted', ['teacher', 'deputy'], 'justify-absence', {}, true],
  ['social pedagogue has no journal rights', ['social-pedagogue'], 'correct-absence', {}, false],
  ['no roles at all: nothing without scope', [], 'enter-grade', {}, false],
  ['no roles at all, class teacher flag corrects absences', [], 'correct-absence', { classTeacher: true }, true],
  ['a teacher of any subject in the class writes a behaviour remark', ['teacher'], 'record-behavior', { teachesClass: true, target: '7.a' }, true],
  ['the class teacher writes a behaviour remark without teaching there', ['class-teacher'], 'record-behavior', { classTeacher: true }, true],
  ['a teacher of another class may not write a behaviour remark', ['teacher'], 'record-behavior', { teaches: true }, false],
  ['the author removes their behaviour entry', ['teacher'], 'remove-behavior', { author: true }, true],
  ['the class teacher may not remove a colleague\'s behaviour entry', ['teacher', 'class-teacher'], 'remove-behavior', { classTeacher: true, teachesClass: true }, false],
  ['a deputy removes any behaviour entry', ['deputy'], 'remove-behavior', {}, true],
  ['the class teacher may not change the timetable of their class', ['teacher', 'class-teacher'], 'manage-timetable', { classTeacher: true, teaches: true, teachesClass: true }, false],
  ['a deputy changes the timetable', ['deputy'], 'manage-timetable', {}, true],
  ['a teacher may not record a journal inspection', ['teacher', 'class-teacher'], 'record-inspection', { classTeacher: true, author: true }, false],
  ['a deputy records a journal inspection', ['deputy'], 'record-inspection', {}, true],
  ['a subject teacher of the class may not keep the appendices', ['teacher'], 'keep-class-appendix', { teaches: true, teachesClass: true }, false],
  ['a subject teacher may not set a substitution, even for their own lessons', ['teacher'], 'set-substitution', { teaches: true, teachesClass: true, taughtLesson: true }, false],
  ['the class teacher sets substitutions in their class', ['class-teacher'], 'set-substitution', { classTeacher: true }, true],
  ['the class teacher keeps the appendices', ['class-teacher'], 'keep-class-appendix', { classTeacher: true }, true],
  ['the nurse may not read conversations with parents', ['nurse'], 'read-parent-conversations', { teachesClass: true, author: true }, false],
  ['the class teacher reads conversations with parents', ['teacher', 'class-teacher'], 'read-parent-conversations', { classTeacher: true }, true],
  ['a guest never writes, whatever the facts', ['guest'], 'record-behavior', { teaches: true, teachesClass: true, classTeacher: true }, false],
  ['a guest who is also a teacher writes as a teacher', ['guest', 'teacher'], 'record-lesson', { teaches: true }, true],
  ['an admin manages accounts', ['admin'], 'manage-accounts', {}, true],
  ['a deputy manages accounts', ['deputy'], 'manage-accounts', {}, true],
  ['the class teacher may not manage accounts, not even of their class', ['teacher', 'class-teacher'], 'manage-accounts', { classTeacher: true, teachesClass: true }, false],
  ["the class teacher may not read another's individual work", ['teacher', 'class-teacher'], 'read-individual-work', { classTeacher: true, teachesClass: true }, false],
  ['the nurse reads her own individual work', ['nurse'], 'read-individual-work', { author: true }, true],
  ["a deputy reads everybody's individual work", ['deputy'], 'read-individual-work', {}, true],
  ['a deputy reads the audit log', ['deputy'], 'read-audit-log', {}, true],
  ['a class teacher may not read the audit log, whatever the scope', ['teacher', 'class-teacher'], 'read-audit-log', { classTeacher: true, teaches: true, author: true }, false],
  ['a deputy exports a student\'s personal data', ['deputy'], 'export-personal-data', {}, true],
  ['the nurse may not export personal data', ['nurse'], 'export-personal-data', { classTeacher: true }, false],
  ['an admin anonymises', ['admin'], 'anonymize-personal-data', {}, true],
  ['a deputy may not anonymise', ['deputy'], 'anonymize-personal-data', {}, false],
  ['a deputy who is also an admin anonymises', ['deputy', 'admin'], 'anonymize-personal-data', {}, true],
];
for (const [name, roles, right, scope, allowed] of explicit) {
  test(`explicit: ${name}`, () => assert.is(authorize(actorWith(roles), right, scope).allowed, allowed));
}

for (const kind of ['student', 'guardian'] as const) {
  test(`a ${kind} never writes, whatever the facts`, () => {
    const actor: Actor = { kind, id: 7, code: kind === 'student' ? 'S007' : 'guardian:7', name: 'Ilze Bērziņa', roles: [] };
    for (const right of RIGHTS) {
      const decision = authorize(actor, right, Object.fromEntries(FLAGS.map((f) => [f, true])));
      assert.is(decision.allowed, false, right);
      if (!decision.allowed) assert.is(decision.reason, `${actor.code} (Ilze Bērziņa) may not ${RULES[right].label}: a ${kind} only reads the journal`);
    }
  });
}

test('every right and role is covered by the table', () => {
  assert.equal(RIGHTS.sort(), [
    'anonymize-personal-data', 'close-year', 'correct-absence', 'correct-grade', 'decide-promotion', 'edit-student-contact', 'enter-grade',
    'export-personal-data', 'justify-absence', 'keep-class-appendix', 'manage-accounts', 'manage-registry', 'manage-timetable',
    'mark-absence', 'read-audit-log', 'read-individual-work', 'read-parent-conversations', 'record-behavior', 'record-extract-return',
    'record-inspection', 'record-lesson', 'remove-behavior', 'set-substitution',
  ]);
  assert.equal([...ROLES], ['admin', 'deputy', 'class-teacher', 'teacher', 'nurse', 'social-pedagogue', 'guest']);
});

for (const right of RIGHTS) {
  test(`reason without a target names what is lacking generically: ${right}`, () => {
    const decision = authorize({ kind: 'staff', id: 3, code: 'N01', name: 'Līga Zariņa', roles: ['nurse'] }, right);
    assert.is(decision.allowed, false);
    if (!decision.allowed) assert.is(decision.reason, `N01 (Līga Zariņa) may not ${RULES[right].label}: ${RULES[right].lacksWithoutTarget}`);
  });
}

test('scope defaults to none: a plain teacher is refused everything', () => {
  for (const right of RIGHTS) assert.is(authorize(actorWith(['teacher']), right).allowed, false, right);
});

test('false flags count as absent', () => {
  const decision = authorize(actorWith(['teacher']), 'enter-grade', { teaches: false, taughtLesson: false, substitutes: false, classTeacher: false, teachesClass: false, author: false, target: 'lv in 9.b' });
  assert.equal(decision, { allowed: false, reason: 'T07 (Anna Kalniņa) may not enter grades: does not teach lv in 9.b' });
});

test.run();
