// Runs the uvu test files in parallel shards (default 2, one per core here;
// EZURNALS_TEST_SHARDS=1 runs them in one process). Files are dealt out by
// their measured time (scripts/test-times.json, longest first, each to the
// shard with the least so far), so the shards end together. The first shard
// prints as it goes (so a CI log never falls silent); the others print whole
// when they end. Ends with one line "N passed, N failed" and the exit code of
// the first failing shard. EZURNALS_TEST_TIMES=write stores this run's times.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const TEST_DIR = join(ROOT, 'test');
const TIMES = join(ROOT, 'scripts', 'test-times.json');
const shards = Math.max(1, Number(process.env.EZURNALS_TEST_SHARDS ?? 2));
const only = process.argv[2] ? new RegExp(process.argv[2]) : null;

function testFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith('.test.ts') ? [relative(TEST_DIR, path).split('\\').join('/')] : [];
  });
}

function readTimes() {
  try {
    return JSON.parse(readFileSync(TIMES, 'utf8'));
  } catch {
    return {};
  }
}

// On PostgreSQL (scripts/test-pg.mjs), files about SQLite's own file handling are skipped: they say so in their head.
// Files about PostgreSQL alone (tenancy, moving a school between dialects) run only there.
const tagged = (f, tag) => new RegExp(`^\\s*// @${tag}\\b`, 'm').test(readFileSync(join(TEST_DIR, f), 'utf8').slice(0, 2000));
const onPostgres = !!process.env.EZURNALS_TEST_PG;
const files = testFiles(TEST_DIR).filter((f) => (!only || only.test(f)) && !tagged(f, onPostgres ? 'sqlite-only' : 'postgres-only'));
if (files.length === 0) {
  console.error(`No test file matches ${only ?? 'test/**/*.test.ts'}.`);
  process.exit(2);
}
const known = readTimes();
// A file not measured yet counts as an average one.
const measured = Object.values(known);
const guess = measured.length > 0 ? measured.reduce((a, b) => a + b, 0) / measured.length : 1;
const cost = (f) => known[f] ?? guess;
const groups = Array.from({ length: Math.min(shards, files.length) }, () => ({ files: [], seconds: 0 }));
for (const file of [...files].sort((a, b) => cost(b) - cost(a) || a.localeCompare(b))) {
  const lightest = groups.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  lightest.files.push(file);
  lightest.seconds += cost(file);
}

const scratch = mkdtempSync(join(tmpdir(), 'ezurnals-shards-'));

function runShard(group, index) {
  const report = join(scratch, `shard-${index}.json`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/test-run.mjs'), report, ...group.files], { cwd: ROOT, env: process.env });
    const live = index === 0;
    const output = [];
    const title = `=== test shard ${index + 1}/${groups.length}: ${group.files.length} files, about ${Math.round(group.seconds)} s ===\n`;
    if (live) process.stdout.write(title);
    child.stdout.on('data', (chunk) => (live ? process.stdout.write(chunk) : output.push(chunk)));
    child.stderr.on('data', (chunk) => (live ? process.stderr.write(chunk) : output.push(chunk)));
    child.on('close', (code, signal) => {
      if (!live) process.stdout.write(`\n${title}${Buffer.concat(output)}`);
      let result = { seconds: {}, counts: { total: 0, passed: 0, skipped: 0 } };
      try {
        result = JSON.parse(readFileSync(report, 'utf8'));
      } catch {
        // The shard died before its report: its exit code says so.
      }
      resolve({ code: code ?? (signal ? 1 : 0), ...result });
    });
  });
}

const results = await Promise.all(groups.map(runShard));
rmSync(scratch, { recursive: true, force: true });
const failedShard = results.find((r) => r.code !== 0);
const total = results.reduce((n, r) => n + r.counts.total, 0);
const passed = results.reduce((n, r) => n + r.counts.passed, 0);
const skipped = results.reduce((n, r) => n + r.counts.skipped, 0);
if (process.env.EZURNALS_TEST_TIMES === 'write') {
  const times = { ...known };
  for (const r of results) for (const [file, s] of Object.entries(r.seconds)) times[file] = Math.round(s * 10) / 10;
  writeFileSync(TIMES, `${JSON.stringify(Object.fromEntries(Object.entries(times).sort()), null, 2)}\n`);
}
// A shard that died counts as a failure even when its tests reported none.
// A test that never ran counts as failed too: uvu ends a file whose `before` hook threw with "(0 / N)" and exit code 0.
const failed = Math.max(total - passed - skipped, failedShard ? 1 : 0);
process.stdout.write(`\n${groups.length} shard(s): ${failed > 0 ? 'FAILED' : 'all passed'}\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failedShard?.code ?? (failed > 0 ? 1 : 0));
