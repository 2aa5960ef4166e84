// `import oneroster` through its function (what the package becomes in the
// journal, problems, re-import) and once through the built bin (exit codes,
// JSON, dry run). Build first: node scripts/build.mjs.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { inTx, tempDir } from '../support/school.ts';
import { cli, snapshot } from '../support/cli.ts';
import type { Db } from '../../src/db/connection.ts';
import { AppError } from '../../src/errors.ts';
import { addLesson } from '../../src/services/lessons.ts';
import type { KindSummary } from '../../src/transfer/import.ts';
import { importOneRoster, loadOneRoster, scoreValue, workOfCategory, type OneRosterOptions } from '../../src/transfer/oneroster.ts';
import { readZip, writeZip } from '../../src/transfer/zip.ts';
import { ONEROSTER_FIXTURES, schoolZip } from '../fixtures/oneroster/make-zip.ts';
import { importFailure, adminSchool, type AdminSchool } from '../support/import.ts';
import { onSqlite } from '../support/postgres.ts';

const FOLDER = join(ONEROSTER_FIXTURES, 'school');
/** A delta package for the school after FOLDER went in (README: what a tobedeleted row does). */
const DELTA = join(ONEROSTER_FIXTURES, 'delta');
const ZIP = join(ONEROSTER_FIXTURES, 'school.zip');

type School = AdminSchool;
const school = adminSchool;

const run = (s: School, path: string, options: OneRosterOptions = {}) => inTx(s.ctx, (ctx) => importOneRoster(ctx, loadOneRoster(path), options));
const rows = async <T>(db: Db, text: string): Promise<T[]> => (await sql.raw<T>(text).execute(db)).rows;
const counts = (summary: KindSummary[]) => Object.fromEntries(summary.map((k) => [k.kind, [k.created, k.updated, k.unchanged, k.errors]]));

const failure = importFailure;

/** A copy of a fixture folder with some files edited (text replaced), written whole (a string) or removed. */
function variant(edits: Record<string, [string, string][] | string | null>, from = FOLDER): { dir: string; cleanup: () => void } {
  const base = mkdtempSync(join(tmpdir(), 'ezurnals-oneroster-'));
  const dir = join(base, 'school');
  cpSync(from, dir, { recursive: true });
  for (const [name, changes] of Object.entries(edits)) {
    const path = join(dir, name);
    if (changes === null) {
      unlinkSync(path);
      continue;
    }
    if (typeof changes === 'string') {
      writeFileSync(path, changes);
      continue;
    }
    let text = readFileSync(path, 'utf8');
    for (const [from, to] of changes) {
      assert.ok(text.includes(from), `${name} holds ${from}`);
      text = text.replace(from, to);
    }
    writeFileSync(path, text);
  }
  return { dir, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

const Fn = suite('oneroster: through the function');
let s: School;
Fn.before.each(async () => {
  s = await school();
});
Fn.after.each(() => s.cleanup());

onSqlite(Fn)('the folder becomes classes, people, links, assignments and grades; demographics.csv is named as ignored', async () => {
  const result = await run(s, FOLDER);
  assert.equal(counts(result.summary), {
    subjects: [3, 0, 0, 0],
    staff: [3, 0, 0, 0],
    classes: [2, 0, 0, 0],
    students: [4, 0, 0, 0],
    // Inese Kļaviņa is the mother of two: created for Anna, then linked to Ēriks.
    guardians: [3, 1, 0, 0],
    assignments: [4, 0, 0, 0],
    // "Latviešu valoda 7. klasēm" has Anna of 7.a and Žanete of 7.b: a group across the classes (issue 19).
    groups: [1, 0, 0, 0],
    group_members: [2, 0, 0, 0],
    grades: [6, 0, 0, 0],
  });
  assert.equal(result.ignored, ['demographics.csv']);
  const groups = await rows<{ code: string; name: string; subject: string; teacher: string }>(
    s.db,
    'select g.code, g.name, sj.code as subject, t.code as teacher from study_group g join subject sj on sj.id = g.subject_id join study_group_teacher gt on gt.group_id = g.id join staff t on t.id = gt.teacher_id',
  );
  assert.equal(groups.map((g) => [g.code, g.name]), [['Latviešu-valoda-7.-klasēm', 'Latviešu valoda 7. klasēm']]);
  const members = await rows<{ code: string; cls: string }>(s.db, 'select s.code, c.code as cls from study_group_member m join student s on s.id = m.student_id join study_group_class gc on gc.group_id = m.group_id join school_class c on c.id = gc.class_id join enrollment e on e.student_id = s.id and e.class_id = c.id order by s.code');
  assert.equal(members, [{ code: 'S101', cls: '7.a' }, { code: 'S103', cls: '7.b' }]);
  assert.equal(result.skipped, { disabledUsers: 2, otherRoles: 1, ungradedResults: 1, deletions: 0, otherSchools: 0 });

  const placed = await rows<{ code: string; first_name: string; cls: string }>(
    s.db,
    'select s.code, s.first_name, c.code as cls from student s join enrollment e on e.student_id = s.id join school_class c on c.id = e.class_id order by s.code',
  );
  assert.equal(placed, [
    { code: 'S101', first_name: 'Anna', cls: '7.a' },
    { code: 'S102', first_name: 'Ēriks', cls: '7.a' },
    { code: 'S103', first_name: 'Žanete', cls: '7.b' },
    { code: 'S104', first_name: 'Ģirts', cls: '7.b' },
  ]);
  const links = await rows<{ student: string; guardian: string; relation: string; phone: string | null }>(
    s.db,
    `select s.code as student, g.first_name || ' ' || g.last_name as guardian, l.relation, g.phone from student_guardian l
     join student s on s.id = l.student_id join guardian g on g.id = l.guardian_id order by s.code, g.first_name`,
  );
  assert.equal(links.map((l) => `${l.student} ${l.guardian} ${l.relation}`), [
    'S101 Inese Kļaviņa guardian',
    'S101 Valdis Kļaviņš guardian',
    'S102 Inese Kļaviņa guardian',
    'S103 Līga Ņikitina other',
  ]);
  assert.is((await rows(s.db, 'select id from guardian')).length, 3, 'the mother of two is one person');
  const roles = await rows<{ code: string; roles: string }>(
    s.db,
    `select s.code, group_concat(r.role, '|') as roles from staff s join staff_role r on r.staff_id = s.id where s.code != 'admin' group by s.code order by s.code`,
  );
  assert.equal(roles.map((r) => `${r.code}:${r.roles.split('|').sort().join('|')}`), ['D001:admin', 'T001:class-teacher|teacher', 'T002:class-teacher|teacher']);
  const classes = await rows<{ code: string; level: number; teacher: string }>(
    s.db,
    'select c.code, c.level, t.code as teacher from school_class c join staff t on t.id = c.class_teacher_id order by c.code',
  );
  assert.equal(classes, [
    { code: '7.a', level: 7, teacher: 'T001' },
    { code: '7.b', level: 7, teacher: 'T002' },
  ]);
  const assignments = await rows<{ a: string }>(
    s.db,
    `select c.code || ' ' || j.code || ' ' || t.code as a from assignment x join school_class c on c.id = x.class_id
     join subject j on j.id = x.subject_id join staff t on t.id = x.teacher_id order by a`,
  );
  // lat 7 has students of 7.a and 7.b; 7.b mat has none yet and is placed by its title.
  assert.equal(assignments.map((a) => a.a), ['7.a lat T002', '7.a mat T001', '7.b lat T002', '7.b mat T001']);
  const grades = await rows<{ g: string }>(
    s.db,
    `select st.code || ' ' || c.code || ' ' || j.code || ' ' || g.date || ' ' || g.work || ' ' || g.value as g from grade g
     join student st on st.id = g.student_id join school_class c on c.id = g.class_id join subject j on j.id = g.subject_id order by g`,
  );
  assert.equal(grades.map((g) => g.g), [
    'S101 7.a lat 2026-10-21 regular 9',
    'S101 7.a mat 2026-10-14 regular 8',
    'S101 7.a mat 2026-11-10 credit i',
    'S102 7.a mat 2026-10-14 regular 6',
    'S102 7.a mat 2026-11-10 credit ni',
    // No scoreDate: the line item's due date.
    'S103 7.b lat 2026-10-20 regular 7',
  ]);
});

Fn('the committed zip is what make-zip.ts writes, reads back like the folder, and a second import changes nothing', async () => {
  assert.ok(readFileSync(ZIP).equals(schoolZip()), 'school.zip is up to date (node --import tsx test/fixtures/oneroster/make-zip.ts)');
  await run(s, FOLDER);
  const before = await snapshot(s.dbPath);
  const again = await run(s, ZIP);
  assert.ok(again.summary.every((k) => k.created === 0 && k.updated === 0 && k.errors === 0 && k.unchanged > 0), JSON.stringify(again.summary));
  assert.equal(again.ignored, ['demographics.csv']);
  assert.is(await snapshot(s.dbPath), before);
});

Fn('without manifest.csv the package is refused, naming what it found', async () => {
  const v = variant({ 'manifest.csv': null });
  try {
    loadOneRoster(v.dir);
    assert.unreachable('should refuse');
  } catch (error) {
    assert.instance(error, AppError);
    assert.is((error as AppError).code, 'invalid');
    assert.match((error as Error).message, /no manifest\.csv.*found: academicSessions\.csv/);
  } finally {
    v.cleanup();
  }
});

Fn('broken rows are all reported at FILE:LINE with the OneRoster column, and nothing is written', async () => {
  const v = variant({
    'users.csv': [['zanete.nikitina,,Žanete,Ņikitina,,S103,', 'zanete.nikitina,,Žanete,Ņikitina,,S103,zanete@@rpv'], ['u-s4,,,true,org-rpv,student,girts.cakste,,Ģirts,', 'u-s4,,,true,org-rpv,student,girts.cakste,,,']],
    'results.csv': [['r-3,,,li-2,u-s1,submitted,9,', 'r-3,,,li-2,u-s1,submitted,11,']],
    'enrollments.csv': [['e13,,,k-mat-7b', 'e13,,,k-mat-7x']],
  });
  const before = await snapshot(s.dbPath);
  try {
    const error = await failure(run(s, v.dir));
    const file = (name: string) => join(v.dir, name);
    const lines = error.message.split('\n');
    assert.ok(lines.includes(`${file('users.csv')}:8: column "email": value "zanete@@rpv" — e-mail "zanete@@rpv" is not a valid address.`), error.message);
    assert.ok(lines.includes(`${file('users.csv')}:9: column "givenName": value "" — a value is required here`), error.message);
    assert.ok(lines.some((l) => l.startsWith(`${file('results.csv')}:4: column "score": value "11" — `)), error.message);
    assert.ok(lines.includes(`${file('enrollments.csv')}:14: column "classSourcedId": value "k-mat-7x" — no such class in classes.csv`), error.message);
    // Žanete was refused, so her aunt's link and her grade are too: said where each came from.
    assert.ok(lines.includes(`${file('users.csv')}:13: column "agentSourcedIds": value "u-s3" — Unknown student S103 (known: S101, S102).`), error.message);
    assert.ok(lines.includes(`${file('results.csv')}:5: column "studentSourcedId": value "u-s3" — Unknown student S103 (known: S101, S102).`), error.message);
    assert.ok(lines.includes(`${file('enrollments.csv')}:12: column "userSourcedId": value "u-s3" — Unknown student S103 (known: S101, S102).`), error.message);
    assert.is(error.problems.length, 7, error.message);
    assert.is(await snapshot(s.dbPath), before);
  } finally {
    v.cleanup();
  }
});

Fn('a package for another school year, or with a header in the wrong case, is refused', async () => {
  const v = variant({
    'academicSessions.csv': [['y2027,,,2026/2027,schoolYear,2026-09-01,2027-06-30,,2027', 'y2026,,,2025/2026,schoolYear,2025-09-01,2026-06-30,,2026']],
    'courses.csv': [[',title,', ',Title,']],
  });
  try {
    const error = await failure(run(s, v.dir));
    assert.match(error.message, /academicSessions\.csv:2: column "schoolYear": value "2026" — this package is for the school year 2025\/2026, but the journal's current year is 2026\/2027/);
    assert.match(error.message, /courses\.csv:1: column "title" — required column missing \("Title" differs in case: OneRoster headers are case-sensitive\)/);
  } finally {
    v.cleanup();
  }
});

const Delta = suite('oneroster: delta packages');
Delta.before.each(async () => {
  s = await school();
  await run(s, FOLDER);
});
Delta.after.each(() => s.cleanup());

Delta('tobedeleted rows end placements, remove unused assignments, clear a class teacher, deactivate staff; the rest is counted', async () => {
  const result = await run(s, DELTA);
  assert.equal(result.deleted, { placements: 2, assignments: 1, classTeachers: 1, staff: 1 });
  // Žanete moved (e03), Anna's scheduled class (e10), k-mat-7b after e13 took its assignment, Līga (a guardian), Ģirts's never-graded result.
  assert.is(result.skipped.deletions, 5);
  assert.equal(counts(result.summary).students, [0, 1, 2, 0], 'Žanete moved to 7.a by e20');

  const placements = await rows<{ p: string }>(
    s.db,
    `select s.code || ' ' || c.code || ' ' || e.from_date || '–' || coalesce(e.to_date, '') as p from enrollment e
     join student s on s.id = e.student_id join school_class c on c.id = e.class_id order by p`,
  );
  assert.equal(placements.map((p) => p.p), [
    'S101 7.a 2026-09-01–',
    // e02's endDate is Ēriks's last day; his grades before it stay with 7.a.
    'S102 7.a 2026-09-01–2026-11-20',
    'S103 7.a 2026-11-29–',
    'S103 7.b 2026-09-01–2026-11-28',
    // Ģirts's user was deleted (no journal data): his class ends on the row's dateLastModified.
    'S104 7.b 2026-09-01–2026-11-25',
  ]);
  const assignments = await rows<{ a: string }>(
    s.db,
    `select c.code || ' ' || j.code || ' ' || t.code as a from assignment x join school_class c on c.id = x.class_id
     join subject j on j.id = x.subject_id join staff t on t.id = x.teacher_id order by a`,
  );
  assert.equal(assignments.map((a) => a.a), ['7.a lat T002', '7.a mat T001', '7.b lat T002']);
  assert.equal(await rows(s.db, "select class_teacher_id from school_class where code = '7.b'"), [{ class_teacher_id: null }]);
  assert.equal(await rows(s.db, "select code, active from staff where code in ('D001', 'T002') order by code"), [
    { code: 'D001', active: 0 },
    { code: 'T002', active: 1 },
  ]);
  assert.is((await rows(s.db, 'select id from grade')).length, 6, 'no grade is deleted');

  const before = await snapshot(s.dbPath);
  const again = await run(s, DELTA);
  assert.equal(again.deleted, { placements: 0, assignments: 0, classTeachers: 0, staff: 0 });
  assert.is(await snapshot(s.dbPath), before, 'a delta applied twice changes nothing the second time');
});

Delta('deletions that would lose journal data, a deletion in a bulk file and an unknown status are problems at their lines; nothing is written', async () => {
  await inTx(s.ctx, (ctx) => addLesson(ctx, { class: '7.a', subject: 'mat', date: '2026-11-24', number: 1, topic: 'Daļskaitļu saīsināšana', teacher: 'T001' }));
  const v = variant(
    {
      'manifest.csv': [['file.courses,delta', 'file.courses,bulk']],
      'courses.csv': [['c-kl,', 'c-fiz,tobedeleted,2026-11-25T08:00:00Z,y2027,Fizika,fiz,07,org-rpv,\nc-kl,']],
      'classes.csv': [['k-lat-7,', 'k-mat-7a,active,2026-11-25T08:00:00Z,7.a matemātika,07,c-mat,,scheduled,201,org-rpv,sem1,,,\nk-lat-7,']],
      'users.csv': [['u-s1,active', 'u-s1,tobedeleted']],
      'enrollments.csv': [
        ['2026-09-01,2026-11-20', '2026-09-01,2026-10-01'],
        ['e10,', 'e09,tobedeleted,2026-11-25T08:00:00Z,k-mat-7a,org-rpv,u-t1,teacher,false,2026-09-01,\ne10,'],
      ],
      'lineItems.csv': [['li-2,', 'li-3,active,2026-11-25T08:00:00Z,Ieskaite: ģeometrija,,2026-11-03,2026-11-10,k-mat-7a,cat-ie,sem1,,\nli-2,']],
      'results.csv': [['r-5,', 'r-6,tobedeleted,2026-11-25T08:00:00Z,li-3,u-s1,fully graded,,pass,2026-11-10,\nr-9,deleted,2026-11-25T08:00:00Z,li-2,u-s2,fully graded,5,,,\nr-5,']],
    },
    DELTA,
  );
  const before = await snapshot(s.dbPath);
  try {
    const error = await failure(run(s, v.dir));
    const file = (name: string) => join(v.dir, name);
    const lines = error.message.split('\n');
    const has = (line: string) => assert.ok(lines.includes(line), `${line}\n---\n${error.message}`);
    has(`${file('courses.csv')}:4: column "status": value "tobedeleted" — tobedeleted in a file the manifest calls bulk: only a delta file deletes`);
    has(`${file('results.csv')}:3: column "status": value "deleted" — must be active or tobedeleted (or empty)`);
    has(`${file('enrollments.csv')}:2: column "classSourcedId": value "h-7a" — tobedeleted not applied: S102 has 2 grade(s) and 0 absence(s) in 7.a after 2026-10-01; the journal keeps them with the class, so the student cannot leave it before them.`);
    has(`${file('enrollments.csv')}:6: tobedeleted not applied: T001 has taught 1 lesson(s) of mat in 7.a, so the assignment stays with them`);
    assert.ok(lines.some((l) => l.startsWith(`${file('users.csv')}:5: column "sourcedId": value "u-s1" — tobedeleted not applied: student Anna Kļaviņa (S101) has 3 grade(s) and 0 absence(s) this year`)), error.message);
    assert.ok(lines.some((l) => /results\.csv:2: column "sourcedId": value "r-6" — tobedeleted not applied: grades are never deleted on import .*correct grade \d+ with `ezurnals grade correct`/.test(l)), error.message);
    assert.is(error.problems.length, 6, error.message);
    assert.is(await snapshot(s.dbPath), before);
  } finally {
    v.cleanup();
  }
});

const Scores = suite('oneroster: categories and scores');
Scores.before.each(async () => {
  s = await school();
});
Scores.after.each(() => s.cleanup());

Scores('category titles give the kind of work, first rule first', () => {
  const cases: [string, string | undefined, string][] = [
    ['Kārtējais darbs', undefined, 'regular'],
    ['Homework', undefined, 'regular'],
    ['Pārbaudes darbs', undefined, 'test'],
    ['Kontroldarbs', undefined, 'test'],
    ['Unit test', undefined, 'test'],
    ['Apjomīgs pārbaudes darbs', undefined, 'large'],
    ['Projekts', undefined, 'large'],
    ['Ieskaite', undefined, 'credit'],
    ['Credit', undefined, 'credit'],
    ['Valsts ieskaite', undefined, 'state-exam'],
    ['Eksāmens', undefined, 'state-exam'],
    ['Final exam', undefined, 'state-exam'],
    ['Gada vērtējums', undefined, 'annual'],
    ['Final grade', undefined, 'annual'],
    ['1. semestris', undefined, 'semester1'],
    ['II semestris', undefined, 'semester2'],
    ['Semester', '2026-12-21', 'semester1'],
    ['Semester', '2027-05-28', 'semester2'],
    ['Pēcpārbaudījums', undefined, 'makeup'],
  ];
  for (const [title, date, kind] of cases) assert.is(workOfCategory(title, date), kind, title);
});

Scores('scores keep the 10-point scale, round half up, go by percentage bands for other maxima, 0–1 is pass/fail', () => {
  const value = (raw: string, min?: string, max?: string) => {
    const v = scoreValue(raw, min, max);
    return 'value' in v ? v.value : `problem: ${v.problem}`;
  };
  assert.is(value('8.0'), '8');
  assert.is(value('7.5'), '7.5', 'no range: a fraction is left for the grade check to refuse');
  assert.is(value('pass'), 'i');
  assert.is(value('Neieskaitīts'), 'ni');
  assert.is(value('7.5', '1', '10'), '8');
  assert.is(value('7,49', '0', '10'), '7');
  assert.is(value('0', '0', '10'), '0', 'left for the grade check: 0 is not on the scale');
  const bands: [string, string][] = [['100', '10'], ['95', '10'], ['94.9', '9'], ['87', '9'], ['80', '8'], ['79.9', '7'], ['70', '7'], ['58', '6'], ['46', '5'], ['33', '4'], ['32.9', '3'], ['20', '3'], ['10', '2'], ['9.9', '1'], ['0', '1']];
  for (const [score, grade] of bands) assert.is(value(score, '0', '100'), grade, `${score}%`);
  assert.is(value('13', '0', '20'), '6', '65 %');
  assert.is(value('45', '30', '50'), '7', 'from the minimum: 75 %');
  assert.is(value('1', '0', '1'), 'i');
  assert.is(value('0', '', '1'), 'ni');
  assert.match(value('0.5', '0', '1'), /^problem: a 0–1 line item is pass\/fail/);
  assert.match(value('21', '0', '20'), /^problem: outside the line item's range 0–20/);
  assert.match(value('5', '10', '5'), /^problem: the line item's range .* is not a range of numbers/);
});

/** The school package with categories.csv and ranged line items. */
const CATEGORIES = 'sourcedId,status,dateLastModified,title\ncat-kd,,,Pārbaudes darbs\ncat-ie,,,Ieskaite\ncat-sem,,,1. semestris\ncat-vp,,,Valsts pārbaudes darbs\n';
const categorised = (results: string, lineItems: [string, string][] = []) =>
  variant({
    'manifest.csv': [['file.categories,absent', 'file.categories,bulk']],
    'categories.csv': CATEGORIES,
    'lineItems.csv': [
      ['k-mat-7a,cat-kd,sem1,1,10', 'k-mat-7a,cat-kd,sem1,0,20'],
      ['li-3,,,Ieskaite: ģeometrija,,2026-11-03,2026-11-10,k-mat-7a,cat-ie,sem1,,', `li-3,,,Ieskaite: ģeometrija,,2026-11-03,2026-11-10,k-mat-7a,cat-ie,sem1,,\nli-4,,,Semestra vērtējums,,2026-12-21,2026-12-21,k-lat-7,cat-sem,sem1,1,10\nli-5,,,Valsts pārbaudes darbs,,2026-11-20,2026-11-20,k-lat-7,cat-vp,sem1,0,100`],
      ...lineItems,
    ],
    'results.csv': [['r-8,', `${results}r-8,`]],
  });

Scores('categories.csv and resultValueMin/Max: kinds of work and converted values in the journal', async () => {
  const v = categorised('r-10,,,li-4,u-s1,fully graded,7.5,,2026-12-21,\nr-11,,,li-5,u-s3,fully graded,87,,2026-11-20,\n');
  try {
    const result = await run(s, v.dir);
    assert.equal(result.ignored, ['demographics.csv']);
    const grades = await rows<{ g: string }>(
      s.db,
      `select st.code || ' ' || j.code || ' ' || g.date || ' ' || g.work || ' ' || g.value as g from grade g
       join student st on st.id = g.student_id join subject j on j.id = g.subject_id order by g`,
    );
    assert.equal(grades.map((g) => g.g), [
      'S101 lat 2026-10-21 test 9',
      // 7.5 of 1–10, rounded half up.
      'S101 lat 2026-12-21 semester1 8',
      // 8 and 6.0 of 0–20: 40 % and 30 %.
      'S101 mat 2026-10-14 test 4',
      'S101 mat 2026-11-10 credit i',
      'S102 mat 2026-10-14 test 3',
      'S102 mat 2026-11-10 credit ni',
      // 87 of 0–100.
      'S103 lat 2026-11-20 state-exam 9',
      'S103 lat 2026-10-20 test 7',
    ].sort());
  } finally {
    v.cleanup();
  }
});

Scores('a score outside its range, an unusable range and an unknown category are problems; nothing is written', async () => {
  const v = categorised('r-10,,,li-5,u-s3,fully graded,101,,2026-11-20,\nr-11,,,li-6,u-s1,fully graded,3,,2026-11-20,\n', [
    ['li-5,,,Valsts', 'li-6,,,Esejas melnraksts,,2026-11-20,2026-11-20,k-lat-7,cat-ie,sem1,5,5\nli-7,,,Mājasdarbs,,2026-11-20,2026-11-20,k-lat-7,cat-md,sem1,,\nli-5,,,Valsts'],
  ]);
  const before = await snapshot(s.dbPath);
  try {
    const error = await failure(run(s, v.dir));
    const file = (name: string) => join(v.dir, name);
    const lines = error.message.split('\n');
    const has = (line: string) => assert.ok(lines.includes(line), `${line}\n---\n${error.message}`);
    has(`${file('results.csv')}:9: column "score": value "101" — outside the line item's range 0–100 (${file('lineItems.csv')}:8)`);
    has(`${file('results.csv')}:10: column "score": value "3" — the line item's range resultValueMin "5" – resultValueMax "5" is not a range of numbers, so the score cannot be converted (${file('lineItems.csv')}:6)`);
    has(`${file('lineItems.csv')}:7: column "categorySourcedId": value "cat-md" — no such category in categories.csv`);
    assert.is(error.problems.length, 3, error.message);
    assert.is(await snapshot(s.dbPath), before);
  } finally {
    v.cleanup();
  }
});

const Orgs = suite('oneroster: our school among several orgs');
Orgs.before.each(async () => {
  s = await school();
});
Orgs.after.each(() => s.cleanup());

/** The school package inside a district with a second school, whose class, teacher, student, enrollments and grade must stay out. */
const district = () =>
  variant({
    'orgs.csv': [['org-rpv,,,Rīgas Parauga vidusskola,school,RPV,', 'org-rpv,,,Rīgas Parauga vidusskola,school,RPV,org-rd\norg-rd,,,Rīgas pilsētas izglītības pārvalde,district,RD,\norg-rv2,,,Rīgas Valsts 2. ģimnāzija,school,RV2G,org-rd']],
    'courses.csv': [['c-kl,', 'c-fiz,,,y2027,Fizika,fiz,08,org-rv2,\nc-kop,,,y2027,Kopīgais kurss,kop,07,org-rd,\nc-kl,']],
    'classes.csv': [['h-7b,', 'h-8a,,,8.a,08,c-kl,8A,homeroom,301,org-rv2,y2027,,,\nk-fiz-8a,,,8.a fizika,08,c-fiz,,scheduled,301,org-rv2,sem1,,,\nh-7b,']],
    'users.csv': [
      ['u-x1,', 'u-t9,,,true,org-rv2,teacher,olga.sproge,,Olga,Šproģe,,T901,,,,,,,\nu-s9,,,true,org-rv2,student,kristaps.lacis,,Kristaps,Lācis,,S901,,,,u-p9,08,,\nu-p9,,,true,org-rd,parent,rasma.lace,,Rasma,Lāce,,,,,26999999,,,,\nu-p4,,,true,org-rd,parent,edgars.cakste,,Edgars,Čakste,,,,,26444444,u-s4,,,\nu-x1,'],
    ],
    'enrollments.csv': [['e15,', 'e30,,,h-8a,org-rv2,u-s9,student,false,2026-09-01,\ne31,,,h-8a,org-rv2,u-t9,teacher,true,2026-09-01,\ne32,,,k-fiz-8a,org-rv2,u-t9,teacher,false,2026-09-01,\ne15,']],
    'lineItems.csv': [['li-1,', 'li-9,,,Fizikas kontroldarbs,,2026-10-07,2026-10-14,k-fiz-8a,,sem1,1,10\nli-1,']],
    'results.csv': [['r-1,', 'r-9,,,li-9,u-s9,fully graded,9,,2026-10-14,\nr-1,']],
  });

Orgs('the only school is ours; several need --org, which keeps the other school out and counts its rows', async () => {
  const v = district();
  try {
    try {
      await run(s, v.dir);
      assert.unreachable('several schools need --org');
    } catch (error) {
      assert.instance(error, AppError);
      assert.is((error as AppError).code, 'usage');
      assert.is((error as Error).message, `${join(v.dir, 'orgs.csv')} has 2 schools: choose ours with --org SOURCEDID (schools: org-rpv (Rīgas Parauga vidusskola), org-rv2 (Rīgas Valsts 2. ģimnāzija)).`);
    }
    try {
      await run(s, v.dir, { org: 'org-rd' });
      assert.unreachable('a district is not a school');
    } catch (error) {
      assert.match((error as Error).message, /--org org-rd is not a school in .*orgs\.csv \(schools: org-rpv/);
    }
    const result = await run(s, v.dir, { org: 'org-rpv' });
    // Courses fiz and kop, class 8.a and k-fiz-8a, Olga, Kristaps and Rasma, three enrollments, one line item, one result.
    assert.is(result.skipped.otherSchools, 12);
    const c = counts(result.summary);
    assert.equal([c.subjects, c.staff, c.classes, c.students, c.grades], [[3, 0, 0, 0], [3, 0, 0, 0], [2, 0, 0, 0], [4, 0, 0, 0], [6, 0, 0, 0]]);
    // Edgars belongs to the district, but he is the parent of Ģirts, a student of ours.
    assert.equal(counts(result.summary).guardians, [4, 1, 0, 0]);
    assert.equal(await rows(s.db, "select code from student where code = 'S901' union all select code from staff where code = 'T901' union all select code from subject where code in ('fiz', 'kop')"), []);
  } finally {
    v.cleanup();
  }
});

const Zip = suite('oneroster: zip reader');

Zip('stored and deflated entries, and refusals by name for encrypted, zip64 and non-zip data', () => {
  const deflated = writeZip([{ name: 'a/ā.csv', bytes: Buffer.from('x,ž\n') }]);
  assert.equal(readZip(deflated, 't.zip').map((e) => [e.name, Buffer.from(e.bytes).toString()]), [['a/ā.csv', 'x,ž\n']]);
  // A stored entry: rewrite method 8 → 0 and put the raw bytes in place.
  const raw = Buffer.from('abc');
  const stored = writeZip([{ name: 'b.csv', bytes: raw }]);
  const data = Buffer.concat([stored.subarray(0, 30 + 5), raw]);
  const central = Buffer.from(stored.subarray(stored.length - 22 - 46 - 5, stored.length - 22));
  const end = Buffer.from(stored.subarray(stored.length - 22));
  data.writeUInt16LE(0, 8);
  data.writeUInt32LE(3, 18);
  central.writeUInt16LE(0, 10);
  central.writeUInt32LE(3, 20);
  end.writeUInt32LE(data.length, 16);
  assert.is(Buffer.from(readZip(Buffer.concat([data, central, end]), 's.zip')[0]!.bytes).toString(), 'abc');
  const encrypted = Buffer.from(deflated);
  encrypted.writeUInt16LE(0x801, encrypted.length - 22 - 46 - Buffer.byteLength('a/ā.csv') + 8);
  assert.throws(() => readZip(encrypted, 'e.zip'), /e\.zip: a\/ā\.csv is encrypted/);
  const zip64 = Buffer.from(deflated);
  zip64.writeUInt32LE(0xffffffff, zip64.length - 22 + 16);
  assert.throws(() => readZip(zip64, 'z.zip'), /ZIP64 archives are not supported/);
  assert.throws(() => readZip(Buffer.from('not a zip at all, just text'), 'n.zip'), /not a ZIP archive/);
});

const Cli = suite('oneroster: CLI');
let t: ReturnType<typeof tempDir>;
const ez = (...args: string[]) => cli(['--db', t.dbPath, '--as', 'admin', ...args]);
Cli.before.each(async () => {
  t = tempDir();
  const init = await cli(['--db', t.dbPath, 'init', '--school', 'Rīgas Parauga vidusskola', '--year', '2026/2027']);
  assert.is(init.code, 0, init.stderr);
});
Cli.after.each(() => t.cleanup());

Cli('dry run writes nothing; --json carries the counts, ignored files and skips; a folder without manifest exits 4', async () => {
  const before = await snapshot(t.dbPath);
  const dry = await ez('import', 'oneroster', ZIP, '--dry-run', '--json');
  assert.is(dry.code, 0, dry.stderr);
  assert.is(dry.json.dryRun, true);
  assert.is(await snapshot(t.dbPath), before);
  const done = await ez('import', 'oneroster', FOLDER, '--json');
  assert.is(done.code, 0, done.stderr);
  assert.equal(done.json.ignored, ['demographics.csv']);
  assert.equal(done.json.skipped, { disabledUsers: 2, otherRoles: 1, ungradedResults: 1, deletions: 0, otherSchools: 0 });
  assert.is(done.json.kinds.find((k: KindSummary) => k.kind === 'grades').created, 6);
  const text = await ez('import', 'oneroster', FOLDER);
  assert.is(text.code, 0, text.stderr);
  assert.match(text.stderr, /not imported .*: demographics\.csv/);
  assert.match(text.stderr, /Imported: 0 created, 0 updated, 29 unchanged\./);
  const none = await ez('import', 'oneroster', ONEROSTER_FIXTURES.replace(/\/$/, '') + '/../import');
  assert.is(none.code, 4, none.stderr);
  assert.match(none.stderr, /no manifest\.csv/);
});

Cli('--org chooses the school when orgs.csv lists several; without it, a usage error (exit 2) names them; --json carries the deletions', async () => {
  const v = district();
  try {
    const none = await ez('import', 'oneroster', v.dir);
    assert.is(none.code, 2, none.stderr);
    assert.match(none.stderr, /2 schools: choose ours with --org SOURCEDID \(schools: org-rpv \(Rīgas Parauga vidusskola\), org-rv2/);
    const ours = await ez('import', 'oneroster', v.dir, '--org', 'org-rpv', '--json');
    assert.is(ours.code, 0, ours.stderr);
    assert.is(ours.json.skipped.otherSchools, 12);
    const delta = await ez('import', 'oneroster', DELTA, '--json');
    assert.is(delta.code, 0, delta.stderr);
    assert.equal(delta.json.deleted, { placements: 2, assignments: 1, classTeachers: 1, staff: 1 });
  } finally {
    v.cleanup();
  }
});

Fn.run();
Delta.run();
Scores.run();
Orgs.run();
Zip.run();
Cli.run();
