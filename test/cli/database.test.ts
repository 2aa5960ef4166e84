// Where the database lives, how it is created, and what is refused (issue 2, "Database").
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, cli, type CliResult } from '../support/cli.ts';
import { dbState } from './_helpers.ts';
import { tempDir } from '../support/school.ts';

/** A database's every row and schema as the sqlite3 shell dumps it: for files the tool refuses to open. */
function rawDump(path: string): string {
  return spawnSync('sqlite3', [path, '.dump'], { encoding: 'utf8' }).stdout;
}

const t = tempDir('ezurnals-database-');
test.after(() => t.cleanup());

/** Runs the bin in a given working directory (await cli() has no cwd option). */
function cliIn(cwd: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  // The suite's wording is English (issue 18): the bin is told so, as cli() tells it.
  const base: NodeJS.ProcessEnv = { ...process.env, EZURNALS_LANG: 'en' };
  delete base.EZURNALS_DB;
  delete base.EZURNALS_USER;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: { ...base, ...env }, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      if (code === null) return reject(error);
      const parse = (s: string) => {
        try {
          return JSON.parse(s);
        } catch {
          return undefined;
        }
      };
      resolve({ code, stdout, stderr, json: parse(stdout), errorJson: parse(stderr) });
    });
  });
}

function sha(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function sqlite(path: string, statement: string): string {
  const r = spawnSync('sqlite3', [path, statement], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sqlite3 ${statement}: ${r.stderr}`);
  return r.stdout.trim();
}

/** A one-line human message: no stack trace, no source positions. */
function assertOneLineMessage(stderr: string): void {
  const lines = stderr.trim().split('\n');
  assert.is(lines.length, 1, `expected one line, got:\n${stderr}`);
  assert.not.match(stderr, /^\s+at /m, 'no stack trace');
  assert.not.match(stderr, /\.(ts|js|cjs):\d+/, 'no source positions');
}

const fileA = join(t.dir, 'a.db');
const fileB = join(t.dir, 'b.db');
const fileC = join(t.dir, 'ezurnals.db');

test('init --db, init via EZURNALS_DB and init with neither (./ezurnals.db) create their own files', async () => {
  const [a, b, c] = await Promise.all([
    cliIn(t.dir, ['init', '--db', fileA, '--school', 'Skola A', '--year', '2026/2027']),
    cliIn(t.dir, ['init', '--school', 'Skola B', '--year', '2026/2027'], { EZURNALS_DB: fileB }),
    cliIn(t.dir, ['init', '--school', 'Skola C', '--year', '2026/2027']),
  ]);
  assert.is(a!.code, 0, a!.stderr);
  assert.is(b!.code, 0, b!.stderr);
  assert.is(c!.code, 0, c!.stderr);
  assert.match(c!.stdout, /\.\/ezurnals\.db/, 'init reports the default path');
  for (const f of [fileA, fileB, fileC]) assert.ok(existsSync(f), `${f} exists`);
});

const schoolOf = (r: CliResult) => {
  assert.is(r.code, 0, r.stderr);
  return r.json.name as string;
};

test('--db wins over EZURNALS_DB, which wins over ./ezurnals.db', async () => {
  const cases: [string, string[], Record<string, string>, string][] = [
    ['--db alone', ['--db', fileA], {}, 'Skola A'],
    ['--db and EZURNALS_DB', ['--db', fileA], { EZURNALS_DB: fileB }, 'Skola A'],
    ['EZURNALS_DB alone (./ezurnals.db also there)', [], { EZURNALS_DB: fileB }, 'Skola B'],
    ['neither: ./ezurnals.db', [], {}, 'Skola C'],
    ['--db after the command words', ['school', 'show', '--json', '--db', fileA], { EZURNALS_DB: fileB }, 'Skola A'],
  ];
  const results = await Promise.all(cases.map(([, extra, env]) => cliIn(t.dir, extra.includes('school') ? extra : [...extra, 'school', 'show', '--json'], env)));
  cases.forEach(([label, , , expected], i) => assert.is(schoolOf(results[i]!), expected, label));
});

test('a created database is in WAL mode', () => {
  assert.is(sqlite(fileA, 'pragma journal_mode'), 'wal');
  assert.is(sqlite(fileC, 'pragma journal_mode'), 'wal');
});

test('a missing database: exit 3 with a clear message, and no file is created', async () => {
  const empty = join(t.dir, 'empty');
  spawnSync('mkdir', [empty]);
  const missing = join(t.dir, 'missing.db');
  const cases: [string, string, string[], Record<string, string>, string][] = [
    ['--db, a read', t.dir, ['--db', missing, 'class', 'list'], {}, missing],
    ['--db, a write', t.dir, ['--db', missing, '--as', 'admin', 'class', 'add', '7.a'], {}, missing],
    ['EZURNALS_DB', t.dir, ['grade', 'list', '--json'], { EZURNALS_DB: missing, EZURNALS_USER: 'admin' }, missing],
    ['default ./ezurnals.db', empty, ['student', 'list'], {}, join(empty, 'ezurnals.db')],
  ];
  const results = await Promise.all(cases.map(([, cwd, args, env]) => cliIn(cwd, args, env)));
  for (const [i, [label, , , , path]] of cases.entries()) {
    const r = results[i]!;
    assert.is(r.code, 3, `${label}: ${r.stderr}`);
    assert.is(r.stdout, '', label);
    assert.match(r.stderr, /No ezurnals database/, label);
    assert.match(r.stderr, /init/, `${label}: says how to create one`);
    assert.not.match(r.stderr, /^\s+at /m, `${label}: no stack trace`);
    assert.not.ok(existsSync(path), `${label}: ${path} was created`);
    assert.not.ok(existsSync(`${path}-wal`), `${label}: -wal was created`);
  }
  assert.equal(readdirSync(empty), []);
});

test('a missing database with --json: JSON error on stderr', async () => {
  const r = await cli(['class', 'list', '--json', '--db', join(t.dir, 'nowhere.db')]);
  assert.is(r.code, 3);
  assert.is(r.stdout, '');
  assert.is(r.errorJson?.error?.code, 'not_found', r.stderr);
  assert.match(r.errorJson.error.message, /nowhere\.db/);
});

test('init on an existing file exits 6 and leaves it unchanged', async () => {
  const before = await dbState(fileA);
  const hash = sha(fileA);
  const r = await cli(['init', '--db', fileA, '--school', 'Cita skola', '--year', '2027/2028']);
  assert.is(r.code, 6, r.stderr);
  assert.match(r.stderr, /already exists/);
  assert.is(sha(fileA), hash);
  assert.is(await dbState(fileA), before);
  assert.is(schoolOf(await cli(['school', 'show', '--json', '--db', fileA])), 'Skola A');
});

test('init on an existing non-database file exits 6 and does not touch it', async () => {
  const path = join(t.dir, 'notes.txt');
  writeFileSync(path, 'Piezīmes vecāku ievērībai\n');
  const r = await cli(['init', '--db', path, '--school', 'X', '--year', '2026/2027']);
  assert.is(r.code, 6, r.stderr);
  assert.is(readFileSync(path, 'utf8'), 'Piezīmes vecāku ievērībai\n');
});

test('a failed init leaves no file behind', async () => {
  const cases: [string, string[]][] = [
    ['year "2026"', ['--school', 'Skola', '--year', '2026']],
    ['year 2026/2028', ['--school', 'Skola', '--year', '2026/2028']],
    ['bad admin code', ['--school', 'Skola', '--year', '2026/2027', '--admin', 'ne derīgs!']],
  ];
  const pathOf = (label: string) => join(t.dir, `failed-${label.replace(/\W+/g, '-')}.db`);
  const results = await Promise.all(cases.map(([label, args]) => cliIn(t.dir, ['init', '--db', pathOf(label), ...args])));
  for (const [i, [label]] of cases.entries()) {
    const path = pathOf(label);
    const r = results[i]!;
    assert.ok(r.code !== 0, `${label}: exit ${r.code}`);
    assert.is(r.code, 4, `${label}: invalid data: ${r.stderr}`);
    for (const suffix of ['', '-wal', '-shm', '-journal']) assert.not.ok(existsSync(`${path}${suffix}`), `${label}: ${path}${suffix} left behind`);
  }
});

test('init without --year (no TTY) is a usage error and creates nothing', async () => {
  const path = join(t.dir, 'no-year.db');
  const r = await cli(['init', '--db', path, '--school', 'Skola']);
  assert.is(r.code, 2, r.stderr);
  assert.match(r.stderr, /--year/);
  assert.not.ok(existsSync(path));
});

test('a database from a newer ezurnals is refused with a clear message and not modified', async () => {
  const path = join(t.dir, 'future.db');
  assert.is((await cli(['init', '--db', path, '--school', 'Nākotnes skola', '--year', '2026/2027'])).code, 0);
  sqlite(path, "insert into kysely_migration (name, timestamp) values ('9999-future', '2030-01-01T00:00:00.000Z')");
  // Read with the sqlite3 shell: the tool itself refuses to open it.
  const before = rawDump(path);
  const hash = sha(path);
  const cases: [string, string[]][] = [
    ['a read', ['school', 'show']],
    ['a write', ['--as', 'admin', 'subject', 'add', 'mat', '--name', 'Matemātika']],
    ['with --json', ['school', 'show', '--json']],
  ];
  const results = await Promise.all(cases.map(([, args]) => cliIn(t.dir, ['--db', path, ...args])));
  for (const [i, [label]] of cases.entries()) {
    const r = results[i]!;
    assert.ok(r.code !== 0, `${label}: refused`);
    assert.ok(r.code !== 1, `${label}: not an unexpected failure`);
    assert.match(r.stderr, /newer/, label);
    assert.match(r.stderr, /9999-future/, `${label}: names the unknown schema`);
    assert.not.match(r.stderr, /^\s+at /m, `${label}: no stack trace`);
    assert.is(r.stdout, '', label);
  }
  assert.match(results[2]!.errorJson?.error?.message ?? '', /newer/, results[2]!.stderr);
  assert.is(rawDump(path), before);
  assert.is(sha(path), hash);
  assert.is(sqlite(path, 'select count(*) from subject'), '0');
});

test('a non-SQLite file as --db: exit 3 or 4 with one line, no stack trace, file untouched', async () => {
  const cases: [string, string | Buffer][] = [
    ['text', 'Šis nav datu bāzes fails.\n'.repeat(40)],
    ['binary', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
  ];
  const pathOf = (label: string) => join(t.dir, `junk-${label}.db`);
  for (const [label, content] of cases) writeFileSync(pathOf(label), content);
  const hashes = cases.map(([label]) => sha(pathOf(label)));
  const results = await Promise.all(
    cases.flatMap(([label]) => [cliIn(t.dir, ['--db', pathOf(label), '--as', 'admin', 'class', 'add', '7.a']), cliIn(t.dir, ['--db', pathOf(label), 'class', 'list', '--json'])]),
  );
  for (const [i, [label]] of cases.entries()) {
    const path = pathOf(label);
    const hash = hashes[i]!;
    const r = results[2 * i]!;
    const json = results[2 * i + 1]!;
    assert.ok(r.code === 3 || r.code === 4, `${label}: exit ${r.code}: ${r.stderr}`);
    assert.is(r.stdout, '', label);
    assertOneLineMessage(r.stderr);
    assert.match(r.stderr, /junk/, `${label}: names the file`);
    assert.is(sha(path), hash, `${label}: file changed`);
    assert.not.ok(existsSync(`${path}-wal`), `${label}: a -wal file was created beside it`);
    assert.ok(json.errorJson?.error?.message, `${label}: JSON error: ${json.stderr}`);
  }
});

test('an SQLite database that ezurnals did not create is refused and left exactly as it was', async () => {
  const foreign = join(t.dir, 'foreign.db');
  sqlite(foreign, "create table notes (id integer primary key, text text); insert into notes (text) values ('Piezīmes vecāku ievērībai')");
  const empty = join(t.dir, 'empty.db');
  writeFileSync(empty, '');
  const before = { foreign: rawDump(foreign), foreignHash: sha(foreign), foreignMode: sqlite(foreign, 'pragma journal_mode') };
  const results = await Promise.all([
    cliIn(t.dir, ['--db', foreign, 'class', 'list', '--json']),
    cliIn(t.dir, ['--db', foreign, '--as', 'admin', 'subject', 'add', 'mat', '--name', 'Matemātika']),
    cliIn(t.dir, ['--db', empty, 'class', 'list']),
  ]);
  for (const [i, r] of results.entries()) {
    assert.ok(r.code === 3 || r.code === 4, `case ${i}: exit ${r.code}: ${r.stderr}`);
    assert.is(r.stdout, '', `case ${i}`);
  }
  assert.match(results[0]!.errorJson?.error?.message ?? '', /ezurnals/, 'says it is no ezurnals database');
  // Nothing written: no ezurnals tables added, journal mode not switched, an empty file stays empty.
  assert.is(sqlite(foreign, ".tables"), 'notes');
  assert.is(sqlite(foreign, 'pragma journal_mode'), before.foreignMode);
  assert.is(rawDump(foreign), before.foreign);
  assert.is(sha(foreign), before.foreignHash);
  assert.is(readFileSync(empty).length, 0, 'the empty file got a schema');
});

test.run();
