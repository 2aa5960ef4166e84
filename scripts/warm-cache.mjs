// Produces dist/cli.cjs.v8cache: V8's compiled code for the bundle after it ran
// the commands scripts call most, so that even a first run starts warm.
// The bin replaces the cache by itself when V8 rejects it (another Node version).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const filename = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));
const script = new Script(Module.wrap(readFileSync(filename, 'latin1')), { filename });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(filename), module, filename, dirname(filename));

const dir = mkdtempSync(join(tmpdir(), 'ezurnals-warm-'));
const db = ['--db', join(dir, 'warm.db')];
// The database is created by another process: creating one runs the migrations
// and builds the audit triggers, code that no later command runs, and a cache
// holding it would only be bigger to read on every start.
const init = spawnSync(process.execPath, [fileURLToPath(new URL('../bin/ezurnals.js', import.meta.url)), 'init', '--school', 'Warm', '--year', '2026/2027', ...db], { encoding: 'utf8' });
if (init.status !== 0) throw new Error(`warm-up: init exited ${init.status}: ${init.stderr}`);
const commands = [
  ['staff', 'add', 'T01', '--first-name', 'A', '--last-name', 'B', '--role', 'teacher', '--role', 'class-teacher', '--as', 'admin'],
  ['subject', 'add', 'mat', '--name', 'M', '--as', 'admin'],
  ['class', 'add', '7.a', '--class-teacher', 'T01', '--as', 'admin'],
  ['assign', 'add', '--class', '7.a', '--subject', 'mat', '--teacher', 'T01', '--as', 'admin'],
  ['student', 'add', 'S1', '--first-name', 'A', '--last-name', 'B', '--personal-code', '010110-20002', '--class', '7.a', '--as', 'admin'],
  ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-05', '--number', '1', '--topic', 'T', '--as', 'T01', '--json'],
  ['absence', 'mark', '--lesson', '1', '--student', 'S1', '--as', 'T01'],
  ['absence', 'justify', '--student', 'S1', '--from', '2026-10-05', '--reason', 'illness', '--as', 'T01', '--json'],
  ['grade', 'enter', '--lesson', '1', '--student', 'S1', '--value', '8', '--as', 'T01', '--json'],
  ['grade', 'correct', '1', '--value', '9', '--reason', 'r', '--as', 'T01'],
  ['grade', 'list', '--json'],
  ['absence', 'list'],
  ['lesson', 'list'],
  ['--version'],
];

const { write: out } = process.stdout;
const { write: err } = process.stderr;
process.stdout.write = process.stderr.write = () => true;
try {
  for (const argv of commands) {
    const code = await module.exports.main([...argv, ...db]);
    if (code !== 0) throw new Error(`warm-up: ${argv.join(' ')} exited ${code}`);
  }
} finally {
  process.stdout.write = out;
  process.stderr.write = err;
  rmSync(dir, { recursive: true, force: true });
}
// The same key as bin/ezurnals.js: the bundle's size and mtime.
const { size, mtimeMs } = statSync(filename);
writeFileSync(`${filename}.v8cache.tmp`, Buffer.concat([Buffer.from(`${size}:${mtimeMs}\n`), script.createCachedData()]));
renameSync(`${filename}.v8cache.tmp`, `${filename}.v8cache`);
