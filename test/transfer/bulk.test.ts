// The bulk path for big journal files (bulk.ts) against the per-row path:
// the same file gives the same database, the same problems, and the same
// all-or-nothing and re-import behaviour.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { contextAs, freshSchool, inTx, tempDir } from '../support/school.ts';
import { copyDatabase, openDatabase } from '../../src/db/connection.ts';
import { isPostgresUrl } from '../../src/db/location.ts';
import { snapshot } from '../support/cli.ts';
import type { Db } from '../../src/db/connection.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { importSources, type ImportSource, type KindSummary } from '../../src/transfer/import.ts';
import { bulkSettings } from '../../src/transfer/bulk.ts';
import { loadCalendar, resolveYear } from '../../src/services/lookup.ts';
import { whyNoLessons } from '../../src/services/lessons.ts';
import type { IsoDate } from '../../src/domain/dates.ts';
import { importFailure } from '../support/import.ts';

interface School {
  db: Db;
  dbPath: string;
  ctx: ServiceContext;
  cleanup: () => Promise<void>;
}

const csv = (rows: (string | number)[][]) => rows.map((r) => r.map((v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : v)).join(',')).join('\n') + '\n';
const source = (kind: ImportSource['kind'], rows: (string | number)[][], file = `${kind}.csv`): ImportSource => ({ kind, file, bytes: Buffer.from(csv(rows)) });

const FIRST = ['Jānis', 'Žanete', 'Ģirts', 'Šarlote', 'Kārlis', 'Līga', 'Ēriks', 'Ķeita'];
const LAST = ['Bērziņš', 'Ābele', 'Šņore', 'Kalniņa', 'Ozols', 'Čakste'];
const students = Array.from({ length: 40 }, (_, i) => ({ code: `S${100 + i}`, cls: i < 20 ? '7.a' : '4.b' }));
let days: IsoDate[] = [];
const lessons: { cls: string; subject: string; date: string; number: number }[] = [];

/** A school with two classes, 40 students, and two lessons a day in each class until the test's "today". */
let template: string | undefined;
const templateDir = tempDir('ezurnals-bulk-');

/** The school is set up once; each test gets a copy of its file. */
async function school(): Promise<School> {
  try {
    if (!template) {
      const made = await makeSchool();
      await made.db.destroy(); // checkpoints the WAL: the file alone is the database
      template = join(templateDir.dir, 'template.db');
      // On PostgreSQL (npm run test:pg) the school is kept as an SQLite file and copied into each test's school whole.
      if (isPostgresUrl(made.dbPath)) await copyDatabase(made.dbPath, template);
      else copyFileSync(made.dbPath, template);
      await made.cleanup().catch(() => undefined);
    }
    const t = tempDir();
    if (isPostgresUrl(t.dbPath)) await copyDatabase(template, t.dbPath);
    else copyFileSync(template, t.dbPath);
    const db = await openDatabase(t.dbPath);
    return {
      db,
      dbPath: t.dbPath,
      ctx: await contextAs(db, 'admin'),
      cleanup: async () => {
        await db.destroy();
        t.cleanup();
      },
    };
  } catch (error) {
    console.error(error); // uvu reports a failing hook only as a count
    throw error;
  }
}

async function makeSchool(): Promise<School> {
  const s = await freshSchool();
  const ctx = await contextAs(s.db, 'admin');
  const registry = [
    source('subjects', [['Kods', 'Nosaukums'], ['mat', 'Matemātika'], ['lat', 'Latviešu valoda']]),
    source('staff', [['code', 'first_name', 'last_name', 'roles'], ['T01', 'Anna', 'Kalniņa', 'teacher|class-teacher'], ['T02', 'Pēteris', 'Bērziņš', 'teacher|class-teacher']]),
    source('classes', [['code', 'level', 'class_teacher'], ['7.a', 7, 'T01'], ['4.b', 4, 'T02']]),
    source('students', [['code', 'first_name', 'last_name', 'class'], ...students.map((st, i) => [st.code, FIRST[i % 8]!, LAST[i % 6]!, st.cls])]),
    source('assignments', [['class', 'subject', 'teacher'], ['7.a', 'mat', 'T01'], ['7.a', 'lat', 'T02'], ['4.b', 'mat', 'T01'], ['4.b', 'lat', 'T02']]),
  ];
  if (days.length === 0) {
    await inTx(ctx, (c) => importSources(c, registry.slice(0, 1)));
    const year = await resolveYear(ctx);
    const calendar = await loadCalendar(ctx);
    for (let d = new Date(`${year.starts_on}T00:00:00Z`); d.toISOString().slice(0, 10) < '2026-11-28'; d.setUTCDate(d.getUTCDate() + 1)) {
      const iso = d.toISOString().slice(0, 10) as IsoDate;
      if (whyNoLessons(iso, year, calendar) === null) days.push(iso);
    }
    for (const cls of ['7.a', '4.b']) for (const date of days) for (const [number, subject] of [[1, 'mat'], [2, 'lat']] as const) lessons.push({ cls, subject, date, number });
    registry.shift();
  }
  await inTx(ctx, (c) => importSources(c, registry));
  const lessonFile = source('lessons', [['class', 'subject', 'date', 'number', 'topic'], ...lessons.map((l) => [l.cls, l.subject, l.date, l.number, 'Tēma'])]);
  await inTx(ctx, (c) => importSources(c, [lessonFile]));
  return { ...s, ctx };
}

/** Runs the sources through the per-row path (bulk off) or the bulk path (any size). */
async function run(s: School, sources: ImportSource[], bulk: boolean): Promise<KindSummary[]> {
  const saved = bulkSettings.minRows;
  bulkSettings.minRows = bulk ? 1 : Number.POSITIVE_INFINITY;
  try {
    return await inTx(s.ctx, (ctx) => importSources(ctx, sources));
  } finally {
    bulkSettings.minRows = saved;
  }
}

const failure = importFailure;

/** Grades and their history by natural key, without ids. */
async function gradeDump(db: Db): Promise<unknown[]> {
  const grades = await db
    .selectFrom('grade as g')
    .innerJoin('student as st', 'st.id', 'g.student_id')
    .innerJoin('school_class as c', 'c.id', 'g.class_id')
    .innerJoin('subject as s', 's.id', 'g.subject_id')
    .select(['g.id', 'st.code as student', 'c.code as class', 's.code as subject', 'g.date', 'g.work', 'g.value', 'g.note', 'g.lesson_id', 'g.exempt_certificate', 'g.created_at', 'g.created_by', 'g.updated_at', 'g.updated_by'])
    .orderBy('g.id')
    .execute();
  const changes = await db.selectFrom('grade_change').selectAll().orderBy('id').execute();
  const rank = new Map(grades.map((g, i) => [g.id, i]));
  return [
    grades.map(({ id: _id, ...g }) => g),
    changes.map(({ id: _id, grade_id, ...c }) => ({ grade: rank.get(grade_id), ...c })).sort((a, b) => a.grade! - b.grade! || String(a.value_after).localeCompare(String(b.value_after))),
  ];
}

async function absenceDump(db: Db): Promise<unknown[]> {
  const absences = await db
    .selectFrom('absence as a')
    .innerJoin('student as st', 'st.id', 'a.student_id')
    .select(['a.id', 'st.code as student', 'a.lesson_id', 'a.marked_code', 'a.code', 'a.marked_by', 'a.marked_at', 'a.decided_by', 'a.decided_at', 'a.note', 'a.removed', 'a.updated_at', 'a.updated_by'])
    .orderBy('a.lesson_id')
    .orderBy('st.code')
    .execute();
  const key = new Map(absences.map((a) => [a.id, `${a.lesson_id}|${a.student}`]));
  const changes = await db.selectFrom('absence_change').selectAll().orderBy('id').execute();
  return [
    absences.map(({ id: _id, ...a }) => a),
    changes.map(({ id: _id, absence_id, ...c }) => ({ absence: key.get(absence_id), ...c })).sort((a, b) => a.absence!.localeCompare(b.absence!) || a.action.localeCompare(b.action)),
  ];
}

const WORKS = ['', 'kārtējais', 'pārbaudes darbs', 'regular', 'test'];
/** About 3,000 grade rows: most new, some twice for one student and day, term grades without a date, DD.MM.YYYY dates, notes. */
function gradeRows(change = 0): (string | number)[][] {
  const rows: (string | number)[][] = [['Klase', 'Priekšmets', 'Datums', 'Skolēns', 'Vērtējums', 'Darba veids', 'Piezīmes']];
  let i = 0;
  for (const date of days) {
    for (const st of students) {
      {
        const [y, m, d] = date.split('-');
        const value = st.cls === '4.b' && i % 9 === 0 ? 'nv' : 1 + ((i * 7 + change * (i % 5 === 0 ? 1 : 0)) % 10);
        rows.push([st.cls, i % 3 ? 'mat' : 'lat', i % 4 === 0 ? `${d}.${m}.${y}` : date, st.code, value, WORKS[i % WORKS.length]!, i % 17 === 0 ? 'Labs darbs, "turpini"' : '']);
        // A second grade that day (a different value: the same row twice is a duplicate).
        if (i % 50 === 0) rows.push([st.cls, 'mat', date, st.code, 2 + (i % 10), '', '']);
      }
      i++;
    }
  }
  for (const st of students.slice(0, 10)) rows.push([st.cls, 'mat', '', st.code, 8, '1. semestris', '']);
  return rows;
}

const Grades = suite('bulk import: grades');
let a: School;
let b: School;
Grades.before.each(async () => {
  a = await school();
  b = await school();
});
Grades.after.each(async () => {
  await a.cleanup();
  await b.cleanup();
});

Grades('a few thousand grade rows give the same database through both paths, and a re-import changes nothing', async () => {
  const file = source('grades', gradeRows());
  assert.ok(file.bytes.length > 0 && gradeRows().length > 2000, 'a big file');
  const perRow = await run(a, [file], false);
  const bulk = await run(b, [file], true);
  assert.equal(bulk, perRow);
  assert.ok(perRow[0]!.created > 2000);
  assert.equal(await gradeDump(b.db), await gradeDump(a.db));

  const again = await run(b, [file], true);
  assert.equal(again[0], { ...perRow[0]!, created: 0, updated: 0, unchanged: perRow[0]!.created });

  // Changed values: corrections with the import's reason in the history, as the per-row path does them.
  const changed = source('grades', gradeRows(3));
  const perRowChange = await run(a, [changed], false);
  const bulkChange = await run(b, [changed], true);
  assert.equal(bulkChange, perRowChange);
  assert.ok(bulkChange[0]!.updated > 100);
  assert.equal(await gradeDump(b.db), await gradeDump(a.db));
  const reasons = await b.db.selectFrom('grade_change').select('reason').where('reason', 'is not', null).execute();
  assert.ok(reasons.length > 100 && reasons.every((r) => r.reason === 'Imports: grades.csv'));
});

Grades('errors are reported with lines as the per-row path reports them, and nothing is written', async () => {
  const rows = gradeRows();
  const at = (n: number) => rows[n]!;
  at(10)[0] = '7.x'; // unknown class
  at(20)[4] = 11; // off the scale
  at(30)[2] = '2026-12-15'; // in the future
  at(40)[2] = '2027-07-01'; // outside the year
  at(50)[2] = '31.02.2026'; // no such date
  at(60)[3] = 'S999'; // unknown student
  at(70)[0] = at(70)[0] === '7.a' ? '4.b' : '7.a'; // not in that class
  at(80)[5] = 'mājasdarbs'; // unknown kind of work (eksāmens is one now: state-exam)
  at(90)[4] = ''; // required value
  at(100)[1] = 'fiz'; // unknown subject
  rows.push(['7.a', 'mat', '', 'S100', 9, '1. semestris', '']); // a second term grade
  rows.push(['7.a', 'mat', '2026-10-01', 'S100', 9, '', '', 'extra']); // too many values
  const file = source('grades', rows);
  const before = await snapshot(b.dbPath);
  const perRow = await failure(run(a, [file], false));
  const bulk = await failure(run(b, [file], true));
  // On PostgreSQL the per-row path's ids come from a sequence, which a failed insert moves on: the ids named may differ.
  const ids = (message: string) => (isPostgresUrl(b.dbPath) ? message.replace(/\(ids [\d, ]+\)/g, '(ids …)') : message);
  assert.is(ids(bulk.message), ids(perRow.message));
  assert.equal(bulk.summary, perRow.summary);
  assert.is(bulk.problems.length, 12);
  assert.ok(bulk.message.startsWith('grades.csv:11: column "Klase": value "7.x" — Unknown class 7.x'), bulk.message.split('\n')[0]);
  assert.ok(bulk.message.includes('grades.csv:21: column "Vērtējums": value "11" — grade "11" is not on the scale'));
  assert.ok(bulk.message.includes('A grade cannot be dated in the future (2026-12-15)'));
  assert.ok(bulk.message.includes('already has a semester1 grade in mat'));
  assert.is(await snapshot(b.dbPath), before, 'nothing written');
});

Grades('a reference looked up far into the file, while the rows before it are still being copied, is reported, and nothing is written', async () => {
  // On PostgreSQL the rows before it are on their way by COPY when the unknown class is looked up in the same transaction.
  const rows = gradeRows();
  rows[1500]![0] = '7.x';
  const file = source('grades', rows);
  const before = await snapshot(b.dbPath);
  const bulk = await failure(run(b, [file], true));
  assert.ok(bulk.message.startsWith('grades.csv:1501: column "Klase": value "7.x" — Unknown class 7.x'), bulk.message.split('\n')[0]);
  assert.is(await snapshot(b.dbPath), before, 'nothing written');
});

Grades('entered_at dates new grades as given through both paths; a bad or future one is refused on its column', async () => {
  const header = ['class', 'subject', 'date', 'student', 'value', 'work', 'entered_at'];
  const rows = [
    header,
    ['7.a', 'mat', days[3]!, 'S100', 8, 'test', '05.10.2026 18:30'],
    ['7.a', 'lat', days[5]!, 'S101', 7, '', '2026-10-06T09:15:00+03:00'],
    ['7.a', 'lat', days[5]!, 'S102', 6, '', ''],
  ];
  const perRow = await run(a, [source('grades', rows)], false);
  const bulk = await run(b, [source('grades', rows)], true);
  assert.equal(bulk, perRow);
  assert.equal(await gradeDump(b.db), await gradeDump(a.db));
  const stored = await b.db.selectFrom('grade').select(['created_at', 'updated_at']).orderBy('id').execute();
  assert.equal(stored.slice(-3).map((g) => g.created_at), ['2026-10-05T18:30:00+03:00', '2026-10-06T09:15:00+03:00', '2026-11-29T10:00:00+02:00']);

  const bad = [header, ['7.a', 'mat', days[3]!, 'S103', 8, 'test', 'vakar'], ['7.a', 'mat', days[3]!, 'S104', 8, 'test', '2026-12-01 10:00']];
  const before = await snapshot(b.dbPath);
  const p = await failure(run(a, [source('grades', bad)], false));
  const q = await failure(run(b, [source('grades', bad)], true));
  assert.is(q.message, p.message);
  assert.ok(q.message.includes('grades.csv:2: column "entered_at": value "vakar" — entered_at "vakar" is not a time'), q.message);
  assert.ok(q.message.includes('grades.csv:3: column "entered_at": value "2026-12-01 10:00" — entered_at 2026-12-01 10:00 is in the future'), q.message);
  assert.is(await snapshot(b.dbPath), before, 'nothing written');
});

Grades('the same grade row twice is a duplicate through both paths (regular and test), two values that day are two grades', async () => {
  const header = ['class', 'subject', 'date', 'student', 'value', 'work', 'note'];
  const rows = [
    header,
    ['7.a', 'mat', days[3]!, 'S100', 3, '', ''],
    ['7.a', 'mat', days[3]!, 'S100', 3, 'kārtējais', ''], // the same grade: "kārtējais" is regular
    ['7.a', 'lat', days[4]!, 'S101', 9, 'pārbaudes darbs', ''],
    ['7.a', 'lat', days[4]!, 'S101', 9, 'test', ''],
    ['7.a', 'mat', days[5]!, 'S102', 6, '', ''],
    ['7.a', 'mat', days[5]!, 'S102', 7, '', ''], // a second grade that day: allowed
    ['7.a', 'mat', days[6]!, 'S103', 5, '', ''],
    ['7.a', 'mat', days[6]!, 'S103', 5, '', 'mutiski'], // told apart by the note: allowed
  ];
  const before = await snapshot(b.dbPath);
  const p = await failure(run(a, [source('grades', rows)], false));
  const q = await failure(run(b, [source('grades', rows)], true));
  assert.is(q.message, p.message);
  assert.equal(q.summary, p.summary);
  assert.equal(p.problems.map((x) => x.line), [3, 5]);
  assert.match(p.message, new RegExp(`grades.csv:3: column "student": value "S100" — duplicate grade of S100 in 7.a mat on ${days[3]} \\(regular\\) \\(also on line 2, alike in every column\\)`));
  assert.match(p.message, /grades\.csv:5: .*duplicate grade of S101 in 7\.a lat on .* \(test\) \(also on line 4/);
  assert.is(await snapshot(b.dbPath), before, 'nothing written');

  const fine = await run(b, [source('grades', rows.filter((_, i) => i !== 2 && i !== 4))], true);
  assert.is(fine[0]!.created, 6, 'without the repeated rows every grade goes in, two of them twice a day');
});

Grades.run();

const Absences = suite('bulk import: absences');
Absences.before.each(async () => {
  a = await school();
  b = await school();
});
Absences.after.each(async () => {
  await a.cleanup();
  await b.cleanup();
});

/** Around 2,400 absences; one code per student and day (a justification covers the day), n, k, ns and nc. */
function absenceRows(): (string | number)[][] {
  const rows: (string | number)[][] = [['Klase', 'Priekšmets', 'Datums', 'Stunda', 'Skolēns', 'Atzīme']];
  const codes = ['n', 'k', 'ns', 'nc', 'n'];
  let i = 0;
  for (const l of lessons) {
    for (const st of students.filter((s) => s.cls === l.cls)) {
      if ((i++ + l.date.charCodeAt(9)) % 2 !== 0) continue;
      const code = codes[(Number(st.code.slice(1)) + l.date.charCodeAt(9)) % codes.length]!;
      rows.push([l.cls, l.subject, l.date, i % 7 === 0 ? '' : l.number, st.code, code]);
    }
  }
  return rows;
}

Absences('absences with ns/nc give the same database through both paths; re-import unchanged; errors with lines', async () => {
  const rows = absenceRows();
  assert.ok(rows.length > 2000, `${rows.length} rows`);
  const file = source('absences', rows);
  const perRow = await run(a, [file], false);
  const bulk = await run(b, [file], true);
  assert.equal(bulk, perRow);
  assert.equal(await absenceDump(b.db), await absenceDump(a.db));
  const justified = await b.db.selectFrom('absence_change').select('action').where('action', '=', 'justify').execute();
  assert.ok(justified.length > 100);
  const again = await run(b, [file], true);
  assert.equal(again[0], { ...perRow[0]!, created: 0, updated: 0, unchanged: perRow[0]!.created });

  const bad = absenceRows();
  bad[5]![5] = 'x';
  bad[6]![2] = '2026-11-29';
  bad[7]![3] = 9;
  bad.push(bad[8]!);
  const before = await snapshot(b.dbPath);
  const p = await failure(run(a, [source('absences', bad)], false));
  const q = await failure(run(b, [source('absences', bad)], true));
  assert.is(q.message, p.message);
  assert.is(q.problems.length, 4);
  assert.ok(q.message.includes('absences.csv:6: column "Atzīme": value "x" — must be n or k'));
  assert.is(await snapshot(b.dbPath), before, 'nothing written');
});

Absences('entered_at dates new marks (and their history) as given through both paths', async () => {
  const first = lessons.find((l) => l.cls === '7.a' && l.subject === 'mat')!;
  const rows = [
    ['class', 'subject', 'date', 'number', 'student', 'code', 'entered_at'],
    [first.cls, first.subject, first.date, first.number, 'S100', 'n', `${first.date} 17:45`],
    [first.cls, first.subject, first.date, first.number, 'S101', 'ns', ''],
  ];
  const perRow = await run(a, [source('absences', rows)], false);
  const bulk = await run(b, [source('absences', rows)], true);
  assert.equal(bulk, perRow);
  assert.equal(await absenceDump(b.db), await absenceDump(a.db));
  const marks = await b.db.selectFrom('absence_change as h').innerJoin('absence as x', 'x.id', 'h.absence_id').select(['x.marked_at', 'h.changed_at']).where('h.action', '=', 'mark').orderBy('x.student_id').execute();
  assert.equal(marks[0], { marked_at: `${first.date}T17:45:00+03:00`, changed_at: `${first.date}T17:45:00+03:00` });
  assert.equal(marks[1], { marked_at: '2026-11-29T10:00:00+02:00', changed_at: '2026-11-29T10:00:00+02:00' });
});

Absences.after(() => templateDir.cleanup());
Absences.run();
