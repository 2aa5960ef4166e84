// The full concurrency load of issue 2: 4 processes writing to one database at
// once, 200 `grade enter` each, every one a separate start of the real bin.
// Every call must succeed (none fails with "database is locked") and nothing
// may be lost or doubled. Too slow for `npm test` (minutes on 2 cores), which
// runs 4 × 25 in test/cli/concurrency.test.ts; this is `npm run stress`.
//
// Usage: npm run build && npm run stress [-- --writers 4 --calls 200]
// Prints the counts and the wall time; exits 1 on any failed, lost or doubled write.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const WRITERS = arg('writers', 4);
const CALLS = arg('calls', 200);
if (!(WRITERS >= 1 && WRITERS <= 26 && CALLS >= 1)) {
  console.error('usage: node scripts/stress.mjs [--writers 1–26] [--calls N]');
  process.exit(2);
}

const BIN = fileURLToPath(new URL('../bin/ezurnals.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ezurnals-stress-'));
const env = { ...process.env, EZURNALS_DB: join(dir, 'stress.db'), EZURNALS_USER: 'admin' };

function ez(...args) {
  return execFileSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
}

/** One start of the bin, without waiting on the others. */
function ezAsync(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...env, EZURNALS_USER: undefined }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

const valueFor = (i) => String((i % 10) + 1);
const noteFor = (k, i) => `w${k}-${i}`;

let exitCode = 1;
try {
  ez('init', '--school', 'Stress', '--year', '2026/2027');
  ez('subject', 'add', 'mat', '--name', 'Matemātika');
  const writers = [];
  for (let k = 0; k < WRITERS; k++) {
    const w = { teacher: `T${String(k + 1).padStart(2, '0')}`, schoolClass: `7.${'abcdefghijklmnopqrstuvwxyz'[k]}`, student: `S${String(k + 1).padStart(3, '0')}` };
    ez('staff', 'add', w.teacher, '--first-name', 'Skolotājs', '--last-name', `Nr${k + 1}`, '--role', 'teacher');
    ez('class', 'add', w.schoolClass, '--level', '7');
    ez('student', 'add', w.student, '--first-name', 'Jānis', '--last-name', `Bērziņš${k + 1}`, '--class', w.schoolClass);
    ez('assign', 'add', '--class', w.schoolClass, '--subject', 'mat', '--teacher', w.teacher);
    w.lesson = JSON.parse(ez('lesson', 'add', '--class', w.schoolClass, '--subject', 'mat', '--date', '2026-10-05', '--number', '1', '--topic', 'Daļskaitļi', '--as', w.teacher, '--json')).id;
    writers.push(w);
  }

  console.log(`stress: ${WRITERS} writers × ${CALLS} grade enter, each a start of the bin, on ${dir}`);
  const started = process.hrtime.bigint();
  const failures = [];
  await Promise.all(
    writers.map(async (w, k) => {
      for (let i = 0; i < CALLS; i++) {
        const r = await ezAsync(['grade', 'enter', '--lesson', String(w.lesson), '--student', w.student, '--value', valueFor(i), '--note', noteFor(k, i), '--as', w.teacher]);
        if (r.code !== 0) failures.push(`writer ${k} call ${i}: exit ${r.code}: ${r.stderr.trim()}`);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  const grades = JSON.parse(ez('grade', 'list', '--json'));
  const expected = WRITERS * CALLS;
  const problems = [...failures];
  const ids = new Set(grades.map((g) => g.id));
  if (ids.size !== grades.length) problems.push(`${grades.length - ids.size} grade id(s) appear twice`);
  let lost = 0;
  let doubled = 0;
  let wrong = 0;
  writers.forEach((w, k) => {
    const mine = grades.filter((g) => g.class === w.schoolClass);
    for (let i = 0; i < CALLS; i++) {
      const stored = mine.filter((g) => g.note === noteFor(k, i));
      if (stored.length === 0) lost++;
      if (stored.length > 1) doubled += stored.length - 1;
      for (const g of stored) if (g.value !== valueFor(i) || g.student !== w.student || g.lesson_id !== w.lesson || g.created_by !== w.teacher) wrong++;
    }
    const strays = mine.filter((g) => !/^w\d+-\d+$/.test(g.note ?? '') || Number(g.note.slice(1).split('-')[0]) !== k).length;
    if (strays > 0) problems.push(`${w.schoolClass}: ${strays} grade(s) that no call of its writer entered`);
  });
  if (lost) problems.push(`${lost} write(s) lost`);
  if (doubled) problems.push(`${doubled} write(s) doubled`);
  if (wrong) problems.push(`${wrong} grade(s) stored with wrong values`);
  if (grades.length !== expected) problems.push(`${grades.length} grades stored, ${expected} expected`);

  console.log(`calls: ${expected}, succeeded: ${expected - failures.length}, failed: ${failures.length}`);
  console.log(`grades stored: ${grades.length} (expected ${expected}); lost: ${lost}; doubled: ${doubled}; wrong values: ${wrong}`);
  console.log(`wall time: ${seconds.toFixed(1)} s (${((seconds * 1000) / CALLS).toFixed(0)} ms per call per writer, ${(expected / seconds).toFixed(1)} writes/s)`);
  if (problems.length > 0) {
    console.error(`FAILED:\n  ${problems.slice(0, 20).join('\n  ')}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''}`);
  } else {
    console.log('ok: every write succeeded once, none lost or doubled');
    exitCode = 0;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(exitCode);
