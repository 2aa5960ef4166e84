// Deadline control on a school database: entry times as the services record them, judged
// on the school's calendar (18 Nov, the editable holiday table, the school's test deadline).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { addLesson, setLesson } from '../../src/services/lessons.ts';
import { markAbsences } from '../../src/services/absences.ts';
import { correctGrade, enterGrades } from '../../src/services/grades.ts';
import { setSchool } from '../../src/services/school.ts';
import { addHoliday } from '../../src/services/holidays.ts';
import { loadDeadlinesData } from '../../src/reports/deadlines.ts';
import { deadlinesView } from '../../src/reports/deadlines-model.ts';
import { rejects, smallSchool, type SmallSchool } from './fixtures.ts';

let s: SmallSchool;
/** 2026-11-16 HH:MM Riga (EET, +02:00) as an instant. */
const riga = (date: string, time: string) => new Date(`${date}T${time}:00+02:00`);

test.before.each(async () => {
  s = await smallSchool();
  const mat = { class: '7.a', subject: 'mat' };
  await s.as('T01', (c) => addLesson(c, { ...mat, date: '2026-11-16', number: 1, topic: 'Procenti' }), riga('2026-11-16', '16:30'));
  await s.as('T01', (c) => setLesson(c, { ...mat, date: '2026-11-16' }, { homework: '45. lpp.' }), riga('2026-11-16', '18:00'));
  await s.as('T01', (c) => addLesson(c, { ...mat, date: '2026-11-17', number: 1, topic: 'Procentu uzdevumi' }), riga('2026-11-19', '09:00'));
  await s.as('T02', (c) => addLesson(c, { class: '7.a', subject: 'lv', date: '2026-11-16', number: 2, topic: 'Teikums' }), riga('2026-11-17', '08:00'));
  await s.as('T01', (c) => markAbsences(c, { ...mat, date: '2026-11-16', students: ['S001'] }), riga('2026-11-20', '10:00'));
  await s.as('T01', (c) => enterGrades(c, { ...mat, date: '2026-11-16', work: 'credit', students: ['S001=ni', 'S002=i'] }), riga('2026-11-19', '12:00'));
  await s.as('T01', (c) => enterGrades(c, { ...mat, date: '2026-11-02', work: 'test', students: ['S001=7', 'S002=8'] }), riga('2026-11-12', '12:00'));
  await s.as('T01', (c) => enterGrades(c, { ...mat, date: '2026-11-02', work: 'regular', students: ['S003=6'] }), riga('2026-11-27', '12:00'));
});
test.after.each(() => s.cleanup());

const report = async (input: { teacher?: string; class?: string } = {}) => loadDeadlinesData(await s.ctx(null), { from: '2026-11-01', to: '2026-11-30', ...input });
const summary = (entries: Awaited<ReturnType<typeof report>>['entries']) => entries.map((e) => [e.teacher.code, e.date, e.part, e.students.join(' '), e.working_days_late]);

test('every late entry with its working days late; lesson grades and on-time entries are not listed', async () => {
  const data = await report();
  assert.equal(summary(data.entries), [
    ['T01', '2026-11-02', 'grade', 'S001 S002', 3],
    ['T01', '2026-11-16', 'homework', '', 1],
    ['T01', '2026-11-16', 'absences', 'S001', 3],
    ['T01', '2026-11-17', 'lesson', '', 1],
    ['T02', '2026-11-16', 'lesson', '', 1],
  ]);
  const homework = data.entries[1]!;
  assert.equal([homework.entered_at, homework.due_on, homework.due_time, homework.lesson_number], ['2026-11-16T18:00:00+02:00', '2026-11-16', '17:00', 1]);
  assert.equal(data.entries[0]!.due_on, '2026-11-09');
  assert.equal(data.by_teacher, [
    { code: 'T01', name: 'Anna Kalniņa', entries: 4, most_days_late: 3 },
    { code: 'T02', name: 'Pēteris Ozoliņš', entries: 1, most_days_late: 1 },
  ]);
  assert.equal(data.rules, { lesson_time: '17:00', credit: 3, test: 5, large: 7 });
});

test('--teacher and --class narrow the report; both at once is a usage error', async () => {
  assert.equal(summary((await report({ teacher: 'T02' })).entries), [['T02', '2026-11-16', 'lesson', '', 1]]);
  assert.equal((await report({ class: '7.b' })).entries, []);
  assert.is((await report({ class: '7.a' })).entries.length, 5);
  await rejects(() => report({ teacher: 'T01', class: '7.a' }), 'usage', 'not both');
  await rejects(() => report({ teacher: 'T99' }), 'not_found', 'T99');
});

test("an improvement counts from its day; the editable holiday table and the school's test deadline move the deadlines", async () => {
  const credit = (await s.db.selectFrom('grade').select('id').where('work', '=', 'credit').orderBy('id').executeTakeFirstOrThrow()).id;
  await rejects(() => s.as('T01', (c) => correctGrade(c, credit, { value: 'i', reason: 'Uzlabots', improvedOn: '2026-11-13' })), 'invalid', 'before the work');
  await s.as('T01', (c) => correctGrade(c, credit, { value: 'i', reason: 'Uzlabots', improvedOn: '2026-11-20' }), riga('2026-11-27', '10:00'));
  let improvement = (await report()).entries.find((e) => e.part === 'improvement')!;
  assert.equal([improvement.date, improvement.students, improvement.due_on, improvement.working_days_late], ['2026-11-20', ['S001'], '2026-11-25', 2]);

  await s.as('admin', (c) => addHoliday(c, { from: '2026-11-26', kind: 'holiday', name: 'Valdības noteikta brīvdiena' }));
  improvement = (await report()).entries.find((e) => e.part === 'improvement')!;
  assert.is(improvement.working_days_late, 1);

  await s.as('admin', (c) => setSchool(c, { testDeadlineDays: '8' }));
  const data = await report();
  assert.ok(!data.entries.some((e) => e.part === 'grade'), 'the test is on time with 8 days');
  assert.is(data.rules.test, 8);
  await rejects(() => s.as('admin', (c) => setSchool(c, { testDeadlineDays: '0' })), 'invalid', 'from 1 to 30');
  await rejects(() => s.as('T01', (c) => setSchool(c, { testDeadlineDays: '6' })), 'forbidden');
  await s.as('admin', (c) => setSchool(c, { testDeadlineDays: 'default' }));
  assert.is((await report()).rules.test, 5);
});

test('a plain correction is no improvement; removed absences are no longer late entries', async () => {
  const credit = (await s.db.selectFrom('grade').select('id').where('work', '=', 'credit').orderBy('id').executeTakeFirstOrThrow()).id;
  await s.as('T01', (c) => correctGrade(c, credit, { value: 'i', reason: 'Kļūda' }), riga('2026-11-27', '10:00'));
  assert.ok(!(await report()).entries.some((e) => e.part === 'improvement'));
  await s.db.updateTable('absence').set({ removed: 1 }).execute();
  assert.ok(!(await report()).entries.some((e) => e.part === 'absences'));
});

test('the view: Latvian and English words, entry times as the school wrote them', async () => {
  const data = await report();
  const lv = deadlinesView(data, 'lv');
  assert.equal(lv.rows[1], { date: '16.11.2026', class: '7.a', subject: 'Matemātika', what: 'mājasdarbs pievienots vēlāk, 1. st.', teacher: 'Anna Kalniņa (T01)', students: '', entered: '16.11.2026 18:00', due: '16.11.2026 17:00', late: 1 });
  assert.is(lv.rows[0]!.what, 'vērtējumi, pārbaudes darbs');
  assert.is(deadlinesView(data, 'en').rows[0]!.what, 'grades, test');
  assert.ok(lv.facts.some((f) => f.value.includes('pārbaudes darbi — 5')));
  // Printed by name (a code may be a personas kods); --json keeps the codes.
  assert.equal(data.entries[0]!.students.length, data.entries[0]!.student_names.length);
  assert.ok(data.entries[0]!.students.length > 0);
  assert.is(lv.rows[0]!.students, data.entries[0]!.student_names.join(', '));
  assert.not.match(lv.rows[0]!.students, /S\d{3}/);
  const codes = ['S001', 'S002', 'S003', 'S004', 'S005'];
  const wholeClass = { ...data, entries: [{ ...data.entries[0]!, students: codes, student_names: codes.map((c) => `Name ${c}`) }] };
  assert.is(deadlinesView(wholeClass, 'lv').rows[0]!.students, '5 skolēni');
  assert.is(deadlinesView(wholeClass, 'en').rows[0]!.students, '5 students');
  assert.is(lv.text.students, 'Skolēni');
});

test.run();
