// PostgreSQL against SQLite, all in one run on one throwaway local server (issue 15 §11). The
// machine is shared and noisy: only the ratios of one run mean anything, so every PostgreSQL figure
// is measured next to its SQLite baseline, interleaved.
//
//  1. import: N schools of 1,000 students (40 classes, a month of lessons), each with its own month
//     of grades (~20k rows); each school's grades.csv is imported with `ezurnals import grades` into
//     its PostgreSQL school and into an SQLite file holding the same school. Only that command is
//     timed (a start of the bin each, as a script runs it), not the set-up (`db copy` of a template).
//     Target: PostgreSQL ≥ ½ SQLite's rows/s.
//     Then where PostgreSQL's time goes: school 1's rows copied by psql into a fresh school, the server alone, with the
//     tool's triggers, without the audit trigger and without any trigger (foreign keys' checks included).
//  2. writers: 8 concurrent loops of `grade enter` processes, spread over 8 schools, against the
//     same 8 loops all in one school (and that on SQLite, as a reference line): latency p50/p95 of
//     each process and throughput. Target: 8 schools ≥ 2× one school's throughput.
//     With the CPU each command cost (the processes' and the server's, from /proc): on a machine
//     with fewer cores than writers, a process per command is bound by its own start-up, in both
//     arms alike, and the table says what ceiling that CPU sets. So the same grades are also
//     entered by 8 `ezurnals batch` processes (the database opened once, each line its own
//     transaction, as a long-running writer such as `serve` does): there the server's one-writer
//     lock per school is what one school waits on, and what 8 schools do not.
//  3. extracts: October's extracts of one school from PostgreSQL against the same school copied
//     into an SQLite file (`db copy`): `--all` as HTML (every query and the rendering, no browser)
//     and one class as PDF. Target: within 1.2× of SQLite.
//
// Usage: npm run bench:pg [-- --schools 50 --calls 10 --batch-calls 100 --rounds 2 --extract-rounds 5 --keep]
// Default 50 schools (~1M grade rows), the issue's scale: the full run took 15.5 min on the loaded 2-core
// machine (2026-12-03), within the ~25 min budget, so the default stays 50; `--schools 8` is a quick run
// (at least 8: the writers need 8 schools).
// Writes bench/results/pg-DATE.json when bench/results exists.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../scripts/pg-server.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SCHOOLS = arg('schools', 50);
const WRITERS = 8;
const CALLS = arg('calls', 10);
const BATCH_CALLS = arg('batch-calls', 100);
const ROUNDS = arg('rounds', 2);
// Extracts take seconds each and vary by a third from run to run on a loaded machine: more rounds than the writers.
const EXTRACT_ROUNDS = arg('extract-rounds', 5);
if (!(SCHOOLS >= WRITERS && CALLS >= 1 && ROUNDS >= 1 && EXTRACT_ROUNDS >= 1)) {
  console.error(`usage: node bench/pg.mjs [--schools N ≥ ${WRITERS}] [--calls N] [--batch-calls N] [--rounds N] [--extract-rounds N] [--keep]`);
  process.exit(2);
}
const YEAR = '2026/2027';
const MONTH = '2026-10';
const STUDENTS = 1000;
const CLASSES = 40;
const LESSONS_PER_DAY = 6;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'ezurnals.js');
const RESULTS = join(ROOT, 'bench', 'results');
const work = mkdtempSync(join(tmpdir(), 'ezurnals-bench-pg-'));
const env = { ...process.env, EZURNALS_USER: 'admin', EZURNALS_LANG: 'en' }; // it reads the bin's English messages
delete env.NODE_OPTIONS;
delete env.EZURNALS_DB;

const log = (text) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${text}`);

function ez(...args) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`ezurnals ${args.join(' ')} → exit ${r.status}\n${r.stderr.slice(0, 3000)}`);
  return r.stdout;
}

/** One start of the bin, timed from spawn to exit (wall time). */
function timed(args, extraEnv = {}) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, seconds: Number(process.hrtime.bigint() - started) / 1e9, stdout, stderr }));
  });
}
async function timedOk(args) {
  const r = await timed(args);
  if (r.code !== 0) throw new Error(`ezurnals ${args.join(' ')} → exit ${r.code}\n${r.stderr.slice(0, 3000)}`);
  return r;
}

const csv = (rows) => rows.map((r) => r.map((v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : v)).join(',')).join('\n') + '\n';
const iso = (d) => d.toISOString().slice(0, 10);

// Deterministic generators (as bench/import.mjs and bench/school.mjs): every run imports the same grades.
const random = (seed) => (n) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return (seed >>> 8) % n; // the high bits: an LCG's low bits repeat with a short period
};
const FIRST = ['Jānis', 'Anna', 'Pēteris', 'Līga', 'Ģirts', 'Žanete', 'Kārlis', 'Ilze', 'Mārtiņš', 'Šarlote', 'Ēriks', 'Dace', 'Rūdolfs', 'Elīza', 'Oļegs', 'Ķeita', 'Aigars', 'Lāsma', 'Česlavs', 'Ņina'];
const LAST = ['Bērziņš', 'Kalniņa', 'Ozols', 'Jansone', 'Liepiņš', 'Krūmiņa', 'Šņore', 'Ābele', 'Vītols', 'Zariņa', 'Eglītis', 'Ķēniņa', 'Lūsis', 'Čakste', 'Žagata', 'Ģērmane'];
const SUBJECTS = [['mat', 'Matemātika'], ['lat', 'Latviešu valoda'], ['ang', 'Angļu valoda'], ['vēst', 'Vēsture'], ['fiz', 'Fizika'], ['ķīm', 'Ķīmija'], ['bio', 'Bioloģija'], ['ģeo', 'Ģeogrāfija'], ['lit', 'Literatūra'], ['sports', 'Sports un veselība']];

/** The school every benchmark school starts from: registry and a month of lessons, no grades, in an SQLite file. */
function template() {
  const db = join(work, 'template.db');
  const dir = join(work, 'registry');
  mkdirSync(dir);
  ez('init', '--db', db, '--school', 'Bench vidusskola', '--year', YEAR);
  const classes = [];
  for (const letter of ['a', 'b', 'c', 'd', 'e']) for (let level = 4; level <= 12 && classes.length < CLASSES; level++) classes.push({ code: `${level}.${letter}`, level });
  classes.sort((a, b) => a.level - b.level || a.code.localeCompare(b.code));
  const staff = classes.map((_, i) => `T${String(i + 1).padStart(2, '0')}`);
  const teacherOf = (ci, si) => staff[(si * 4 + (ci % 4)) % staff.length];
  const students = Array.from({ length: STUDENTS }, (_, i) => ({ code: `S${String(i + 1).padStart(4, '0')}`, ci: i % classes.length }));
  const registry = {
    subjects: [['Kods', 'Nosaukums'], ...SUBJECTS],
    staff: [['Kods', 'Vārds', 'Uzvārds', 'Lomas'], ...staff.map((t, i) => [t, FIRST[i % FIRST.length], LAST[(i * 3) % LAST.length], 'teacher|class-teacher'])],
    classes: [['Klase', 'Līmenis', 'Audzinātājs'], ...classes.map((c, i) => [c.code, c.level, staff[i]])],
    students: [['Kods', 'Vārds', 'Uzvārds', 'Klase'], ...students.map((s, i) => [s.code, FIRST[i % FIRST.length], LAST[(i * 7) % LAST.length], classes[s.ci].code])],
    assignments: [['Klase', 'Priekšmets', 'Skolotājs'], ...classes.flatMap((c, ci) => SUBJECTS.map(([s], si) => [c.code, s, teacherOf(ci, si)]))],
  };
  for (const [kind, rows] of Object.entries(registry)) writeFileSync(join(dir, `${kind}.csv`), csv(rows));
  ez('import', 'bundle', dir, '--db', db);
  // The month's weekdays, minus what the calendar refuses (holidays; a dry run says which).
  const days = [];
  for (let d = new Date(`${MONTH}-01T00:00:00Z`); iso(d).startsWith(MONTH); d.setUTCDate(d.getUTCDate() + 1)) if (d.getUTCDay() % 6 !== 0) days.push(iso(d));
  writeFileSync(join(work, 'probe.csv'), csv([['class', 'subject', 'date', 'number', 'topic'], ...days.map((d) => [classes[0].code, 'mat', d, 1, 'x'])]));
  const probe = spawnSync(process.execPath, [BIN, 'import', 'lessons', join(work, 'probe.csv'), '--dry-run', '--db', db], { env, encoding: 'utf8' });
  const refused = new Set([...probe.stderr.matchAll(/probe\.csv:(\d+):/g)].map((m) => days[Number(m[1]) - 2]));
  const teaching = days.filter((d) => !refused.has(d));
  // Six lessons a day, a weekly timetable: a subject at most once a day, so class+subject+date names one lesson.
  const lessons = [];
  const taught = classes.map(() => SUBJECTS.map(() => []));
  classes.forEach((c, ci) => {
    for (const date of teaching) {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      for (let n = 1; n <= LESSONS_PER_DAY; n++) {
        const si = (weekday * LESSONS_PER_DAY + n + ci) % SUBJECTS.length;
        lessons.push([c.code, SUBJECTS[si][0], date, n, `${SUBJECTS[si][1]}: ${n}. tēma`]);
        taught[ci][si].push(date);
      }
    }
  });
  writeFileSync(join(work, 'lessons.csv'), csv([['class', 'subject', 'date', 'number', 'topic'], ...lessons]));
  ez('import', 'lessons', join(work, 'lessons.csv'), '--db', db);
  rmSync(dir, { recursive: true, force: true });
  return { db, classes, staff, teacherOf, students, taught, teaching, lessons: lessons.length };
}

/** School k's month of grades: 1–3 a subject for each student (~20k rows), on days the subject was taught. */
function gradesFile(t, k) {
  const rand = random(20262027 + k * 7919);
  const works = ['', 'kārtējais', 'pārbaudes darbs'];
  const rows = [];
  for (const s of t.students) {
    SUBJECTS.forEach(([subject], si) => {
      const days = t.taught[s.ci][si];
      const count = Math.min(days.length, 1 + rand(3));
      const start = rand(days.length);
      for (let j = 0; j < count; j++) {
        const date = days[(start + j * 3) % days.length];
        const [y, m, d] = date.split('-');
        const value = Math.min(10, Math.max(1, 3 + rand(4) + rand(4) + (rand(8) === 0 ? 1 : 0)));
        rows.push([t.classes[s.ci].code, subject, rand(3) === 0 ? `${d}.${m}.${y}` : date, s.code, value, rand(6) === 0 ? works[2] : works[rand(2)], rand(40) === 0 ? 'Labs darbs, turpini!' : '']);
      }
    });
  }
  const file = join(work, `grades-${k}.csv`);
  writeFileSync(file, csv([['class', 'subject', 'date', 'student', 'value', 'work', 'note'], ...rows]));
  return { file, rows: rows.length };
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
const median = (xs) => quantile(xs, 0.5);

/** CPU seconds used so far by this process's finished children (the bins), and by the server's finished backends. */
function cpuSeconds() {
  // /proc/PID/stat: after "(comm)", field 14/15 are utime/stime, 16/17 cutime/cstime (waited-for children), in clock ticks.
  const fields = (pid) => readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ').map(Number);
  const TICK = 100;
  const own = fields('self');
  const postmaster = server ? Number(readFileSync(join(server.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]) : undefined;
  const pm = postmaster ? fields(postmaster) : undefined;
  return { client: (own[13] + own[14]) / TICK, server: pm ? (pm[11] + pm[12] + pm[13] + pm[14]) / TICK : 0 };
}

/** 8 concurrent loops of `grade enter` processes; writer w writes into dbOf(w) (no dbOf: `--version`, the bare start-up). */
async function writers(t, lessonIds, dbOf, label) {
  const latencies = [];
  const failures = [];
  const cpu0 = cpuSeconds();
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      // Each writer its own class (5 apart) and subject: a teacher entering their own lesson's grades.
      const ci = w * 5;
      const si = w % SUBJECTS.length;
      const date = t.taught[ci][si][0];
      const lesson = lessonIds.get(`${t.classes[ci].code}|${SUBJECTS[si][0]}|${date}`);
      const pupils = t.students.filter((s) => s.ci === ci);
      for (let i = 0; i < CALLS; i++) {
        const r = await timed(!dbOf ? ['--version'] : ['grade', 'enter', '--db', dbOf(w), '--lesson', String(lesson), '--student', pupils[i % pupils.length].code, '--value', String(1 + ((i + w) % 10)), '--note', `bench ${label} w${w} ${i}`, '--as', t.teacherOf(ci, si)]);
        if (r.code === 0) latencies.push(r.seconds);
        else failures.push(`writer ${w} call ${i}: exit ${r.code}: ${r.stderr.trim().slice(0, 300)}`);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // The server reaps a backend shortly after its client leaves: its CPU is counted then.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const cpu1 = cpuSeconds();
  return { seconds, latencies, failures, cpu: { client: cpu1.client - cpu0.client, server: cpu1.server - cpu0.server } };
}

/**
 * The same writers as `ezurnals batch` processes: writer w sends `calls` `grade enter` lines to one
 * batch, which opens its database once and commits each line on its own. A batch reads all its
 * lines before it runs them, and 8 starts on a loaded machine are seconds apart: only the answers
 * while all 8 are running count (from the last writer's first answer to the first writer's last),
 * so neither the starts nor a lone writer's tail are in the figure. None overlapping: no figure.
 * Latency: the time between a writer's consecutive answers.
 */
async function batchWriters(t, lessonIds, dbOf, label, calls) {
  const failures = [];
  const latencies = [];
  const answers = Array.from({ length: WRITERS }, () => []);
  const cpu0 = cpuSeconds();
  await Promise.all(
    Array.from({ length: WRITERS }, (_, w) => {
      const ci = w * 5;
      const si = w % SUBJECTS.length;
      const lesson = lessonIds.get(`${t.classes[ci].code}|${SUBJECTS[si][0]}|${t.taught[ci][si][0]}`);
      const pupils = t.students.filter((s) => s.ci === ci);
      const lines = Array.from({ length: calls }, (_, i) => `grade enter --lesson ${lesson} --student ${pupils[i % pupils.length].code} --value ${1 + ((i + w) % 10)} --note "bench ${label} w${w} ${i}"\n`);
      return new Promise((resolve) => {
        const child = spawn(process.execPath, [BIN, 'batch', '-', '--db', dbOf(w), '--as', t.teacherOf(ci, si)], { env, stdio: ['pipe', 'pipe', 'pipe'] });
        let pending = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (d) => {
          pending += d;
          for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
            const line = pending.slice(0, nl);
            pending = pending.slice(nl + 1);
            const now = Number(process.hrtime.bigint()) / 1e9;
            if (answers[w].length > 0) latencies.push(now - answers[w].at(-1));
            answers[w].push(now);
            if (!/^\{"line":\d+,"exit":0[,}]/.test(line)) failures.push(`batch writer ${w}: ${line.slice(0, 300)}`);
          }
        });
        child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
        child.on('close', (code) => {
          if (code !== 0 && failures.length === 0) failures.push(`batch writer ${w}: exit ${code}: ${stderr.trim().slice(0, 300)}`);
          resolve();
        });
        child.stdin.end(lines.join(''));
      });
    }),
  );
  // The server reaps a backend shortly after its client leaves: its CPU is counted then.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const cpu1 = cpuSeconds();
  const from = Math.max(...answers.map((a) => a[0] ?? Infinity));
  const to = Math.min(...answers.map((a) => a.at(-1) ?? -Infinity));
  const overlap = to > from ? to - from : 0;
  const counted = overlap > 0 ? answers.flat().filter((x) => x > from && x <= to).length : 0;
  return { seconds: overlap, counted, latencies, failures, answered: answers.flat().length, cpu: { client: cpu1.client - cpu0.client, server: cpu1.server - cpu0.server } };
}

const results = { date: new Date().toISOString(), machine: { cores: availableParallelism(), loadBefore: loadavg()[0] }, scale: { schools: SCHOOLS, calls: CALLS, rounds: ROUNDS, extractRounds: EXTRACT_ROUNDS } };
let server;
const stopServer = () => {
  if (server) server.stop();
  server = undefined;
};
process.on('SIGINT', () => {
  stopServer();
  rmSync(work, { recursive: true, force: true });
  process.exit(130);
});

try {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const t0 = Date.now();
  // A server as it is run for real: every commit waits for its WAL flush (synchronous_commit=on, fsync on). This is
  // what a school's one-writer lock is held across, and what writers of different schools share (group commit).
  // The SQLite files are compared as the tool uses them (WAL, synchronous=NORMAL: no flush at each commit); an
  // import or an extract is one transaction, so the difference is one flush.
  // Statements over a second are logged with their plans (auto_explain), and listed at the end.
  server = await startServer({
    settings: { max_connections: '100', log_min_duration_statement: '1000', session_preload_libraries: 'auto_explain', 'auto_explain.log_min_duration': '1000', 'auto_explain.log_nested_statements': 'on' },
  });
  results.server = `PostgreSQL ${server.version}, local TCP, synchronous_commit=on`;
  execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', `${server.url}/postgres`, '-c', `create database ezurnals template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`], { stdio: ['ignore', 'ignore', 'inherit'] });
  const pg = (k) => `${server.url}/ezurnals?school=s${String(k).padStart(3, '0')}`;
  const lite = (k) => join(work, `s${String(k).padStart(3, '0')}.db`);
  const t = template();
  const lessonIds = new Map(JSON.parse(ez('lesson', 'list', '--db', t.db, '--json')).map((l) => [`${l.class ?? l.classCode}|${l.subject ?? l.subjectCode}|${l.date}`, l.id]));
  log(`template school: ${t.classes.length} classes, ${t.students.length} students, ${t.lessons} lessons over ${t.teaching.length} days (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

  // 1. Import, school by school; PostgreSQL and SQLite alternate which goes first.
  const imp = { pg: { rows: 0, seconds: 0 }, sqlite: { rows: 0, seconds: 0 }, setupSeconds: 0, perSchool: [] };
  for (let k = 1; k <= SCHOOLS; k++) {
    const s0 = Date.now();
    const grades = gradesFile(t, k);
    ez('db', 'copy', t.db, pg(k));
    copyFileSync(t.db, lite(k));
    imp.setupSeconds += (Date.now() - s0) / 1000;
    const one = {};
    for (const side of k % 2 ? ['pg', 'sqlite'] : ['sqlite', 'pg']) {
      const r = await timedOk(['import', 'grades', grades.file, '--db', side === 'pg' ? pg(k) : lite(k), '--json']);
      const created = JSON.parse(r.stdout).reduce((n, x) => n + x.created, 0);
      if (created !== grades.rows) throw new Error(`school ${k} on ${side}: ${created} grades created of ${grades.rows}`);
      imp[side].rows += grades.rows;
      imp[side].seconds += r.seconds;
      one[side] = r.seconds;
    }
    imp.perSchool.push({ school: k, rows: grades.rows, pgSeconds: one.pg, sqliteSeconds: one.sqlite });
    rmSync(grades.file);
    // Only school 1's file is needed later (the SQLite writers' reference): the others would fill the disk.
    if (k > 1) rmSync(lite(k));
    log(`import ${k}/${SCHOOLS}: ${grades.rows} rows, PostgreSQL ${one.pg.toFixed(2)} s, SQLite ${one.sqlite.toFixed(2)} s`);
  }
  results.import = {
    schools: SCHOOLS,
    rows: imp.pg.rows,
    pgSeconds: imp.pg.seconds,
    sqliteSeconds: imp.sqlite.seconds,
    pgRowsPerSecond: imp.pg.rows / imp.pg.seconds,
    sqliteRowsPerSecond: imp.sqlite.rows / imp.sqlite.seconds,
    ratio: imp.pg.rows / imp.pg.seconds / (imp.sqlite.rows / imp.sqlite.seconds),
    target: '≥ 0.5',
    perSchoolRatioMedian: median(imp.perSchool.map((s) => s.sqliteSeconds / s.pgSeconds)),
  };

  // 1b. Where PostgreSQL's import time goes, on the server alone: school 1's grades, dumped as COPY text, are copied
  // by psql into an untouched copy of the template in a transaction rolled back, with the school's triggers as the
  // tool runs them, without the audit trigger, and without any trigger (the foreign keys' own per-row triggers
  // included: only a superuser may switch those off, which this throwaway server's psql is; the tool never does).
  const floorSchool = pg(0).replace(/s000$/, 'floor');
  ez('db', 'copy', t.db, floorSchool);
  const serverCopy = { rows: 0, full: [], noAudit: [], noTriggers: [] };
  {
    const dump = join(work, 'grades-1.copy');
    const psql = (script) => execFileSync('psql', ['-X', '-v', 'ON_ERROR_STOP=1', `${server.url}/ezurnals`], { input: script, encoding: 'utf8', maxBuffer: 1 << 26 });
    psql(`\\copy s001.grade to '${dump}'\n`);
    serverCopy.rows = Number(psql('select count(*) from s001.grade;').match(/\n\s*(\d+)\n/)[1]);
    const variants = { full: '', noAudit: 'alter table floor.grade disable trigger audit_grade__insert;', noTriggers: 'alter table floor.grade disable trigger all;' };
    let script = '\\timing on\n';
    for (let round = 0; round < 3; round++) for (const [name, off] of round % 2 ? Object.entries(variants).reverse() : Object.entries(variants)) script += `begin;\nselect floor.ezurnals_begin_write();\n${off}\n\\echo variant ${name}\n\\copy floor.grade from '${dump}'\nrollback;\n`;
    for (const m of psql(script).matchAll(/variant (\w+)\nCOPY \d+\nTime: ([\d.]+) ms/g)) serverCopy[m[1]].push(Number(m[2]) / 1000);
    rmSync(dump);
  }
  results.import.serverAlone = { school: 1, rows: serverCopy.rows, seconds: median(serverCopy.full), withoutAuditTrigger: median(serverCopy.noAudit), withoutAnyTrigger: median(serverCopy.noTriggers), sqliteWholeImport: imp.perSchool[0].sqliteSeconds, pgWholeImport: imp.perSchool[0].pgSeconds };
  log(`server alone, ${serverCopy.rows} rows: COPY ${results.import.serverAlone.seconds.toFixed(2)} s, without the audit trigger ${results.import.serverAlone.withoutAuditTrigger.toFixed(2)} s, without any trigger ${results.import.serverAlone.withoutAnyTrigger.toFixed(2)} s`);

  // 2. Writers, interleaved rounds: 8 schools, one school, one school on SQLite.
  // The floor: the same 8 loops starting the bin for `--version` only. On a machine with fewer cores
  // than writers, process start-up alone can use up the CPU, and no lock design can beat this line.
  const runs = { spread: [], one: [], sqlite: [], floor: [], batchSpread: [], batchOne: [], batchSqlite: [] };
  for (let round = 1; round <= ROUNDS; round++) {
    runs.floor.push(await writers(t, lessonIds, null, `floor r${round}`));
    runs.spread.push(await writers(t, lessonIds, (w) => pg(w + 1), `spread r${round}`));
    runs.one.push(await writers(t, lessonIds, () => pg(1), `one r${round}`));
    runs.sqlite.push(await writers(t, lessonIds, () => lite(1), `sqlite r${round}`));
    log(`writers round ${round}/${ROUNDS}: 8 schools ${runs.spread.at(-1).seconds.toFixed(1)} s, one school ${runs.one.at(-1).seconds.toFixed(1)} s, SQLite ${runs.sqlite.at(-1).seconds.toFixed(1)} s, --version floor ${runs.floor.at(-1).seconds.toFixed(1)} s`);
    runs.batchSpread.push(await batchWriters(t, lessonIds, (w) => pg(w + 1), `batch spread r${round}`, BATCH_CALLS));
    runs.batchOne.push(await batchWriters(t, lessonIds, () => pg(1), `batch one r${round}`, BATCH_CALLS));
    runs.batchSqlite.push(await batchWriters(t, lessonIds, () => lite(1), `batch sqlite r${round}`, BATCH_CALLS));
    log(`batch writers round ${round}/${ROUNDS}: 8 schools ${runs.batchSpread.at(-1).seconds.toFixed(1)} s, one school ${runs.batchOne.at(-1).seconds.toFixed(1)} s, SQLite ${runs.batchSqlite.at(-1).seconds.toFixed(1)} s`);
  }
  const summary = (list) => {
    const latencies = list.flatMap((r) => r.latencies);
    const seconds = list.reduce((n, r) => n + r.seconds, 0);
    const failures = list.flatMap((r) => r.failures);
    const calls = list.reduce((n, r) => n + (r.answered ?? r.latencies.length), 0);
    const cpu = { client: list.reduce((n, r) => n + r.cpu.client, 0) / calls, server: list.reduce((n, r) => n + r.cpu.server, 0) / calls };
    const counted = list.reduce((n, r) => n + (r.counted ?? r.latencies.length), 0);
    return { calls, failed: failures.length, seconds, perSecond: counted / seconds, p50: median(latencies), p95: quantile(latencies, 0.95), cpuPerCall: cpu, failures: failures.slice(0, 5) };
  };
  const cores = availableParallelism();
  const ceiling = (x) => cores / (x.cpuPerCall.client + x.cpuPerCall.server);
  results.writers = { writers: WRITERS, callsPerWriterPerRound: CALLS, rounds: ROUNDS, spread: summary(runs.spread), one: summary(runs.one), sqlite: summary(runs.sqlite), floor: summary(runs.floor) };
  results.writers.ratio = results.writers.spread.perSecond / results.writers.one.perSecond;
  results.writers.target = '≥ 2';
  // What the CPU alone allows: every core busy with nothing but these commands.
  results.writers.cpuCeilingPerSecond = ceiling(results.writers.spread);
  results.batchWriters = { writers: WRITERS, linesPerWriterPerRound: BATCH_CALLS, rounds: ROUNDS, spread: summary(runs.batchSpread), one: summary(runs.batchOne), sqlite: summary(runs.batchSqlite) };
  results.batchWriters.ratio = results.batchWriters.spread.perSecond / results.batchWriters.one.perSecond;
  results.batchWriters.cpuCeilingPerSecond = ceiling(results.batchWriters.spread);
  results.batchWriters.target = '≥ 2';

  // 3. Extracts of the last school (no writer touched it), from PostgreSQL and from its SQLite copy.
  const extractDb = join(work, 'extract.db');
  ez('db', 'copy', pg(SCHOOLS), extractDb);
  const extractClass = t.classes[0].code;
  const ext = { html: { pg: [], sqlite: [] }, pdf: { pg: [], sqlite: [] } };
  for (let round = 1; round <= EXTRACT_ROUNDS; round++) {
    for (const side of round % 2 ? ['pg', 'sqlite'] : ['sqlite', 'pg']) {
      const db = side === 'pg' ? pg(SCHOOLS) : extractDb;
      const out = join(work, `extract-${side}`);
      ext.html[side].push((await timedOk(['report', 'extract', '--db', db, '--month', MONTH, '--all', '--format', 'html', '--out', join(out, 'html'), '--force'])).seconds);
      ext.pdf[side].push((await timedOk(['report', 'extract', '--db', db, '--month', MONTH, '--class', extractClass, '--out', join(out, 'pdf'), '--force'])).seconds);
    }
    log(`extracts round ${round}/${EXTRACT_ROUNDS}: --all html PostgreSQL ${ext.html.pg.at(-1).toFixed(1)} s, SQLite ${ext.html.sqlite.at(-1).toFixed(1)} s; ${extractClass} pdf PostgreSQL ${ext.pdf.pg.at(-1).toFixed(1)} s, SQLite ${ext.pdf.sqlite.at(-1).toFixed(1)} s`);
  }
  // What every command pays to open its database, in sequence: loading `pg`, connecting, the open-time checks.
  const open = { pg: [], sqlite: [] };
  for (let i = 0; i < 3 * ROUNDS; i++) for (const side of i % 2 ? ['pg', 'sqlite'] : ['sqlite', 'pg']) open[side].push((await timedOk(['subject', 'list', '--db', side === 'pg' ? pg(SCHOOLS) : extractDb, '--json'])).seconds);
  const files = (dir) => readdirSync(dir).length;
  for (const kind of ['html', 'pdf']) if (files(join(work, 'extract-pg', kind)) !== files(join(work, 'extract-sqlite', kind))) throw new Error(`extracts (${kind}): ${files(join(work, 'extract-pg', kind))} files from PostgreSQL, ${files(join(work, 'extract-sqlite', kind))} from SQLite`);
  results.extracts = {
    month: MONTH,
    all: { format: 'html', files: files(join(work, 'extract-pg', 'html')), pgSeconds: median(ext.html.pg), sqliteSeconds: median(ext.html.sqlite), ratio: median(ext.html.pg) / median(ext.html.sqlite) },
    class: { class: extractClass, format: 'pdf', files: files(join(work, 'extract-pg', 'pdf')), pgSeconds: median(ext.pdf.pg), sqliteSeconds: median(ext.pdf.sqlite), ratio: median(ext.pdf.pg) / median(ext.pdf.sqlite) },
    target: '≤ 1.2',
  };
  results.open = { command: 'subject list', runs: open.pg.length, pgSeconds: median(open.pg), sqliteSeconds: median(open.sqlite), extraMs: (median(open.pg) - median(open.sqlite)) * 1000 };
  // The server's slow statements (over 1 s), by statement text, from its log.
  const slow = new Map();
  for (const m of readFileSync(join(server.dir, 'server.log'), 'utf8').matchAll(/duration: ([\d.]+) ms {2}(?:statement|execute [^:]*): (.{0,120})/g)) {
    const key = m[2].replace(/\s+/g, ' ');
    const e = slow.get(key) ?? { statement: key, count: 0, maxMs: 0 };
    e.count++;
    e.maxMs = Math.max(e.maxMs, Number(m[1]));
    slow.set(key, e);
  }
  results.slowStatements = [...slow.values()].sort((a, b) => b.maxMs - a.maxMs).slice(0, 10);
  results.machine.loadAfter = loadavg()[0];
  results.totalSeconds = (Date.now() - t0) / 1000;

  // The table.
  const r = results;
  const n = (x, d = 0) => x.toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d });
  const verdict = (ok) => (ok ? 'met' : 'NOT met');
  const w = r.writers;
  const b = r.batchWriters;
  const lines = [
    `bench:pg — ${r.server}; ${SCHOOLS} schools × ${STUDENTS} students, ${n(r.import.rows)} grade rows; ${r.machine.cores} cores, load ${r.machine.loadBefore.toFixed(1)} → ${r.machine.loadAfter.toFixed(1)}; ${n(r.totalSeconds / 60, 1)} min`,
    '',
    'measure                                   PostgreSQL      SQLite (same run)   ratio     target',
    `1. import grades, rows/s                  ${n(r.import.pgRowsPerSecond).padStart(10)}      ${n(r.import.sqliteRowsPerSecond).padStart(10)}          ${n(r.import.ratio, 2).padStart(5)}×    ≥ 0.5×  ${verdict(r.import.ratio >= 0.5)}`,
    `   (${n(r.import.pgSeconds, 1)} s against ${n(r.import.sqliteSeconds, 1)} s in all; per school median ratio ${n(r.import.perSchoolRatioMedian, 2)}×)`,
    `   school 1 (${n(r.import.serverAlone.rows)} rows), the server alone (psql COPY, rolled back): ${n(r.import.serverAlone.seconds, 2)} s as the tool runs it, ${n(r.import.serverAlone.withoutAuditTrigger, 2)} s without the audit trigger, ${n(r.import.serverAlone.withoutAnyTrigger, 2)} s without any trigger (the foreign keys' per-row checks off);`,
    `   the whole import of that file: PostgreSQL ${n(r.import.serverAlone.pgWholeImport, 2)} s, SQLite ${n(r.import.serverAlone.sqliteWholeImport, 2)} s (the target asks PostgreSQL ≤ ${n(2 * r.import.serverAlone.sqliteWholeImport, 2)} s)`,
    `2. 8 writers, grade enter processes (${w.spread.calls + w.spread.failed} calls each line):`,
    `   8 schools: calls/s, p50, p95          ${n(w.spread.perSecond, 2).padStart(10)}  ${n(w.spread.p50 * 1000).padStart(5)} ms ${n(w.spread.p95 * 1000).padStart(5)} ms   ${n(w.ratio, 2).padStart(5)}×    ≥ 2× one school  ${verdict(w.ratio >= 2)}`,
    `   one school: calls/s, p50, p95         ${n(w.one.perSecond, 2).padStart(10)}  ${n(w.one.p50 * 1000).padStart(5)} ms ${n(w.one.p95 * 1000).padStart(5)} ms`,
    `   one school on SQLite (reference)      ${n(w.sqlite.perSecond, 2).padStart(10)}  ${n(w.sqlite.p50 * 1000).padStart(5)} ms ${n(w.sqlite.p95 * 1000).padStart(5)} ms   (one school PostgreSQL/SQLite ${n(w.one.perSecond / w.sqlite.perSecond, 2)}×)`,
    `   floor: 8 loops of --version           ${n(w.floor.perSecond, 2).padStart(10)}  ${n(w.floor.p50 * 1000).padStart(5)} ms ${n(w.floor.p95 * 1000).padStart(5)} ms   (8 schools reach ${n((w.spread.perSecond / w.floor.perSecond) * 100)}% of the start-up floor)`,
    `   CPU per call: 8 schools ${n(w.spread.cpuPerCall.client * 1000)} ms bin + ${n(w.spread.cpuPerCall.server * 1000)} ms server, one school ${n(w.one.cpuPerCall.client * 1000)} + ${n(w.one.cpuPerCall.server * 1000)} ms; --version ${n(w.floor.cpuPerCall.client * 1000)} ms: ${cores} cores allow ${n(w.cpuCeilingPerSecond, 1)} calls/s`,
    `   failed calls: 8 schools ${w.spread.failed}, one school ${w.one.failed}, SQLite ${w.sqlite.failed}`,
    `   8 batch writers (${b.linesPerWriterPerRound} lines each, timed while all 8 run):`,
    `   8 schools: lines/s, p50, p95          ${n(b.spread.perSecond, 1).padStart(10)}  ${n(b.spread.p50 * 1000, 1).padStart(5)} ms ${n(b.spread.p95 * 1000, 1).padStart(5)} ms   ${n(b.ratio, 2).padStart(5)}×    ≥ 2× one school  ${verdict(b.ratio >= 2)}`,
    `   one school: lines/s, p50, p95         ${n(b.one.perSecond, 1).padStart(10)}  ${n(b.one.p50 * 1000, 1).padStart(5)} ms ${n(b.one.p95 * 1000, 1).padStart(5)} ms`,
    `   one school on SQLite (reference)      ${n(b.sqlite.perSecond, 1).padStart(10)}  ${n(b.sqlite.p50 * 1000, 1).padStart(5)} ms ${n(b.sqlite.p95 * 1000, 1).padStart(5)} ms`,
    `   CPU per line: 8 schools ${n(b.spread.cpuPerCall.client * 1000, 1)} ms batch + ${n(b.spread.cpuPerCall.server * 1000, 1)} ms server, one school ${n(b.one.cpuPerCall.client * 1000, 1)} + ${n(b.one.cpuPerCall.server * 1000, 1)} ms: ${cores} cores allow ${n(b.cpuCeilingPerSecond, 1)} lines/s; failed lines ${b.spread.failed}/${b.one.failed}/${b.sqlite.failed}`,
    `3. extracts ${MONTH}, --all html (${r.extracts.all.files} files)  ${n(r.extracts.all.pgSeconds, 2).padStart(8)} s      ${n(r.extracts.all.sqliteSeconds, 2).padStart(8)} s          ${n(r.extracts.all.ratio, 2).padStart(5)}×    ≤ 1.2×  ${verdict(r.extracts.all.ratio <= 1.2)}`,
    `   extracts ${MONTH}, ${extractClass} pdf (${r.extracts.class.files} files)     ${n(r.extracts.class.pgSeconds, 2).padStart(8)} s      ${n(r.extracts.class.sqliteSeconds, 2).padStart(8)} s          ${n(r.extracts.class.ratio, 2).padStart(5)}×    ≤ 1.2×  ${verdict(r.extracts.class.ratio <= 1.2)}`,
    `   (medians of ${EXTRACT_ROUNDS} interleaved rounds)`,
    `   a command's open, \`subject list\`          ${n(r.open.pgSeconds, 2).padStart(8)} s      ${n(r.open.sqliteSeconds, 2).padStart(8)} s          +${n(r.open.extraMs)} ms on PostgreSQL (median of ${r.open.runs})`,
  ];
  console.log(lines.join('\n'));
  if (r.slowStatements.length) console.log(`\nPostgreSQL statements over 1 s (plans in the server log; --keep does not keep it):\n${r.slowStatements.map((e) => `   ${e.count}× max ${n(e.maxMs)} ms: ${e.statement}`).join('\n')}`);
  for (const f of [...w.spread.failures, ...w.one.failures, ...w.sqlite.failures, ...b.spread.failures, ...b.one.failures, ...b.sqlite.failures]) console.log(`   failed: ${f}`);
  if (existsSync(RESULTS)) {
    const file = join(RESULTS, `pg-${results.date.slice(0, 10)}.json`);
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    console.error(`written: ${file}`);
  } else console.log(JSON.stringify(results));
} finally {
  stopServer();
  if (process.argv.includes('--keep')) console.error(`kept: ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
