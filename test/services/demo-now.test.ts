// The demo lives in the present: built at any moment, it holds the school year that contains
// that moment (in Riga), with a journal up to the last school day that is over. The period is
// checked on a table of moments (cheap); the builder itself runs at a few of them on a slimmed
// copy of data/demo (five students a class, one lesson a day), since a whole demo year takes
// half a minute on this machine.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { sql } from 'kysely';
import type { Db } from '../../src/db/connection.ts';
import { publicHolidays } from '../../src/domain/calendar.ts';
import { checkPersonalCode } from '../../src/domain/personal-code.ts';
import { compareDates, localDateOf, localTimeOf, weekday } from '../../src/domain/dates.ts';
import { buildDemoSchool, demoDataDir, openDemoDatabase, type DemoBuild } from '../../src/services/demo.ts';
import { demoPeriod, demoYearCode, type DemoPeriod } from '../../src/services/demo-period.ts';
import { listLessons, whyNoLessons } from '../../src/services/lessons.ts';
import { listGrades } from '../../src/services/grades.ts';
import { listAbsences } from '../../src/services/absences.ts';
import { loadCalendar, resolveYear } from '../../src/services/lookup.ts';
import { contextAs, freshSchool, tempDir } from '../support/school.ts';

interface Moment {
  name: string;
  now: string;
  year: string;
  today: string;
  /** The last school day in the journal; null when none is over yet. */
  lastDay: string | null;
  reportMonth: string;
  complete: boolean;
  finished: boolean;
}

// Semester 1 of 2026/2027: 1 Sep – 18 Dec 2026, autumn break 19–23 Oct, winter break 21 Dec – 3 Jan;
// semester 2: 4 Jan – 28 May 2027, spring break 22–26 Mar. 2039/2040: semester 2 from 2 Jan 2040.
const MOMENTS: Moment[] = [
  { name: 'first school day, 09:00: nothing is over yet', now: '2026-09-01T06:00:00Z', year: '2026/2027', today: '2026-09-01', lastDay: null, reportMonth: '2026-09', complete: false, finished: false },
  { name: 'first school day, 18:00: its lessons are in', now: '2026-09-01T15:00:00Z', year: '2026/2027', today: '2026-09-01', lastDay: '2026-09-01', reportMonth: '2026-09', complete: false, finished: false },
  { name: 'second school day, noon', now: '2026-09-02T09:00:00Z', year: '2026/2027', today: '2026-09-02', lastDay: '2026-09-01', reportMonth: '2026-09', complete: false, finished: false },
  { name: 'the first day of October: September is the last full month', now: '2026-10-01T09:00:00Z', year: '2026/2027', today: '2026-10-01', lastDay: '2026-09-30', reportMonth: '2026-09', complete: true, finished: false },
  { name: 'a Thursday in December', now: '2026-12-03T10:00:00Z', year: '2026/2027', today: '2026-12-03', lastDay: '2026-12-02', reportMonth: '2026-11', complete: true, finished: false },
  { name: 'the Christmas holidays', now: '2026-12-28T10:00:00Z', year: '2026/2027', today: '2026-12-28', lastDay: '2026-12-18', reportMonth: '2026-11', complete: true, finished: false },
  { name: 'New Year, still in the break: December is the last full month', now: '2027-01-02T10:00:00Z', year: '2026/2027', today: '2027-01-02', lastDay: '2026-12-18', reportMonth: '2026-12', complete: true, finished: false },
  { name: '00:30 in Riga on 5 January, still the 4th in UTC', now: '2027-01-04T22:30:00Z', year: '2026/2027', today: '2027-01-05', lastDay: '2027-01-04', reportMonth: '2026-12', complete: true, finished: false },
  { name: 'Sunday 28 March, Riga moves to summer time, after the spring break', now: '2027-03-28T10:00:00Z', year: '2026/2027', today: '2027-03-28', lastDay: '2027-03-19', reportMonth: '2027-02', complete: true, finished: false },
  { name: 'summer: the year is finished', now: '2027-06-15T10:00:00Z', year: '2026/2027', today: '2027-06-15', lastDay: '2027-05-28', reportMonth: '2027-05', complete: true, finished: true },
  { name: 'the last minute of August in Riga', now: '2027-08-31T20:59:00Z', year: '2026/2027', today: '2027-08-31', lastDay: '2027-05-28', reportMonth: '2027-05', complete: true, finished: true },
  { name: 'midnight in Riga: a new school year, not a lesson yet', now: '2027-08-31T21:00:00Z', year: '2027/2028', today: '2027-09-01', lastDay: null, reportMonth: '2027-09', complete: false, finished: false },
  // The autumn break of 2027 is the week of 25 October.
  { name: 'Sunday 31 October 2027, Riga back on winter time', now: '2027-10-31T00:30:00Z', year: '2027/2028', today: '2027-10-31', lastDay: '2027-10-22', reportMonth: '2027-09', complete: true, finished: false },
  { name: 'a leap day in 2040', now: '2040-02-29T10:00:00Z', year: '2039/2040', today: '2040-02-29', lastDay: '2040-02-28', reportMonth: '2040-01', complete: true, finished: false },
];

/** A school as the demo's init makes it, per school year: the period is computed from its real year and calendar. */
const schools = new Map<string, Awaited<ReturnType<typeof freshSchool>>>();
async function periodAt(now: Date): Promise<DemoPeriod> {
  const code = demoYearCode(now);
  let school = schools.get(code);
  if (!school) schools.set(code, (school = await freshSchool({ year: code, now: new Date(`${code.slice(0, 4)}-08-24T08:00:00Z`) })));
  const ctx = await contextAs(school.db, 'admin', now);
  return demoPeriod(now, await resolveYear(ctx), await loadCalendar(ctx));
}

test.after(async () => {
  for (const school of schools.values()) await school.cleanup();
});

for (const m of MOMENTS) {
  test(`period: ${m.name} (${m.now})`, async () => {
    const now = new Date(m.now);
    assert.is(demoYearCode(now), m.year);
    const p = await periodAt(now);
    assert.is(p.today, m.today);
    assert.is(p.lastDay, m.lastDay);
    assert.is(p.days.at(-1) ?? null, m.lastDay);
    assert.is(p.reportMonth, m.reportMonth);
    assert.is(p.reportMonthComplete, m.complete);
    assert.is(p.yearFinished, m.finished);
    // Only teaching days: never a weekend, a public holiday or in a break, and none still to come.
    const holidays = new Set([...publicHolidays(Number(m.year.slice(0, 4))), ...publicHolidays(Number(m.year.slice(5)))].map((h) => h.date));
    for (const d of p.days) {
      assert.ok(weekday(d) <= 5 && !holidays.has(d), `${d} is no school day`);
      assert.ok(compareDates(d, m.today) <= 0, `${d} is after today`);
    }
    assert.equal(p.days, p.teachingDays.slice(0, p.days.length));
  });
}

/* ---------------------------------------------------------------- builds */

/** data/demo slimmed for speed: five students a class (S026–S030 of 7.a, whom the class life names) and the first lesson of each day. */
function slimData(dir: string): string {
  const data = join(dir, 'data');
  cpSync(demoDataDir(), data, { recursive: true });
  const filter = (file: string, keep: (cells: string[]) => boolean) => {
    const [header, ...rows] = readFileSync(join(data, file), 'utf8').trimEnd().split('\n');
    writeFileSync(join(data, file), `${[header, ...rows.filter((r) => keep(r.split(',')))].join('\n')}\n`);
  };
  const kept = new Set(['S001', 'S002', 'S003', 'S004', 'S005', 'S026', 'S027', 'S028', 'S029', 'S030', 'S051', 'S052', 'S053', 'S054', 'S055']);
  filter('students.csv', ([code]) => kept.has(code!));
  filter('guardians.csv', ([student]) => kept.has(student!));
  filter('group_members.csv', ([, student]) => kept.has(student!));
  filter('timetable.csv', ([, , number]) => Number(number) <= 1);
  filter('substitutions.csv', ([, , number]) => Number(number) <= 1);
  return data;
}

const place = tempDir('ezurnals-demo-now-');
const dataDir = slimData(place.dir);
test.after(() => place.cleanup());

async function buildAt(iso: string): Promise<{ db: Db; build: DemoBuild; ms: number }> {
  const { db } = await openDemoDatabase(join(place.dir, iso.replace(/:/g, '')));
  const started = performance.now();
  const build = await buildDemoSchool(db, { now: new Date(iso), dataDir });
  return { db, build, ms: performance.now() - started };
}

/** What a user sees in the built journal: the year, lessons only on school days up to today, nothing entered after now. */
async function checkBuild(m: Moment): Promise<{ db: Db; build: DemoBuild }> {
  const { db, build, ms } = await buildAt(m.now);
  const now = new Date(m.now);
  const ctx = await contextAs(db, 'admin', now);
  const year = await resolveYear(ctx);
  const calendar = await loadCalendar(ctx);
  assert.is(build.summary.year, m.year);
  assert.is(year.code, m.year);
  assert.is(build.period.reportMonth, m.reportMonth);
  const lessons = await listLessons(ctx);
  const dates = [...new Set(lessons.map((l) => l.date))].sort();
  assert.is(dates.at(-1) ?? null, m.lastDay, 'the last lesson');
  assert.is(build.summary.period.to, m.lastDay);
  assert.equal(dates, build.period.days, 'a lesson on every school day that is over, on no other day');
  for (const d of dates) assert.is(whyNoLessons(d, year, calendar), null, d);
  for (const g of await listGrades(ctx)) assert.ok(compareDates(g.date, m.today) <= 0, `grade ${g.id} on ${g.date}`);
  for (const a of await listAbsences(ctx)) assert.ok(compareDates(a.date, m.today) <= 0, `absence ${a.id} on ${a.date}`);
  // Nothing in the journal was written after the moment the demo was built: every *_at column of every table
  // (but the audit log, whose `at` is the real time of the write).
  const tables = (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite%' and name <> 'audit_log'`.execute(db)).rows;
  let stamps = 0;
  for (const { name } of tables) {
    const columns = (await sql<{ name: string }>`select name from pragma_table_info(${name})`.execute(db)).rows.filter((c) => c.name.endsWith('_at'));
    for (const column of columns) {
      const row = (await sql<{ latest: string | null }>`select max(${sql.ref(column.name)}) as latest from ${sql.table(name)}`.execute(db)).rows[0];
      if (!row?.latest) continue;
      stamps += 1;
      assert.ok(new Date(row.latest).getTime() <= now.getTime(), `${name}.${column.name} ${row.latest} is after ${m.now}`);
    }
  }
  assert.ok(stamps >= 5, `${stamps} time stamps checked`);
  console.log(`  demo built at ${m.now} in ${(ms / 1000).toFixed(1)} s (${lessons.length} lessons)`);
  return { db, build };
}

const moment = (now: string) => MOMENTS.find((m) => m.now === now)!;

test('built on the second school day: the first day is in the journal, September so far in the reports', async () => {
  const { db, build } = await checkBuild(moment('2026-09-02T09:00:00Z'));
  try {
    assert.ok(build.summary.counts.lessons > 0);
    assert.not.ok(build.period.reportMonthComplete);
    // The class life of the first day is there; the rest of it (later in the autumn) is not.
    assert.is((await db.selectFrom('briefing').selectAll().execute()).length, 1);
    assert.is((await db.selectFrom('behavior_entry').selectAll().execute()).length, 0);
  } finally {
    await db.destroy();
  }
});

test('built at 00:30 in Riga on 5 January: the journal runs to 4 January, the Riga date, not the UTC one', async () => {
  const { db } = await checkBuild(moment('2027-01-04T22:30:00Z'));
  try {
    const ctx = await contextAs(db, 'admin', new Date('2027-01-04T22:30:00Z'));
    const lessons = await listLessons(ctx, { from: '2027-01-04', to: '2027-01-04' });
    assert.ok(lessons.length > 0, 'the first day of semester 2');
    // The evening before lies before 00:30: every entry of the 4th is made that afternoon or evening, in Riga.
    for (const l of lessons) assert.is(localDateOf(new Date(l.created_at)), '2027-01-04', `lesson ${l.id} entered ${l.created_at}`);
    assert.ok((await db.selectFrom('behavior_entry').selectAll().execute()).length >= 3, 'the autumn class life');
  } finally {
    await db.destroy();
  }
});

test('built on Sunday 28 March (summer time begins): the journal stops before the spring break', async () => {
  const { db } = await checkBuild(moment('2027-03-28T10:00:00Z'));
  await db.destroy();
});

test('built in summer: the whole year, to the last day of semester 2', async () => {
  const { db, build } = await checkBuild(moment('2027-06-15T10:00:00Z'));
  try {
    assert.ok(build.period.yearFinished);
    assert.is(build.period.days.length, build.period.teachingDays.length);
    const entered = (await listLessons(await contextAs(db, 'admin', new Date('2027-06-15T10:00:00Z')))).map((l) => localTimeOf(new Date(l.created_at)));
    assert.ok(entered.length > 300, `${entered.length} lessons`);
  } finally {
    await db.destroy();
  }
});

test('built on 29 February 2040: school year 2039/2040, students born to fit their classes, valid personal codes', async () => {
  const { db } = await checkBuild(moment('2040-02-29T10:00:00Z'));
  try {
    const rows = await db.selectFrom('student as s').innerJoin('enrollment as e', 'e.student_id', 's.id').innerJoin('school_class as c', 'c.id', 'e.class_id').select(['s.code', 's.personal_code', 's.birth_date', 'c.code as class']).execute();
    const born: Record<string, string[]> = { '2.a': ['2031', '2032'], '7.a': ['2026', '2027'], '9.b': ['2024', '2025'] };
    assert.is(rows.length, 15);
    for (const r of rows) {
      assert.ok(born[r.class]!.includes(r.birth_date!.slice(0, 4)), `${r.code} born ${r.birth_date} in ${r.class}`);
      const check = checkPersonalCode(r.personal_code!);
      assert.ok(check.ok && check.form === 'legacy' && check.birthDate === r.birth_date, `${r.code}: ${r.personal_code} for ${r.birth_date}`);
    }
  } finally {
    await db.destroy();
  }
});

test.run();
