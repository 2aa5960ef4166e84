import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { closeYear, verifyYearArchive } from '../../src/services/year-close.ts';
import { decideStudent, promoteStudents } from '../../src/services/promotion.ts';
import { openYear } from '../../src/services/year-open.ts';
import { overridingYearLock, listYearLockOverrides } from '../../src/services/year-lock.ts';
import { addLesson, setLesson } from '../../src/services/lessons.ts';
import { correctGrade, enterGrades } from '../../src/services/grades.ts';
import { justifyAbsences, markAbsences } from '../../src/services/absences.ts';
import { addBehavior } from '../../src/services/behavior.ts';
import { addNote } from '../../src/services/parent-notes.ts';
import { addBriefing } from '../../src/services/briefings.ts';
import { addStudent, leaveClass } from '../../src/services/students.ts';
import { addClass, setClass } from '../../src/services/classes.ts';
import { addAssignment, removeAssignment } from '../../src/services/assignments.ts';
import { listYears, setYear } from '../../src/services/years.ts';
import { addHoliday } from '../../src/services/holidays.ts';
import { importSources } from '../../src/transfer/import.ts';
import { bulkSettings } from '../../src/transfer/bulk.ts';
import { loadCardData } from '../../src/reports/card.ts';
import { openDatabase } from '../../src/db/connection.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { snapshot } from '../support/cli.ts';
import { tempDir } from '../support/school.ts';
import { schoolYearArchive } from '../support/archive.ts';
import { rejects, type SmallSchool } from './fixtures.ts';
import { yearEndSchool } from './year-end-fixture.ts';
import { onSqlite } from '../support/postgres.ts';

const CLOSED = 'School year 2026/2027 is closed';

/** The year-end school with its decisions recorded (all final with `final`) and 2026/2027 closed. */
async function closedSchool(final = false): Promise<{ s: SmallSchool; cleanup: () => Promise<void> }> {
  const s = await yearEndSchool();
  const t = tempDir('ezurnals-archive-');
  await s.as('D01', (c) => promoteStudents(c, { all: true, apply: true }));
  if (final) {
    await s.as('D01', (c) => decideStudent(c, { student: 'S003', decision: 'repeat', reason: 'padome' }));
    await s.as('T02', (c) => enterGrades(c, { class: '7.b', subject: 'mat', work: 'makeup', students: ['S004=6'], date: '2027-06-15' }));
    await s.as('D01', (c) => promoteStudents(c, { class: ['7.b'], apply: true }));
  }
  const archive = await s.as('D01', (c) => verifyYearArchive(c, '2026/2027', schoolYearArchive(join(t.dir, 'arhivs'))));
  await s.as('D01', (c) => closeYear(c, '2026/2027', archive));
  return {
    s,
    cleanup: async () => {
      t.cleanup();
      await s.cleanup();
    },
  };
}

const firstGradeId = async (s: SmallSchool) => (await s.db.selectFrom('grade').select('id').orderBy('id').executeTakeFirstOrThrow()).id;

test('a closed year refuses every kind of write (exit 5 naming the year) and stays as it was; reading works', async () => {
  const { s, cleanup } = await closedSchool();
  try {
    const before = await snapshot(s.dbPath);
    const gradeId = await firstGradeId(s);
    const writes: [string, string, (c: ServiceContext) => Promise<unknown>][] = [
      ['lesson add', 'T01', (c) => addLesson(c, { class: '7.a', subject: 'mat', date: '2026-10-07', number: 1, topic: 'Vēl viena' })],
      ['lesson set', 'admin', (c) => setLesson(c, { class: '7.a', subject: 'mat', date: '2026-10-05', number: 1 }, { topic: 'Cits' })],
      ['grade add', 'T01', (c) => enterGrades(c, { class: '7.a', subject: 'mat', date: '2026-10-05', students: ['S001=9'] })],
      ['term grade', 'T02', (c) => enterGrades(c, { class: '7.a', subject: 'lv', work: 'semester2', date: '2027-05-30', students: ['S001=9'] })],
      ['grade correct', 'admin', (c) => correctGrade(c, gradeId, { value: '9', reason: 'kļūda' })],
      ['absence mark', 'T01', (c) => markAbsences(c, { class: '7.a', subject: 'mat', date: '2026-10-06', number: 1, students: ['S003'] })],
      ['absence justify', 'T01', (c) => justifyAbsences(c, { student: 'S002', from: '2026-10-06', reason: 'other' })],
      ['behaviour', 'T01', (c) => addBehavior(c, { student: 'S001', kind: 'positive', date: '2026-10-07', text: 'Labi' })],
      ['note', 'T01', (c) => addNote(c, { class: '7.a', from: '2026-11-01', text: 'Piezīme' })],
      ['briefing', 'T01', (c) => addBriefing(c, { class: '7.a', date: '2026-10-07', topic: 'Ugunsdrošība', allPresent: true })],
      ['enrolment', 'admin', (c) => addStudent(c, 'S777', { firstName: 'Jauns', lastName: 'Skolēns', class: '7.a' })],
      ['leaving', 'admin', (c) => leaveClass(c, 'S004', { lastDay: '2027-07-01' })],
      ['class add', 'admin', (c) => addClass(c, '5.a', {})],
      ['class set', 'admin', (c) => setClass(c, '7.b', { classTeacher: 'T04' })],
      ['assignment add', 'admin', (c) => addAssignment(c, { class: '7.b', subject: 'lv', teacher: 'T02' })],
      ['assignment remove', 'admin', (c) => removeAssignment(c, { class: '7.a', subject: 'lv', teacher: 'T02' })],
      ['year dates', 'admin', (c) => setYear(c, '2026/2027', { semester2To: '2027-05-28' })],
      ['holiday', 'admin', (c) => addHoliday(c, { from: '2027-03-01', to: '2027-03-02', name: 'Skolas brīvdiena', kind: 'school-break' })],
      ['decision', 'D01', (c) => decideStudent(c, { student: 'S003', decision: 'repeat', reason: 'padome' })],
    ];
    const results: string[] = [];
    for (const [label, who, write] of writes) {
      results.push(await s.as(who, write).then(() => `${label}: written`, (error: Error) => `${label}: ${error.message.startsWith(CLOSED) && error.message.includes('--closed-year-reason') ? 'refused' : error.message}`));
    }
    assert.equal(results, writes.map(([label]) => `${label}: refused`));
    assert.is(await snapshot(s.dbPath), before);
    const card = await s.as('admin', (c) => loadCardData(c, { term: 'year', class: ['7.a'] }));
    assert.equal(card.students.find((st) => st.code === 'S001')!.promotion, { kind: 'promoted', nextLevel: 8 });
  } finally {
    await cleanup();
  }
});

onSqlite(test)('the sqlite3 shell (3.40, no ezurnals) opens the locked database and is refused the same way', async () => {
  const { s, cleanup } = await closedSchool();
  try {
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(s.db);
    const shell = (statement: string) => spawnSync('sqlite3', [s.dbPath, statement], { encoding: 'utf8' });
    const read = shell("select count(*) from grade where work = 'annual'");
    assert.is(read.status, 0, read.stderr);
    assert.is(read.stdout.trim(), '8');
    const write = shell("update grade set value = '10' where work = 'annual'");
    assert.is.not(write.status, 0);
    assert.match(write.stderr, /ezurnals-year-closed/);
  } finally {
    await cleanup();
  }
});

onSqlite(test)('the triggers exist only once a year is closed, and a missing one comes back on the next open', async () => {
  const lockTriggers = async (db: SmallSchool['db']) =>
    (await sql<{ name: string }>`select name from sqlite_master where type = 'trigger' and name like 'year_lock_%' order by name`.execute(db)).rows.map((r) => r.name);
  const open = await yearEndSchool();
  try {
    assert.equal(await lockTriggers(open.db), [], 'no year closed: no write pays for a trigger');
  } finally {
    await open.cleanup();
  }
  const { s, cleanup } = await closedSchool();
  try {
    const names = await lockTriggers(s.db);
    assert.is(names.length, 22 * 4 + 2);
    assert.ok(names.includes('year_lock_grade_insert') && names.includes('year_lock_school_year_update'));
    await sql`drop trigger year_lock_absence_insert`.execute(s.db);
    await s.db.destroy();
    const reopened = await openDatabase(s.dbPath);
    try {
      assert.equal(await lockTriggers(reopened), names);
    } finally {
      await reopened.destroy();
    }
  } finally {
    await cleanup();
  }
});

test('the bulk import path is refused by the same lock', async () => {
  const { s, cleanup } = await closedSchool();
  const saved = bulkSettings.minRows;
  try {
    bulkSettings.minRows = 1;
    const before = await snapshot(s.dbPath);
    const csv = 'class,subject,date,student,value\n7.a,mat,2026-10-05,S003,7\n';
    await rejects(() => s.as('admin', (c) => importSources(c, [{ kind: 'grades', file: 'grades.csv', bytes: Buffer.from(csv) }])), 'forbidden', CLOSED);
    assert.is(await snapshot(s.dbPath), before);
  } finally {
    bulkSettings.minRows = saved;
    await cleanup();
  }
});

test("an admin's override with a reason writes into the closed year and is recorded; nobody else may, and a blank reason is refused", async () => {
  const { s, cleanup } = await closedSchool();
  try {
    const gradeId = await firstGradeId(s);
    const fix = (c: ServiceContext) => correctGrade(c, gradeId, { value: '9', reason: 'pārrakstīšanās kļūda' });
    const { result, overrides } = await s.as('admin', (c) => overridingYearLock(c, 'Direktores rīkojums Nr. 12', 'grade correct', fix));
    assert.is(result.value, '9');
    assert.equal(overrides, [{ year: '2026/2027', rows_written: 2 }], 'the grade and its correction history');
    const recorded = await s.as('admin', (c) => listYearLockOverrides(c, '2026/2027'));
    assert.equal(recorded.map(({ created_at: _at, ...o }) => o), [{ year: '2026/2027', staff: 'admin', command: 'grade correct', rows_written: 2, reason: 'Direktores rīkojums Nr. 12' }]);
    assert.equal((await sql<{ n: number }>`select count(*) as n from year_lock_bypass`.execute(s.db)).rows[0]!.n, 0, 'the bypass ends with the transaction');
    // The lock is back for the next command.
    await rejects(() => s.as('admin', (c) => correctGrade(c, gradeId, { value: '10', reason: 'vēlreiz' })), 'forbidden', CLOSED);

    const before = await snapshot(s.dbPath);
    await rejects(() => s.as('D01', (c) => overridingYearLock(c, 'vajag', 'grade correct', fix)), 'forbidden', 'only an admin');
    await rejects(() => s.as('admin', (c) => overridingYearLock(c, '  ', 'grade correct', fix)), 'usage', 'needs the reason');
    assert.is(await snapshot(s.dbPath), before);
    // An override that touches no closed year records nothing.
    await s.as('admin', (c) => overridingYearLock(c, 'nevajadzīgi', 'staff add', async () => null));
    assert.is((await s.as('admin', (c) => listYearLockOverrides(c))).length, 1);
  } finally {
    await cleanup();
  }
});

test('after closing, the next year opens (the closed year stops being the current one) and takes writes', async () => {
  const { s, cleanup } = await closedSchool(true);
  try {
    const plan = await s.as('admin', (c) => openYear(c, '2027/2028', { carryAssignments: true, current: true }));
    assert.equal(plan.classes.map((c) => c.code), ['3.a', '7.a', '8.a', '8.b']);
    await s.as('admin', (c) => addClass(c, '1.a', {}));
    const years = await s.as('admin', (c) => listYears(c));
    assert.equal(years.map((y) => [y.code, y.current, y.closed]), [['2026/2027', false, true], ['2027/2028', true, false]]);
  } finally {
    await cleanup();
  }
});

test.run();
