// Cold start of the bin against bare node, measured in the same run (the machine is shared and noisy).
// Usage: npm run bench:startup [-- --runs 30]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 30;
const BIN = fileURLToPath(new URL('../bin/ezurnals.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ezurnals-bench-'));
const env = { ...process.env, EZURNALS_DB: join(dir, 'bench.db'), EZURNALS_USER: 'admin' };

function ez(...args) {
  execFileSync(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });
}

// A school with one class, one student and enough lessons that every measured mark is a real write.
ez('init', '--school', 'Bench', '--year', '2026/2027');
ez('staff', 'add', 'T01', '--first-name', 'Anna', '--last-name', 'Kalniņa', '--role', 'teacher', '--role', 'class-teacher');
ez('subject', 'add', 'mat', '--name', 'Matemātika');
ez('class', 'add', '7.a', '--class-teacher', 'T01');
ez('assign', 'add', '--class', '7.a', '--subject', 'mat', '--teacher', 'T01');
for (let i = 0; i < RUNS; i++) ez('student', 'add', `S${i}`, '--first-name', 'Jānis', '--last-name', 'Bērziņš', '--class', '7.a');
ez('lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-05', '--number', '1', '--topic', 'Daļskaitļi', '--as', 'T01');
ez('lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-05', '--number', '2', '--topic', 'Procenti', '--as', 'T01');

// CPU time (user + system) is read with GNU time where it exists: on a shared,
// loaded machine it varies far less than wall time.
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

function once(args) {
  const start = process.hrtime.bigint();
  const r = GNU_TIME
    ? spawnSync(GNU_TIME, ['-f', '%U %S', process.execPath, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
    : spawnSync(process.execPath, args, { env, stdio: 'ignore' });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr ?? ''}`);
  const cpu = GNU_TIME ? r.stderr.trim().split('\n').at(-1).split(' ').reduce((sum, s) => sum + Number(s) * 1000, 0) : NaN;
  return { wall, cpu };
}

function stats(samples, field) {
  const sorted = samples.map((s) => s[field]).sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0] };
}

// Interleaved rounds: a load spike on this shared machine then hits all three alike.
const samples = { bare: [], version: [], mark: [], markJson: [] };
for (let i = 0; i < RUNS; i++) {
  samples.bare.push(once(['-e', '0']));
  samples.version.push(once([BIN, '--version']));
  samples.mark.push(once([BIN, 'absence', 'mark', '--lesson', '1', '--student', `S${i}`, '--as', 'T01']));
  samples.markJson.push(once([BIN, 'absence', 'mark', '--lesson', '2', '--student', `S${i}`, '--as', 'T01', '--json']));
}

function report(field, label) {
  const bare = stats(samples.bare, field);
  console.log(`${label} (median of ${RUNS}, ratio to bare node's median):`);
  for (const [name, key] of [['node -e 0', 'bare'], ['ezurnals --version', 'version'], ['ezurnals absence mark', 'mark'], ['ezurnals absence mark --json', 'markJson']]) {
    const t = stats(samples[key], field);
    console.log(`  ${name.padEnd(30)} ${t.median.toFixed(1).padStart(6)} ms  (min ${t.min.toFixed(1).padStart(6)})  ×${(t.median / bare.median).toFixed(2)}`);
  }
}
console.log(`node ${process.version}`);
report('wall', 'wall time');
if (GNU_TIME) report('cpu', 'CPU time, user + system');
rmSync(dir, { recursive: true, force: true });
