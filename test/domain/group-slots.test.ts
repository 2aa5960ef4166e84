import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { memberOn, membersOn, overlapsMembership, slotConflict, type SlotLesson } from '../../src/domain/group-slots.ts';

const whole = (teacherId: number, students: number[]): SlotLesson => ({ groupId: null, teacherId, students });
const group = (groupId: number, teacherId: number, students: number[]): SlotLesson => ({ groupId, teacherId, students });

const cases: [string, SlotLesson, SlotLesson, ReturnType<typeof slotConflict>][] = [
  ['two whole-class lessons conflict', whole(1, [1, 2]), whole(2, [1, 2]), { kind: 'whole-class' }],
  ['two whole-class lessons conflict even in an empty class', whole(1, []), whole(2, []), { kind: 'whole-class' }],
  ['two groups with different teachers and members share the slot', group(10, 1, [1, 2]), group(11, 2, [3, 4]), null],
  ['the same group twice conflicts', group(10, 1, [1]), group(10, 2, [1]), { kind: 'same-group' }],
  ['two groups with one teacher conflict', group(10, 1, [1]), group(11, 1, [2]), { kind: 'same-teacher' }],
  ['two groups sharing a student conflict, naming the student', group(10, 1, [1, 2]), group(11, 2, [2, 3]), { kind: 'shared-students', students: [2] }],
  ['a group lesson after the whole class conflicts (its members are in the class)', whole(1, [1, 2, 3]), group(10, 2, [2]), { kind: 'shared-students', students: [2] }],
  ['the whole class after a group lesson conflicts', group(10, 2, [2]), whole(1, [1, 2, 3]), { kind: 'shared-students', students: [2] }],
  ['a whole-class lesson and a group with no member in the class do not', whole(1, [1, 2]), group(10, 2, []), null],
  ['a whole-class lesson and a group of the same teacher conflict', whole(1, [1]), group(10, 1, []), { kind: 'same-teacher' }],
];
for (const [label, existing, candidate, expected] of cases) test(`slotConflict: ${label}`, () => assert.equal(slotConflict(existing, candidate), expected));

test('memberOn: from and to inclusive, null open', () => {
  assert.ok(memberOn({ studentId: 1, from: '2026-09-01', to: null }, '2026-09-01'));
  assert.ok(memberOn({ studentId: 1, from: '2026-09-01', to: '2026-10-01' }, '2026-10-01'));
  assert.not.ok(memberOn({ studentId: 1, from: '2026-09-01', to: '2026-10-01' }, '2026-10-02'));
  assert.not.ok(memberOn({ studentId: 1, from: '2026-09-02', to: null }, '2026-09-01'));
});

test('membersOn: each student once, only those belonging that day', () => {
  const rows = [
    { studentId: 1, from: '2026-09-01', to: '2026-09-30' },
    { studentId: 1, from: '2026-11-01', to: null },
    { studentId: 2, from: '2026-10-15', to: null },
  ];
  assert.equal(membersOn(rows, '2026-10-20'), [2]);
  assert.equal(membersOn(rows, '2026-11-02').sort(), [1, 2]);
  assert.equal(membersOn(rows, '2026-09-10'), [1]);
});

const overlaps: [string, string, string | null, boolean][] = [
  ['an open membership covers every later start', '2026-12-01', null, true],
  ['a period that ended before the new one starts', '2026-10-01', '2026-10-10', false],
];
for (const [label, from, to, expected] of overlaps) {
  test(`overlapsMembership: ${label}`, () => {
    const existing = [{ studentId: 1, from: '2026-09-01', to: '2026-09-30' }, { studentId: 1, from: '2026-11-01', to: null }];
    assert.is(overlapsMembership(existing, 1, from, to), expected);
    assert.is(overlapsMembership(existing, 2, from, to), false);
  });
}

test.run();
