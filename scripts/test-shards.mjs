// Runs the uvu test files in parallel shards (default 2, one per core here;
// EZURNALS_TEST_SHARDS=1 runs them in one process as before). Most of the time
// goes to the CLI tests, which wait on the child processes and browsers they
// start, so a second shard keeps the other core busy. The first shard prints as
// it goes (so a CI log never falls silent); the others print whole when they
// end. The exit code is the first failing shard's.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const TEST_DIR = join(ROOT, 'test');
const shards = Math.max(1, Number(process.env.EZURNALS_TEST_SHARDS ?? 2));
const only = process.argv[2] ? new RegExp(process.argv[2]) : null;

function testFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith('.test.ts') ? [relative(TEST_DIR, path).split('\\').join('/')] : [];
  });
}

// The CLI tests are the slow ones: dealt out first and alternately, so each shard gets half of them.
const files = testFiles(TEST_DIR)
  .filter((f) => !only || only.test(f))
  .sort((a, b) => Number(b.startsWith('cli/')) - Number(a.startsWith('cli/')) || a.localeCompare(b));
if (files.length === 0) {
  console.error(`No test file matches ${only ?? 'test/**/*.test.ts'}.`);
  process.exit(2);
}
const groups = Array.from({ length: Math.min(shards, files.length) }, () => []);
files.forEach((file, i) => groups[i % groups.length].push(file));

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function runShard(group, index) {
  const pattern = `^(?:${group.map(escape).join('|')})$`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'node_modules/uvu/bin.js'), 'test', pattern], { cwd: ROOT, env: process.env });
    const live = index === 0;
    const output = [];
    if (live) process.stdout.write(`=== test shard 1/${groups.length}: ${group.length} files ===\n`);
    child.stdout.on('data', (chunk) => (live ? process.stdout.write(chunk) : output.push(chunk)));
    child.stderr.on('data', (chunk) => (live ? process.stderr.write(chunk) : output.push(chunk)));
    child.on('close', (code, signal) => {
      if (!live) {
        process.stdout.write(`\n=== test shard ${index + 1}/${groups.length}: ${group.length} files ===\n`);
        process.stdout.write(Buffer.concat(output));
      }
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const codes = await Promise.all(groups.map(runShard));
const failed = codes.find((code) => code !== 0);
process.stdout.write(`\n${groups.length} shard(s): ${failed === undefined ? 'all passed' : 'FAILED'}\n`);
process.exit(failed ?? 0);
