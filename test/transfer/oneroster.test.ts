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
import type { KindSummary } from '../../src/transfer/import.ts';
import { importOneRoster, loadOneRoster } from '../../src/transfer/oneroster.ts';
import { readZip, writeZip } from '../../src/transfer/zip.ts';
import { ONEROSTER_FIXTURES, schoolZip } from '../fixtures/oneroster/make-zip.ts';
import { importFailure, adminSchool, type AdminSchool } from '../support/import.ts';

const FOLDER = join(ONEROSTER_FIXTURES, 'school');
const ZIP = join(ONEROSTER_FIXTURES, 'school.zip');

type School = AdminSchool;
const school = adminSchool;

const run = (s: School, path: string) => inTx(s.ctx, (ctx) => importOneRoster(ctx, loadOneRoster(path)));
const rows = async <T>(db: Db, text: string): Promise<T[]> => (await sql.raw<T>(text).execute(db)).rows;
const counts = (summary: KindSummary[]) => Object.fromEntries(summary.map((k) => [k.kind, [k.created, k.updated, k.unchanged, k.errors]]));

const failure = importFailure;

/** A copy of the fixture folder with some files edited (text replaced) or removed. */
function variant(edits: Record<string, [string, string][] | null>): { dir: string; cleanup: () => void } {
  const base = mkdtempSync(join(tmpdir(), 'ezurnals-oneroster-'));
  const dir = join(base, 'school');
  cpSync(FOLDER, dir, { recursive: true });
  for (const [name, changes] of Object.entries(edits)) {
    const path = join(dir, name);
    if (changes === null) {
      unlinkSync(path);
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

Fn('the folder becomes classes, people, links, assignments and grades; demographics.csv is named as ignored', async () => {
  const result = await run(s, FOLDER);
  assert.equal(counts(result.summary), {
    subjects: [3, 0, 0, 0],
    staff: [3, 0, 0, 0],
    classes: [2, 0, 0, 0],
    students: [4, 0, 0, 0],
    // Inese Kļaviņa is the mother of two: created for Anna, then linked to Ēriks.
    guardians: [3, 1, 0, 0],
    assignments: [4, 0, 0, 0],
    grades: [6, 0, 0, 0],
  });
  assert.equal(result.ignored, ['demographics.csv']);
  assert.equal(result.skipped, { disabledUsers: 2, otherRoles: 1, ungradedResults: 1, deletions: 0 });

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
  const before = snapshot(s.dbPath);
  const again = await run(s, ZIP);
  assert.ok(again.summary.every((k) => k.created === 0 && k.updated === 0 && k.errors === 0 && k.unchanged > 0), JSON.stringify(again.summary));
  assert.equal(again.ignored, ['demographics.csv']);
  assert.is(snapshot(s.dbPath), before);
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
  const before = snapshot(s.dbPath);
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
    assert.is(error.problems.length, 6, error.message);
    assert.is(snapshot(s.dbPath), before);
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
Cli.before.each(() => {
  t = tempDir();
  const init = cli(['--db', t.dbPath, 'init', '--school', 'Rīgas Parauga vidusskola', '--year', '2026/2027']);
  assert.is(init.code, 0, init.stderr);
});
Cli.after.each(() => t.cleanup());

Cli('dry run writes nothing; --json carries the counts, ignored files and skips; a folder without manifest exits 4', () => {
  const before = snapshot(t.dbPath);
  const dry = ez('import', 'oneroster', ZIP, '--dry-run', '--json');
  assert.is(dry.code, 0, dry.stderr);
  assert.is(dry.json.dryRun, true);
  assert.is(snapshot(t.dbPath), before);
  const done = ez('import', 'oneroster', FOLDER, '--json');
  assert.is(done.code, 0, done.stderr);
  assert.equal(done.json.ignored, ['demographics.csv']);
  assert.equal(done.json.skipped, { disabledUsers: 2, otherRoles: 1, ungradedResults: 1, deletions: 0 });
  assert.is(done.json.kinds.find((k: KindSummary) => k.kind === 'grades').created, 6);
  const text = ez('import', 'oneroster', FOLDER);
  assert.is(text.code, 0, text.stderr);
  assert.match(text.stderr, /not imported .*: demographics\.csv/);
  assert.match(text.stderr, /Imported: 0 created, 0 updated, 26 unchanged\./);
  const none = ez('import', 'oneroster', ONEROSTER_FIXTURES.replace(/\/$/, '') + '/../import');
  assert.is(none.code, 4, none.stderr);
  assert.match(none.stderr, /no manifest\.csv/);
});

Fn.run();
Zip.run();
Cli.run();
