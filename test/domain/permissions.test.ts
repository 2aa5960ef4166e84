import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { authorize, RIGHTS, type Actor, type Right, type Scope } from '../../src/domain/permissions.ts';
import { ROLES, type Role } from '../../src/domain/roles.ts';

/**
 * The writing rights as the issue states them (REFERENCE §2, §3), one entry per
 * right with its rows: who acts, with which facts (the Scope flags the service
 * gathers), and whether they may, or the reason they may not.
 * - admins and deputies may do everything; only an admin anonymises;
 * - a subject teacher records lessons for their own assignments or lessons they
 *   substitute (substituting needs the teacher role), marks absences and enters
 *   grades in their own assignments or the lesson they taught;
 * - the class teacher justifies absences, edits contact data, records returned
 *   extract slips, keeps the appendices, reads the conversations (§15–16), and
 *   may correct grades and absences;
 * - whoever teaches in the class, and its class teacher, write in the behaviour
 *   journal (§28); an entry is removed by its author; an individual work entry
 *   (§24–25) is read by its author;
 * - nobody else manages the registry, accounts, timetable (§17), inspections
 *   (§11), promotions, school years, the audit log or personal-data exports;
 * - guests, students and guardians never write, whatever the facts.
 */
type Flag = Exclude<keyof Scope, 'target'>;
/** Who acts: roles joined by `+` ('teacher+class-teacher'), 'no-roles', or a student or guardian. */
type Who = string;
/** [who, the facts (flags, space-separated; `every` for all six), true or the reason after "may not …: "]. */
type Row = readonly [Who, string, true | string];

const EVERY: readonly Flag[] = ['teaches', 'taughtLesson', 'substitutes', 'classTeacher', 'teachesClass', 'author'];
const TARGET = 'mat in 7.a';
const ONLY_ADMIN_OR_DEPUTY = 'only an admin or a deputy director may';

/** The rows every right shares: an admin and a deputy may; a guest, a student and a guardian may not, whatever the facts. */
const UNRESTRICTED: Row[] = [
  ['admin', '', true],
  ['deputy', '', true],
  ['teacher+deputy', '', true],
];
const READ_ONLY: Row[] = [
  ['guest', 'every', 'a guest only reads the journal'],
  ['student', 'every', 'a student only reads the journal'],
  ['guardian', 'every', 'a guardian only reads the journal'],
];
/** The rights no fact gives: admins and deputies only. */
const adminsAndDeputies = (label: string): Spec => ({
  label,
  untargeted: ONLY_ADMIN_OR_DEPUTY,
  rows: [
    ...UNRESTRICTED,
    ['teacher+class-teacher', 'every', ONLY_ADMIN_OR_DEPUTY],
    ['nurse', 'every', ONLY_ADMIN_OR_DEPUTY],
    ['social-pedagogue', '', ONLY_ADMIN_OR_DEPUTY],
    ['no-roles', 'every', ONLY_ADMIN_OR_DEPUTY],
    ...READ_ONLY,
  ],
});
/** The class teacher's rights. */
const classTeachers = (label: string): Spec => ({
  label,
  untargeted: 'is not the class teacher of this class',
  rows: [
    ...UNRESTRICTED,
    ['class-teacher', 'classTeacher', true],
    ['teacher+class-teacher', 'classTeacher', true],
    ['no-roles', 'classTeacher', true],
    ['teacher', 'teaches taughtLesson substitutes teachesClass author', `is not the class teacher of ${TARGET}`],
    ['teacher+class-teacher', '', `is not the class teacher of ${TARGET}`],
    ['nurse', 'teachesClass author', `is not the class teacher of ${TARGET}`],
    ...READ_ONLY,
  ],
});

interface Spec {
  /** What the refusal says the actor may not do. */
  label: string;
  /** The reason without a target in the scope. */
  untargeted: string;
  rows: readonly Row[];
}

const TABLE: Partial<Record<Right, Spec>> = {
  'manage-registry': adminsAndDeputies('manage the school registry'),
  'manage-timetable': adminsAndDeputies('change the timetable'),
  'record-inspection': adminsAndDeputies('record journal inspections'),
  'manage-accounts': adminsAndDeputies('manage user accounts and their password messages'),
  'decide-promotion': adminsAndDeputies('record promotion decisions'),
  'close-year': adminsAndDeputies('close or open school years'),
  'read-audit-log': adminsAndDeputies('read the audit log'),
  'export-personal-data': adminsAndDeputies("export a student's personal data"),
  'anonymize-personal-data': {
    label: 'anonymise personal data',
    untargeted: 'only an admin may',
    rows: [
      ['admin', '', true],
      ['deputy+admin', '', true],
      ['deputy', 'every', 'only an admin may'],
      ['teacher+deputy', '', 'only an admin may'],
      ['teacher+class-teacher', 'every', 'only an admin may'],
      ['nurse', '', 'only an admin may'],
      ...READ_ONLY,
    ],
  },
  'edit-student-contact': classTeachers("edit a student's contact data"),
  'justify-absence': classTeachers('justify absences'),
  'record-extract-return': classTeachers('record returned grade extract slips'),
  'keep-class-appendix': classTeachers("keep the class teacher's appendices"),
  'read-parent-conversations': classTeachers('read conversations with parents'),
  'set-substitution': classTeachers('set substitutions'),
  'record-lesson': {
    label: 'record lessons',
    untargeted: 'does not teach this class and subject',
    rows: [
      ...UNRESTRICTED,
      ['teacher', 'teaches', true],
      ['teacher', 'substitutes', true],
      ['teacher+class-teacher', 'substitutes', true],
      ['class-teacher', 'substitutes', `does not teach ${TARGET}`], // substituting needs the teacher role
      ['nurse', 'substitutes', `does not teach ${TARGET}`],
      ['teacher', 'taughtLesson', `does not teach ${TARGET}`], // having taught the lesson records it, not others
      ['teacher+class-teacher', 'classTeacher teachesClass author', `does not teach ${TARGET}`],
      ['guest+teacher', 'teaches', true], // a guest who is also a teacher writes as a teacher
      ...READ_ONLY,
    ],
  },
  'mark-absence': {
    label: 'mark absences',
    untargeted: 'does not teach this class and subject',
    rows: [
      ...UNRESTRICTED,
      ['teacher', 'teaches', true],
      ['teacher', 'taughtLesson', true], // the substitute who taught the lesson
      ['teacher', 'substitutes', `does not teach ${TARGET}`],
      ['teacher+class-teacher', 'classTeacher teachesClass author', `does not teach ${TARGET}`],
      ['nurse', '', `does not teach ${TARGET}`],
      ...READ_ONLY,
    ],
  },
  'enter-grade': {
    label: 'enter grades',
    untargeted: 'does not teach this class and subject',
    rows: [
      ...UNRESTRICTED,
      ['teacher', 'teaches', true],
      ['teacher', 'taughtLesson', true],
      ['teacher', 'substitutes', `does not teach ${TARGET}`],
      ['teacher+class-teacher', 'classTeacher teachesClass author', `does not teach ${TARGET}`],
      ['no-roles', '', `does not teach ${TARGET}`],
      ...READ_ONLY,
    ],
  },
  'correct-absence': {
    label: 'correct absences',
    untargeted: 'neither teaches this subject nor is the class teacher',
    rows: [
      ...UNRESTRICTED,
      ['teacher', 'teaches', true],
      ['teacher', 'taughtLesson', true],
      ['class-teacher', 'classTeacher', true],
      ['no-roles', 'classTeacher', true],
      ['teacher', 'substitutes teachesClass author', `neither teaches ${TARGET} nor is the class teacher`],
      ['social-pedagogue', '', `neither teaches ${TARGET} nor is the class teacher`],
      ...READ_ONLY,
    ],
  },
  'correct-grade': {
    label: 'correct grades',
    untargeted: 'neither teaches this subject nor is the class teacher',
    rows: [
      ...UNRESTRICTED,
      ['teacher', 'teaches', true],
      ['teacher', 'taughtLesson', true],
      ['teacher+class-teacher', 'classTeacher', true],
      ['teacher', 'substitutes teachesClass author', `neither teaches ${TARGET} nor is the class teacher`],
      ['nurse', '', `neither teaches ${TARGET} nor is the class teacher`],
      ...READ_ONLY,
    ],
  },
  'record-behavior': {
    label: 'write in the behaviour journal',
    untargeted: 'neither teaches in this class nor is its class teacher',
    rows: [
      ...UNRESTRICTED,
      ['teacher', 'teachesClass', true], // a teacher of any subject in the class
      ['class-teacher', 'classTeacher', true], // without teaching there
      ['teacher', 'teaches taughtLesson substitutes author', `neither teaches in ${TARGET} nor is its class teacher`],
      ['nurse', 'author', `neither teaches in ${TARGET} nor is its class teacher`],
      ...READ_ONLY,
    ],
  },
  'remove-behavior': {
    label: 'remove behaviour entries',
    untargeted: 'did not write this entry',
    rows: [
      ...UNRESTRICTED,
      ['teacher', 'author', true],
      ['teacher+class-teacher', 'teaches taughtLesson substitutes classTeacher teachesClass', `did not write ${TARGET}`], // not a colleague's entry
      ...READ_ONLY,
    ],
  },
  'read-individual-work': {
    label: "read another employee's individual work journal",
    untargeted: 'did not write this entry',
    rows: [
      ...UNRESTRICTED,
      ['nurse', 'author', true],
      ['teacher', 'author', true],
      ['teacher+class-teacher', 'teaches taughtLesson substitutes classTeacher teachesClass', `did not write ${TARGET}`],
      ...READ_ONLY,
    ],
  },
};

function actorFor(who: Who): Actor {
  if (who === 'student') return { kind: 'student', id: 7, code: 'S007', name: 'Anna Kalniņa', roles: [] };
  if (who === 'guardian') return { kind: 'guardian', id: 7, code: 'guardian:7', name: 'Anna Kalniņa', roles: [] };
  const roles = who === 'no-roles' ? [] : (who.split('+') as Role[]);
  for (const role of roles) if (!(ROLES as readonly string[]).includes(role)) throw new Error(`no role ${role} in the table row ${who}`);
  return { kind: 'staff', id: 7, code: 'T07', name: 'Anna Kalniņa', roles };
}

function scopeOf(facts: string): Scope {
  const flags = facts === 'every' ? EVERY : facts.split(' ').filter(Boolean);
  for (const flag of flags) if (!EVERY.includes(flag as Flag)) throw new Error(`no flag ${flag}`);
  return { target: TARGET, ...Object.fromEntries(flags.map((f) => [f, true])) };
}

for (const right of RIGHTS) {
  test(`${right}: who may, who may not`, () => {
    const spec = TABLE[right];
    if (!spec) return assert.unreachable(`${right} has no rows in the table`);
    const wrong: string[] = [];
    for (const [who, facts, expected] of spec.rows) {
      const actor = actorFor(who);
      const decision = authorize(actor, right, scopeOf(facts));
      const wanted = expected === true ? { allowed: true } : { allowed: false, reason: `${actor.code} (${actor.name}) may not ${spec.label}: ${expected}` };
      if (JSON.stringify(decision) !== JSON.stringify(wanted)) wrong.push(`${who} {${facts}}: ${JSON.stringify(decision)}, expected ${JSON.stringify(wanted)}`);
    }
    assert.equal(wrong, [], `${right}:\n  ${wrong.join('\n  ')}`);
    // Without a target the reason names what is lacking generically.
    assert.equal(authorize(actorFor('nurse'), right), { allowed: false, reason: `T07 (Anna Kalniņa) may not ${spec.label}: ${spec.untargeted}` });
  });
}

test('every right in src has its rows, each with someone who may and someone who may not; every role appears', () => {
  assert.equal(Object.keys(TABLE).sort(), [...RIGHTS].sort(), 'the table and src/domain/permissions.ts RIGHTS name the same rights');
  for (const right of RIGHTS) {
    const rows = TABLE[right]?.rows ?? [];
    assert.ok(rows.some((r) => r[2] === true), `${right}: nobody may`);
    assert.ok(rows.some((r) => r[2] !== true), `${right}: nobody is refused`);
  }
  const named = new Set(Object.values(TABLE).flatMap((spec) => spec!.rows.flatMap(([who]) => who.split('+'))));
  assert.equal(ROLES.filter((role) => !named.has(role)), [], 'roles without a row');
});

test('scope defaults to none: a plain teacher is refused everything', () => {
  assert.equal(RIGHTS.filter((right) => authorize(actorFor('teacher'), right).allowed), []);
});

test('false flags count as absent', () => {
  const decision = authorize(actorFor('teacher'), 'enter-grade', { teaches: false, taughtLesson: false, substitutes: false, classTeacher: false, teachesClass: false, author: false, target: 'lv in 9.b' });
  assert.equal(decision, { allowed: false, reason: 'T07 (Anna Kalniņa) may not enter grades: does not teach lv in 9.b' });
});

test.run();
