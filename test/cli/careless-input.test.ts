// Issue 14: failures are one line with the right exit code and leave nothing behind;
// input that should not pass is refused; the rough edges a new user met.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, cli, type CliResult } from '../support/cli.ts';
import { tempDir } from '../support/school.ts';
import { dbState, EXAMPLE_SCHOOL, runner } from './_helpers.ts';
import { onSqlite } from '../support/postgres.ts';

const t = tempDir('ezurnals-careless-');
const { env, run, setup, read } = runner(t.dbPath);

/** One line on stderr, naming the cause, and no stack trace. */
function oneLine(r: CliResult, code: number, message: RegExp, label: string): void {
  assert.is(r.code, code, `${label}: exit code (stderr: ${r.stderr})`);
  const lines = r.stderr.trim().split('\n');
  assert.is(lines.length, 1, `${label}: one line, got:\n${r.stderr}`);
  assert.not.match(r.stderr, /Unexpected failure|\n\s+at /, `${label}: a stack trace`);
  assert.match(lines[0]!, message, label);
}

/** A tiny file system of its own, when this process may mount one (root); else undefined. */
function tinyDisk(kib: number): { dir: string; fill: (leaveKiB: number) => void; cleanup: () => void } | undefined {
  const dir = join(t.dir, `tiny-${kib}`);
  mkdirSync(dir, { recursive: true });
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k`, 'tmpfs', dir]).status !== 0) return undefined;
  return {
    dir,
    fill: (leaveKiB) => {
      const free = Number(spawnSync('df', ['--output=avail', '-k', dir], { encoding: 'utf8' }).stdout.trim().split('\n')[1]);
      const size = Math.max(0, free - leaveKiB) * 1024;
      if (size > 0) writeFileSync(join(dir, `fill-${Date.now()}`), Buffer.alloc(size));
    },
    cleanup: () => void spawnSync('umount', [dir]),
  };
}

test.before(async () => {
  await setup([
    ...EXAMPLE_SCHOOL,
    ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-05', '--number', '1', '--topic', 'Daļskaitļi', '--as', 'T01'],
  ]);
});

test.after(() => t.cleanup());

onSqlite(test)('a full disk: init leaves no file, import changes nothing, reports and the archive leave no folder; each says so in one line', async () => {
  const disk = tinyDisk(2048);
  if (!disk) {
    console.log('  (skipped: this process may not mount a tmpfs; src/system-error.ts is tested by its own cases)');
    return;
  }
  try {
    // init: room for the file to be created, not for the schema.
    const db = join(disk.dir, 'new.db');
    disk.fill(8);
    const init = await cli(['init', '--school', 'S', '--year', '2026/2027'], { EZURNALS_DB: db });
    oneLine(init, 1, /disk is full/, 'init on a full disk');
    assert.not.ok(existsSync(db), 'init left a file behind');
    assert.not.ok(existsSync(`${db}-wal`) || existsSync(`${db}-shm`), 'init left SQLite files behind');
  } finally {
    disk.cleanup();
  }
  const disk2 = tinyDisk(4096)!;
  try {
    const db = join(disk2.dir, 'school.db');
    copyFileSync(t.dbPath, db);
    const students = join(t.dir, 'many.csv');
    writeFileSync(students, `Kods,Vārds,Uzvārds,Klase\n${Array.from({ length: 20000 }, (_, i) => `N${i},Vārds${i},Uzvārds${i},7.a`).join('\n')}\n`);
    disk2.fill(200);
    const before = await dbState(db);
    const imported = await cli(['import', 'students', students], { EZURNALS_DB: db, EZURNALS_USER: 'admin' });
    oneLine(imported, 1, /^error: Cannot write the database: the disk is full; nothing was changed\.$/, 'import on a full disk');
    assert.is(await dbState(db), before, 'the import changed the database');

    const cards = await cli(['report', 'card', '--term', '1', '--class', '7.a', '--format', 'html', '--out', join(disk2.dir, 'cards')], { EZURNALS_DB: db, EZURNALS_USER: 'admin' });
    disk2.fill(0);
    const cards2 = await cli(['report', 'card', '--term', '1', '--class', '7.a', '--format', 'html', '--out', join(disk2.dir, 'cards2')], { EZURNALS_DB: db, EZURNALS_USER: 'admin' });
    oneLine(cards2, 1, /the disk is full/, 'report on a full disk');
    assert.not.ok(existsSync(join(disk2.dir, 'cards2')), 'the report left its folder behind');
    assert.is(cards.code, 0, cards.stderr);

    const archive = await cli(['archive', 'export', '--out', join(disk2.dir, 'arhivs')], { EZURNALS_DB: db, EZURNALS_USER: 'admin' });
    oneLine(archive, 1, /the disk is full/, 'archive export on a full disk');
    assert.equal(readdirSync(disk2.dir).filter((n) => n.includes('arhivs')), [], 'the archive left a partial folder');
  } finally {
    disk2.cleanup();
  }
});

/** Runs the bin as another user when this process is root (root writes any file whatever its mode). */
function asOther(args: string[], extra: Record<string, string>): CliResult {
  const root = process.getuid?.() === 0;
  const command = root ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args] : [process.execPath, BIN, ...args];
  const r = spawnSync(command[0]!, command.slice(1), { env: { PATH: process.env.PATH, EZURNALS_LANG: 'en', ...extra }, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, json: undefined, errorJson: undefined };
}

onSqlite(test)('a read-only (0400) database and a read-only folder: one line naming the real cause', () => {
  const dir = join(t.dir, 'readonly');
  mkdirSync(dir);
  // The other user must reach the folder.
  chmodSync(t.dir, 0o711);
  const db = join(dir, 'school.db');
  copyFileSync(t.dbPath, db);
  if (process.getuid?.() === 0) chownSync(dir, 65534, 65534), chownSync(db, 65534, 65534);
  // 0400, not 0444: a database others may read opens with a warning line of its own (issue 13).
  chmodSync(db, 0o400);
  const write = asOther(['subject', 'add', 'fiz', '--name', 'Fizika'], { EZURNALS_DB: db, EZURNALS_USER: 'admin' });
  oneLine(write, 5, /read-only/, 'a write to a 0400 database');
  assert.not.match(write.stderr, /not an ezurnals database/);
  // The folder read-only, and no -wal/-shm yet: SQLite cannot open the file at all.
  for (const suffix of ['-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
  chmodSync(db, 0o600);
  chmodSync(dir, 0o555);
  try {
    const list = asOther(['subject', 'list'], { EZURNALS_DB: db, EZURNALS_USER: 'admin' });
    if (process.getuid?.() === 0 || list.code !== 0) {
      oneLine(list, 5, /folder or file system is read-only/, 'a database in a read-only folder');
      assert.not.match(list.stderr, /not an ezurnals database/);
    }
  } finally {
    chmodSync(dir, 0o755);
  }
});

test('--out to a missing folder, into a file, or naming a folder: one line, nothing written', async () => {
  oneLine(await run(['export', 'students', '--out', '/nonexistent/x.csv']), 3, /^error: Cannot write \/nonexistent\/x\.csv: the folder \/nonexistent does not exist\.$/, 'export --out /nonexistent');
  oneLine(await run(['export', 'students', '--out', '/dev/null/x']), 3, /\/dev\/null is not a folder/, 'export --out /dev/null/x');
  const dir = join(t.dir, 'a-folder');
  mkdirSync(dir);
  oneLine(await run(['export', 'students', '--out', dir, '--force']), 2, /is a folder: name a file/, 'export --out DIR --force');
  assert.equal(readdirSync(dir), []);
  oneLine(await run(['student', 'export-data', 'S001', '--out', '/nonexistent/x.json']), 3, /folder \/nonexistent does not exist/, 'student export-data --out /nonexistent');
  oneLine(await run(['report', 'card', '--term', '1', '--class', '7.a', '--format', 'html', '--out', '/dev/null/x']), 3, /Cannot create the folder \/dev\/null\/x/, 'report --out /dev/null/x');
  const file = join(t.dir, 'a-file');
  writeFileSync(file, 'x');
  oneLine(await run(['report', 'card', '--term', '1', '--class', '7.a', '--format', 'html', '--out', file]), 6, /a file of that name is in the way/, 'report --out FILE');
  assert.is(readFileSync(file, 'utf8'), 'x');
});

onSqlite(test)('archive restore --db into a missing folder, and an archive export of a damaged database: one line', async () => {
  const archive = join(t.dir, 'arhivs');
  const exported = await run(['archive', 'export', '--out', archive]);
  assert.is(exported.code, 0, exported.stderr);
  oneLine(await run(['archive', 'restore', archive, '--db', '/nonexistent/x.db']), 3, /^error: Cannot restore into \/nonexistent\/x\.db: the folder \/nonexistent does not exist\.$/, 'restore --db /nonexistent');
  assert.not.ok(existsSync('/nonexistent'));

  const damaged = join(t.dir, 'damaged.db');
  copyFileSync(t.dbPath, damaged);
  const bytes = readFileSync(damaged);
  const page = 4096;
  // Overwrite a page in the middle (a table's b-tree page) with garbage.
  bytes.fill(0xde, page * 20, page * 21);
  writeFileSync(damaged, bytes);
  const r = await cli(['archive', 'export', '--out', join(t.dir, 'arhivs-damaged')], { EZURNALS_DB: damaged, EZURNALS_USER: 'admin' });
  assert.ok(r.code !== 0 && r.code !== 1, `a damaged database is not an unexpected failure: ${r.code} ${r.stderr}`);
  oneLine(r, r.code, /damaged|malformed/, 'archive export of a damaged database');
  assert.not.ok(existsSync(join(t.dir, 'arhivs-damaged')));
});

test('a 400-character name is refused at input; names at the limit make report file names of safe length', async () => {
  const long = 'Ā'.repeat(400);
  oneLine(await run(['student', 'add', 'S400', '--first-name', long, '--last-name', 'B', '--class', '7.a']), 4, /--first-name is 400 characters long: a name may have at most 100/, 'a 400-character name');
  await setup([['student', 'add', 'S100', '--first-name', 'Ā'.repeat(100), '--last-name', 'Ž'.repeat(100), '--class', '7.a']]);
  const out = join(t.dir, 'cards-long');
  const r = await run(['report', 'card', '--term', '1', '--class', '7.a', '--format', 'html', '--out', out]);
  assert.is(r.code, 0, r.stderr);
  const names = readdirSync(out);
  assert.ok(names.some((n) => n.startsWith('2026-2027_sem1_7a_zzzz')), names.join(', '));
  for (const name of names) assert.ok(name.length <= 200, `${name.length}: ${name}`);
  await setup([['student', 'set', 'S100', '--first-name', 'Anna', '--last-name', 'Garā']]);
});

test('reads without --as are the operator’s, not "This command changes the journal"', async () => {
  for (const args of [['audit', 'list', '--limit', '1'], ['account', 'list'], ['audit', 'verify'], ['export', 'lessons']]) {
    const r = await run(args, { EZURNALS_USER: undefined });
    assert.is(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    assert.not.match(r.stderr, /changes the journal/);
  }
  assert.match((await run(['audit', 'list', '--limit', '1'], { EZURNALS_USER: undefined })).stdout, /insert|update/);
  // Personal data leaves only by an admin's or deputy's name: refused, and saying why.
  const students = await run(['export', 'students'], { EZURNALS_USER: undefined });
  oneLine(students, 2, /^error: Exporting students writes out personal data, which an admin or a deputy does by name/, 'export students without --as');
});

test('whole numbers are decimal digits: 1e1, 0x5, 5.0 are refused', async () => {
  for (const n of ['1e1', '0x5', '5.0', '0b1']) {
    oneLine(await run(['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-06', '--number', n, '--topic', 'X', '--as', 'T01']), 4, new RegExp(`--number "${n.replace('.', '\\.')}" must be a whole number`), `--number ${n}`);
  }
  oneLine(await run(['audit', 'list', '--limit', '1e3']), 4, /--limit "1e3"/, '--limit 1e3');
});

test('control characters in stored text are shown escaped in tables, and kept in JSON', async () => {
  const topic = '\u001b]0;pwned\u0007\u001b[2JSveiki\rX\u202e';
  await setup([['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-07', '--number', '2', '--topic', topic, '--as', 'T01']]);
  const table = await run(['lesson', 'list', '--class', '7.a']);
  assert.is(table.code, 0);
  assert.not.match(table.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/, 'a raw control character reached the terminal');
  assert.ok(table.stdout.includes('\\e]0;pwned\\x07\\e[2JSveiki\\rX\\u202e'), table.stdout);
  const json = (await run(['lesson', 'list', '--class', '7.a', '--json'])).json as { topic: string }[];
  assert.ok(json.some((l) => l.topic === topic));
});

test('input files: /dev/zero and a million blank lines are refused with a reason, at once; the streamed grades read a million blank lines in flat memory', async () => {
  const started = process.hrtime.bigint();
  oneLine(await run(['import', 'students', '/dev/zero']), 4, /\/dev\/zero: this is a binary file, not CSV text/, 'import students /dev/zero');
  const blank = join(t.dir, 'blank.csv');
  writeFileSync(blank, `Kods,Vārds,Uzvārds,Klase\n${'\n'.repeat(1_000_000)}`);
  oneLine(await run(['import', 'students', blank]), 4, /1,000,001 lines are more than the 200,000/, 'a million blank lines');
  assert.ok(Number(process.hrtime.bigint() - started) / 1e9 < 20, 'the refusals took too long');
  const grades = join(t.dir, 'grades-blank.csv');
  writeFileSync(grades, `Klase,Priekšmets,Datums,Stunda,Skolēns,Vērtējums\n${'\n'.repeat(1_000_000)}7.a,mat,2026-10-05,1,S001,8\n`);
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, BIN, 'import', 'grades', grades, '--json'], { env: { ...process.env, ...env }, encoding: 'utf8' });
  assert.is(r.status, 0, r.stderr);
  const kib = Number(r.stderr.trim().split('\n').at(-1));
  assert.ok(kib < 300 * 1024, `RSS ${kib} KiB`);
});

test('export --out through a symbolic link: refused without --force; with it the link is replaced, never written through', async () => {
  const dangling = join(t.dir, 'dangling.csv');
  const target = join(t.dir, 'nowhere.csv');
  symlinkSync(target, dangling);
  oneLine(await run(['export', 'students', '--out', dangling]), 6, /is a symbolic link \(to .*nowhere\.csv\); add --force/, 'a dangling link');
  assert.not.ok(existsSync(target), 'the link’s target was created');
  const victim = join(t.dir, 'victim.txt');
  writeFileSync(victim, 'keep me');
  chmodSync(victim, 0o644);
  const link = join(t.dir, 'link.csv');
  symlinkSync(victim, link);
  const r = await run(['export', 'students', '--out', link, '--force']);
  assert.is(r.code, 0, r.stderr);
  assert.is(readFileSync(victim, 'utf8'), 'keep me');
  assert.is(statSync(victim).mode & 0o777, 0o644, 'the target was chmod-ed');
  assert.not.ok(lstatSync(link).isSymbolicLink(), 'the link is still there');
  assert.is(statSync(link).mode & 0o777, 0o600);
  assert.match(readFileSync(link, 'utf8'), /S001,Jānis/);
  assert.throws(() => readlinkSync(link));
});

test('an option value outside its fixed set is exit 2, whichever the option', async () => {
  const cases: string[][] = [
    ['grade', 'list', '--class', '7.a', '--work', 'tests'],
    ['report', 'card', '--term', '3', '--class', '7.a'],
    ['student', 'add', 'S009', '--first-name', 'A', '--last-name', 'B', '--class', '7.a', '--sex', 'X'],
    ['behavior', 'list', '--kind', 'weird'],
    ['holiday', 'add', '--kind', 'weird', '--from', '2026-12-21', '--name', 'x'],
    ['staff', 'list', '--role', 'janitor'],
    ['absence', 'list', '--code', 'x'],
    ['absence', 'justify', '--student', 'S001', '--from', '2026-10-05', '--reason', 'lazy', '--as', 'T01'],
    ['account', 'list', '--kind', 'weird'],
    ['sms', 'list', '--state', 'weird'],
    ['report', 'card', '--term', '1', '--class', '7.a', '--format', 'docx'],
    ['export', 'students', '--format', 'xml'],
  ];
  const before = await dbState(t.dbPath);
  for (const args of cases) {
    const r = await run([...args, '--json']);
    assert.is(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.is(r.errorJson?.error?.code, 'usage', args.join(' '));
  }
  assert.is(await dbState(t.dbPath), before);
});

test('student show > file: the section headings are on stdout with the tables', async () => {
  const r = await run(['student', 'show', 'S001']);
  assert.is(r.code, 0, r.stderr);
  for (const heading of ['Grades (2026/2027)', 'Absences (2026/2027)', 'Behaviour (2026/2027)', 'Notes for parents (2026/2027)']) {
    assert.ok(r.stdout.includes(`\n${heading}\n`), `${heading} not on stdout`);
    assert.not.ok(r.stderr.includes(heading), `${heading} on stderr`);
  }
  const json = await run(['student', 'show', 'S001', '--json']);
  assert.is(json.json.code, 'S001', 'with --json stdout is one JSON document');
});

test('one file-name pattern for term reports: cards, class summaries and teacher reports start 2026-2027_sem1_', async () => {
  const out = join(t.dir, 'term-reports');
  for (const args of [
    ['report', 'card', '--term', '1', '--class', '7.a'],
    ['report', 'class-summary', '--term', '1', '--class', '7.a'],
    ['report', 'teacher', '--term', '1', '--teacher', 'T01'],
  ]) {
    const r = await run([...args, '--format', 'html', '--out', out]);
    assert.is(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
  }
  const names = readdirSync(out);
  assert.ok(names.length >= 4, names.join(', '));
  for (const name of names) assert.match(name, /^2026-2027_sem1_[a-z0-9]/);
  assert.ok(names.some((n) => n.endsWith('_kopsavilkums.html')) && names.some((n) => n.startsWith('2026-2027_sem1_t01_')), names.join(', '));
  void read;
});

test.run();
