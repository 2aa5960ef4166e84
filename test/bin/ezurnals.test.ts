// The real bin, started as a process: what only a process shows (the bundle,
// its version and code cache, a closed pipe, exit codes) and one journal day
// at the real time. Everything else runs in-process at a fixed clock; these
// read the real clock, so every date here is computed from today.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bin, BIN, snapshot, type Env } from '../support/cli.ts';
import { tempDir } from '../support/school.ts';
import { WorkingCalendar, KNOWN_ONE_OFF_HOLIDAYS } from '../../src/domain/calendar.ts';
import { addDays, localDateOf } from '../../src/domain/dates.ts';
import { currentYearCodeFor, defaultYearDates, parseYearCode } from '../../src/domain/school-year.ts';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const t = tempDir('ezurnals-bin-');
const env: Env = { EZURNALS_DB: t.dbPath, EZURNALS_USER: 'admin' };
const ez = (args: string[], extra: Env = {}) => bin(args, { ...env, ...extra });

/** The last teaching day before today (Riga), under the default year dates and holidays that `init` sets. */
function lastTeachingDay(today: string): { date: string; year: string } {
  for (let d = addDays(today, -1); ; d = addDays(d, -1)) {
    const year = currentYearCodeFor(d);
    const dates = defaultYearDates(parseYearCode(year)!.startYear);
    const inTerm = (d >= dates.semester1.from && d <= dates.semester1.to) || (d >= dates.semester2.from && d <= dates.semester2.to);
    const calendar = new WorkingCalendar([...KNOWN_ONE_OFF_HOLIDAYS, ...dates.breaks.map((b) => ({ ...b, kind: 'school-break' as const }))]);
    if (inTerm && calendar.isWorkingDay(d)) return { date: d, year };
  }
}

const today = localDateOf(new Date());
const day = lastTeachingDay(today);

test('--version and -V print the package.json version', () => {
  for (const flag of ['--version', '-V']) {
    const r = bin([flag]);
    assert.is(r.code, 0, r.stderr);
    assert.is(r.stdout.trim(), pkg.version, flag);
  }
});

test('--help goes to stdout with exit 0 and names the command families', () => {
  const r = bin(['--help']);
  assert.is(r.code, 0, r.stderr);
  for (const family of ['lesson', 'grade', 'absence', 'report', 'archive']) assert.match(r.stdout, new RegExp(`\\b${family}\\b`));
  assert.is(r.stderr, '');
});

test('a journal day at the real time: init, a lesson on the last teaching day, a grade and an absence, stamped today', () => {
  const steps: string[][] = [
    ['init', '--school', 'Cēsu pamatskola', '--year', day.year],
    ['staff', 'add', 'T01', '--first-name', 'Anna', '--last-name', 'Kalniņa', '--role', 'teacher', '--role', 'class-teacher'],
    ['staff', 'add', 'T02', '--first-name', 'Pēteris', '--last-name', 'Ozoliņš', '--role', 'teacher'],
    ['subject', 'add', 'mat', '--name', 'Matemātika'],
    ['class', 'add', '7.a', '--level', '7', '--class-teacher', 'T01'],
    ['student', 'add', 'S001', '--first-name', 'Jānis', '--last-name', 'Bērziņš', '--class', '7.a'],
    ['student', 'add', 'S002', '--first-name', 'Līga', '--last-name', 'Ozola', '--class', '7.a'],
    ['assign', 'add', '--class', '7.a', '--subject', 'mat', '--teacher', 'T01'],
  ];
  for (const args of steps) {
    const r = ez(args);
    assert.is(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
  }
  const lesson = ez(['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', day.date, '--number', '2', '--topic', 'Daļskaitļi', '--as', 'T01', '--json']);
  assert.is(lesson.code, 0, lesson.stderr);
  assert.is(lesson.json.date, day.date);
  const graded = ez(['grade', 'enter', '--lesson', String(lesson.json.id), '--student', 'S001=8', '--as', 'T01', '--json']);
  assert.is(graded.code, 0, graded.stderr);
  const absent = ez(['absence', 'mark', '--lesson', String(lesson.json.id), '--student', 'S002', '--as', 'T01', '--json']);
  assert.is(absent.code, 0, absent.stderr);

  const grades = ez(['grade', 'list', '--class', '7.a', '--json']).json as { student: string; value: string; date: string; entered_at?: string; created_at?: string }[];
  assert.equal(grades.map((g) => [g.student, g.value, g.date]), [['S001', '8', day.date]]);
  // Stamped by the process's own clock: today in Riga (or tomorrow, when the test ran across midnight).
  const stamp = (grades[0]!.entered_at ?? grades[0]!.created_at)!;
  assert.ok([today, addDays(today, 1)].includes(stamp.slice(0, 10)), `stamped ${stamp}, today is ${today}`);
});

test('a refusal: exit 5, a JSON error on stderr, nothing on stdout, nothing written', async () => {
  const before = await snapshot(t.dbPath);
  const r = ez(['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', day.date, '--number', '3', '--topic', 'Svešs', '--as', 'T02', '--json']);
  assert.is(r.code, 5, r.stderr);
  assert.is(r.stdout, '');
  assert.is(r.errorJson?.error?.code, 'forbidden');
  assert.is(await snapshot(t.dbPath), before);
});

test('usage errors exit 2; a missing database exits 3 and says how to make one', () => {
  const usage = ez(['lesson', 'add', '--nonsense', '--json']);
  assert.is(usage.code, 2);
  assert.is(usage.errorJson?.error?.code, 'usage');
  const missing = bin(['class', 'list'], { EZURNALS_DB: join(t.dir, 'nav.db') });
  assert.is(missing.code, 3);
  assert.match(missing.stderr, /ezurnals init/);
  assert.not.ok(existsSync(join(t.dir, 'nav.db')), 'a read never creates a database');
});

test('the V8 code cache is written beside the bundle, keyed by its size and time', () => {
  assert.is(bin(['--version']).code, 0);
  const bundle = join(BIN, '..', '..', 'dist', 'cli.cjs');
  const cache = readFileSync(`${bundle}.v8cache`);
  const { size, mtimeMs } = statSync(bundle);
  assert.ok(cache.subarray(0, 40).toString('latin1').startsWith(`${size}:${mtimeMs}\n`));
});

test('a reader that closes the pipe early ends the run quietly', async () => {
  const child = spawn(process.execPath, [BIN, '--help'], { env: { ...process.env, ...env } });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.is(code, 0);
  assert.not.match(stderr, /EPIPE|at /);
});

test.after(() => t.cleanup());
test.run();
