import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { addLesson, listLessons, resolveLesson, setLesson, showLesson, type LessonInput } from '../../src/services/lessons.ts';
import { addSubstitution } from '../../src/services/substitutions.ts';
import { absenceHistory, justifyAbsences, listAbsences, markAbsences, removeAbsence } from '../../src/services/absences.ts';
import { correctGrade, enterGrades, gradeHistory, listGrades, parseStudentValues } from '../../src/services/grades.ts';
import { addAssignment } from '../../src/services/assignments.ts';
import { addHoliday } from '../../src/services/holidays.ts';
import { moveStudent } from '../../src/services/students.ts';
import { findStaffByCode } from '../../src/db/repositories/staff.ts';
import { counts, rejects, smallSchool, type SmallSchool } from './fixtures.ts';

let s: SmallSchool;
const fresh = async () => {
  s = await smallSchool();
};
const close = () => s.cleanup();

/** 2026-10-05 is a Monday (EEST, +03:00); 10-06 Tuesday, 10-07 Wednesday. */
const MON = '2026-10-05';
const TUE = '2026-10-06';
const WED = '2026-10-07';
const lesson = (as: string, input: LessonInput, now?: Date) => s.as(as, (c) => addLesson(c, input), now);
const matA = (date: string, number: number, extra: Partial<LessonInput> = {}): LessonInput => ({ class: '7.a', subject: 'mat', date, number, topic: `Tēma ${date} ${number}`, ...extra });

/* ---------------------------------------------------------------- lessons */

const Lessons = suite('lessons');
Lessons.before.each(fresh);
Lessons.after.each(close);

Lessons('the assigned teacher records a lesson; created_at is Riga time with offset', async () => {
  const view = await lesson('T01', { ...matA(MON, 2), topic: 'Daļskaitļi', homework: '12. lpp., 3. uzd.' }, new Date('2026-10-05T14:03:09Z'));
  assert.equal(
    { class: view.class, subject: view.subject, date: view.date, number: view.number, teacher: view.teacher, substitute_for: view.substitute_for, topic: view.topic, homework: view.homework, created_by: view.created_by, created_at: view.created_at, updated_at: view.updated_at },
    { class: '7.a', subject: 'mat', date: MON, number: 2, teacher: 'T01', substitute_for: null, topic: 'Daļskaitļi', homework: '12. lpp., 3. uzd.', created_by: 'T01', created_at: '2026-10-05T17:03:09+03:00', updated_at: '2026-10-05T17:03:09+03:00' },
  );
});

Lessons('default teacher: the actor when assigned, else the first assigned teacher', async () => {
  await s.as('admin', (c) => addAssignment(c, { class: '7.a', subject: 'mat', teacher: 'T04' }));
  assert.is((await lesson('T04', matA(MON, 1))).teacher, 'T04');
  assert.is((await lesson('T01', matA(MON, 2))).teacher, 'T01');
  const byAdmin = await lesson('admin', matA(MON, 3));
  assert.equal([byAdmin.teacher, byAdmin.created_by], ['T01', 'admin']);
  const byDeputy = await lesson('D01', matA(MON, 4, { teacher: 'T04' }));
  assert.equal([byDeputy.teacher, byDeputy.created_by], ['T04', 'D01']);
});

Lessons('nobody assigned: invalid, naming the missing assignment', async () => {
  await rejects(() => lesson('admin', { class: '7.a', subject: 'sp', date: MON, number: 1, topic: 'Bumba' }), 'invalid', 'Nobody teaches sp in 7.a', 'assign add');
});

Lessons('a teacher records only their own assignments', async () => {
  // T02 does not teach mat in 7.a: the default teacher would be T01, not T02.
  await rejects(() => lesson('T02', matA(MON, 1)), 'forbidden', 'T02 (Pēteris Ozoliņš) may not record lessons: does not teach mat in 7.a');
  // T01 may not record T02's lv lesson for T02.
  await rejects(() => lesson('T01', { class: '7.a', subject: 'lv', date: MON, number: 1, topic: 'X', teacher: 'T02' }), 'forbidden', 'T01', 'lv in 7.a');
  // Nor name an unassigned teacher without --substitute-for.
  await rejects(() => lesson('admin', matA(MON, 1, { teacher: 'T04' })), 'invalid', 'does not teach mat in 7.a', '--substitute-for');
  await rejects(() => lesson('N01', matA(MON, 1)), 'forbidden', 'N01');
  assert.equal(await counts(s.db, 'lesson'), { lesson: 0 });
});

/** A deputy sets the substitution first (issue 13): only then may the substitute record that lesson. */
const substitution = (date: string, number: number, teacher: string) =>
  s.as('D01', (c) => addSubstitution(c, { class: '7.a', subject: 'mat', date, number, teacher, for: 'T01' }));

Lessons('substitute: a teacher records the lesson they give for an assigned teacher', async () => {
  await substitution(MON, 3, 'T02');
  const view = await lesson('T02', matA(MON, 3, { substituteFor: 'T01' }));
  assert.equal([view.teacher, view.substitute_for, view.created_by], ['T02', 'T01', 'T02']);
  const byAdmin = await lesson('admin', matA(TUE, 3, { teacher: 'T04', substituteFor: 'T01' }));
  assert.equal([byAdmin.teacher, byAdmin.substitute_for], ['T04', 'T01']);
});

const substituteRefusals: [string, string, Partial<LessonInput>, 'invalid' | 'forbidden' | 'not_found', string[]][] = [
  ['for someone not assigned', 'T02', { substituteFor: 'T03' }, 'invalid', ['--substitute-for T03', 'T03 does not teach mat in 7.a']],
  ['for oneself', 'T01', { substituteFor: 'T01' }, 'invalid', ['cannot substitute for themselves']],
  ['by a nurse', 'N01', { substituteFor: 'T01' }, 'forbidden', ['No substitution of T01 by N01', 'substitution add']],
  ['by a social pedagogue', 'P01', { substituteFor: 'T01' }, 'forbidden', ['P01']],
  ['for somebody else, by a teacher', 'T02', { substituteFor: 'T01', teacher: 'T04' }, 'forbidden', ['No substitution of T01 by T04']],
  ['for an unknown teacher', 'T02', { substituteFor: 'T99' }, 'not_found', ['T99']],
];
for (const [name, as, extra, code, parts] of substituteRefusals) {
  Lessons(`substitute refused: ${name}`, async () => {
    await rejects(() => lesson(as, matA(MON, 3, extra)), code, ...parts);
    assert.equal(await counts(s.db, 'lesson'), { lesson: 0 });
  });
}

Lessons('substitute: the substitute teacher must have the teacher role even when the admin records it', async () => {
  await rejects(() => lesson('admin', matA(MON, 3, { teacher: 'N01', substituteFor: 'T01' })), 'invalid', 'N01');
  assert.equal(await counts(s.db, 'lesson'), { lesson: 0 });
});

const noLessonDays: [string, string][] = [
  ['2026-10-03', 'Saturday'],
  ['2026-10-04', 'Sunday'],
  ['2026-11-18', 'public holiday: Latvijas Republikas proklamēšanas diena'],
  ['2026-10-20', 'school break: Rudens brīvlaiks'],
  ['2026-12-22', 'outside the semesters of 2026/2027'],
  ['2026-08-31', 'outside the semesters'],
  ['2027-06-10', 'outside the semesters'],
  ['2027-03-26', 'public holiday: Lielā Piektdiena'],
];
for (const [date, reason] of noLessonDays) {
  Lessons(`no lessons on ${date} (${reason}) unless --force`, async () => {
    await rejects(() => lesson('T01', matA(date, 1)), 'invalid', `${date}`, reason, '--force');
    assert.equal(await counts(s.db, 'lesson'), { lesson: 0 });
    const forced = await lesson('T01', matA(date, 1, { force: true }));
    assert.is(forced.date, date);
  });
}

Lessons('a school-declared holiday and a moved working day count too', async () => {
  await s.as('admin', (c) => addHoliday(c, { from: '2026-11-16', name: 'Skolas jubileja' }));
  await s.as('admin', (c) => addHoliday(c, { from: '2026-11-07', name: 'Darba sestdiena', kind: 'working-day' }));
  await rejects(() => lesson('T01', matA('2026-11-16', 1)), 'invalid', 'school break: Skolas jubileja');
  assert.is((await lesson('T01', matA('2026-11-07', 1))).date, '2026-11-07');
});

Lessons('two lessons in one class slot conflict, even with --force; other classes and numbers are free', async () => {
  const first = await lesson('T01', matA(MON, 2));
  await rejects(() => lesson('T02', { class: '7.a', subject: 'lv', date: MON, number: 2, topic: 'X' }), 'conflict', `7.a already has lesson 2 on ${MON}: mat (id ${first.id})`);
  await rejects(() => lesson('T01', matA(MON, 2, { force: true })), 'conflict');
  await lesson('T02', { class: '7.b', subject: 'mat', date: MON, number: 2, topic: 'X' });
  await lesson('T02', { class: '7.a', subject: 'lv', date: MON, number: 3, topic: 'X' });
  assert.equal(await counts(s.db, 'lesson'), { lesson: 3 });
});

const badLessonInput: [Partial<LessonInput>, 'usage' | 'invalid' | 'not_found', string][] = [
  [{ number: 13 }, 'invalid', '--number "13" must be a whole number from 0 to 12'],
  [{ number: '2a' }, 'invalid', '--number'],
  [{ number: undefined }, 'usage', '--number'],
  [{ topic: '  ' }, 'usage', '--topic'],
  [{ date: '5.10.26' }, 'invalid', 'not a date'],
  [{ class: '8.x' }, 'not_found', 'Unknown class 8.x'],
  [{ subject: 'ķīm' }, 'not_found', 'Unknown subject ķīm'],
];
for (const [extra, code, message] of badLessonInput) {
  Lessons(`bad input ${JSON.stringify(extra)} → ${code}`, async () => {
    await rejects(() => lesson('T01', { ...matA(MON, 1), ...extra }), code, message);
  });
}

Lessons('lesson 0 is allowed; DD.MM.YYYY dates are accepted', async () => {
  const view = await lesson('T01', { ...matA('05.10.2026', 0) });
  assert.equal([view.date, view.number], [MON, 0]);
});

Lessons('resolveLesson by class + subject + date; several that day need --number', async () => {
  const l2 = await lesson('T01', matA(MON, 2));
  const l3 = await lesson('T01', matA(MON, 3));
  const only = await lesson('T01', matA(TUE, 1));
  const ctx = await s.ctx('T01');
  assert.is((await resolveLesson(ctx, { class: '7.a', subject: 'mat', date: TUE })).lesson.id, only.id);
  assert.is((await resolveLesson(ctx, { class: '7.a', subject: 'mat', date: MON, number: 3 })).lesson.id, l3.id);
  assert.is((await resolveLesson(ctx, { lesson: String(l2.id) })).lesson.id, l2.id);
  await rejects(() => resolveLesson(ctx, { class: '7.a', subject: 'mat', date: MON }), 'usage', 'lessons 2, 3', '--number');
  await rejects(() => resolveLesson(ctx, { class: '7.a', subject: 'mat', date: WED }), 'not_found', `No mat lesson in 7.a on ${WED}`);
  await rejects(() => resolveLesson(ctx, { class: '7.a', subject: 'mat', date: MON, number: 5 }), 'not_found', 'lesson 5');
  await rejects(() => resolveLesson(ctx, { class: '7.a', date: MON }), 'usage', '--lesson ID');
  await rejects(() => resolveLesson(ctx, { lesson: 999 }), 'not_found', '999');
  await rejects(() => resolveLesson(ctx, { lesson: 'x' }), 'invalid', '--lesson');
  assert.is((await showLesson(ctx, { class: '7.a', subject: 'mat', date: TUE })).topic, `Tēma ${TUE} 1`);
});

Lessons('set fixes topic and homework; the substitute may, another teacher may not', async () => {
  const l = await lesson('T01', matA(MON, 2));
  const later = new Date('2026-10-06T06:00:00Z');
  const changed = await s.as('T01', (c) => setLesson(c, { lesson: l.id }, { topic: 'Daļskaitļu saskaitīšana', homework: '' }), later);
  assert.equal({ topic: changed.topic, homework: changed.homework, updated_by: changed.updated_by, updated_at: changed.updated_at, created_at: changed.created_at }, { topic: 'Daļskaitļu saskaitīšana', homework: null, updated_by: 'T01', updated_at: '2026-10-06T09:00:00+03:00', created_at: '2026-11-29T10:00:00+02:00' });
  await rejects(() => s.as('T02', (c) => setLesson(c, { lesson: l.id }, { topic: 'X' })), 'forbidden', 'T02', 'record lessons');
  await rejects(() => s.as('T01', (c) => setLesson(c, { lesson: l.id }, {})), 'usage', 'Nothing to change');
  await rejects(() => s.as('T01', (c) => setLesson(c, { lesson: l.id }, { topic: ' ' })), 'usage', '--topic');
  await substitution(TUE, 2, 'T02');
  const sub = await lesson('T02', matA(TUE, 2, { substituteFor: 'T01' }));
  assert.is((await s.as('T02', (c) => setLesson(c, { lesson: sub.id }, { homework: '5. uzd.' }))).homework, '5. uzd.');
});

Lessons('list filters by class, subject, teacher and an inclusive date range', async () => {
  await lesson('T01', matA(MON, 2));
  await lesson('T01', matA(WED, 1));
  await lesson('T02', { class: '7.a', subject: 'lv', date: TUE, number: 1, topic: 'X' });
  await lesson('T02', { class: '7.b', subject: 'mat', date: MON, number: 1, topic: 'X' });
  const ctx = await s.ctx(null);
  const keys = (rows: { class: string; subject: string; date: string }[]) => rows.map((r) => `${r.class} ${r.subject} ${r.date}`);
  assert.equal(keys(await listLessons(ctx)), [`7.a mat ${MON}`, `7.b mat ${MON}`, `7.a lv ${TUE}`, `7.a mat ${WED}`]);
  assert.equal(keys(await listLessons(ctx, { class: '7.a', subject: 'mat' })), [`7.a mat ${MON}`, `7.a mat ${WED}`]);
  assert.equal(keys(await listLessons(ctx, { teacher: 'T02' })), [`7.b mat ${MON}`, `7.a lv ${TUE}`]);
  assert.equal(keys(await listLessons(ctx, { from: TUE, to: WED })), [`7.a lv ${TUE}`, `7.a mat ${WED}`]);
  assert.equal(keys(await listLessons(ctx, { to: MON })), [`7.a mat ${MON}`, `7.b mat ${MON}`]);
  await rejects(() => listLessons(ctx, { from: 'vakar' }), 'invalid', '--from');
});

/* --------------------------------------------------------------- absences */

const Absences = suite('absences');
let l1: number; // mat 7.a Mon #2, T01
let l2: number; // mat 7.a Tue #3, T01
let l3: number; // mat 7.a Wed #1, T01
let lv: number; // lv 7.a Mon #1, T02
Absences.before.each(async () => {
  await fresh();
  l1 = (await lesson('T01', matA(MON, 2))).id;
  l2 = (await lesson('T01', matA(TUE, 3))).id;
  l3 = (await lesson('T01', matA(WED, 1))).id;
  lv = (await lesson('T02', { class: '7.a', subject: 'lv', date: MON, number: 1, topic: 'Lietvārds' })).id;
});
Absences.after.each(close);

const mark = (as: string, lessonId: number, students: string[], code?: string, now?: Date) => s.as(as, (c) => markAbsences(c, { lesson: lessonId, students, code }), now);
const history = async (lessonId: number, student: string) =>
  (await absenceHistory(await s.ctx(null), { lesson: lessonId, student })).map((h) => `${h.action} ${h.code_before ?? '-'}→${h.code_after ?? '-'} ${h.changed_by}`);

Absences('mark: created, unchanged, changed, removed, restored — each step in the history', async () => {
  const t1 = new Date('2026-10-05T07:10:00Z');
  const [created] = await mark('T01', l1, ['S001'], undefined, t1);
  assert.equal(
    { change: created!.change, code: created!.code, marked_code: created!.marked_code, marked_by: created!.marked_by, marked_at: created!.marked_at, student: created!.student, student_name: created!.student_name, removed: created!.removed, decided_by: created!.decided_by },
    { change: 'created', code: 'n', marked_code: 'n', marked_by: 'T01', marked_at: '2026-10-05T10:10:00+03:00', student: 'S001', student_name: 'Jānis Bērziņš', removed: false, decided_by: null },
  );
  const [again] = await mark('T01', l1, ['S001']);
  assert.equal([again!.change, again!.id, again!.marked_at], ['unchanged', created!.id, '2026-10-05T10:10:00+03:00']);
  assert.equal(await history(l1, 'S001'), ['mark -→n T01']);

  const [late] = await mark('T01', l1, ['S001'], 'k');
  assert.equal([late!.change, late!.code, late!.marked_code], ['changed', 'k', 'k']);
  const removed = await s.as('T01', (c) => removeAbsence(c, { lesson: l1, student: 'S001', reason: 'Kļūda' }));
  assert.equal([removed.removed, removed.code], [true, 'k']);
  assert.equal(await listAbsences(await s.ctx(null), { student: 'S001' }), []);
  assert.equal((await listAbsences(await s.ctx(null), { student: 'S001', includeRemoved: true })).map((a) => [a.id, a.removed]), [[created!.id, true]]);
  await rejects(() => s.as('T01', (c) => removeAbsence(c, { id: created!.id })), 'conflict', 'already removed');

  const [restored] = await mark('T01', l1, ['S001'], 'n');
  assert.equal([restored!.change, restored!.code, restored!.removed, restored!.id], ['restored', 'n', false, created!.id]);
  assert.equal(await history(l1, 'S001'), ['mark -→n T01', 'remark n→k T01', 'remove k→- T01', 'restore -→n T01']);
  const full = await absenceHistory(await s.ctx(null), { id: created!.id });
  assert.equal(full.map((h) => h.reason), [null, null, 'Kļūda', null]);
  assert.is(full[0]!.changed_at, '2026-10-05T10:10:00+03:00');
});

Absences('several students at once; results in the order given', async () => {
  const rows = await mark('T01', l1, ['S003', 'S001', 'S002'], 'k');
  assert.equal(rows.map((r) => [r.student, r.change, r.code]), [['S003', 'created', 'k'], ['S001', 'created', 'k'], ['S002', 'created', 'k']]);
});

Absences('a student not in the class that day is invalid; nothing is written for the others', async () => {
  await rejects(() => mark('T01', l1, ['S001', 'S004']), 'invalid', `Not in 7.a on ${MON}:`, '(S004).');
  assert.equal(await counts(s.db, 'absence', 'absence_change'), { absence: 0, absence_change: 0 });
  // After a move, the old class keeps only the days before it.
  await s.as('admin', (c) => moveStudent(c, 'S002', { class: '7.b', date: TUE }));
  await mark('T01', l1, ['S002']);
  await rejects(() => mark('T01', l2, ['S002']), 'invalid', `Not in 7.a on ${TUE}:`, '(S002).');
  await rejects(() => mark('T01', l1, ['S999']), 'not_found', 'S999');
});

Absences('only n or k may be marked; ns/nc are the class teacher\'s', async () => {
  await rejects(() => mark('T01', l1, ['S001'], 'ns'), 'usage', 'n or k', 'absence justify');
  await rejects(() => mark('T01', l1, ['S001'], 'x'), 'usage');
  await rejects(() => mark('T01', l1, []), 'usage', '--student');
});

Absences('mark permission: own lesson or the lesson taught as a substitute', async () => {
  await rejects(() => mark('T02', l1, ['S001']), 'forbidden', 'T02 (Pēteris Ozoliņš) may not mark absences: does not teach mat in 7.a');
  await rejects(() => mark('N01', l1, ['S001']), 'forbidden', 'N01');
  await rejects(() => mark('T01', lv, ['S001']), 'forbidden', 'T01', 'lv in 7.a'); // class teacher, not the lv teacher
  await substitution(WED, 4, 'T02');
  const sub = (await lesson('T02', matA(WED, 4, { substituteFor: 'T01' }))).id;
  const [row] = await mark('T02', sub, ['S001']);
  assert.equal([row!.change, row!.marked_by], ['created', 'T02']);
  // T01 is still assigned: may mark in the lesson T02 gave.
  assert.is((await mark('T01', sub, ['S002']))[0]!.marked_by, 'T01');
  assert.is((await mark('D01', l1, ['S003']))[0]!.marked_by, 'D01');
});

Absences('justify turns only n into ns/nc over a range of days; k and other days stay', async () => {
  await mark('T01', l1, ['S001']); // Mon n
  await mark('T02', lv, ['S001']); // Mon n (lv)
  await mark('T01', l2, ['S001'], 'k'); // Tue k
  await mark('T01', l3, ['S001']); // Wed n
  await mark('T01', l1, ['S002']); // another student
  const at = new Date('2026-10-08T11:00:00Z');
  const changed = await s.as('T01', (c) => justifyAbsences(c, { student: 'S001', from: MON, to: TUE, reason: 'illness', note: 'Ārsta zīme' }), at);
  assert.equal(changed.map((a) => `${a.date} #${a.number} ${a.subject} ${a.marked_code}→${a.code}`), [`${MON} #1 lv n→ns`, `${MON} #2 mat n→ns`]);
  assert.equal(changed.map((a) => [a.marked_by, a.decided_by, a.decided_at, a.note]), [['T02', 'T01', '2026-10-08T14:00:00+03:00', 'Ārsta zīme'], ['T01', 'T01', '2026-10-08T14:00:00+03:00', 'Ārsta zīme']]);
  const all = await listAbsences(await s.ctx(null), { student: 'S001' });
  assert.equal(all.map((a) => `${a.date} ${a.subject} ${a.code}`), [`${MON} lv ns`, `${MON} mat ns`, `${TUE} mat k`, `${WED} mat n`]);
  assert.equal(await history(l1, 'S001'), ['mark -→n T01', 'justify n→ns T01']);
  const [h] = (await absenceHistory(await s.ctx(null), { lesson: l1, student: 'S001' })).slice(-1);
  assert.equal([h!.reason, h!.changed_at], ['Ārsta zīme', '2026-10-08T14:00:00+03:00']);
  assert.equal((await listAbsences(await s.ctx(null), { student: 'S002' })).map((a) => a.code), ['n']);
  // Other reason; a single day (--to defaults to --from).
  const other = await s.as('T01', (c) => justifyAbsences(c, { student: 'S001', from: '07.10.2026', reason: 'other' }));
  assert.equal(other.map((a) => [a.date, a.code, a.marked_code]), [[WED, 'nc', 'n']]);
  // No n left: the class teacher changes the decision instead (§19), ns → nc, kept in the history.
  const switched = await s.as('T01', (c) => justifyAbsences(c, { student: 'S001', from: MON, to: WED, reason: 'other' }));
  assert.equal(switched.map((a) => `${a.date} #${a.number} ${a.subject} ${a.code}`), [`${MON} #1 lv nc`, `${MON} #2 mat nc`]);
  assert.equal(await history(l1, 'S001'), ['mark -→n T01', 'justify n→ns T01', 'switch ns→nc T01']);
  // Nothing left to justify or switch: an empty result, no new history.
  const before = await counts(s.db, 'absence_change');
  assert.equal(await s.as('T01', (c) => justifyAbsences(c, { student: 'S001', from: MON, to: WED, reason: 'other' })), []);
  assert.equal(await counts(s.db, 'absence_change'), before);
});

Absences('a subject teacher may not overwrite the class teacher\'s decision by marking again', async () => {
  await mark('T01', l1, ['S001']);
  await s.as('T01', (c) => justifyAbsences(c, { student: 'S001', from: MON, reason: 'illness' }));
  await rejects(() => mark('T01', l1, ['S001'], 'k'), 'conflict', 'S001', 'already justified as ns');
  await rejects(() => mark('T01', l1, ['S001'], 'n'), 'conflict', 'ns');
  assert.equal((await listAbsences(await s.ctx(null), { student: 'S001' })).map((a) => a.code), ['ns']);
});

Absences('justify needs the class teacher of the student\'s class — checked even when nothing matches', async () => {
  await mark('T01', l1, ['S001']);
  await rejects(() => s.as('T02', (c) => justifyAbsences(c, { student: 'S001', from: MON, reason: 'illness' })), 'forbidden', 'T02 (Pēteris Ozoliņš) may not justify absences: is not the class teacher of 7.a');
  await rejects(() => s.as('T03', (c) => justifyAbsences(c, { student: 'S001', from: MON, reason: 'illness' })), 'forbidden', 'T03');
  assert.equal((await listAbsences(await s.ctx(null), { student: 'S001' })).map((a) => a.code), ['n']);
  // No absence in the range at all: still refused for T02, an empty answer for the class teacher.
  await rejects(() => s.as('T02', (c) => justifyAbsences(c, { student: 'S001', from: '2026-11-02', to: '2026-11-06', reason: 'other' })), 'forbidden', 'T02', 'justify absences');
  await rejects(() => s.as('N01', (c) => justifyAbsences(c, { student: 'S003', from: MON, reason: 'other' })), 'forbidden', 'N01');
  assert.equal(await s.as('T01', (c) => justifyAbsences(c, { student: 'S001', from: '2026-11-02', to: '2026-11-06', reason: 'other' })), []);
  assert.is((await s.as('D01', (c) => justifyAbsences(c, { student: 'S001', from: MON, reason: 'other' })))[0]!.code, 'nc');
});

Absences('justify input: reason illness|other, dates in order', async () => {
  await rejects(() => s.as('T01', (c) => justifyAbsences(c, { student: 'S001', from: MON, reason: 'flu' })), 'usage', 'illness or other');
  await rejects(() => s.as('T01', (c) => justifyAbsences(c, { student: 'S001', from: MON })), 'usage', '--reason');
  await rejects(() => s.as('T01', (c) => justifyAbsences(c, { student: 'S001', from: WED, to: MON, reason: 'other' })), 'invalid', 'before --from');
  await rejects(() => s.as('T01', (c) => justifyAbsences(c, { from: MON, reason: 'other' })), 'usage', '--student');
  await rejects(() => s.as('T01', (c) => justifyAbsences(c, { student: 'S001', reason: 'other' })), 'usage', '--from');
});

Absences('remove: the class teacher may correct an absence in another subject; an outsider may not', async () => {
  await mark('T02', lv, ['S001']);
  await rejects(() => s.as('T03', (c) => removeAbsence(c, { lesson: lv, student: 'S001' })), 'forbidden', 'T03 (Ilze Priede) may not correct absences: neither teaches lv in 7.a nor is the class teacher');
  const removed = await s.as('T01', (c) => removeAbsence(c, { lesson: lv, student: 'S001' }));
  assert.is(removed.removed, true);
  assert.equal(await history(lv, 'S001'), ['mark -→n T02', 'remove n→- T01']);
  await rejects(() => s.as('T01', (c) => removeAbsence(c, { lesson: lv, student: 'S002' })), 'not_found', '(S002) has no absence');
  await rejects(() => s.as('T01', (c) => removeAbsence(c, { id: 999 })), 'not_found', '999');
});

Absences('list filters: class, lesson, code, dates; an unknown code is invalid', async () => {
  await mark('T01', l1, ['S001', 'S002']);
  await mark('T01', l2, ['S001'], 'k');
  await mark('T02', lv, ['S003']);
  const ctx = await s.ctx(null);
  assert.is((await listAbsences(ctx, { class: '7.a' })).length, 4);
  assert.equal((await listAbsences(ctx, { code: 'k' })).map((a) => a.student), ['S001']);
  assert.equal((await listAbsences(ctx, { lesson: String(lv) })).map((a) => a.student), ['S003']);
  assert.equal((await listAbsences(ctx, { from: TUE })).map((a) => a.date), [TUE]);
  assert.equal((await listAbsences(ctx, { class: '7.b' })), []);
  await rejects(() => listAbsences(ctx, { code: 'x' }), 'usage', 'n, k, ns, nc');
});

/* ----------------------------------------------------------------- grades */

const Grades = suite('grades');
let g1: number; // mat 7.a Mon #2, T01
let gLv: number; // lv 7.a Mon #1, T02
let g2a: number; // mat 2.a Mon #1, T03
Grades.before.each(async () => {
  await fresh();
  g1 = (await lesson('T01', matA(MON, 2))).id;
  gLv = (await lesson('T02', { class: '7.a', subject: 'lv', date: MON, number: 1, topic: 'Lietvārds' })).id;
  g2a = (await lesson('T03', { class: '2.a', subject: 'mat', date: MON, number: 1, topic: 'Skaitļi' })).id;
});
Grades.after.each(close);

const enter = (as: string, input: Parameters<typeof enterGrades>[1], now?: Date) => s.as(as, (c) => enterGrades(c, input), now);

const scaleCases: [string, () => number, string, string, string | null][] = [
  // class, lesson, work, value, accepted value or null (invalid)
  ['7.a', () => g1, 'regular', '8', '8'],
  ['7.a', () => g1, 'regular', '10', '10'],
  ['7.a', () => g1, 'regular', '1', '1'],
  ['7.a', () => g1, 'regular', '08', '8'],
  ['7.a', () => g1, 'regular', '11', null],
  ['7.a', () => g1, 'regular', '0', null],
  ['7.a', () => g1, 'regular', 'S', null],
  ['7.a', () => g1, 'regular', '+', null],
  ['7.a', () => g1, 'regular', 'I', 'i'],
  ['7.a', () => g1, 'regular', 'nv', 'nv'],
  ['7.a', () => g1, 'credit', 'ni', 'ni'],
  ['7.a', () => g1, 'credit', '8', null],
  ['7.a', () => g1, 'test', '6', '6'],
  ['7.a', () => g1, 'large', '9', '9'],
  ['7.a', () => g1, 'regular', 'a', null],
  ['2.a', () => g2a, 'regular', 'S', 'S'],
  ['2.a', () => g2a, 'regular', 'P', 'P'],
  ['2.a', () => g2a, 'regular', '/', '/'],
  ['2.a', () => g2a, 'regular', '-', '-'],
  ['2.a', () => g2a, 'test', 'A', 'A'],
  ['2.a', () => g2a, 'regular', '8', null],
  ['2.a', () => g2a, 'regular', 's', null],
  ['2.a', () => g2a, 'credit', 'i', 'i'],
  ['2.a', () => g2a, 'credit', 'T', null],
];
for (const [cls, lessonId, work, value, expected] of scaleCases) {
  Grades(`${cls} ${work} ${JSON.stringify(value)} → ${expected ?? 'invalid'}`, async () => {
    const student = cls === '2.a' ? 'S101' : 'S001';
    const teacher = cls === '2.a' ? 'T03' : 'T01';
    if (expected === null) {
      const error = await rejects(() => enter(teacher, { lesson: lessonId(), students: [student], value, work }), 'invalid', `(${student}):`, 'accepted');
      assert.ok(!error.message.includes('undefined'));
      assert.equal(await counts(s.db, 'grade', 'grade_change'), { grade: 0, grade_change: 0 });
    } else {
      const [row] = await enter(teacher, { lesson: lessonId(), students: [student], value, work });
      assert.equal([row!.value, row!.work, row!.class, row!.date, row!.lesson_id], [expected, work, cls, MON, lessonId()]);
    }
  });
}

Grades('the README example: 11 is refused naming what is accepted', async () => {
  await rejects(() => enter('T01', { lesson: g1, students: ['S001'], value: '11' }), 'invalid', 'grade "11" is not on the scale', '1–10', 'i, ni');
});

Grades('an unknown work kind is invalid and lists the kinds', async () => {
  await rejects(() => enter('T01', { lesson: g1, students: ['S001'], value: '8', work: 'exam' }), 'usage', '--work "exam"', 'regular, credit, test, large, semester1');
});

Grades('several students at once (S=V pairs and a common --value); named twice is invalid', async () => {
  const rows = await enter('T01', { lesson: g1, students: ['S001=8', 'S002=7', 'S003'], value: '9' });
  assert.equal(rows.map((r) => [r.student, r.value]).sort(), [['S001', '8'], ['S002', '7'], ['S003', '9']]);
  await rejects(() => enter('T01', { lesson: g1, students: ['S001=8', 'S001=9'] }), 'invalid', '(S001) is named twice');
  await rejects(() => enter('T01', { lesson: g1, students: ['S001'] }), 'usage', '--value');
  await rejects(() => enter('T01', { lesson: g1, students: [] }), 'usage', '--student');
  assert.equal(parseStudentValues(['S1=8', ' S2 = i '], undefined), [{ student: 'S1', value: '8' }, { student: 'S2', value: 'i' }]);
});

Grades('one bad value refuses the whole batch', async () => {
  await rejects(() => enter('T01', { lesson: g1, students: ['S001=8', 'S002=12'] }), 'invalid', 'S002');
  await rejects(() => enter('T01', { lesson: g1, students: ['S001=8', 'S004=7'] }), 'invalid', 'Not in 7.a', 'S004');
  assert.equal(await counts(s.db, 'grade', 'grade_change'), { grade: 0, grade_change: 0 });
});

Grades('enter permission: own assignment, or the lesson taught as a substitute', async () => {
  await rejects(() => enter('T02', { lesson: g1, students: ['S001'], value: '7' }), 'forbidden', 'T02 (Pēteris Ozoliņš) may not enter grades: does not teach mat in 7.a');
  await rejects(() => enter('T01', { lesson: gLv, students: ['S001'], value: '7' }), 'forbidden', 'T01', 'lv in 7.a');
  await rejects(() => enter('N01', { lesson: g1, students: ['S001'], value: '7' }), 'forbidden', 'N01');
  await rejects(() => enter('T02', { class: '7.a', subject: 'mat', date: MON, students: ['S001'], value: '7' }), 'forbidden', 'T02');
  await substitution(TUE, 1, 'T02');
  const sub = (await lesson('T02', matA(TUE, 1, { substituteFor: 'T01' }))).id;
  assert.is((await enter('T02', { lesson: sub, students: ['S001'], value: '7' }))[0]!.created_by, 'T02');
  assert.is((await enter('admin', { lesson: g1, students: ['S002'], value: '7' }))[0]!.created_by, 'admin');
});

Grades('without a lesson: --class --subject --date; the date must lie in the year and not in the future', async () => {
  const [row] = await enter('T01', { class: '7.a', subject: 'mat', date: '2026-11-27', students: ['S001'], value: '8', work: 'test' });
  assert.equal([row!.date, row!.lesson_id, row!.work], ['2026-11-27', null, 'test']);
  await rejects(() => enter('T01', { class: '7.a', subject: 'mat', students: ['S001'], value: '8' }), 'usage', '--date');
  await rejects(() => enter('T01', { class: '7.a', subject: 'mat', date: '2026-08-20', students: ['S001'], value: '8' }), 'invalid', 'outside the school year 2026/2027');
  await rejects(() => enter('T01', { class: '7.a', subject: 'mat', date: '2026-12-01', students: ['S001'], value: '8' }), 'invalid', 'future', '2026-12-01');
});

Grades('future: compared with the Riga date of ctx.now, for lesson grades too', async () => {
  const tomorrow = (await lesson('T01', matA('2026-11-30', 1))).id; // a Monday
  const sundayEvening = new Date('2026-11-29T21:30:00Z'); // 23:30 in Riga: still Sunday
  await rejects(() => enter('T01', { lesson: tomorrow, students: ['S001'], value: '8' }, sundayEvening), 'invalid', 'future');
  const afterMidnight = new Date('2026-11-29T22:30:00Z'); // 00:30 Monday in Riga
  const [row] = await enter('T01', { lesson: tomorrow, students: ['S001'], value: '8' }, afterMidnight);
  assert.equal([row!.date, row!.created_at], ['2026-11-30', '2026-11-30T00:30:00+02:00']);
});

Grades('term grades default to the semester end and may be entered ahead; exams need a date', async () => {
  const cases: [string, string][] = [['semester1', '2026-12-18'], ['semester2', '2027-05-28'], ['annual', '2027-05-28']];
  for (const [work, date] of cases) {
    const [row] = await enter('T01', { class: '7.a', subject: 'mat', students: ['S001'], value: '8', work });
    assert.equal([row!.work, row!.date, row!.lesson_id], [work, date, null], work);
  }
  await rejects(() => enter('T01', { class: '7.a', subject: 'mat', students: ['S001'], value: '8', work: 'state-exam' }), 'usage', '--date');
  const [exam] = await enter('T01', { class: '7.a', subject: 'mat', date: '2027-06-08', students: ['S001'], value: '7', work: 'state-exam' });
  assert.equal([exam!.work, exam!.date], ['state-exam', '2027-06-08']);
  const [makeup] = await enter('T01', { class: '7.a', subject: 'mat', date: '2027-06-15', students: ['S002'], value: '4', work: 'makeup' });
  assert.is(makeup!.work, 'makeup');
  await rejects(() => enter('T03', { class: '2.a', subject: 'mat', date: '2027-06-08', students: ['S101'], value: 'S', work: 'state-exam' }), 'invalid', 'not used for a state test or exam');
});

Grades('a term grade exists once per student, subject and year: a second is a conflict', async () => {
  const [first] = await enter('T01', { class: '7.a', subject: 'mat', students: ['S001'], value: '8', work: 'semester1' });
  await rejects(() => enter('T01', { class: '7.a', subject: 'mat', students: ['S001'], value: '9', work: 'semester1' }), 'conflict', '(S001) already has a semester1 grade in mat', `ids ${first!.id}`, 'grade correct');
  // In a batch, nothing is written when one already has it.
  await rejects(() => enter('T01', { class: '7.a', subject: 'mat', students: ['S002=7', 'S001=9'], work: 'semester1' }), 'conflict', 'S001');
  assert.equal((await listGrades(await s.ctx(null), { work: 'semester1' })).map((g) => g.student), ['S001']);
  // Another subject, another kind or another student is fine.
  await enter('T01', { class: '7.a', subject: 'mat', students: ['S002'], value: '7', work: 'semester1' });
  await enter('T01', { class: '7.a', subject: 'mat', students: ['S001'], value: '8', work: 'semester2' });
  await enter('T02', { class: '7.a', subject: 'lv', students: ['S001'], value: '6', work: 'semester1' });
  // Still unique after the student moves class.
  await s.as('admin', (c) => moveStudent(c, 'S001', { class: '7.b', date: '2026-12-01' }));
  await rejects(() => enter('T02', { class: '7.b', subject: 'mat', students: ['S001'], value: '5', work: 'semester1' }), 'conflict', 'S001');
  // Regular grades may repeat.
  await enter('T01', { lesson: g1, students: ['S002'], value: '5' });
  await enter('T01', { lesson: g1, students: ['S002'], value: '6' });
});

Grades('"a" (exempt) only in semester/annual grades and only with a certificate', async () => {
  await rejects(() => enter('T01', { class: '7.a', subject: 'sp', students: ['S001'], value: 'a', work: 'semester1' }), 'forbidden');
  await s.as('admin', (c) => addAssignment(c, { class: '7.a', subject: 'sp', teacher: 'T04' }));
  await rejects(() => enter('T04', { class: '7.a', subject: 'sp', students: ['S001'], value: 'a', work: 'semester1' }), 'invalid', 'certificate');
  await rejects(() => enter('T04', { class: '7.a', subject: 'sp', students: ['S001'], value: 'a', work: 'semester1', exemptCertificate: '  ' }), 'invalid', 'certificate');
  await rejects(() => enter('T04', { class: '7.a', subject: 'sp', date: MON, students: ['S001'], value: 'a', work: 'regular', exemptCertificate: 'Izziņa 12' }), 'invalid', 'only for semester and annual');
  const rows = await enter('T04', { class: '7.a', subject: 'sp', students: ['S001=a', 'S002=7'], work: 'semester1', exemptCertificate: 'Izziņa Nr. 12' });
  assert.is(rows.length, 2);
  const list = await listGrades(await s.ctx(null), { subject: 'sp' });
  assert.equal(list.map((g) => [g.student, g.value, g.exempt_certificate]).sort(), [['S001', 'a', 'Izziņa Nr. 12'], ['S002', '7', null]]);
});

Grades('correct keeps every earlier value with who, when and why, in order', async () => {
  const [grade] = await enter('T01', { lesson: g1, students: ['S001'], value: '8', work: 'test' }, new Date('2026-10-05T10:00:00Z'));
  const id = grade!.id;
  const c1 = await s.as('T01', (c) => correctGrade(c, id, { value: '9', reason: 'Darbs pārrakstīts' }), new Date('2026-10-09T12:00:00Z'));
  assert.equal([c1.value, c1.updated_by, c1.updated_at, c1.created_at, c1.created_by], ['9', 'T01', '2026-10-09T15:00:00+03:00', '2026-10-05T13:00:00+03:00', 'T01']);
  // A deputy corrects it again.
  await s.as('D01', (c) => correctGrade(c, String(id), { value: '7', reason: 'Pārbaudīts vēlreiz' }), new Date('2026-11-02T09:00:00Z'));
  const h = await gradeHistory(await s.ctx(null), id);
  assert.equal(h, [
    { grade_id: id, value_before: null, value_after: '8', reason: null, changed_by: 'T01', changed_at: '2026-10-05T13:00:00+03:00', improved_on: null },
    { grade_id: id, value_before: '8', value_after: '9', reason: 'Darbs pārrakstīts', changed_by: 'T01', changed_at: '2026-10-09T15:00:00+03:00', improved_on: null },
    { grade_id: id, value_before: '9', value_after: '7', reason: 'Pārbaudīts vēlreiz', changed_by: 'D01', changed_at: '2026-11-02T11:00:00+02:00', improved_on: null },
  ]);
  assert.equal((await listGrades(await s.ctx(null), { student: 'S001' })).map((g) => [g.value, g.work, g.updated_by]), [['7', 'test', 'D01']]);
});

Grades('a correction to the same value adds no history and changes nothing', async () => {
  const [grade] = await enter('T01', { lesson: g1, students: ['S001'], value: '8' });
  const result = await s.as('T01', (c) => correctGrade(c, grade!.id, { value: ' 08 ', reason: 'Nekas' }), new Date('2026-12-01T10:00:00Z'));
  assert.equal([result.unchanged, result.value, result.updated_at], [true, '8', grade!.updated_at]);
  assert.is((await gradeHistory(await s.ctx(null), grade!.id)).length, 1);
});

Grades('the class teacher may correct another subject\'s grade of the class; others are refused', async () => {
  const [grade] = await enter('T02', { lesson: gLv, students: ['S001'], value: '6' });
  const corrected = await s.as('T01', (c) => correctGrade(c, grade!.id, { value: '7', reason: 'Vecāku iesniegums' }));
  assert.equal([corrected.value, corrected.updated_by], ['7', 'T01']);
  await rejects(() => s.as('T03', (c) => correctGrade(c, grade!.id, { value: '8', reason: 'X' })), 'forbidden', 'T03 (Ilze Priede) may not correct grades: neither teaches lv in 7.a nor is the class teacher');
  await rejects(() => s.as('T04', (c) => correctGrade(c, grade!.id, { value: '8', reason: 'X' })), 'forbidden', 'T04');
  await rejects(() => s.as('N01', (c) => correctGrade(c, grade!.id, { value: '8', reason: 'X' })), 'forbidden', 'N01');
  assert.equal((await gradeHistory(await s.ctx(null), grade!.id)).map((h) => [h.value_after, h.changed_by]), [['6', 'T02'], ['7', 'T01']]);
});

Grades('the substitute who gave the lesson may correct its grade', async () => {
  await substitution(TUE, 1, 'T02');
  const sub = (await lesson('T02', matA(TUE, 1, { substituteFor: 'T01' }))).id;
  const [grade] = await enter('T02', { lesson: sub, students: ['S002'], value: '5' });
  assert.is((await s.as('T02', (c) => correctGrade(c, grade!.id, { value: '6', reason: 'Kļūda' }))).value, '6');
  // But not a grade in a lesson of the same class and subject that T01 gave.
  const [other] = await enter('T01', { lesson: g1, students: ['S002'], value: '5' });
  await rejects(() => s.as('T02', (c) => correctGrade(c, other!.id, { value: '6', reason: 'X' })), 'forbidden', 'T02');
});

Grades('correct validates: reason required, value on the scale of the work, "a" keeps its certificate, unknown id', async () => {
  const [grade] = await enter('T01', { lesson: g1, students: ['S001'], value: '8' });
  await rejects(() => s.as('T01', (c) => correctGrade(c, grade!.id, { value: '9' })), 'usage', '--reason');
  await rejects(() => s.as('T01', (c) => correctGrade(c, grade!.id, { value: 'S', reason: 'X' })), 'invalid', 'levels 1–6');
  await rejects(() => s.as('T01', (c) => correctGrade(c, grade!.id, { reason: 'X' })), 'usage', '--value');
  await rejects(() => s.as('T01', (c) => correctGrade(c, 999, { value: '9', reason: 'X' })), 'not_found', '999');
  await rejects(() => s.as('T01', (c) => correctGrade(c, 'x', { value: '9', reason: 'X' })), 'invalid', 'grade id');
  await rejects(async () => gradeHistory(await s.ctx(null), 999), 'not_found', '999');
  assert.is((await gradeHistory(await s.ctx(null), grade!.id)).length, 1);
  // semester grade: "a" with a certificate, then back to points clears it.
  const [sem] = await enter('T01', { class: '7.a', subject: 'mat', students: ['S002'], value: '6', work: 'semester1' });
  await rejects(() => s.as('T01', (c) => correctGrade(c, sem!.id, { value: 'a', reason: 'Atbrīvots' })), 'invalid', 'certificate');
  const exempt = await s.as('T01', (c) => correctGrade(c, sem!.id, { value: 'a', reason: 'Atbrīvots', exemptCertificate: 'Izziņa 7' }));
  assert.equal([exempt.value, exempt.exempt_certificate], ['a', 'Izziņa 7']);
  const back = await s.as('T01', (c) => correctGrade(c, sem!.id, { value: '7', reason: 'Pēcpārbaudījums' }));
  assert.equal([back.value, back.exempt_certificate], ['7', null]);
  assert.equal((await gradeHistory(await s.ctx(null), sem!.id)).map((h) => `${h.value_before ?? '-'}→${h.value_after}`), ['-→6', '6→a', 'a→7']);
});

Grades('list filters: class + subject, student, dates, work; unknown work invalid', async () => {
  await enter('T01', { lesson: g1, students: ['S001=8', 'S002=7'] });
  await enter('T02', { lesson: gLv, students: ['S001=9'] });
  await enter('T03', { lesson: g2a, students: ['S101=T'] });
  await enter('T01', { class: '7.a', subject: 'mat', date: '2026-11-27', students: ['S001'], value: '6', work: 'test' });
  const ctx = await s.ctx(null);
  assert.equal((await listGrades(ctx, { class: '7.a', subject: 'mat' })).map((g) => `${g.student} ${g.value}`).sort(), ['S001 6', 'S001 8', 'S002 7']);
  assert.equal((await listGrades(ctx, { student: 'S001' })).map((g) => `${g.subject} ${g.value}`), ['lv 9', 'mat 8', 'mat 6']);
  assert.equal((await listGrades(ctx, { from: '2026-11-01' })).map((g) => g.value), ['6']);
  assert.equal((await listGrades(ctx, { to: MON, class: '2.a' })).map((g) => g.value), ['T']);
  assert.equal((await listGrades(ctx, { work: 'test' })).map((g) => g.value), ['6']);
  await rejects(() => listGrades(ctx, { work: 'exam' }), 'usage', 'exam');
  await rejects(() => listGrades(ctx, { class: '9.z' }), 'not_found', '9.z');
});

Grades('a grade records its author and local timestamps; the first history row is the entry', async () => {
  const at = new Date('2026-10-05T05:59:59Z'); // 08:59:59 EEST
  const [row] = await enter('T01', { lesson: g1, students: ['S003'], value: '10', note: 'Izcili!' }, at);
  assert.equal([row!.created_by, row!.created_at, row!.updated_by, row!.updated_at, row!.note, row!.student_name], ['T01', '2026-10-05T08:59:59+03:00', 'T01', '2026-10-05T08:59:59+03:00', 'Izcili!', 'Zane Ziemele']);
  const t01 = await findStaffByCode(s.db, 1, 'T01');
  const stored = await s.db.selectFrom('grade').select(['created_by', 'school_id']).where('id', '=', row!.id).executeTakeFirstOrThrow();
  assert.equal([stored.created_by, stored.school_id], [t01!.id, 1]);
});

Lessons.run();
Absences.run();
Grades.run();
