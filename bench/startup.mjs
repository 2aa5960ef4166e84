// Cold start of the bin against bare node, measured in the same run (the machine is shared and noisy).
// Usage: npm run bench:startup [-- --runs 30]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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

function once(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0] };
}

// Interleaved rounds: a load spike on this shared machine then hits all three alike.
const samples = { bare: [], version: [], mark: [] };
for (let i = 0; i < RUNS; i++) {
  samples.bare.push(once(['-e', '0']));
  samples.version.push(once([BIN, '--version']));
  samples.mark.push(once([BIN, 'absence', 'mark', '--lesson', '1', '--student', `S${i}`, '--as', 'T01']));
}
const bare = stats(samples.bare);
const version = stats(samples.version);
const mark = stats(samples.mark);

const row = (name, t) => `${name.padEnd(28)} median ${t.median.toFixed(1).padStart(6)} ms   min ${t.min.toFixed(1).padStart(6)} ms   ×${(t.median / bare.median).toFixed(2)} of bare node`;
console.log(`runs: ${RUNS}, node ${process.version}`);
console.log(row('node -e 0', bare));
console.log(row('ezurnals --version', version));
console.log(row('ezurnals absence mark', mark));
rmSync(dir, { recursive: true, force: true });
