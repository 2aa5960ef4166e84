import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AppError } from '../../src/errors.ts';
import type { Db } from '../../src/db/connection.ts';
import { findOnlySchool } from '../../src/db/repositories/schools.ts';
import { checkPersonalCode } from '../../src/domain/personal-code.ts';
import { publicHolidays } from '../../src/domain/calendar.ts';
import { localDateOf, localTimeOf, weekday } from '../../src/domain/dates.ts';
import { buildDemoSchool, demoDataDir, loadDemoData, openDemoDatabase, type DemoSummary } from '../../src/services/demo.ts';
import { listLessons, whyNoLessons } from '../../src/services/lessons.ts';
import { listAbsences } from '../../src/services/absences.ts';
import { gradeHistory, listGrades } from '../../src/services/grades.ts';
import { listGuardians } from '../../src/services/guardians.ts';
import { loadCalendar, resolveYear } from '../../src/services/lookup.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { listIndividualWork } from '../../src/services/individual-work.ts';
import { loadDeadlinesData } from '../../src/reports/deadlines.ts';
import { cli } from '../support/cli.ts';
import { contextAs, tempDir } from '../support/school.ts';

/** Built on a Saturday evening: the journal holds September and October 2026 (the demo of any day is checked in demo-now.test.ts). */
const BUILT_AT = new Date('2026-10-31T16:00:00Z');
const AUTUMN_BREAK = { from: '2026-10-19', to: '2026-10-23' };
const BIRTH_YEARS: Record<string, string[]> = { '2.a': ['2018', '2019'], '7.a': ['2013', '2014'], '9.b': ['2011', '2012'] };
const SAME_FORM_SURNAMES = ['Ābele', 'Čakste', 'Skuja', 'Priede'];

const place = tempDir('ezurnals-demo-');
let db: Db;
let path: string;
let summary: DemoSummary;
let ctx: ServiceContext;

test.before(async () => {
  ({ db, path } = await openDemoDatabase(place.dir));
  ({ summary } = await buildDemoSchool(db, { now: BUILT_AT }));
  ctx = await contextAs(db, 'admin', BUILT_AT);
});

test.after(async () => {
  await db?.destroy();
  place.cleanup();
});

test('builds a small school: 3 classes of about 25 students, staff, guardians, assignments', () => {
  assert.is(path, join(place.dir, 'ezurnals.db'));
  const c = summary.counts;
  assert.equal(summary.classes.map((k) => [k.class, k.level]), [['2.a', 2], ['7.a', 7], ['9.b', 9]]);
  assert.is(c.classes, 3);
  assert.ok(c.students >= 70 && c.students <= 80, `${c.students} students`);
  for (const k of summary.classes) assert.ok(k.students.length >= 22 && k.students.length <= 28, `${k.class}: ${k.students.length}`);
  assert.ok(c.staff >= 13, `${c.staff} staff`);
  assert.ok(c.guardians >= c.students, `${c.guardians} guardians`);
  assert.ok(c.assignments >= 30);
  assert.ok(summary.classes.every((k) => k.class_teacher), 'every class has a class teacher');
});

test('the summary lists students in Latvian alphabetical order with results per subject', () => {
  const latvian = new Intl.Collator('lv');
  for (const k of summary.classes) {
    const names = k.students.map((s) => s.name.split(' ').reverse().join(' '));
    assert.equal(names, [...names].sort(latvian.compare), `${k.class} order`);
    for (const s of k.students) assert.equal(Object.keys(s.subjects), k.subjects);
  }
  const sevenA = summary.classes.find((k) => k.class === '7.a')!;
  assert.ok(sevenA.students.some((s) => s.subjects.mat!.average !== null), '7.a has points averages');
  const twoA = summary.classes.find((k) => k.class === '2.a')!;
  assert.ok(twoA.students.every((s) => Object.values(s.subjects).every((r) => r.average === null)), '2.a has no points');
});

test('every personal code is a valid legacy code matching the birth date, sex and class level', async () => {
  const rows = await db.selectFrom('student as s').innerJoin('enrollment as e', 'e.student_id', 's.id').innerJoin('school_class as c', 'c.id', 'e.class_id').select(['s.code', 's.personal_code', 's.birth_date', 's.sex', 's.last_name', 'c.code as class']).execute();
  assert.is(rows.length, summary.counts.students);
  for (const r of rows) {
    const check = checkPersonalCode(r.personal_code ?? '');
    assert.ok(check.ok && check.form === 'legacy', `${r.code}: ${r.personal_code}`);
    if (check.ok && check.form === 'legacy') assert.is(check.birthDate, r.birth_date, r.code);
    assert.ok(BIRTH_YEARS[r.class]!.includes(r.birth_date!.slice(0, 4)), `${r.code} born ${r.birth_date} in ${r.class}`);
    const surnameFits = r.sex === 'F' ? /[ae]$/u.test(r.last_name) : /[sš]$/u.test(r.last_name) || SAME_FORM_SURNAMES.includes(r.last_name);
    assert.ok(surnameFits, `${r.code}: ${r.last_name} for sex ${r.sex}`);
  }
  // The CSV itself is what future imports will read: it must be valid too, with the century digit 2.
  for (const s of loadDemoData().students) assert.ok(checkPersonalCode(s.personal_code).ok && s.personal_code.charAt(7) === '2', s.code);
});

test('lessons fall only on working days of the semester, every class every day, no teacher in two places', async () => {
  const lessons = await listLessons(ctx);
  const year = await resolveYear(ctx);
  const calendar = await loadCalendar(ctx);
  const holidays = new Set(publicHolidays(2026).map((h) => h.date));
  assert.ok(lessons.length > 500, `${lessons.length} lessons`);
  for (const l of lessons) {
    assert.ok(weekday(l.date) <= 5, `${l.date} is a weekend`);
    assert.not.ok(holidays.has(l.date), `${l.date} is a public holiday`);
    assert.not.ok(l.date >= AUTUMN_BREAK.from && l.date <= AUTUMN_BREAK.to, `${l.date} is in the autumn break`);
    assert.is(whyNoLessons(l.date, year, calendar), null, l.date);
  }
  const days = [...new Set(lessons.map((l) => l.date))].sort();
  assert.is(days[0], '2026-09-01');
  assert.is(days.at(-1), '2026-10-30');
  for (const day of days) assert.is(new Set(lessons.filter((l) => l.date === day).map((l) => l.class)).size, 3, day);
  // A group's lesson across classes is one lesson in a row per class.
  const taught = [...new Map(lessons.map((l) => [l.group ? `${l.group} ${l.date} #${l.number}` : `lesson ${l.id}`, l])).values()];
  const slots = taught.map((l) => `${l.teacher} ${l.date} #${l.number}`);
  assert.is(new Set(slots).size, slots.length, 'a teacher teaches two lessons at once');
  assert.ok(lessons.some((l) => l.group === '79-ter' && l.class === '9.b') && lessons.some((l) => l.group === '79-ter' && l.class === '7.a'), 'a group across 7.a and 9.b');
  for (const day of days) {
    const split = lessons.filter((l) => l.date === day && l.class === '7.a' && l.group?.startsWith('7a-ang'));
    if (split.length > 0) assert.equal(split.map((l) => l.teacher).sort(), ['T04', 'T06'], `7.a English in two groups on ${day}`);
  }
  assert.ok(lessons.some((l) => l.substitute_for), 'a substituted lesson');
  const withHomework = lessons.filter((l) => l.homework).length / lessons.length;
  assert.ok(withHomework > 0.35 && withHomework < 0.65, `homework on ${withHomework}`);
});

test('entries carry a realistic clock: after school on the lesson day, a few late, none before the lesson', async () => {
  const lessons = await listLessons(ctx);
  for (const l of lessons) assert.ok(l.created_at.slice(0, 10) >= l.date, `lesson ${l.id} entered before it took place`);
  const late = lessons.filter((l) => l.created_at.slice(0, 10) > l.date || l.created_at.slice(11, 16) > '17:00');
  assert.ok(late.length >= 1 && late.length < lessons.length * 0.05, `${late.length} late lessons`);
  const onTime = lessons.filter((l) => !late.includes(l)).map((l) => localTimeOf(new Date(l.created_at)));
  assert.ok(onTime.every((t) => t >= '15:00' && t <= '16:30'), 'on-time entries between 15:00 and 16:30');
  for (const g of await listGrades(ctx)) assert.ok(localDateOf(new Date(g.created_at)) >= g.date, `grade ${g.id} entered before its date`);
});

test("class life: remarks, briefings, a conversation, notes, individual work, and late entries for the deadline report", async () => {
  const behavior = await db.selectFrom('behavior_entry').select(['kind']).execute();
  assert.ok(behavior.some((b) => b.kind === 'positive') && behavior.some((b) => b.kind === 'negative'), 'remarks of both kinds');
  const briefed = await db.selectFrom('briefing_student').select('student_id').execute();
  assert.ok(briefed.length > 20, `${briefed.length} briefed`);
  assert.is((await db.selectFrom('parent_conversation').selectAll().execute()).length, 1);
  assert.ok((await db.selectFrom('parent_note').selectAll().execute()).length >= 2);
  assert.equal((await listIndividualWork(ctx)).map((w) => w.kind), ['nurse', 'consultation', 'other']);
  const deadlines = await loadDeadlinesData(ctx, { from: '2026-09-01', to: '2026-10-31' });
  for (const part of ['lesson', 'homework', 'grade', 'improvement']) assert.ok(deadlines.entries.some((e) => e.part === part), `a late ${part}`);
  const improvement = deadlines.entries.find((e) => e.part === 'improvement')!;
  assert.ok(improvement.working_days_late >= 1 && improvement.teacher.code === 'T03');
});

test('absences: n and k marked, most justified as ns or nc by the class teacher, some n left', async () => {
  const c = summary.counts.absences;
  for (const code of ['n', 'k', 'ns', 'nc'] as const) assert.ok(c[code] > 0, `no ${code}`);
  const marks = c.n + c.k + c.ns + c.nc;
  const studentLessons = summary.counts.lessons * 25;
  assert.ok(marks > studentLessons * 0.01 && marks < studentLessons * 0.08, `${marks} absences`);
  const teachers = new Map(summary.classes.map((k) => [k.class, k.class_teacher]));
  const staff = new Map((await db.selectFrom('staff').select(['code', 'first_name', 'last_name']).execute()).map((s) => [s.code, `${s.first_name} ${s.last_name}`]));
  for (const a of await listAbsences(ctx)) {
    if (a.code === 'ns' || a.code === 'nc') {
      assert.is(a.marked_code, 'n', `absence ${a.id} keeps the teacher's mark`);
      assert.is(staff.get(a.decided_by!), teachers.get(a.class), `absence ${a.id} decided by the class teacher`);
      assert.ok(a.decided_at! >= a.marked_at, `absence ${a.id} justified before it was marked`);
    }
  }
});

test('grades of every kind; S/T/A/P and +/-/ only in 2.a, points and i/ni only in 7.a and 9.b', async () => {
  const grades = await listGrades(ctx);
  for (const work of ['regular', 'test', 'credit', 'large']) assert.ok(summary.counts.grades[work]! > 0, `no ${work} grades`);
  const valuesIn = (classes: string[], pattern: RegExp) => grades.filter((g) => classes.includes(g.class) && pattern.test(g.value));
  assert.ok(valuesIn(['2.a'], /^[STAP]$/).length > 0 && valuesIn(['7.a', '9.b'], /^[STAP]$/).length === 0, 'S/T/A/P');
  assert.ok(valuesIn(['2.a'], /^[+/-]$/).length > 0 && valuesIn(['7.a', '9.b'], /^[+/-]$/).length === 0, '+/-');
  assert.ok(valuesIn(['7.a', '9.b'], /^\d+$/).length > 0 && valuesIn(['2.a'], /^\d+$/).length === 0, 'points');
  assert.ok(valuesIn(['7.a', '9.b'], /^n?i$/).length > 0, 'i/ni');
  assert.ok(grades.filter((g) => g.work === 'credit').every((g) => /^(i|ni|nv)$/.test(g.value)), 'credits are i/ni');
  assert.ok(valuesIn(['2.a'], /^nv$/).length > 0 && valuesIn(['7.a', '9.b'], /^nv$/).length > 0, 'nv');
  assert.ok(summary.counts.grade_corrections > 0);
  const corrected = await db.selectFrom('grade_change').select('grade_id').where('value_before', 'is not', null).executeTakeFirstOrThrow();
  const history = await gradeHistory(ctx, corrected.grade_id);
  assert.ok(history.length >= 2 && history.at(-1)!.reason, 'a correction keeps the earlier value and a reason');
});

test('siblings share a parent: one guardian linked to two students', async () => {
  const guardians = await listGuardians(ctx);
  assert.ok(guardians.some((g) => g.students.length === 2), 'a shared guardian');
  assert.ok(guardians.every((g) => g.phone), 'every guardian has a phone');
});

test('a second demo into the same folder is refused (exit 6) and leaves the first intact; --force replaces it', async () => {
  try {
    await openDemoDatabase(place.dir);
    assert.unreachable('should refuse');
  } catch (error) {
    assert.instance(error, AppError);
    assert.is((error as AppError).exitCode, 6);
    assert.match((error as AppError).message, '--force');
  }
  const run = await cli(['demo', '--dir', place.dir, '--json']);
  assert.is(run.code, 6, run.stderr);
  assert.is(run.errorJson?.error?.code, 'conflict');
  assert.ok((await findOnlySchool(db))?.name, 'the first demo is still there');

  const other = tempDir('ezurnals-demo-force-');
  try {
    writeFileSync(join(other.dir, 'ezurnals.db'), 'not a database');
    const forced = await openDemoDatabase(other.dir, { force: true });
    assert.is(await findOnlySchool(forced.db), undefined, 'a fresh, empty database');
    await forced.db.destroy();
  } finally {
    other.cleanup();
  }
});

test('a failing build leaves nothing behind', async () => {
  const broken = tempDir('ezurnals-demo-broken-');
  try {
    const dataDir = join(broken.dir, 'data');
    cpSync(demoDataDir(), dataDir, { recursive: true });
    const students = join(dataDir, 'students.csv');
    // Off-by-one check digit on the last student: the registry refuses it after everything before it went in.
    const lines = readFileSync(students, 'utf8').trimEnd().split('\n');
    lines[lines.length - 1] = lines.at(-1)!.replace(/(\d{6}-\d{4})(\d)/, (_m, head: string, check: string) => `${head}${(Number(check) + 1) % 10}`);
    writeFileSync(students, `${lines.join('\n')}\n`);
    const { db: target, path: targetPath } = await openDemoDatabase(join(broken.dir, 'demo'));
    try {
      await buildDemoSchool(target, { dataDir, now: BUILT_AT });
      assert.unreachable('should fail');
    } catch (error) {
      assert.instance(error, AppError);
      assert.match((error as AppError).message, 'personas kods');
    }
    assert.is(await findOnlySchool(target), undefined, 'the transaction left no school');
    await target.destroy();
    assert.ok(existsSync(targetPath));
  } finally {
    broken.cleanup();
  }
});

test.run();
