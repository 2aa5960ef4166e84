import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Db } from '../../src/db/connection.ts';
import { listLessonViews } from '../../src/db/repositories/lessons.ts';
import { listAbsenceViews } from '../../src/db/repositories/absences.ts';
import { listGradeViews } from '../../src/db/repositories/grades.ts';
import { enrolledOn, insertEnrollment, listStudents, placementInYear, placementsOf } from '../../src/db/repositories/students.ts';
import { findCurrentSchoolYear, findSchoolYear } from '../../src/db/repositories/school-years.ts';
import { findClassByCode } from '../../src/db/repositories/classes.ts';
import { findStudentByCode } from '../../src/db/repositories/students.ts';
import { findSubjectByCode } from '../../src/db/repositories/subjects.ts';
import { findStaffByCode } from '../../src/db/repositories/staff.ts';
import { addLesson } from '../../src/services/lessons.ts';
import { markAbsences, justifyAbsences, removeAbsence } from '../../src/services/absences.ts';
import { enterGrades } from '../../src/services/grades.ts';
import { addStudent } from '../../src/services/students.ts';
import { addClass } from '../../src/services/classes.ts';
import { addYear } from '../../src/services/years.ts';
import { smallSchool, type SmallSchool } from '../services/fixtures.ts';

interface World {
  school: SmallSchool;
  db: Db;
  yearId: number;
  nextYearId: number;
  ids: Record<string, number>;
  lessons: Record<string, number>;
}

const w = {} as World;

async function id(kind: 'class' | 'student' | 'subject' | 'staff', code: string): Promise<number> {
  const db = w.db;
  if (kind === 'class') return (await findClassByCode(db, w.yearId, code))!.id;
  if (kind === 'student') return (await findStudentByCode(db, 1, code))!.id;
  if (kind === 'subject') return (await findSubjectByCode(db, 1, code))!.id;
  return (await findStaffByCode(db, 1, code))!.id;
}

/**
 * One school with lessons, absences and grades in 7.a, 7.b and 2.a, and one lesson in a
 * class of the next year, built once: the repository checks below only read.
 */
async function build(): Promise<void> {
  const school = await smallSchool();
  w.school = school;
  w.db = school.db;
  w.yearId = (await findCurrentSchoolYear(school.db, 1))!.id;
  const L = (key: string, input: Parameters<typeof addLesson>[1], as: string) =>
    school.as(as, async (c) => {
      w.lessons[key] = (await addLesson(c, input)).id;
    });
  w.lessons = {};
  // Added out of order on purpose.
  await L('a-mat-06-3', { class: '7.a', subject: 'mat', date: '2026-10-06', number: 3, topic: 'Procenti' }, 'T01');
  await L('b-mat-05-1', { class: '7.b', subject: 'mat', date: '2026-10-05', number: 1, topic: 'Leņķi' }, 'T02');
  await L('2a-mat-05-4', { class: '2.a', subject: 'mat', date: '2026-10-05', number: 4, topic: 'Skaitīšana' }, 'T03');
  await L('a-mat-05-2', { class: '7.a', subject: 'mat', date: '2026-10-05', number: 2, topic: 'Daļskaitļi' }, 'T01');
  await L('a-lv-05-1', { class: '7.a', subject: 'lv', date: '2026-10-05', number: 1, topic: 'Lietvārds' }, 'T02');
  await L('a-mat-07-1', { class: '7.a', subject: 'mat', date: '2026-10-07', number: 1, topic: 'Vienādojumi' }, 'T01');

  // Next year, with a class of the same code and a lesson there.
  await school.as('admin', async (c) => {
    await addYear(c, { code: '2027/2028' });
    await addClass({ ...c, yearCode: '2027/2028' }, '7.a', { classTeacher: 'T01' });
  });
  w.nextYearId = (await findSchoolYear(school.db, 1, '2027/2028'))!.id;
  const nextClass = (await findClassByCode(school.db, w.nextYearId, '7.a'))!;
  await school.as('admin', async (c) => {
    const s001 = (await findStudentByCode(c.db, 1, 'S001'))!;
    await insertEnrollment(c.db, { student_id: s001.id, class_id: nextClass.id, from_date: '2027-09-01', created_at: 'x', created_by: null });
    await c.db.insertInto('assignment').values({ school_id: 1, class_id: nextClass.id, subject_id: (await findSubjectByCode(c.db, 1, 'mat'))!.id, teacher_id: (await findStaffByCode(c.db, 1, 'T01'))!.id, created_at: 'x' }).execute();
  });
  await school.as('T01', async (c) => {
    w.lessons['next-mat'] = (await addLesson({ ...c, yearCode: '2027/2028' }, { class: '7.a', subject: 'mat', date: '2027-09-06', number: 1, topic: 'Nākamgad' })).id;
  });

  // Absences: S001 in three lessons, S002 and S003 in one, S004 in 7.b; one justified, one removed, one late.
  await school.as('T01', (c) => markAbsences(c, { lesson: w.lessons['a-mat-05-2'], students: ['S003', 'S001', 'S002'] }));
  await school.as('T01', (c) => markAbsences(c, { lesson: w.lessons['a-mat-06-3'], students: ['S001'] }));
  await school.as('T01', (c) => markAbsences(c, { lesson: w.lessons['a-mat-07-1'], students: ['S001'], code: 'k' }));
  await school.as('T02', (c) => markAbsences(c, { lesson: w.lessons['a-lv-05-1'], students: ['S001'] }));
  await school.as('T02', (c) => markAbsences(c, { lesson: w.lessons['b-mat-05-1'], students: ['S004'] }));
  await school.as('T01', (c) => justifyAbsences(c, { student: 'S001', from: '2026-10-06', reason: 'illness' }));
  await school.as('T01', (c) => removeAbsence(c, { lesson: w.lessons['a-mat-05-2'], student: 'S003' }));
  await school.as('T01', (c) => markAbsences(c, { lesson: w.lessons['next-mat'], students: ['S001'] }));

  // Grades.
  await school.as('T01', (c) => enterGrades(c, { lesson: w.lessons['a-mat-06-3'], students: ['S002=7', 'S001=8'] }));
  await school.as('T01', (c) => enterGrades(c, { lesson: w.lessons['a-mat-05-2'], students: ['S001=6'], work: 'test' }));
  await school.as('T02', (c) => enterGrades(c, { lesson: w.lessons['a-lv-05-1'], students: ['S001=9'] }));
  await school.as('T02', (c) => enterGrades(c, { lesson: w.lessons['b-mat-05-1'], students: ['S004=5'] }));
  await school.as('T03', (c) => enterGrades(c, { lesson: w.lessons['2a-mat-05-4'], students: ['S101=S'] }));
  await school.as('T01', (c) => enterGrades(c, { class: '7.a', subject: 'mat', work: 'semester1', students: ['S001=8'] }));
}

const Lessons = suite('listLessonViews');
Lessons.before(build);

Lessons('orders by date, class level, class code, lesson number; limited to the year', async () => {
  const rows = await listLessonViews(w.db, { yearId: w.yearId });
  assert.equal(
    rows.map((r) => `${r.date} ${r.class} #${r.number} ${r.subject}`),
    ['2026-10-05 2.a #4 mat', '2026-10-05 7.a #1 lv', '2026-10-05 7.a #2 mat', '2026-10-05 7.b #1 mat', '2026-10-06 7.a #3 mat', '2026-10-07 7.a #1 mat'],
  );
  const next = await listLessonViews(w.db, { yearId: w.nextYearId });
  assert.equal(next.map((r) => r.id), [w.lessons['next-mat']]);
});

Lessons('joins codes and names of class, subject, teacher, author', async () => {
  const [row] = await listLessonViews(w.db, { yearId: w.yearId, ids: [w.lessons['a-lv-05-1']!] });
  assert.equal(
    { class: row!.class, subject: row!.subject, subject_name: row!.subject_name, teacher: row!.teacher, teacher_name: row!.teacher_name, substitute_for: row!.substitute_for, created_by: row!.created_by, updated_by: row!.updated_by, topic: row!.topic, homework: row!.homework },
    { class: '7.a', subject: 'lv', subject_name: 'Latviešu valoda', teacher: 'T02', teacher_name: 'Pēteris Ozoliņš', substitute_for: null, created_by: 'T02', updated_by: 'T02', topic: 'Lietvārds', homework: null },
  );
});

const lessonFilters: [string, () => Promise<Parameters<typeof listLessonViews>[1]>, string[]][] = [
  ['class 7.a', async () => ({ yearId: w.yearId, classId: await id('class', '7.a') }), ['a-lv-05-1', 'a-mat-05-2', 'a-mat-06-3', 'a-mat-07-1']],
  ['subject lv', async () => ({ yearId: w.yearId, subjectId: await id('subject', 'lv') }), ['a-lv-05-1']],
  ['teacher T02', async () => ({ yearId: w.yearId, teacherId: await id('staff', 'T02') }), ['a-lv-05-1', 'b-mat-05-1']],
  ['from 2026-10-06 (inclusive)', async () => ({ yearId: w.yearId, from: '2026-10-06' }), ['a-mat-06-3', 'a-mat-07-1']],
  ['to 2026-10-06 (inclusive)', async () => ({ yearId: w.yearId, to: '2026-10-06', classId: await id('class', '7.a') }), ['a-lv-05-1', 'a-mat-05-2', 'a-mat-06-3']],
  ['from = to = 2026-10-06', async () => ({ yearId: w.yearId, from: '2026-10-06', to: '2026-10-06' }), ['a-mat-06-3']],
  ['date + number', async () => ({ yearId: w.yearId, date: '2026-10-05', number: 1 }), ['a-lv-05-1', 'b-mat-05-1']],
  ['number 0 is a filter too', async () => ({ yearId: w.yearId, number: 0 }), []],
  ['class + subject + teacher combined', async () => ({ yearId: w.yearId, classId: await id('class', '7.a'), subjectId: await id('subject', 'mat'), teacherId: await id('staff', 'T02') }), []],
];
for (const [name, filter, expected] of lessonFilters) {
  Lessons(`filter: ${name}`, async () => {
    const rows = await listLessonViews(w.db, await filter());
    assert.equal(rows.map((r) => r.id), expected.map((k) => w.lessons[k]));
  });
}

Lessons.after(() => w.school.cleanup());
Lessons.run();

const Absences = suite('listAbsenceViews');
Absences.before(build);

Absences('orders by date, then lesson number; hides removed rows by default', async () => {
  const rows = await listAbsenceViews(w.db, { yearId: w.yearId });
  assert.equal(
    rows.map((r) => `${r.date} #${r.number} ${r.class} ${r.subject} ${r.code}`),
    [
      '2026-10-05 #1 7.a lv n',
      '2026-10-05 #1 7.b mat n',
      '2026-10-05 #2 7.a mat n',
      '2026-10-05 #2 7.a mat n',
      '2026-10-06 #3 7.a mat ns',
      '2026-10-07 #1 7.a mat k',
    ],
  );
  assert.equal(rows.map((r) => r.student).sort(), ['S001', 'S001', 'S001', 'S001', 'S002', 'S004']);
  assert.ok(rows.every((r) => r.removed === false));
});

// A class register lists pupils in Latvian alphabetical order: Ā sorts with A, before B.
Absences('within a lesson, surnames in Latvian alphabetical order (Ābele before Bērziņš)', async () => {
  const rows = await listAbsenceViews(w.db, { yearId: w.yearId, lessonId: w.lessons['a-mat-05-2'] });
  assert.equal(rows.map((r) => r.student_name), ['Anna Ābele', 'Jānis Bērziņš']);
});

Absences('includeRemoved shows the removed row, flagged as a boolean', async () => {
  const rows = await listAbsenceViews(w.db, { yearId: w.yearId, includeRemoved: true });
  assert.is(rows.length, 7);
  const removed = rows.filter((r) => r.removed);
  assert.equal(removed.map((r) => [r.student, r.student_name, r.code]), [['S003', 'Zane Ziemele', 'n']]);
});

Absences('a justified row keeps the original mark and names who decided', async () => {
  const [row] = await listAbsenceViews(w.db, { yearId: w.yearId, code: 'ns' });
  assert.equal(
    { code: row!.code, marked_code: row!.marked_code, marked_by: row!.marked_by, decided_by: row!.decided_by, decided_at: row!.decided_at, student_name: row!.student_name },
    { code: 'ns', marked_code: 'n', marked_by: 'T01', decided_by: 'T01', decided_at: '2026-11-29T10:00:00+02:00', student_name: 'Jānis Bērziņš' },
  );
});

const absenceFilters: [string, () => Promise<Parameters<typeof listAbsenceViews>[1]>, string[]][] = [
  ['student S001', async () => ({ yearId: w.yearId, studentId: await id('student', 'S001') }), ['lv S001', 'mat S001', 'mat S001', 'mat S001']],
  ['class 7.b', async () => ({ yearId: w.yearId, classId: await id('class', '7.b') }), ['mat S004']],
  ['lesson', async () => ({ yearId: w.yearId, lessonId: w.lessons['a-mat-05-2'] }), ['mat S001', 'mat S002']],
  ['from 2026-10-06 inclusive', async () => ({ yearId: w.yearId, from: '2026-10-06' }), ['mat S001', 'mat S001']],
  ['to 2026-10-05 inclusive', async () => ({ yearId: w.yearId, to: '2026-10-05' }), ['lv S001', 'mat S001', 'mat S002', 'mat S004']],
  ['code k', async () => ({ yearId: w.yearId, code: 'k' }), ['mat S001']],
  ['code n, student S001', async () => ({ yearId: w.yearId, code: 'n', studentId: await id('student', 'S001') }), ['lv S001', 'mat S001']],
  ['next year only', async () => ({ yearId: w.nextYearId }), ['mat S001']],
  ['no year: both years', async () => ({ studentId: await id('student', 'S001'), code: 'n' }), ['lv S001', 'mat S001', 'mat S001']],
];
for (const [name, filter, expected] of absenceFilters) {
  Absences(`filter: ${name}`, async () => {
    const rows = await listAbsenceViews(w.db, await filter());
    // Membership only (sorted here); the order is checked above.
    assert.equal(rows.map((r) => `${r.subject} ${r.student}`).sort(), expected);
  });
}

Absences.after(() => w.school.cleanup());
Absences.run();

const Grades = suite('listGradeViews');
Grades.before(build);

Grades('orders by date, class, subject', async () => {
  const rows = await listGradeViews(w.db, { yearId: w.yearId });
  assert.equal(
    rows.map((r) => `${r.date} ${r.class} ${r.subject} ${r.work}`),
    [
      '2026-10-05 2.a mat regular',
      '2026-10-05 7.a lv regular',
      '2026-10-05 7.a mat test',
      '2026-10-05 7.b mat regular',
      '2026-10-06 7.a mat regular',
      '2026-10-06 7.a mat regular',
      '2026-12-18 7.a mat semester1',
    ],
  );
  assert.equal(rows.map((r) => r.value).slice(0, 4), ['S', '9', '6', '5']);
});

Grades('same day, class and subject: surnames in Latvian alphabetical order (Ābele before Bērziņš)', async () => {
  const rows = await listGradeViews(w.db, { yearId: w.yearId, from: '2026-10-06', to: '2026-10-06' });
  assert.equal(rows.map((r) => `${r.student_name} ${r.value}`), ['Anna Ābele 7', 'Jānis Bērziņš 8']);
});

Grades('carries authors, lesson and timestamps', async () => {
  const rows = await listGradeViews(w.db, { yearId: w.yearId, studentId: await id('student', 'S004') });
  assert.equal(rows.map((r) => ({ lesson_id: r.lesson_id, created_by: r.created_by, updated_by: r.updated_by, created_at: r.created_at, student_name: r.student_name })), [
    { lesson_id: w.lessons['b-mat-05-1']!, created_by: 'T02', updated_by: 'T02', created_at: '2026-11-29T10:00:00+02:00', student_name: 'Oskars Ozols' },
  ]);
});

const gradeFilters: [string, () => Promise<Parameters<typeof listGradeViews>[1]>, string[]][] = [
  ['student S001', async () => ({ yearId: w.yearId, studentId: await id('student', 'S001') }), ['lv 9', 'mat 6', 'mat 8', 'mat 8']],
  ['class 7.a, subject mat', async () => ({ yearId: w.yearId, classId: await id('class', '7.a'), subjectId: await id('subject', 'mat') }), ['mat 6', 'mat 7', 'mat 8', 'mat 8']],
  ['from 2026-10-06 inclusive', async () => ({ yearId: w.yearId, from: '2026-10-06' }), ['mat 7', 'mat 8', 'mat 8']],
  ['to 2026-10-06 inclusive', async () => ({ yearId: w.yearId, to: '2026-10-06', subjectId: await id('subject', 'lv') }), ['lv 9']],
  ['from..to one day', async () => ({ yearId: w.yearId, from: '2026-10-06', to: '2026-10-06' }), ['mat 7', 'mat 8']],
  ['work test', async () => ({ yearId: w.yearId, work: 'test' }), ['mat 6']],
  ['work semester1', async () => ({ yearId: w.yearId, work: 'semester1' }), ['mat 8']],
  ['next year: none', async () => ({ yearId: w.nextYearId }), []],
];
for (const [name, filter, expected] of gradeFilters) {
  Grades(`filter: ${name}`, async () => {
    const rows = await listGradeViews(w.db, await filter());
    // Membership only (sorted here); the order is checked above.
    assert.equal(rows.map((r) => `${r.subject} ${r.value}`).sort(), expected);
  });
}

Grades.after(() => w.school.cleanup());
Grades.run();

const Enrollment = suite('enrollments');
let school: SmallSchool;
let yearId: number;
let classA: number;
let classB: number;

Enrollment.before.each(async () => {
  school = await smallSchool();
  yearId = (await findCurrentSchoolYear(school.db, 1))!.id;
  classA = (await findClassByCode(school.db, yearId, '7.a'))!.id;
  classB = (await findClassByCode(school.db, yearId, '7.b'))!.id;
  // S201 without a class, enrolled by hand below.
  await school.as('admin', (c) => addStudent(c, 'S201', { firstName: 'Kārlis', lastName: 'Kalns' }));
});
Enrollment.after.each(() => school.cleanup());

async function student(code: string): Promise<number> {
  return (await findStudentByCode(school.db, 1, code))!.id;
}
async function enroll(studentId: number, classId: number, from: string, to: string | null): Promise<void> {
  await insertEnrollment(school.db, { student_id: studentId, class_id: classId, from_date: from, created_at: 'x', created_by: null });
  if (to) await school.db.updateTable('enrollment').set({ to_date: to }).where('student_id', '=', studentId).where('from_date', '=', from).execute();
}

Enrollment('enrolledOn: from and to are both inclusive', async () => {
  const s = await student('S201');
  await enroll(s, classA, '2026-10-01', '2026-10-31');
  const cases: [string, boolean][] = [
    ['2026-09-30', false],
    ['2026-10-01', true],
    ['2026-10-15', true],
    ['2026-10-31', true],
    ['2026-11-01', false],
  ];
  for (const [date, expected] of cases) {
    assert.is((await enrolledOn(school.db, classA, date, [s])).has(s), expected, date);
    assert.is((await enrolledOn(school.db, classB, date, [s])).has(s), false, `${date} in 7.b`);
  }
});

Enrollment('enrolledOn: an open enrollment has no end; only the asked students come back', async () => {
  const s = await student('S201');
  const s001 = await student('S001');
  const s004 = await student('S004');
  await enroll(s, classA, '2026-10-01', null);
  assert.equal([...(await enrolledOn(school.db, classA, '2027-08-31', [s, s001, s004]))].sort(), [s001, s].sort());
  assert.equal([...(await enrolledOn(school.db, classA, '2026-09-15', [s, s001]))], [s001]);
  assert.equal([...(await enrolledOn(school.db, classA, '2026-10-01', []))], []);
});

Enrollment('placementInYear prefers the open enrollment, else the latest one; only within the year', async () => {
  const s = await student('S201');
  assert.is(await placementInYear(school.db, s, yearId), undefined);
  await enroll(s, classA, '2026-09-01', '2026-10-31');
  assert.is((await placementInYear(school.db, s, yearId))?.class, '7.a', 'the only (closed) one');
  await enroll(s, classB, '2026-11-01', null);
  const p = await placementInYear(school.db, s, yearId);
  assert.equal(p && { class: p.class, from_date: p.from_date, to_date: p.to_date, level: p.level, year: p.year, class_id: p.class_id }, { class: '7.b', from_date: '2026-11-01', to_date: null, level: 7, year: '2026/2027', class_id: classB });
  // A closed enrollment dated later than the open one still loses to the open one.
  const c2a = (await findClassByCode(school.db, yearId, '2.a'))!.id;
  await enroll(s, c2a, '2027-03-01', '2027-03-31');
  assert.is((await placementInYear(school.db, s, yearId))?.class, '7.b');
  // Another year's placement does not count.
  const next = await school.as('admin', (c) => addYear(c, { code: '2027/2028' }));
  assert.is(await placementInYear(school.db, s, next.id), undefined);
  // Among closed ones only, the latest start wins.
  const t = await student('S003');
  await school.db.updateTable('enrollment').set({ to_date: '2026-09-30' }).where('student_id', '=', t).execute();
  await enroll(t, classB, '2026-10-01', '2026-12-31');
  assert.is((await placementInYear(school.db, t, yearId))?.class, '7.b');
  assert.equal((await placementsOf(school.db, t)).map((x) => [x.class, x.from_date, x.to_date]), [['7.a', '2026-09-01', '2026-09-30'], ['7.b', '2026-10-01', '2026-12-31']]);
});

Enrollment('listStudents on a date gives the class of that day; the class filter follows the date', async () => {
  const s = await student('S201');
  await enroll(s, classA, '2026-09-01', '2026-10-31');
  await enroll(s, classB, '2026-11-01', null);
  const classOn = async (date: string) => (await listStudents(school.db, 1, yearId, date)).find((r) => r.code === 'S201')?.class;
  assert.is(await classOn('2026-10-31'), '7.a');
  assert.is(await classOn('2026-11-01'), '7.b');
  const inA = async (date: string) => (await listStudents(school.db, 1, yearId, date, { classId: classA })).map((r) => r.code).sort();
  assert.equal(await inA('2026-10-15'), ['S001', 'S002', 'S003', 'S201']);
  assert.equal(await inA('2026-11-15'), ['S001', 'S002', 'S003']);
  // Every student of the school is listed once; before their first day they have no class.
  const all = await listStudents(school.db, 1, yearId, '2026-09-01');
  assert.equal(all.map((r) => r.code).sort(), ['S001', 'S002', 'S003', 'S004', 'S101', 'S201']);
  assert.is(all.find((r) => r.code === 'S201')?.class, '7.a');
  const early = await listStudents(school.db, 1, yearId, '2026-08-31');
  assert.ok(early.every((r) => r.class === null));
});

Enrollment('listStudents orders by class level, then class code', async () => {
  const rows = await listStudents(school.db, 1, yearId, '2026-10-01');
  assert.equal(rows.filter((r) => r.class !== null).map((r) => r.class), ['2.a', '7.a', '7.a', '7.a', '7.b']);
});

Enrollment('listStudents: within a class, surnames in Latvian alphabetical order', async () => {
  const s = await student('S201');
  await enroll(s, classA, '2026-09-01', null);
  const rows = await listStudents(school.db, 1, yearId, '2026-10-01', { classId: classA });
  // Ābele, Bērziņš, Kalns, Ziemele — as a Latvian class register lists them.
  assert.equal(rows.map((r) => r.last_name), ['Ābele', 'Bērziņš', 'Kalns', 'Ziemele']);
});

Enrollment.run();
