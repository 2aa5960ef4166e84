// @sqlite-only: SQLite's own files, pragmas and shell; test/db/postgres.test.ts checks the server's counterparts.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { BIN, bin, cli } from '../support/cli.ts';
import { tempDir } from '../support/school.ts';
import { pdfText } from '../support/pdf.ts';
import { reportSchool } from '../support/report-school.ts';
import { launchBrowser } from '../../src/reports/browser.ts';
import { writeTables } from '../../src/archive/tables.ts';
import { openSnapshotFile } from '../../src/db/sqlite/snapshot-file.ts';
import { dbState, EXIT_CODES, runner } from './_helpers.ts';

const s = await reportSchool();
await s.db.destroy();
const place = tempDir('ezurnals-archive-');
const { run } = runner(s.dbPath);
const archive = join(place.dir, 'arhīvs');
const iso = join(place.dir, 'arhīvs.iso');
test.after(() => place.cleanup());

const SECRET = 'argon2id$secret-hash-never-archived';
const listed = () => JSON.parse(readFileSync(join(archive, 'manifest.json'), 'utf8')) as { files: { path: string; size: number; sha256: string }[]; [key: string]: unknown };

// The tables another part of ezurnals adds with secrets in them: whenever they exist, those columns stay out.
spawnSync('sqlite3', [s.dbPath, `insert into account (school_id, kind, person_id, username, password_hash, disabled, failed_attempts, created_at, updated_at) values (1, 'staff', 1, 'arhivs.parbaude', '${SECRET}', 0, 0, '2026-11-29T10:00:00+02:00', '2026-11-29T10:00:00+02:00'); create table writer_tick (id integer primary key, at text)`]);

/** Another process writing all the while: one row a few milliseconds apart, each in its own transaction. */
function startWriter(dbPath: string) {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(dbPath)}, { timeout: 30000 });
    const insert = db.prepare('insert into writer_tick (at) values (?)');
    setInterval(() => insert.run(new Date().toISOString()), 3);`;
  return spawn(process.execPath, ['-e', script], { cwd: resolve(dirname(fileURLToPath(import.meta.url)), '../..'), stdio: 'ignore' });
}

test('archive export writes the nomenclature, every table, a consistent snapshot, index, manifest and SHA256SUMS, while another process writes', async () => {
  const writer = startWriter(s.dbPath);
  // Under load the writer's start takes a while: the export begins once it has written.
  const ticking = () => Number(spawnSync('sqlite3', [s.dbPath, 'select count(*) from writer_tick'], { encoding: 'utf8' }).stdout.trim()) > 0;
  for (let waited = 0; !ticking() && waited < 20_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  const r = await cli(['archive', 'export', '--year', '2026/2027', '--out', archive, '--iso', iso, '--json'], { EZURNALS_DB: s.dbPath, EZURNALS_USER: 'admin' });
  writer.kill();
  assert.is(r.code, 0, r.stderr);
  assert.is(r.json.volumes, 1);
  assert.is(r.json.year, '2026/2027');
  assert.equal(readdirSync(archive).sort(), ['01_žurnāli', '02_kopsavilkuma_žurnāli', '03_liecības', '04_klašu_kopsavilkumi', '05_izrakstu_atdeve', '06_tabulas', '07_datubāze', 'SHA256SUMS', 'index.html', 'manifest.json']);
  assert.equal(readdirSync(place.dir).filter((n) => n.includes('partial')), [], 'no work folder is left beside it');
  // The owner's only, whatever the umask: every folder 0700, every file 0600, the ISO image too.
  const loose = spawnSync('find', [archive, iso, '-perm', '/077'], { encoding: 'utf8' });
  assert.is(loose.status, 0, loose.stderr);
  assert.is(loose.stdout, '', `readable by others: ${loose.stdout}`);

  const manifest = listed();
  assert.is(manifest.format, 'ezurnals-archive');
  assert.is(manifest.formatVersion, 1);
  assert.is(manifest.schoolYear, '2026/2027');
  assert.is((manifest.school as { name: string }).name.length > 0, true);
  assert.is((manifest.software as { name: string }).name, 'ezurnals');
  assert.ok(!Number.isNaN(Date.parse(manifest.exportedAt as string)));
  assert.match(manifest.auditHead as string, /^\d+:[0-9a-f]{64}$/, 'the audit chain\'s head as archived');
  assert.is(r.json.files, manifest.files.length);
  const paths = manifest.files.map((f) => f.path);
  for (const expected of [
    '01_žurnāli/2026-2027_7a_zurnals.pdf',
    '02_kopsavilkuma_žurnāli/2026-2027_7a_kopsavilkuma-zurnals.pdf',
    '03_liecības/2026-2027_sem1_7a_visa-klase.pdf',
    '03_liecības/2026-2027_sem2_7b_visa-klase.pdf',
    '03_liecības/2026-2027_gads_2a_visa-klase.pdf',
    '04_klašu_kopsavilkumi/2026-2027_sem1_7a_kopsavilkums.pdf',
    '04_klašu_kopsavilkumi/2026-2027_gads_2a_kopsavilkums.pdf',
    '05_izrakstu_atdeve/2026-10_sekmju-izrakstu-atgriesana.pdf',
    '06_tabulas/grade.csv',
    '06_tabulas/grade.json',
    '06_tabulas/00_kolonnu_apraksts.csv',
    '07_datubāze/ezurnals.sqlite',
    'index.html',
  ]) {
    assert.ok(paths.includes(expected), `${expected} in ${paths.join(', ')}`);
  }
  assert.not.ok(paths.some((p) => p.includes('berzins')), 'per-student copies of the cards are not repeated');
  assert.ok(pdfText(join(archive, '03_liecības/2026-2027_sem1_7a_visa-klase.pdf')).includes('Bērziņš'));
  assert.ok(pdfText(join(archive, '01_žurnāli/2026-2027_7a_zurnals.pdf')).includes('Bērziņš'), "the class journal lists the class's students");

  // The real sha256sum agrees, without ezurnals.
  const sums = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: archive, encoding: 'utf8' });
  assert.is(sums.status, 0, sums.stdout + sums.stderr);
  assert.is(sums.stdout.trim().split('\n').length, manifest.files.length);

  // CSV for Latvian Excel; JSON keeps NULL; the secret column is not there, nor its value anywhere.
  const gradeCsv = readFileSync(join(archive, '06_tabulas/grade.csv'), 'utf8');
  assert.ok(gradeCsv.startsWith('\uFEFFid;school_id;school_year_id;student_id;'), gradeCsv.slice(0, 80));
  assert.ok(gradeCsv.includes('\r\n'));
  assert.ok(readFileSync(join(archive, '06_tabulas/student.csv'), 'utf8').includes('Bērziņš'));
  const accountCsv = readFileSync(join(archive, '06_tabulas/account.csv'), 'utf8');
  assert.ok(accountCsv.startsWith('\uFEFFid;school_id;kind;person_id;username;phone;'), accountCsv.slice(0, 80));
  assert.ok(accountCsv.includes('arhivs.parbaude'));
  for (const file of readdirSync(join(archive, '06_tabulas'))) assert.not.ok(readFileSync(join(archive, '06_tabulas', file), 'utf8').includes(SECRET), file);
  const columns = JSON.parse(readFileSync(join(archive, '06_tabulas/00_kolonnu_apraksts.json'), 'utf8')).tables as { name: string; columns: { name: string; key: string | null }[]; excluded: string[] }[];
  const account = columns.find((t) => t.name === 'account')!;
  assert.equal(account.excluded, ['password_hash']);
  assert.is(columns.find((t) => t.name === 'grade')!.columns.find((c) => c.name === 'student_id')!.key, '→ student.id');

  // The snapshot is one moment: its writer_tick rows are exactly the archived CSV's, and writes went on around it.
  const snapshot = new SqliteDatabase(join(archive, '07_datubāze/ezurnals.sqlite'), { readonly: true });
  assert.is(snapshot.pragma('integrity_check', { simple: true }), 'ok');
  assert.is(snapshot.pragma('journal_mode', { simple: true }), 'delete', 'opens read-only from a CD');
  const ticks = (snapshot.prepare('select count(*) as n from writer_tick').get() as { n: number }).n;
  snapshot.close();
  const csvTicks = readFileSync(join(archive, '06_tabulas/writer_tick.csv'), 'utf8').trim().split('\r\n').length - 1;
  assert.is(csvTicks, ticks);
  assert.ok(ticks > 0, 'the writer wrote before the snapshot');
  const live = Number(spawnSync('sqlite3', [s.dbPath, 'select count(*) from writer_tick'], { encoding: 'utf8' }).stdout.trim());
  assert.ok(live > ticks, `the writer went on after the snapshot (${live} > ${ticks})`);
});

test('archive verify: OK on the folder and on the ISO image', async () => {
  const r = await run(['archive', 'verify', archive]);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`^OK .*: ${listed().files.length} files, [\\d.]+ (KiB|MiB), every SHA-256 matches\\.\\n$`));
  const image = await run(['archive', 'verify', iso, '--json']);
  assert.is(image.code, 0, image.stderr);
  assert.is(image.json.ok, true);
  assert.is(image.json.files, listed().files.length);
});

test('the ISO image holds every file under its Latvian name (Joliet and Rock Ridge)', () => {
  const found = spawnSync('xorriso', ['-indev', iso, '-find', '/', '-type', 'f'], { encoding: 'utf8' });
  assert.is(found.status, 0, found.stderr);
  const inImage = found.stdout.trim().split('\n').map((line) => line.replace(/^'\/?|'$/g, '')).sort();
  assert.equal(inImage, [...listed().files.map((f) => f.path), 'SHA256SUMS', 'manifest.json'].sort());
  assert.ok(inImage.includes('03_liecības/2026-2027_sem1_7a_visa-klase.pdf'));
  const joliet = spawnSync('xorriso', ['-read_fs', 'norock', '-indev', iso, '-ls', '/'], { encoding: 'utf8' });
  assert.match(joliet.stdout, /'04_klašu_kopsavilkumi'/, 'Joliet names too');
});

test('index.html, opened in a browser without a server, links every file of the manifest, and every link resolves', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.goto(pathToFileURL(join(archive, 'index.html')).href, { waitUntil: 'load' });
    const hrefs = await page.$$eval('a', (links) => links.map((a) => (a as HTMLAnchorElement).href));
    const text = await page.$eval('body', (b) => b.textContent ?? '');
    assert.ok(text.includes('Liecības'));
    const base = pathToFileURL(`${archive}/`).href;
    const linked = new Set(hrefs.map((h) => decodeURIComponent(h.slice(base.length))));
    for (const f of listed().files.filter((f) => f.path !== 'index.html')) assert.ok(linked.has(f.path), `index links ${f.path}`);
    for (const href of hrefs) assert.ok(existsSync(fileURLToPath(href)), `${href} resolves`);
  } finally {
    await browser.close();
  }
});

test('archive verify names a changed PDF, a deleted CSV and an added file (exit 4)', async () => {
  const copy = join(place.dir, 'bojāts');
  cpSync(archive, copy, { recursive: true });
  const pdf = join(copy, '03_liecības/2026-2027_sem1_7a_visa-klase.pdf');
  const bytes = readFileSync(pdf);
  const middle = Math.floor(bytes.length / 2);
  bytes[middle] = bytes[middle]! ^ 0x01;
  writeFileSync(pdf, bytes);
  rmSync(join(copy, '06_tabulas/lesson.csv'));
  writeFileSync(join(copy, '06_tabulas/piezīme.txt'), 'x');
  const r = await run(['archive', 'verify', copy]);
  assert.is(r.code, EXIT_CODES.invalid, r.stderr);
  assert.is(r.stdout, '');
  assert.match(r.stderr, /1 missing, 1 changed, 1 extra/);
  assert.match(r.stderr, /missing: 06_tabulas\/lesson\.csv/);
  assert.match(r.stderr, /changed: 03_liecības\/2026-2027_sem1_7a_visa-klase\.pdf/);
  assert.match(r.stderr, /extra: +06_tabulas\/piezīme\.txt/);
  const json = await run(['archive', 'verify', copy, '--json']);
  assert.is(json.code, EXIT_CODES.invalid);
  assert.equal([json.json.missing, json.json.changed, json.json.extra], [['06_tabulas/lesson.csv'], ['03_liecības/2026-2027_sem1_7a_visa-klase.pdf'], ['06_tabulas/piezīme.txt']]);
  // sha256sum sees the same.
  assert.is.not(spawnSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: copy }).status, 0);
});

test('archive restore: a new database from the snapshot; its tables export to the very same CSV; never over an existing file', async () => {
  const restored = join(place.dir, 'atjaunots.db');
  const r = await run(['archive', 'restore', archive, '--db', restored, '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.json.snapshot, '07_datubāze/ezurnals.sqlite');
  // The restored database is an ezurnals database: the year's report still prints from it.
  const card = await run(['report', 'card', '--term', '1', '--class', '7.a', '--json'], { EZURNALS_DB: restored });
  assert.is(card.code, 0, card.stderr);
  assert.ok(card.json.students.some((st: { code: string }) => st.code === 'S001'));

  const again = join(place.dir, 'tabulas-atkal');
  const file = openSnapshotFile(restored);
  try {
    writeTables(file, again);
  } finally {
    await file.close();
  }
  const archived = readdirSync(join(archive, '06_tabulas')).sort();
  assert.equal(readdirSync(again).sort(), archived);
  for (const file of archived) assert.ok(readFileSync(join(again, file)).equals(readFileSync(join(archive, '06_tabulas', file))), `${file} round-trips`);

  const before = await dbState(restored);
  const refused = await run(['archive', 'restore', archive, '--db', restored, '--json']);
  assert.is(refused.code, EXIT_CODES.conflict);
  assert.match(refused.errorJson.error.message, /already exists/);
  assert.is(await dbState(restored), before);

  // A changed snapshot is refused before anything is written.
  const copy = join(place.dir, 'bojāts-momentuzņēmums');
  cpSync(archive, copy, { recursive: true });
  writeFileSync(join(copy, '07_datubāze/ezurnals.sqlite'), Buffer.concat([readFileSync(join(copy, '07_datubāze/ezurnals.sqlite')), Buffer.from([0])]));
  const damaged = await run(['archive', 'restore', copy, '--db', join(place.dir, 'nekas.db')]);
  assert.is(damaged.code, EXIT_CODES.invalid, damaged.stderr);
  assert.match(damaged.stderr, /does not match its SHA-256/);
  assert.not.ok(existsSync(join(place.dir, 'nekas.db')));
});

test('archive export refuses a teacher, an existing folder without --force, a bad --volume-size, and a missing ISO tool, writing nothing', async () => {
  const teacher = await run(['archive', 'export', '--out', join(place.dir, 'skolotājam'), '--as', 'T01', '--json']);
  assert.is(teacher.code, EXIT_CODES.forbidden, teacher.stderr);
  assert.match(teacher.errorJson.error.message, /only an admin or a deputy director may/);
  assert.not.ok(existsSync(join(place.dir, 'skolotājam')));

  const full = join(place.dir, 'aizņemts');
  mkdirSync(full);
  writeFileSync(join(full, 'cits.txt'), 'kept');
  const conflict = await run(['archive', 'export', '--out', full, '--json']);
  assert.is(conflict.code, EXIT_CODES.conflict, conflict.stderr);
  assert.match(conflict.errorJson.error.message, /already exists and is not empty; add --force/);
  assert.equal(readdirSync(full), ['cits.txt']);

  const size = await run(['archive', 'export', '--out', join(place.dir, 'x'), '--volume-size', '700T', '--json']);
  assert.is(size.code, EXIT_CODES.usage);
  assert.match(size.errorJson.error.message, /--volume-size 700T/);

  const emptyPath = join(place.dir, 'bez-rīkiem');
  mkdirSync(emptyPath);
  // The tools are looked up on the process's own PATH: a real process, started without them.
  const noTool = bin(['archive', 'export', '--year', '2026/2027', '--out', join(place.dir, 'y'), '--iso', join(place.dir, 'y.iso'), '--json'], { EZURNALS_DB: s.dbPath, EZURNALS_USER: 'admin', PATH: emptyPath });
  assert.is(noTool.code, 1, noTool.stderr);
  assert.match(noTool.errorJson.error.message, /needs xorriso or genisoimage, and neither is installed/);
  for (const name of ['x', 'y', 'y.iso']) assert.not.ok(existsSync(join(place.dir, name)), name);
  assert.equal(readdirSync(place.dir).filter((n) => n.includes('partial')), []);
});

test('an export interrupted with Ctrl-C part-way leaves neither the folder nor its work folder nor the image', async () => {
  const out = join(place.dir, 'pārtraukts');
  const child = spawn(process.execPath, [BIN, 'archive', 'export', '--out', out, '--iso', `${out}.iso`], { env: { ...process.env, EZURNALS_DB: s.dbPath, EZURNALS_USER: 'admin' }, stdio: 'ignore' });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const working = () => readdirSync(place.dir).filter((n) => n.startsWith('.pārtraukts.partial'));
  // Interrupted once the snapshot and the tables are written, while the documents print.
  for (let i = 0; i < 400 && !working().some((w) => existsSync(join(place.dir, w, '06_tabulas', '00_kolonnu_apraksts.json'))); i++) await new Promise((r) => setTimeout(r, 50));
  assert.is(working().length, 1, 'the export had begun');
  child.kill('SIGINT');
  assert.is(await exited, 130);
  assert.not.ok(existsSync(out));
  assert.not.ok(existsSync(`${out}.iso`));
  assert.equal(working(), []);
});

test.run();
