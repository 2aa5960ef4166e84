import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { addStaff, listStaffViews, setStaff } from '../../src/services/staff.ts';
import { addSubject, listSubjectViews, setSubject } from '../../src/services/subjects.ts';
import { addClass, listClasses, setClass } from '../../src/services/classes.ts';
import { addStudent, listStudentViews, moveStudent, setStudent, showStudent } from '../../src/services/students.ts';
import { addGuardian, linkGuardianToStudents, listGuardians, parseRelation, setGuardian } from '../../src/services/guardians.ts';
import { addAssignment, listAssignments, removeAssignment } from '../../src/services/assignments.ts';
import { addYear, listYears, setYear } from '../../src/services/years.ts';
import { addHoliday, checkDay, listHolidayViews, removeHoliday } from '../../src/services/holidays.ts';
import { findStaffByCode } from '../../src/db/repositories/staff.ts';
import { findStudentByCode } from '../../src/db/repositories/students.ts';
import { counts, legacyPersonalCode, rejects, S001_CODE, smallSchool, type SmallSchool } from './fixtures.ts';

let s: SmallSchool;
const fresh = async () => {
  s = await smallSchool();
};
const close = () => s.cleanup();

/* ------------------------------------------------------------------ staff */

const Staff = suite('staff');
Staff.before.each(fresh);
Staff.after.each(close);

const roleCases: [string[], string[]][] = [
  [['teacher'], ['teacher']],
  [['teacher,class-teacher'], ['class-teacher', 'teacher']],
  [['teacher', 'class-teacher'], ['class-teacher', 'teacher']],
  [[' teacher , nurse '], ['nurse', 'teacher']],
  [['teacher', 'teacher,teacher'], ['teacher']],
  [['deputy,admin', 'social-pedagogue'], ['admin', 'deputy', 'social-pedagogue']],
];
for (const [input, expected] of roleCases) {
  Staff(`roles ${JSON.stringify(input)} → ${expected.join(',')}`, async () => {
    const view = await s.as('admin', (c) => addStaff(c, 'X01', { firstName: 'Ēriks', lastName: 'Čakste', roles: input }));
    assert.equal(view.roles, expected);
    assert.equal((await findStaffByCode(s.db, 1, 'X01'))!.roles, expected);
  });
}

Staff('an unknown role is a usage error and names the known roles; nothing is written', async () => {
  const before = await counts(s.db, 'staff', 'staff_role');
  await rejects(() => s.as('admin', (c) => addStaff(c, 'X01', { firstName: 'A', lastName: 'B', roles: ['teacher,principal'] })), 'usage', 'Unknown role "principal"', 'admin, deputy, class-teacher, teacher, nurse, social-pedagogue');
  assert.equal(await counts(s.db, 'staff', 'staff_role'), before);
});

Staff('no role at all is a usage error', async () => {
  await rejects(() => s.as('admin', (c) => addStaff(c, 'X01', { firstName: 'A', lastName: 'B', roles: [] })), 'usage', '--role');
  await rejects(() => s.as('admin', (c) => addStaff(c, 'X01', { firstName: 'A', lastName: 'B', roles: [' , '] })), 'usage', '--role');
});

Staff('duplicate code is a conflict', async () => {
  await rejects(() => s.as('admin', (c) => addStaff(c, 'T01', { firstName: 'A', lastName: 'B', roles: ['teacher'] })), 'conflict', 'T01 already exists');
});

Staff('a code with spaces is invalid; names are required', async () => {
  await rejects(() => s.as('admin', (c) => addStaff(c, 'T 9', { firstName: 'A', lastName: 'B', roles: ['teacher'] })), 'invalid', 'T 9');
  await rejects(() => s.as('admin', (c) => addStaff(c, 'T09', { firstName: '  ', lastName: 'B', roles: ['teacher'] })), 'usage', '--first-name');
});

Staff('only admins and deputies manage staff; the refusal names who and what', async () => {
  await s.as('D01', (c) => addStaff(c, 'X01', { firstName: 'A', lastName: 'B', roles: ['teacher'] }));
  await rejects(() => s.as('T01', (c) => addStaff(c, 'X02', { firstName: 'A', lastName: 'B', roles: ['teacher'] })), 'forbidden', 'T01 (Anna Kalniņa) may not manage the school registry');
  await rejects(async () => addStaff(await s.ctx(null), 'X03', { firstName: 'A', lastName: 'B', roles: ['teacher'] }), 'usage', '--as');
});

Staff('removing the only admin\'s admin role is a conflict; with a second admin it is allowed', async () => {
  await rejects(() => s.as('admin', (c) => setStaff(c, 'admin', { roles: ['teacher'] })), 'conflict', 'only administrator');
  assert.equal((await findStaffByCode(s.db, 1, 'admin'))!.roles, ['admin']);
  await s.as('admin', (c) => setStaff(c, 'D01', { roles: ['deputy,admin'] }));
  const changed = await s.as('admin', (c) => setStaff(c, 'admin', { roles: ['teacher'] }));
  assert.equal(changed.roles, ['teacher']);
  // Now D01 is the only one left.
  await rejects(() => s.as('D01', (c) => setStaff(c, 'D01', { roles: ['deputy'] })), 'conflict', 'D01 (Dace Liepa) is the only administrator');
});

Staff('deactivating the only active admin is a conflict (it would lock everyone out of the registry)', async () => {
  await rejects(() => s.as('admin', (c) => setStaff(c, 'admin', { active: false })), 'conflict', 'admin');
  assert.is((await findStaffByCode(s.db, 1, 'admin'))!.active, 1);
});

Staff('an inactive admin does not count as the other administrator', async () => {
  await s.as('admin', (c) => setStaff(c, 'D01', { roles: ['deputy', 'admin'] }));
  await s.as('admin', (c) => setStaff(c, 'D01', { active: false }));
  // D01 is deactivated and may not use the journal: taking the role from the last active admin would lock the registry.
  await rejects(() => s.as('admin', (c) => setStaff(c, 'admin', { roles: ['teacher'] })), 'conflict', 'admin');
  assert.equal((await findStaffByCode(s.db, 1, 'admin'))!.roles, ['admin']);
});

Staff('set with an empty role list is a usage error, as in add (no staff member without roles)', async () => {
  await rejects(() => s.as('admin', (c) => setStaff(c, 'T02', { roles: [' , '] })), 'usage', '--role');
  assert.equal((await findStaffByCode(s.db, 1, 'T02'))!.roles, ['teacher']);
});

Staff('set changes roles, names and phone; updated_at is the local time of the change', async () => {
  const at = new Date('2026-10-05T08:30:00Z'); // EEST: +03:00
  const view = await s.as('admin', (c) => setStaff(c, 'T02', { roles: ['teacher', 'class-teacher'], lastName: 'Ozols', phone: '2900 0000' }), at);
  assert.equal({ roles: view.roles, last_name: view.last_name, first_name: view.first_name, phone: view.phone }, { roles: ['class-teacher', 'teacher'], last_name: 'Ozols', first_name: 'Pēteris', phone: '+37129000000' });
  assert.is((await findStaffByCode(s.db, 1, 'T02'))!.updated_at, '2026-10-05T11:30:00+03:00');
  await rejects(() => s.as('admin', (c) => setStaff(c, 'T02', { lastName: '' })), 'invalid', 'name may not be empty');
  await rejects(() => s.as('admin', (c) => setStaff(c, 'T99', { lastName: 'X' })), 'not_found', 'T99');
});

const phones: [string, string][] = [
  ['20000001', '+37120000001'],
  ['+37120000001', '+37120000001'],
  ['+371 2000 0001', '+37120000001'],
  ['0037120000001', '+37120000001'],
  ['(+371) 20-000-001', '+37120000001'],
  ['67000000', '+37167000000'],
  ['+4915112345678', '+4915112345678'],
];
for (const [input, expected] of phones) {
  Staff(`phone ${JSON.stringify(input)} → ${expected}`, async () => {
    const view = await s.as('admin', (c) => addStaff(c, 'X01', { firstName: 'A', lastName: 'B', roles: ['nurse'], phone: input }));
    assert.is(view.phone, expected);
  });
}
const badPhones = ['12345', '30000001', '+37112345678', '+3712000000', 'zvani man', '+0123456789'];
for (const input of badPhones) {
  Staff(`phone ${JSON.stringify(input)} is invalid`, async () => {
    await rejects(() => s.as('admin', (c) => addStaff(c, 'X01', { firstName: 'A', lastName: 'B', roles: ['nurse'], phone: input })), 'invalid', input);
    assert.is(await findStaffByCode(s.db, 1, 'X01'), undefined);
  });
}

Staff('an invalid e-mail is invalid', async () => {
  await rejects(() => s.as('admin', (c) => addStaff(c, 'X01', { firstName: 'A', lastName: 'B', roles: ['nurse'], email: 'anna@' })), 'invalid', 'anna@');
});

Staff('list sorts by surname and filters by role; an unknown role filter is a usage error', async () => {
  const ctx = await s.ctx('admin');
  const teachers = await listStaffViews(ctx, { role: 'class-teacher' });
  assert.equal(teachers.map((t) => t.code).sort(), ['T01', 'T03', 'T04']);
  assert.ok(teachers.every((t) => t.active === true));
  assert.equal((await listStaffViews(ctx, { role: 'nurse' })).map((t) => t.code), ['N01']);
  await rejects(() => listStaffViews(ctx, { role: 'janitor' }), 'usage', 'janitor');
  assert.is((await listStaffViews(ctx)).length, 8);
});

Staff('created_at is the Riga-local ISO timestamp of ctx.now, with its offset', async () => {
  await s.as('admin', (c) => addStaff(c, 'W01', { firstName: 'A', lastName: 'B', roles: ['nurse'] }), new Date('2027-01-15T22:30:00Z'));
  await s.as('admin', (c) => addStaff(c, 'S01', { firstName: 'A', lastName: 'B', roles: ['nurse'] }), new Date('2027-06-15T22:30:00Z'));
  assert.is((await findStaffByCode(s.db, 1, 'W01'))!.created_at, '2027-01-16T00:30:00+02:00');
  assert.is((await findStaffByCode(s.db, 1, 'S01'))!.created_at, '2027-06-16T01:30:00+03:00');
});

/* --------------------------------------------------------------- subjects */

const Subjects = suite('subjects');
Subjects.before.each(fresh);
Subjects.after.each(close);

Subjects('add, list sorted by code, rename', async () => {
  const added = await s.as('admin', (c) => addSubject(c, 'ang', { name: ' Angļu valoda ' }));
  assert.equal({ code: added.code, name: added.name }, { code: 'ang', name: 'Angļu valoda' });
  const renamed = await s.as('admin', (c) => setSubject(c, 'ang', { name: 'Angļu val.' }));
  assert.is(renamed.name, 'Angļu val.');
  assert.equal((await listSubjectViews(await s.ctx(null))).map((x) => x.code), ['ang', 'lv', 'mat', 'sp']);
});

Subjects('duplicate conflict, bad code invalid, missing name usage, teacher forbidden, unknown not_found', async () => {
  await rejects(() => s.as('admin', (c) => addSubject(c, 'mat', { name: 'Matemātika 2' })), 'conflict', 'mat');
  await rejects(() => s.as('admin', (c) => addSubject(c, 'ma t', { name: 'X' })), 'invalid');
  await rejects(() => s.as('admin', (c) => addSubject(c, 'fiz', {})), 'usage', '--name');
  await rejects(() => s.as('T01', (c) => addSubject(c, 'fiz', { name: 'Fizika' })), 'forbidden', 'T01 (Anna Kalniņa)', 'manage the school registry');
  await rejects(() => s.as('admin', (c) => setSubject(c, 'fiz', { name: 'Fizika' })), 'not_found', 'fiz', 'known: lv, mat, sp');
});

/* ---------------------------------------------------------------- classes */

const Classes = suite('classes');
Classes.before.each(fresh);
Classes.after.each(close);

const levels: [string, number][] = [
  ['9.a', 9],
  ['12.b', 12],
  ['1.a', 1],
  ['5b', 5],
  ['10.ā', 10],
  ['11', 11],
];
for (const [code, level] of levels) {
  Classes(`level from code ${code} → ${level}`, async () => {
    const view = await s.as('admin', (c) => addClass(c, code, {}));
    assert.equal({ code: view.code, level: view.level, year: view.year, class_teacher: view.class_teacher, students: view.students }, { code, level, year: '2026/2027', class_teacher: null, students: 0 });
  });
}

const badClasses: [string, string | number | undefined, string][] = [
  ['13.a', undefined, 'level'],
  ['0.a', undefined, 'level'],
  ['a.7', undefined, 'should look like 7.a'],
  ['7.a.b', undefined, 'should look like 7.a'],
  ['9.c', 13, 'level'],
  ['9.c', 'septiņi', 'level'],
];
for (const [code, level, message] of badClasses) {
  Classes(`class ${code} level ${level ?? '(from code)'} is invalid`, async () => {
    await rejects(() => s.as('admin', (c) => addClass(c, code, { level })), 'invalid', message);
  });
}

Classes('explicit level wins; class teacher view; students counted on the reference day', async () => {
  const view = await s.as('admin', (c) => addClass(c, '9.c', { level: '9', classTeacher: 'T04' }));
  assert.equal({ level: view.level, class_teacher: view.class_teacher, class_teacher_name: view.class_teacher_name }, { level: 9, class_teacher: 'T04', class_teacher_name: 'Jānis Ābele' });
  const list = await listClasses(await s.ctx(null));
  assert.equal(list.map((c) => [c.code, c.students]), [['2.a', 1], ['7.a', 3], ['7.b', 1], ['9.c', 0]]);
  assert.equal((await listClasses(await s.ctx(null), { level: '7' })).map((c) => c.code), ['7.a', '7.b']);
});

Classes('the class teacher must have the class-teacher role; unknown staff is not_found', async () => {
  await rejects(() => s.as('admin', (c) => addClass(c, '9.c', { classTeacher: 'T02' })), 'invalid', 'T02 (Pēteris Ozoliņš) has no class-teacher role');
  await rejects(() => s.as('admin', (c) => addClass(c, '9.c', { classTeacher: 'N01' })), 'invalid', 'N01 (Līga Zariņa) has no class-teacher role');
  await rejects(() => s.as('admin', (c) => addClass(c, '9.c', { classTeacher: 'T99' })), 'not_found', 'T99');
  assert.equal((await listClasses(await s.ctx(null))).map((c) => c.code), ['2.a', '7.a', '7.b']);
});

Classes('duplicate code in the same year is a conflict; another year may reuse it', async () => {
  await rejects(() => s.as('admin', (c) => addClass(c, '7.a', {})), 'conflict', '7.a already exists in 2026/2027');
  await s.as('admin', (c) => addYear(c, { code: '2027/2028' }));
  const next = await s.as('admin', (c) => addClass({ ...c, yearCode: '2027/2028' }, '7.a', {}));
  assert.is(next.year, '2027/2028');
});

Classes('set changes and clears the class teacher; a teacher may not', async () => {
  const changed = await s.as('admin', (c) => setClass(c, '7.b', { classTeacher: 'T04' }));
  assert.is(changed.class_teacher, 'T04');
  await rejects(() => s.as('admin', (c) => setClass(c, '7.b', { classTeacher: 'T02' })), 'invalid', 'class-teacher role');
  const cleared = await s.as('admin', (c) => setClass(c, '7.b', { classTeacher: '' }));
  assert.is(cleared.class_teacher, null);
  await rejects(() => s.as('T01', (c) => setClass(c, '7.a', { level: 8 })), 'forbidden', 'T01');
  await rejects(() => s.as('admin', (c) => setClass(c, '8.z', { level: 8 })), 'not_found', '8.z', 'known: 2.a, 7.a, 7.b');
});

/* --------------------------------------------------------------- students */

const Students = suite('students');
Students.before.each(fresh);
Students.after.each(close);

const personalCodes: [string, string, string][] = [
  ['010110-20002', '010110-20002', '2010-01-01'],
  ['01011020002', '010110-20002', '2010-01-01'],
  [' 010110-20002 ', '010110-20002', '2010-01-01'],
  [legacyPersonalCode(29, 2, 2012), legacyPersonalCode(29, 2, 2012), '2012-02-29'],
  [legacyPersonalCode(31, 12, 1999).replace('-', ''), legacyPersonalCode(31, 12, 1999), '1999-12-31'],
];
for (const [input, normalized, birth] of personalCodes) {
  Students(`personas kods ${JSON.stringify(input)} → ${normalized}, born ${birth}`, async () => {
    // S001 holds 010110-20002 in the fixture: free it first.
    await s.as('admin', (c) => setStudent(c, 'S001', { personalCode: '' }));
    const view = await s.as('admin', (c) => addStudent(c, 'X01', { firstName: 'Ģirts', lastName: 'Ķēniņš', personalCode: input, class: '7.b' }));
    assert.equal({ personal_code: view.personal_code, birth_date: view.birth_date, class: view.class }, { personal_code: normalized, birth_date: birth, class: '7.b' });
    const row = await findStudentByCode(s.db, 1, 'X01');
    assert.equal({ personal_code: row!.personal_code, birth_date: row!.birth_date }, { personal_code: normalized, birth_date: birth });
  });
}

Students('a new-form personas kods (32…) is kept by format; the birth date comes from --birth-date', async () => {
  const view = await s.as('admin', (c) => addStudent(c, 'X01', { firstName: 'A', lastName: 'B', personalCode: '32123456789', birthDate: '14.03.2019' }));
  assert.equal({ personal_code: view.personal_code, birth_date: view.birth_date, class: view.class }, { personal_code: '321234-56789', birth_date: '2019-03-14', class: null });
});

const badCodes: [string, string][] = [
  ['010110-20003', 'checksum'],
  ['310210-20003', 'not a real date'],
  ['010110-30008', 'century digit'],
  ['0101102000', '11 digits'],
];
for (const [code, reason] of badCodes) {
  Students(`personas kods ${code} is invalid (${reason}); nothing is written`, async () => {
    const before = await counts(s.db, 'student', 'enrollment');
    await rejects(() => s.as('admin', (c) => addStudent(c, 'X01', { firstName: 'A', lastName: 'B', personalCode: code, class: '7.a' })), 'invalid', 'personas kods', reason);
    assert.equal(await counts(s.db, 'student', 'enrollment'), before);
  });
}

Students('--birth-date must agree with a legacy personas kods', async () => {
  const code = legacyPersonalCode(5, 6, 2013);
  await rejects(() => s.as('admin', (c) => addStudent(c, 'X01', { firstName: 'A', lastName: 'B', personalCode: code, birthDate: '2013-06-06' })), 'invalid', 'contradicts', '2013-06-05');
  const ok = await s.as('admin', (c) => addStudent(c, 'X01', { firstName: 'A', lastName: 'B', personalCode: code, birthDate: '05.06.2013' }));
  assert.is(ok.birth_date, '2013-06-05');
});

Students('set: a --birth-date that contradicts the stored legacy personas kods is invalid', async () => {
  // S001 holds 010110-20002: born 2010-01-01.
  await rejects(() => s.as('admin', (c) => setStudent(c, 'S001', { birthDate: '2010-02-02' })), 'invalid', 'contradicts');
  assert.is((await findStudentByCode(s.db, 1, 'S001'))!.birth_date, '2010-01-01');
});

Students('a duplicate personas kods is a conflict and the message masks it', async () => {
  const error = await rejects(() => s.as('admin', (c) => addStudent(c, 'X01', { firstName: 'A', lastName: 'B', personalCode: '01011020002' })), 'conflict', '010110-*****', 'S001');
  assert.not.ok(error.message.includes('20002'));
  await rejects(() => s.as('admin', (c) => setStudent(c, 'S002', { personalCode: S001_CODE })), 'conflict', 'S001');
  // Setting a student's own code again is not a conflict.
  const same = await s.as('admin', (c) => setStudent(c, 'S001', { personalCode: '01011020002' }));
  assert.is(same.personal_code, S001_CODE);
});

Students('duplicate student code is a conflict', async () => {
  await rejects(() => s.as('admin', (c) => addStudent(c, 'S001', { firstName: 'A', lastName: 'B' })), 'conflict', 'S001 already exists');
});

Students('list masks the personas kods; show and add reveal it', async () => {
  const list = await listStudentViews(await s.ctx('T01'));
  const s001 = list.find((x) => x.code === 'S001')!;
  assert.is(s001.personal_code, '010110-*****');
  assert.is(list.find((x) => x.code === 'S003')!.personal_code, null);
  assert.ok(list.every((x) => !x.personal_code || x.personal_code.endsWith('-*****')));
  const file = await showStudent(await s.ctx('admin'), 'S001');
  assert.is(file.personal_code, S001_CODE);
  // A student can be found by personas kods as well as by code.
  assert.is((await showStudent(await s.ctx('admin'), '01011020002')).code, 'S001');
  assert.equal((await listStudentViews(await s.ctx(null), { class: '7.b' })).map((x) => x.code), ['S004']);
});

const sexes: [string, 'M' | 'F'][] = [['M', 'M'], ['f', 'F'], ['V', 'M'], ['s', 'F'], ['vīr', 'M'], ['siev', 'F']];
for (const [input, expected] of sexes) {
  Students(`sex ${input} → ${expected}`, async () => {
    const view = await s.as('admin', (c) => addStudent(c, 'X01', { firstName: 'A', lastName: 'B', sex: input }));
    assert.is(view.sex, expected);
  });
}
Students('sex X is invalid', async () => {
  await rejects(() => s.as('admin', (c) => addStudent(c, 'X01', { firstName: 'A', lastName: 'B', sex: 'X' })), 'usage', '--sex');
});

Students('the class teacher may change contact data of their student, but not names', async () => {
  const at = new Date('2026-12-01T15:00:00Z');
  const view = await s.as('T01', (c) => setStudent(c, 'S001', { phone: '26000000', address: 'Brīvības iela 1, Rīga' }), at);
  assert.equal({ phone: view.phone, address: view.address, first_name: view.first_name }, { phone: '+37126000000', address: 'Brīvības iela 1, Rīga', first_name: 'Jānis' });
  assert.is((await findStudentByCode(s.db, 1, 'S001'))!.updated_at, '2026-12-01T17:00:00+02:00');
  await rejects(() => s.as('T01', (c) => setStudent(c, 'S001', { firstName: 'Jānis Pēteris' })), 'forbidden', 'T01 (Anna Kalniņa) may not manage the school registry');
  await rejects(() => s.as('T01', (c) => setStudent(c, 'S001', { phone: '26000001', lastName: 'X' })), 'forbidden');
  await rejects(() => s.as('T01', (c) => setStudent(c, 'S001', { personalCode: legacyPersonalCode(1, 1, 2010, 5) })), 'forbidden');
  assert.is((await findStudentByCode(s.db, 1, 'S001'))!.phone, '+37126000000');
});

Students('another teacher may not change the phone; the admin may change names', async () => {
  await rejects(() => s.as('T02', (c) => setStudent(c, 'S001', { phone: '26000000' })), 'forbidden', 'T02 (Pēteris Ozoliņš)', "edit a student's contact data", 'class teacher of 7.a');
  await rejects(() => s.as('T03', (c) => setStudent(c, 'S001', { phone: '26000000' })), 'forbidden', 'T03');
  const renamed = await s.as('admin', (c) => setStudent(c, 'S001', { lastName: 'Bērziņš-Kalns' }));
  assert.is(renamed.last_name, 'Bērziņš-Kalns');
});

Students('set refuses nothing-to-change, --class, an invalid phone', async () => {
  await rejects(() => s.as('admin', (c) => setStudent(c, 'S001', {})), 'usage', 'Nothing to change');
  await rejects(() => s.as('admin', (c) => setStudent(c, 'S001', { class: '7.b' })), 'usage', 'student move');
  await rejects(() => s.as('T01', (c) => setStudent(c, 'S001', { phone: '123' })), 'invalid', '123');
  await rejects(() => s.as('admin', (c) => setStudent(c, 'S999', { phone: '26000000' })), 'not_found', 'S999');
});

Students('move ends the old enrollment the day before and keeps the history', async () => {
  const at = new Date('2026-11-29T08:00:00Z');
  const file = await s.as('admin', (c) => moveStudent(c, 'S001', { class: '7.b', date: '2026-11-02' }), at);
  assert.is(file.class, '7.b');
  assert.equal(file.classes, [
    { class: '7.a', level: 7, year: '2026/2027', from_date: '2026-09-01', to_date: '2026-11-01' },
    { class: '7.b', level: 7, year: '2026/2027', from_date: '2026-11-02', to_date: null },
  ]);
  // Listed in 7.b now, in 7.a no longer.
  assert.equal((await listStudentViews(await s.ctx(null), { class: '7.a' })).map((x) => x.code).sort(), ['S002', 'S003']);
  // A second move later on.
  const again = await s.as('admin', (c) => moveStudent(c, 'S001', { class: '7.a', date: '2027-01-04' }));
  assert.equal(again.classes.map((p) => [p.class, p.from_date, p.to_date]), [['7.a', '2026-09-01', '2026-11-01'], ['7.b', '2026-11-02', '2027-01-03'], ['7.a', '2027-01-04', null]]);
});

Students('move without a date uses today (within the year)', async () => {
  const file = await s.as('admin', (c) => moveStudent(c, 'S002', { class: '7.b' }), new Date('2026-12-02T09:00:00Z'));
  assert.equal(file.classes.map((p) => [p.class, p.from_date, p.to_date]), [['7.a', '2026-09-01', '2026-12-01'], ['7.b', '2026-12-02', null]]);
});

Students('move date rules: into the same class conflict; on or before the joining day invalid; teacher forbidden', async () => {
  await rejects(() => s.as('admin', (c) => moveStudent(c, 'S001', { class: '7.a', date: '2026-11-02' })), 'conflict', 'already in 7.a');
  await rejects(() => s.as('admin', (c) => moveStudent(c, 'S001', { class: '7.b', date: '2026-09-01' })), 'invalid', 'joined 7.a on 2026-09-01');
  await rejects(() => s.as('admin', (c) => moveStudent(c, 'S001', { class: '7.b', date: '2026-08-15' })), 'invalid');
  await rejects(() => s.as('admin', (c) => moveStudent(c, 'S001', { class: '7.b', date: '2026-13-01' })), 'invalid', 'not a date');
  await rejects(() => s.as('T01', (c) => moveStudent(c, 'S001', { class: '7.b', date: '2026-11-02' })), 'forbidden', 'T01');
  await rejects(() => s.as('admin', (c) => moveStudent(c, 'S001', { class: '9.z', date: '2026-11-02' })), 'not_found', '9.z');
  const file = await showStudent(await s.ctx(null), 'S001');
  assert.equal(file.classes.map((p) => [p.class, p.to_date]), [['7.a', null]]);
});

Students('a move dated after the end of the school year is invalid', async () => {
  await rejects(() => s.as('admin', (c) => moveStudent(c, 'S001', { class: '7.b', date: '2027-09-15' })), 'invalid', '2026/2027');
  const file = await showStudent(await s.ctx(null), 'S001');
  assert.equal(file.classes.map((p) => [p.class, p.to_date]), [['7.a', null]]);
});

Students('a student without a class is placed by move from the given date', async () => {
  await s.as('admin', (c) => addStudent(c, 'X01', { firstName: 'A', lastName: 'B' }));
  const file = await s.as('admin', (c) => moveStudent(c, 'X01', { class: '2.a', date: '2026-10-01' }));
  assert.equal(file.classes.map((p) => [p.class, p.from_date, p.to_date]), [['2.a', '2026-10-01', null]]);
});

Students('add with --class and --from enrolls from that day; created_by is the actor', async () => {
  await s.as('admin', (c) => addStudent(c, 'X01', { firstName: 'A', lastName: 'B', class: '7.a', from: '2026-10-12' }));
  const file = await showStudent(await s.ctx(null), 'X01');
  assert.equal(file.classes.map((p) => [p.class, p.from_date]), [['7.a', '2026-10-12']]);
  const row = await s.db.selectFrom('enrollment').innerJoin('student', 'student.id', 'enrollment.student_id').select(['enrollment.created_by', 'enrollment.created_at']).where('student.code', '=', 'X01').executeTakeFirstOrThrow();
  assert.equal(row, { created_by: (await findStaffByCode(s.db, 1, 'admin'))!.id, created_at: '2026-11-29T10:00:00+02:00' });
  await rejects(() => s.as('admin', (c) => addStudent(c, 'X02', { firstName: 'A', lastName: 'B', class: '9.z' })), 'not_found', '9.z');
  assert.is(await findStudentByCode(s.db, 1, 'X02'), undefined, 'rolled back with the failed enrollment');
});

/* -------------------------------------------------------------- guardians */

const Guardians = suite('guardians');
Guardians.before.each(fresh);
Guardians.after.each(close);

Guardians('add with several students; each link carries the relation; phone normalised', async () => {
  const g = await s.as('admin', (c) => addGuardian(c, { students: ['S001', 'S002'], firstName: 'Ilze', lastName: 'Bērziņa', relation: 'mother', phone: '29999999', email: 'ilze@example.lv' }));
  assert.equal({ first_name: g.first_name, last_name: g.last_name, phone: g.phone, email: g.email, students: g.students }, {
    first_name: 'Ilze', last_name: 'Bērziņa', phone: '+37129999999', email: 'ilze@example.lv',
    students: [{ student: 'S001', relation: 'mother' }, { student: 'S002', relation: 'mother' }],
  });
  const file = await showStudent(await s.ctx(null), 'S002');
  assert.equal(file.guardians.map((x) => x.id), [g.id]);
  assert.equal((await listGuardians(await s.ctx(null), { class: '7.a' })).map((x) => x.id), [g.id]);
  assert.equal(await listGuardians(await s.ctx(null), { class: '7.b' }), []);
  assert.equal((await listGuardians(await s.ctx(null), { student: 'S002' })).map((x) => x.id), [g.id]);
});

Guardians('link to another student; a second link to the same student is a conflict', async () => {
  const g = await s.as('admin', (c) => addGuardian(c, { students: ['S001'], firstName: 'Juris', lastName: 'Bērziņš', relation: 'tēvs' }));
  const linked = await s.as('admin', (c) => linkGuardianToStudents(c, g.id, { students: ['S004'], relation: 'father' }));
  assert.equal(linked.students, [{ student: 'S001', relation: 'father' }, { student: 'S004', relation: 'father' }]);
  await rejects(() => s.as('admin', (c) => linkGuardianToStudents(c, g.id, { students: ['S001'], relation: 'father' })), 'conflict', `(guardian ${g.id}) is already linked to Jānis Bērziņš (S001)`);
  await rejects(() => s.as('admin', (c) => linkGuardianToStudents(c, 999, { students: ['S001'], relation: 'father' })), 'not_found', '999');
  await rejects(() => s.as('admin', (c) => linkGuardianToStudents(c, g.id, { students: ['S999'], relation: 'father' })), 'not_found', 'S999');
});

const relations: [string, string][] = [
  ['mother', 'mother'],
  ['māte', 'mother'],
  ['Māte', 'mother'],
  ['mamma', 'mother'],
  ['tēvs', 'father'],
  ['aizbildnis', 'guardian'],
  ['aizbildne', 'guardian'],
  ['vecmāmiņa', 'grandmother'],
  ['vectēvs', 'grandfather'],
  ['brālis', 'sibling'],
  ['māsa', 'sibling'],
  ['cits', 'other'],
  [' FATHER ', 'father'],
];
for (const [input, expected] of relations) {
  Guardians(`relation ${JSON.stringify(input)} → ${expected}`, async () => {
    assert.is(parseRelation(input), expected);
    const g = await s.as('admin', (c) => addGuardian(c, { students: ['S003'], firstName: 'A', lastName: 'B', relation: input }));
    assert.equal(g.students, [{ student: 'S003', relation: expected }]);
  });
}
Guardians('an unknown relation is a usage error, as a missing one is', async () => {
  await rejects(() => s.as('admin', (c) => addGuardian(c, { students: ['S003'], firstName: 'A', lastName: 'B', relation: 'kaimiņš' })), 'usage', 'kaimiņš', 'mother, father');
  await rejects(() => s.as('admin', (c) => addGuardian(c, { students: ['S003'], firstName: 'A', lastName: 'B' })), 'usage', '--relation');
  await rejects(() => s.as('admin', (c) => addGuardian(c, { students: [], firstName: 'A', lastName: 'B', relation: 'mother' })), 'usage', '--student');
  assert.equal(await counts(s.db, 'guardian', 'student_guardian'), { guardian: 0, student_guardian: 0 });
});

Guardians('the class teacher of the student may add and edit; another teacher may not', async () => {
  const g = await s.as('T01', (c) => addGuardian(c, { students: ['S001'], firstName: 'Ilze', lastName: 'Bērziņa', relation: 'māte' }));
  const changed = await s.as('T01', (c) => setGuardian(c, g.id, { phone: '+371 2999 9998' }));
  assert.is(changed.phone, '+37129999998');
  await rejects(() => s.as('T02', (c) => addGuardian(c, { students: ['S001'], firstName: 'A', lastName: 'B', relation: 'father' })), 'forbidden', 'T02 (Pēteris Ozoliņš)', 'class teacher of 7.a');
  await rejects(() => s.as('T02', (c) => setGuardian(c, g.id, { phone: '29999997' })), 'forbidden', 'T02');
  await rejects(() => s.as('N01', (c) => addGuardian(c, { students: ['S001'], firstName: 'A', lastName: 'B', relation: 'father' })), 'forbidden', 'N01');
  // Students of two classes: the class teacher of only one of them is refused, and nothing is written.
  const before = await counts(s.db, 'guardian', 'student_guardian');
  await rejects(() => s.as('T01', (c) => addGuardian(c, { students: ['S001', 'S004'], firstName: 'A', lastName: 'B', relation: 'father' })), 'forbidden', '7.b');
  await rejects(() => s.as('T01', (c) => linkGuardianToStudents(c, g.id, { students: ['S101'], relation: 'mother' })), 'forbidden', '2.a');
  assert.equal(await counts(s.db, 'guardian', 'student_guardian'), before);
});

Guardians('an invalid phone or e-mail is invalid', async () => {
  await rejects(() => s.as('admin', (c) => addGuardian(c, { students: ['S001'], firstName: 'A', lastName: 'B', relation: 'mother', phone: '555' })), 'invalid', '555');
  await rejects(() => s.as('admin', (c) => addGuardian(c, { students: ['S001'], firstName: 'A', lastName: 'B', relation: 'mother', email: 'x@y' })), 'invalid', 'x@y');
});

/* ------------------------------------------------------------ assignments */

const Assignments = suite('assignments');
Assignments.before.each(fresh);
Assignments.after.each(close);

Assignments('add needs the teacher role; the view names class, subject and teacher', async () => {
  const a = await s.as('admin', (c) => addAssignment(c, { class: '7.b', subject: 'lv', teacher: 'T04' }));
  assert.equal({ year: a.year, class: a.class, subject: a.subject, subject_name: a.subject_name, teacher: a.teacher, teacher_name: a.teacher_name }, { year: '2026/2027', class: '7.b', subject: 'lv', subject_name: 'Latviešu valoda', teacher: 'T04', teacher_name: 'Jānis Ābele' });
  await rejects(() => s.as('admin', (c) => addAssignment(c, { class: '7.b', subject: 'sp', teacher: 'N01' })), 'invalid', 'N01 (Līga Zariņa) has no teacher role');
  await rejects(() => s.as('admin', (c) => addAssignment(c, { class: '7.b', subject: 'sp', teacher: 'admin' })), 'invalid', 'admin (', ') has no teacher role');
  await rejects(() => s.as('T01', (c) => addAssignment(c, { class: '7.b', subject: 'sp', teacher: 'T01' })), 'forbidden', 'T01');
  await rejects(() => s.as('admin', (c) => addAssignment(c, { class: '7.b', subject: 'xx', teacher: 'T01' })), 'not_found', 'xx');
  await rejects(() => s.as('admin', (c) => addAssignment(c, { class: '7.b', subject: 'sp' })), 'usage', '--teacher');
});

Assignments('duplicate is a conflict; two teachers may share a class and subject', async () => {
  await rejects(() => s.as('admin', (c) => addAssignment(c, { class: '7.a', subject: 'mat', teacher: 'T01' })), 'conflict', 'T01 (Anna Kalniņa) already teaches mat in 7.a');
  await s.as('admin', (c) => addAssignment(c, { class: '7.a', subject: 'mat', teacher: 'T04' }));
  assert.equal((await listAssignments(await s.ctx(null), { class: '7.a', subject: 'mat' })).map((a) => a.teacher), ['T01', 'T04']);
});

Assignments('list filters; remove returns the removed one; removing again is not_found', async () => {
  const ctx = await s.ctx(null);
  assert.equal((await listAssignments(ctx)).map((a) => `${a.class} ${a.subject} ${a.teacher}`), ['2.a mat T03', '7.a lv T02', '7.a mat T01', '7.b mat T02']);
  assert.equal((await listAssignments(ctx, { teacher: 'T02' })).map((a) => `${a.class} ${a.subject}`), ['7.a lv', '7.b mat']);
  const removed = await s.as('admin', (c) => removeAssignment(c, { class: '7.b', subject: 'mat', teacher: 'T02' }));
  assert.equal([removed.class, removed.subject, removed.teacher], ['7.b', 'mat', 'T02']);
  assert.equal((await listAssignments(ctx, { teacher: 'T02' })).map((a) => `${a.class} ${a.subject}`), ['7.a lv']);
  await rejects(() => s.as('admin', (c) => removeAssignment(c, { class: '7.b', subject: 'mat', teacher: 'T02' })), 'not_found', 'T02 (Pēteris Ozoliņš) does not teach mat in 7.b');
  await rejects(() => s.as('T02', (c) => removeAssignment(c, { class: '7.a', subject: 'lv', teacher: 'T02' })), 'forbidden');
});

/* ------------------------------------------------------------------ years */

const Years = suite('years');
Years.before.each(fresh);
Years.after.each(close);

Years('the initial year is current, with default dates and three breaks', async () => {
  const [year] = await listYears(await s.ctx(null));
  assert.equal({ ...year!, id: 0, breaks: year!.breaks.map(({ id: _id, ...b }) => b) }, {
    id: 0, code: '2026/2027', current: true, closed: false,
    starts_on: '2026-09-01', ends_on: '2027-08-31',
    semester1_from: '2026-09-01', semester1_to: '2026-12-18', semester2_from: '2027-01-04', semester2_to: '2027-05-28',
    breaks: [
      { name: 'Rudens brīvlaiks', from: '2026-10-19', to: '2026-10-23' },
      { name: 'Ziemas brīvlaiks', from: '2026-12-21', to: '2027-01-03' },
      { name: 'Pavasara brīvlaiks', from: '2027-03-22', to: '2027-03-26' },
    ],
  });
});

Years('add with defaults is not current; --current switches', async () => {
  const added = await s.as('admin', (c) => addYear(c, { code: '2027/28' }));
  assert.equal({ code: added.code, current: added.current, starts_on: added.starts_on, ends_on: added.ends_on, breaks: added.breaks.length }, { code: '2027/2028', current: false, starts_on: '2027-09-01', ends_on: '2028-08-31', breaks: 3 });
  assert.equal((await listYears(await s.ctx(null))).map((y) => [y.code, y.current]), [['2026/2027', true], ['2027/2028', false]]);
  const current = await s.as('admin', (c) => addYear(c, { code: '2028/2029', current: true }));
  assert.is(current.current, true);
  assert.equal((await listYears(await s.ctx(null))).map((y) => [y.code, y.current]), [['2026/2027', false], ['2027/2028', false], ['2028/2029', true]]);
  await s.as('admin', (c) => setYear(c, '2027/2028', { current: true }));
  assert.equal((await listYears(await s.ctx(null))).filter((y) => y.current).map((y) => y.code), ['2027/2028']);
  // Commands now act on the new current year.
  assert.equal(await listClasses(await s.ctx(null)), []);
  // Breaks are recorded with their author.
  const admin = (await findStaffByCode(s.db, 1, 'admin'))!;
  const breaks = await s.db.selectFrom('holiday').select('created_by').where('school_year_id', '=', added.id).execute();
  assert.equal(breaks.map((b) => b.created_by), [admin.id, admin.id, admin.id]);
});

Years('add with its own dates; the breaks still come by default', async () => {
  const y = await s.as('admin', (c) => addYear(c, { code: '2027/2028', semester1To: '2027-12-22', semester2From: '2028-01-05' }));
  assert.equal([y.semester1_from, y.semester1_to, y.semester2_from, y.semester2_to], ['2027-09-01', '2027-12-22', '2028-01-05', '2028-05-26']);
});

const badOrders: [Parameters<typeof addYear>[1], string][] = [
  [{ code: '2027/2028', semester1From: '2027-12-01', semester1To: '2027-11-01' }, 'I semester end 2027-11-01 is before I semester start 2027-12-01'],
  [{ code: '2027/2028', startsOn: '2027-09-10' }, 'I semester start 2027-09-01 is before start of year 2027-09-10'],
  [{ code: '2027/2028', semester2From: '2027-12-01' }, 'II semester start'],
  [{ code: '2027/2028', endsOn: '2028-05-01' }, 'end of year 2028-05-01'],
];
for (const [input, message] of badOrders) {
  Years(`date order is validated: ${message}`, async () => {
    await rejects(() => s.as('admin', (c) => addYear(c, input)), 'invalid', message);
    assert.equal((await listYears(await s.ctx(null))).map((y) => y.code), ['2026/2027']);
  });
}

Years('bad code invalid, duplicate conflict, teacher forbidden, set validates order', async () => {
  await rejects(() => s.as('admin', (c) => addYear(c, { code: '2027-2028' })), 'invalid', '2026/2027');
  await rejects(() => s.as('admin', (c) => addYear(c, { code: '2026/27' })), 'conflict', '2026/2027 already exists');
  await rejects(() => s.as('T01', (c) => addYear(c, { code: '2027/2028' })), 'forbidden', 'T01');
  await rejects(() => s.as('admin', (c) => setYear(c, '2026/2027', { semester1To: '2027-02-01' })), 'invalid', 'II semester start');
  const changed = await s.as('admin', (c) => setYear(c, '2026/2027', { semester1To: '2026-12-22' }));
  assert.is(changed.semester1_to, '2026-12-22');
  await rejects(() => s.as('admin', (c) => setYear(c, '2030/2031', {})), 'not_found', '2030/2031');
});

/* --------------------------------------------------------------- holidays */

const Holidays = suite('holidays');
Holidays.before.each(fresh);
Holidays.after.each(close);

Holidays('init stores the known one-off government holidays', async () => {
  const rows = await listHolidayViews(await s.ctx(null), { to: '2023-12-31' });
  assert.equal(rows.map((h) => [h.from, h.kind, h.year]), [['2023-05-29', 'holiday', null], ['2023-07-10', 'holiday', null]]);
});

Holidays('kinds: a school break belongs to the current year; a holiday and a working day to none', async () => {
  const b = await s.as('admin', (c) => addHoliday(c, { from: '2026-11-16', to: '2026-11-17', name: 'Skolas jubileja' }));
  assert.equal({ kind: b.kind, year: b.year, from: b.from, to: b.to }, { kind: 'school-break', year: '2026/2027', from: '2026-11-16', to: '2026-11-17' });
  const h = await s.as('admin', (c) => addHoliday(c, { from: '2027-05-31', name: 'Valdības brīvdiena', kind: 'holiday' }));
  assert.equal({ kind: h.kind, year: h.year, from: h.from, to: h.to }, { kind: 'holiday', year: null, from: '2027-05-31', to: '2027-05-31' });
  const w = await s.as('admin', (c) => addHoliday(c, { from: '07.11.2026', name: 'Pārceltā darba diena', kind: 'working-day' }));
  assert.equal({ kind: w.kind, year: w.year, from: w.from }, { kind: 'working-day', year: null, from: '2026-11-07' });
  await rejects(() => s.as('admin', (c) => addHoliday(c, { from: '2026-11-16', name: 'X', kind: 'vacation' })), 'usage', 'school-break, holiday, working-day');
  await rejects(() => s.as('T01', (c) => addHoliday(c, { from: '2026-11-16', name: 'X' })), 'forbidden', 'T01');
  await rejects(() => s.as('admin', (c) => addHoliday(c, { from: '2026-11-16' })), 'usage', '--name');
});

const badHolidays: [Parameters<typeof addHoliday>[1], string][] = [
  [{ from: '2026-11-10', name: 'X', kind: 'working-day' }, 'already a working day'], // a Tuesday
  [{ from: '2026-11-07', to: '2026-11-08', name: 'X', kind: 'working-day' }, 'single date'],
  [{ from: '2027-08-30', to: '2027-09-03', name: 'X', kind: 'school-break' }, 'within 2026/2027'],
  [{ from: '2026-08-31', name: 'X' }, 'within 2026/2027'],
  [{ from: '2026-11-17', to: '2026-11-16', name: 'X' }, 'before --from'],
  [{ from: '2026-02-30', name: 'X' }, 'not a date'],
];
for (const [input, message] of badHolidays) {
  Holidays(`refused: ${JSON.stringify(input)} (${message})`, async () => {
    const before = await counts(s.db, 'holiday');
    await rejects(() => s.as('admin', (c) => addHoliday(c, input)), 'invalid', message);
    assert.equal(await counts(s.db, 'holiday'), before);
  });
}

Holidays('checkDay: weekends, public holidays, a school break, a moved working day, and adding working days', async () => {
  const ctx = await s.ctx(null);
  assert.equal(await checkDay(ctx, '2026-11-27'), { date: '2026-11-27', working: true, reason: null });
  assert.equal(await checkDay(ctx, '2026-11-28'), { date: '2026-11-28', working: false, reason: 'Saturday' });
  assert.equal(await checkDay(ctx, '2026-11-18'), { date: '2026-11-18', working: false, reason: 'public holiday: Latvijas Republikas proklamēšanas diena' });
  assert.equal(await checkDay(ctx, '2026-10-21'), { date: '2026-10-21', working: false, reason: 'school break: Rudens brīvlaiks' });
  // Friday before the autumn break + 1 → the Monday after it.
  assert.equal((await checkDay(ctx, '2026-10-16', 1)).plus, { days: 1, date: '2026-10-26' });
  await s.as('admin', (c) => addHoliday(c, { from: '2026-10-17', name: 'Pārceltā darba diena', kind: 'working-day' }));
  const ctx2 = await s.ctx(null);
  assert.equal(await checkDay(ctx2, '2026-10-17'), { date: '2026-10-17', working: true, reason: null });
  assert.equal((await checkDay(ctx2, '2026-10-16', 1)).plus, { days: 1, date: '2026-10-17' });
  assert.equal((await checkDay(ctx2, '2026-10-16', 2)).plus, { days: 2, date: '2026-10-26' });
  // A moved working day inside a break does not end the break.
  await s.as('admin', (c) => addHoliday(c, { from: '2026-12-26', name: 'Darba sestdiena', kind: 'working-day' }));
  assert.is((await checkDay(await s.ctx(null), '2026-12-26')).working, false);
  await rejects(() => checkDay(ctx2, '2026-10-16', -1), 'invalid', '--add');
  await rejects(() => checkDay(ctx2, 'rīt'), 'invalid', 'not a date');
});

Holidays('list with public holidays merges and sorts them by date within the range', async () => {
  await s.as('admin', (c) => addHoliday(c, { from: '2026-12-07', name: 'Skolas diena' }));
  const rows = await listHolidayViews(await s.ctx(null), { from: '2026-11-01', to: '2027-01-10', includePublic: true });
  assert.equal(rows.map((h) => `${h.from} ${h.kind} ${h.name}`), [
    '2026-11-18 public Latvijas Republikas proklamēšanas diena',
    '2026-12-07 school-break Skolas diena',
    '2026-12-21 school-break Ziemas brīvlaiks',
    '2026-12-24 public Ziemassvētku vakars',
    '2026-12-25 public Ziemassvētki',
    '2026-12-26 public Otrie Ziemassvētki',
    '2026-12-31 public Vecgada diena',
    '2027-01-01 public Jaunais gads',
  ]);
  const withoutPublic = await listHolidayViews(await s.ctx(null), { from: '2026-11-01', to: '2027-01-10' });
  assert.equal(withoutPublic.map((h) => h.name), ['Skolas diena', 'Ziemas brīvlaiks']);
  // Easter and the moved 4 May (a Tuesday in 2027: not moved) in spring.
  const spring = await listHolidayViews(await s.ctx(null), { from: '2027-03-20', to: '2027-05-05', includePublic: true });
  assert.equal(spring.map((h) => `${h.from} ${h.kind}`), ['2027-03-22 school-break', '2027-03-26 public', '2027-03-28 public', '2027-03-29 public', '2027-05-01 public', '2027-05-04 public']);
});

Holidays('remove deletes an entry; an unknown id is not_found', async () => {
  const b = await s.as('admin', (c) => addHoliday(c, { from: '2026-11-16', name: 'Skolas jubileja' }));
  const removed = await s.as('admin', (c) => removeHoliday(c, b.id!));
  assert.is(removed.name, 'Skolas jubileja');
  assert.is((await checkDay(await s.ctx(null), '2026-11-16')).working, true);
  await rejects(() => s.as('admin', (c) => removeHoliday(c, b.id!)), 'not_found', String(b.id));
});

Staff.run();
Subjects.run();
Classes.run();
Students.run();
Guardians.run();
Assignments.run();
Years.run();
Holidays.run();
