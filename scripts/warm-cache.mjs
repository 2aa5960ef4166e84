// Produces the V8 code caches of dist/cli.cjs (read by bin/ezurnals.js): V8's
// compiled code after running the commands scripts call most, so that even a
// first run starts warm. One general cache, warmed by all of them, and one per
// family of them (`cli.cjs.grade.v8cache`, `cli.cjs.-.v8cache` for --version),
// each warmed in its own process so that it holds that family's code only: a
// smaller cache is read and deserialised faster on every start.
// The bin replaces a cache by itself when V8 rejects it (another Node version).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const filename = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/ezurnals.js', import.meta.url));
const SELF = fileURLToPath(import.meta.url);

/** The warm-up commands by family, in the order that builds a small school. */
const FAMILIES = [
  ['staff', [['staff', 'add', 'T01', '--first-name', 'A', '--last-name', 'B', '--role', 'teacher', '--role', 'class-teacher', '--as', 'admin']]],
  ['subject', [['subject', 'add', 'mat', '--name', 'M', '--as', 'admin'], ['subject', 'list', '--json']]],
  ['class', [['class', 'add', '7.a', '--class-teacher', 'T01', '--as', 'admin']]],
  ['assign', [['assign', 'add', '--class', '7.a', '--subject', 'mat', '--teacher', 'T01', '--as', 'admin']]],
  ['student', [['student', 'add', 'S1', '--first-name', 'A', '--last-name', 'B', '--personal-code', '010110-20002', '--class', '7.a', '--as', 'admin']]],
  ['lesson', [['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-05', '--number', '1', '--topic', 'T', '--as', 'T01', '--json'], ['lesson', 'list']]],
  [
    'absence',
    [
      ['absence', 'mark', '--lesson', '1', '--student', 'S1', '--as', 'T01'],
      ['absence', 'justify', '--student', 'S1', '--from', '2026-10-05', '--reason', 'illness', '--as', 'T01', '--json'],
      ['absence', 'list'],
    ],
  ],
  [
    'grade',
    [
      ['grade', 'enter', '--lesson', '1', '--student', 'S1', '--value', '8', '--as', 'T01', '--json'],
      ['grade', 'correct', '1', '--value', '9', '--reason', 'r', '--as', 'T01'],
      ['grade', 'list', '--json'],
    ],
  ],
  ['-', [['--version']]],
];

/** Runs the commands in this process on a fresh compile of the bundle, then writes its cache to `target`. */
async function warm(commands, dbPath, target) {
  const script = new Script(Module.wrap(readFileSync(filename, 'latin1')), { filename });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(filename), module, filename, dirname(filename));
  const { write: out } = process.stdout;
  const { write: err } = process.stderr;
  process.stdout.write = process.stderr.write = () => true;
  try {
    for (const argv of commands) {
      const code = await module.exports.main([...argv, '--db', dbPath]);
      if (code !== 0) throw new Error(`warm-up: ${argv.join(' ')} exited ${code}`);
    }
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
  // The same key as bin/ezurnals.js: the bundle's size and mtime.
  const { size, mtimeMs } = statSync(filename);
  writeFileSync(`${target}.tmp`, Buffer.concat([Buffer.from(`${size}:${mtimeMs}\n`), script.createCachedData()]));
  renameSync(`${target}.tmp`, target);
}

/**
 * A database is created by another process: creating one runs the migrations
 * and builds the audit triggers, code that no later command runs, and a cache
 * holding it would only be bigger.
 */
function createDatabase(path) {
  const init = spawnSync(process.execPath, [BIN, 'init', '--school', 'Warm', '--year', '2026/2027', '--db', path], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`warm-up: init exited ${init.status}: ${init.stderr}`);
}

const familyArg = process.argv.indexOf('--family');
if (familyArg > 0) {
  // A child: one family's cache.
  const [word, dbPath] = process.argv.slice(familyArg + 1);
  const [, commands] = FAMILIES.find(([w]) => w === word);
  await warm(commands, dbPath, `${filename}.${word}.v8cache`);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'ezurnals-warm-'));
  try {
    createDatabase(join(dir, 'general.db'));
    await warm(
      FAMILIES.flatMap(([, commands]) => commands),
      join(dir, 'general.db'),
      `${filename}.v8cache`,
    );
    createDatabase(join(dir, 'families.db'));
    for (const [word] of FAMILIES) {
      const child = spawnSync(process.execPath, [SELF, '--family', word, join(dir, 'families.db')], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`warm-up of ${word}: exited ${child.status}: ${child.stderr}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
