// 1,000 grades entered three ways, in the same run (the machine is shared and
// noisy: only the ratios of one run mean anything):
//   - `ezurnals batch` with 1,000 `grade enter` lines, one process;
//   - one process per `grade enter` (a sample of --processes of them, scaled to 1,000);
//   - `ezurnals import grades` of the same grades as CSV.
// Each way starts from its own copy of the same set-up database.
// The batch and the import run --rounds times, interleaved, each on a fresh copy; their medians are compared.
// Usage: npm run bench:batch [-- --grades 1000 --processes 100 --rounds 3]
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const GRADES = arg('grades', 1000);
const PROCESSES = Math.min(arg('processes', 100), GRADES);
const ROUNDS = arg('rounds', 3);
const STUDENTS = 40;
const BIN = fileURLToPath(new URL('../bin/ezurnals.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ezurnals-bench-batch-'));
const baseEnv = { ...process.env, EZURNALS_USER: 'admin' };
delete baseEnv.NODE_OPTIONS;

function ez(db, args, input, user = 'admin', mayFail = false) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...baseEnv, EZURNALS_DB: db, EZURNALS_USER: user }, input, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && !mayFail) throw new Error(`ezurnals ${args.join(' ')} → exit ${r.status}\n${r.stderr.slice(0, 2000)}\n${r.stdout.slice(0, 2000)}`);
  return { ms, stdout: r.stdout };
}

// The current school year and its teaching weekdays up to yesterday, from the real clock (the CLI refuses future lessons).
const today = new Date();
const startYear = today.getMonth() >= 8 ? today.getFullYear() : today.getFullYear() - 1;
const yearCode = `${startYear}/${startYear + 1}`;
const days = [];
for (let d = new Date(Date.UTC(startYear, 8, 1)); d < today && days.length < 400; d.setUTCDate(d.getUTCDate() + 1)) {
  if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.push(d.toISOString().slice(0, 10));
}
const lessonsNeeded = Math.ceil(GRADES / STUDENTS);
if (days.length < lessonsNeeded + 10) throw new Error(`only ${days.length} weekdays so far this school year: run with fewer --grades`);

// The school, set up through batch itself; some weekdays are holidays, and those lessons are refused.
const setupDb = join(dir, 'setup.db');
ez(setupDb, ['init', '--school', 'Bench', '--year', yearCode]);
const setup = [
  'staff add T01 --first-name Anna --last-name Kalniņa --role teacher --role class-teacher',
  'subject add mat --name Matemātika',
  'class add 7.a --level 7 --class-teacher T01',
  ...Array.from({ length: STUDENTS }, (_, i) => `student add S${String(i + 1).padStart(3, '0')} --first-name Jānis --last-name 'Bērziņš' --class 7.a`),
  'assign add --class 7.a --subject mat --teacher T01',
  ...days.slice(-(lessonsNeeded + 10)).map((d) => `lesson add --class 7.a --subject mat --date ${d} --number 1 --topic 'Daļskaitļi' --as T01`),
].join('\n');
ez(setupDb, ['batch', '-'], setup, 'admin', true);
const lessons = JSON.parse(ez(setupDb, ['lesson', 'list', '--json']).stdout).slice(0, lessonsNeeded);
if (lessons.length < lessonsNeeded) throw new Error(`only ${lessons.length} lessons could be set up`);

const grades = [];
for (const lesson of lessons) for (let s = 1; s <= STUDENTS && grades.length < GRADES; s++) grades.push({ lesson, student: `S${String(s).padStart(3, '0')}`, value: 1 + ((s * 7 + lesson.id) % 10) });

const copy = (name) => {
  const path = join(dir, `${name}.db`);
  rmSync(path, { force: true });
  copyFileSync(setupDb, path);
  return path;
};

const lines = grades.map((g) => `grade enter --lesson ${g.lesson.id} --student ${g.student} --value ${g.value}`).join('\n');
writeFileSync(join(dir, 'grades.txt'), `${lines}\n`);
writeFileSync(
  join(dir, 'grades.csv'),
  `Klase,Priekšmets,Datums,Skolēns,Vērtējums,Darba veids\n${grades.map((g) => `7.a,mat,${g.lesson.date},${g.student},${g.value},regular`).join('\n')}\n`,
);

// Interleaved, so that a load spike on the shared machine hits every way alike.
const count = (db) => JSON.parse(ez(db, ['grade', 'list', '--json']).stdout).length;
const batchMs = [];
const importMs = [];
let processMs = 0;
for (let round = 0; round < ROUNDS; round++) {
  const batchDb = copy('batch');
  const batch = ez(batchDb, ['batch', join(dir, 'grades.txt')], undefined, 'T01');
  const written = batch.stdout.trim().split('\n').filter((l) => JSON.parse(l).exit === 0).length;
  if (written !== GRADES) throw new Error(`batch wrote ${written} of ${GRADES} grades`);
  batchMs.push(batch.ms);
  // The processes once, spread over the rounds.
  const processDb = round === 0 ? copy('process') : join(dir, 'process.db');
  const share = grades.slice(Math.floor((PROCESSES * round) / ROUNDS), Math.floor((PROCESSES * (round + 1)) / ROUNDS));
  for (const g of share) processMs += ez(processDb, ['grade', 'enter', '--lesson', String(g.lesson.id), '--student', g.student, '--value', String(g.value)], undefined, 'T01').ms;
  const importDb = copy('import');
  importMs.push(ez(importDb, ['import', 'grades', join(dir, 'grades.csv')]).ms);
  if (count(importDb) !== GRADES) throw new Error(`import wrote ${count(importDb)} of ${GRADES} grades`);
}
const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
const batch = { ms: median(batchMs) };
const imported = { ms: median(importMs) };

const perProcess = processMs / PROCESSES;
const processesMs = perProcess * GRADES;
console.log(`node ${process.version}; ${GRADES} grades of ${lessons.length} lessons × ${STUDENTS} students; ${ROUNDS} round(s)`);
console.log(`  batch rounds: ${batchMs.map((ms) => ms.toFixed(0)).join(', ')} ms; import rounds: ${importMs.map((ms) => ms.toFixed(0)).join(', ')} ms`);
console.log(`  batch (one process, median)   ${batch.ms.toFixed(0).padStart(7)} ms   ${(batch.ms / GRADES).toFixed(2)} ms a grade`);
console.log(`  ${GRADES} processes (${PROCESSES} measured, ×${(GRADES / PROCESSES).toFixed(1)}) ${processesMs.toFixed(0).padStart(7)} ms   ${perProcess.toFixed(1)} ms a process`);
console.log(`  import grades (median)        ${imported.ms.toFixed(0).padStart(7)} ms`);
console.log(`processes / batch: ×${(processesMs / batch.ms).toFixed(1)} (target ≥ 30)`);
console.log(`batch / import:    ×${(batch.ms / imported.ms).toFixed(2)} (target ≤ 2)`);
rmSync(dir, { recursive: true, force: true });
