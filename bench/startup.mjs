// Cold start of the bin against bare node, measured in the same run (the machine is shared and noisy).
// Usage: npm run bench:startup [-- --runs 30] [-- --base /path/to/other/checkout]
// --base also measures another built checkout's bin (e.g. the commit before a change), paired in the same rounds.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 30;
const BIN = fileURLToPath(new URL('../bin/ezurnals.js', import.meta.url));
const baseArg = process.argv.indexOf('--base');
const BASE = baseArg > 0 ? join(process.argv[baseArg + 1], 'bin', 'ezurnals.js') : null;
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

if (BASE) copyFileSync(env.EZURNALS_DB, join(dir, 'base.db'));

// Output goes to pipes, as when a script captures it: $(ezurnals …).
// CPU time (user + system) is each process's own, reported at exit through fd 3
// by a preloaded hook (bench/cpu-at-exit.cjs, preloaded into bare node too): on a
// shared, loaded machine it varies far less than wall time.
const CPU_HOOK = fileURLToPath(new URL('./cpu-at-exit.cjs', import.meta.url));

function once(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', CPU_HOOK, ...args], { env, stdio: ['ignore', 'pipe', 'pipe', 'pipe'], encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr ?? ''}`);
  return { wall, cpu: Number(r.output[3]) };
}

function stats(samples, field) {
  const sorted = samples.map((s) => s[field]).sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0] };
}

// Interleaved rounds: a load spike on this shared machine then hits all three alike.
// Each bin marks its own students (a second mark of one student would be refused).
const CASES = [
  ['node -e 0', 'bare', () => ['-e', '0']],
  ['ezurnals --version', 'version', () => [BIN, '--version']],
  ['ezurnals subject list --json', 'list', () => [BIN, 'subject', 'list', '--json']],
  ['ezurnals absence mark', 'mark', (i) => [BIN, 'absence', 'mark', '--lesson', '1', '--student', `S${i}`, '--as', 'T01']],
  ['ezurnals absence mark --json', 'markJson', (i) => [BIN, 'absence', 'mark', '--lesson', '2', '--student', `S${i}`, '--as', 'T01', '--json']],
];
if (BASE) {
  CASES.push(
    ['base --version', 'baseVersion', () => [BASE, '--version']],
    ['base subject list --json', 'baseList', () => [BASE, 'subject', 'list', '--json']],
    ['base absence mark --json', 'baseMarkJson', (i) => [BASE, 'absence', 'mark', '--lesson', '1', '--student', `S${i}`, '--as', 'T01', '--json', '--db', env.EZURNALS_DB.replace(/bench\.db$/, 'base.db')]],
  );
}
const samples = Object.fromEntries(CASES.map(([, key]) => [key, []]));
for (let i = 0; i < RUNS; i++) for (const [, key, args] of CASES) samples[key].push(once(args(i)));

function report(field, label) {
  const bare = stats(samples.bare, field);
  console.log(`${label} (median of ${RUNS}, ratio to bare node's median):`);
  for (const [name, key] of CASES) {
    const t = stats(samples[key], field);
    const diff = t.median - bare.median;
    console.log(`  ${name.padEnd(30)} ${t.median.toFixed(1).padStart(6)} ms  (min ${t.min.toFixed(1).padStart(6)})  ×${(t.median / bare.median).toFixed(2)}  ${diff >= 0 ? '+' : ''}${diff.toFixed(1)} ms`);
  }
}
console.log(`node ${process.version}`);
report('wall', 'wall time');
report('cpu', 'CPU time, user + system');
rmSync(dir, { recursive: true, force: true });
