// The generated bench school (1,000 students in 40 classes, a month of journal), cached in the
// system's temp folder, and the measuring of a CLI run with its browser: shared by the benches
// of the reports (bench/reports.mjs) and of the archive (bench/archive.mjs).
import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'ezurnals.js');

/** Everything the generated school depends on; a change gives a new cached database. */
export const SCHOOL = {
  generator: 3,
  name: 'Bench vidusskola',
  students: 1000,
  classes: 40,
  year: '2026/2027',
  month: '2026-10',
  lessonsPerDay: 6,
  gradesPerSubject: [2, 4],
  testShare: 6,
  seed: 20262027,
};
const migrations = readdirSync(join(ROOT, 'src', 'db', 'migrations')).sort().map((f) => readFileSync(join(ROOT, 'src', 'db', 'migrations', f), 'utf8'));
const cacheKey = createHash('sha256').update(JSON.stringify({ SCHOOL, migrations })).digest('hex').slice(0, 12);
export const CACHE = join(tmpdir(), `ezurnals-bench-reports-${cacheKey}`);
export const DB = join(CACHE, 'bench.db');

export const env = { ...process.env, EZURNALS_DB: DB, EZURNALS_USER: 'admin', EZURNALS_LANG: 'en' }; // it reads the bin's English messages
delete env.NODE_OPTIONS;

function ez(...args) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`ezurnals ${args.join(' ')} → exit ${r.status}\n${r.stderr.slice(0, 3000)}`);
  return r;
}

const csv = (rows) => rows.map((r) => r.map((v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : v)).join(',')).join('\n') + '\n';
const iso = (d) => d.toISOString().slice(0, 10);

// A deterministic generator, so that every run prints the same school.
let seed = SCHOOL.seed;
const rand = (n) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  // The high bits: an LCG's low bits repeat with a short period.
  return (seed >>> 8) % n;
};

// Latvian surnames agree with the person's gender: each name list pairs with its surname list.
const MALE = [['Jānis', 'Pēteris', 'Ģirts', 'Kārlis', 'Mārtiņš', 'Ēriks', 'Rūdolfs', 'Oļegs', 'Aigars', 'Česlavs', 'Edgars', 'Raivis'], ['Bērziņš', 'Ozols', 'Liepiņš', 'Vītols', 'Eglītis', 'Lūsis', 'Kļaviņš', 'Strautiņš', 'Zariņš', 'Ķēniņš']];
const FEMALE = [['Anna', 'Līga', 'Žanete', 'Ilze', 'Šarlote', 'Dace', 'Elīza', 'Ķeita', 'Lāsma', 'Ņina', 'Agnese', 'Santa'], ['Kalniņa', 'Jansone', 'Krūmiņa', 'Šņore', 'Ābele', 'Zariņa', 'Ķēniņa', 'Čakste', 'Pūce', 'Dūmiņa']];
const person = () => {
  const [first, last] = rand(2) ? MALE : FEMALE;
  return { first: first[rand(first.length)], last: last[rand(last.length)] };
};
const SUBJECTS = [['mat', 'Matemātika'], ['lat', 'Latviešu valoda'], ['ang', 'Angļu valoda'], ['vēst', 'Vēsture'], ['fiz', 'Fizika'], ['ķīm', 'Ķīmija'], ['bio', 'Bioloģija'], ['ģeo', 'Ģeogrāfija'], ['lit', 'Literatūra'], ['sports', 'Sports un veselība']];

/** Registry and a month of journal as two bundles (the journal's lessons need the classes first). */
function generate() {
  const dir = join(CACHE, 'csv');
  mkdirSync(join(dir, 'registry'), { recursive: true });
  mkdirSync(join(dir, 'journal'), { recursive: true });
  ez('init', '--school', SCHOOL.name, '--year', SCHOOL.year);

  // Levels 4–12 (10-point grades), up to five parallel classes each, the lower levels fuller.
  const classes = [];
  for (const letter of ['a', 'b', 'c', 'd', 'e']) for (let level = 4; level <= 12 && classes.length < SCHOOL.classes; level++) classes.push({ code: `${level}.${letter}`, level });
  classes.sort((a, b) => a.level - b.level || a.code.localeCompare(b.code));
  const staff = classes.map((_, i) => `T${String(i + 1).padStart(2, '0')}`);
  const teacherOf = (classIndex, subjectIndex) => staff[(subjectIndex * 4 + (classIndex % 4)) % staff.length];
  const students = [];
  for (let i = 0; i < SCHOOL.students; i++) {
    students.push({ code: `S${String(i + 1).padStart(4, '0')}`, ...person(), cls: classes[i % classes.length].code });
  }
  const registry = {
    subjects: [['Kods', 'Nosaukums'], ...SUBJECTS],
    staff: [['Kods', 'Vārds', 'Uzvārds', 'Lomas'], ...staff.map((t) => [t, ...Object.values(person()), 'teacher|class-teacher'])],
    classes: [['Klase', 'Līmenis', 'Audzinātājs'], ...classes.map((c, i) => [c.code, c.level, staff[i]])],
    students: [['Kods', 'Vārds', 'Uzvārds', 'Klase'], ...students.map((s) => [s.code, s.first, s.last, s.cls])],
    assignments: [['Klase', 'Priekšmets', 'Skolotājs'], ...classes.flatMap((c, i) => SUBJECTS.map(([s], j) => [c.code, s, teacherOf(i, j)]))],
  };
  for (const [kind, rows] of Object.entries(registry)) writeFileSync(join(dir, 'registry', `${kind}.csv`), csv(rows));
  ez('import', 'bundle', join(dir, 'registry'));

  // The month's weekdays, minus what the calendar refuses (holidays; a dry run says which).
  const days = [];
  for (let d = new Date(`${SCHOOL.month}-01T00:00:00Z`); iso(d).startsWith(SCHOOL.month); d.setUTCDate(d.getUTCDate() + 1)) if (d.getUTCDay() % 6 !== 0) days.push(iso(d));
  writeFileSync(join(dir, 'probe.csv'), csv([['class', 'subject', 'date', 'number', 'topic'], ...days.map((d) => [classes[0].code, 'mat', d, 1, 'x'])]));
  const probe = spawnSync(process.execPath, [BIN, 'import', 'lessons', join(dir, 'probe.csv'), '--dry-run'], { env, encoding: 'utf8' });
  const refused = new Set([...probe.stderr.matchAll(/probe\.csv:(\d+):/g)].map((m) => days[Number(m[1]) - 2]));
  const teaching = days.filter((d) => !refused.has(d));

  // A weekly timetable of six lessons a day, every subject three times a week.
  const lessons = [];
  const grades = [];
  const absences = [];
  const works = ['', 'kārtējais', 'pārbaudes darbs'];
  classes.forEach((c, ci) => {
    const bySubject = SUBJECTS.map(() => []);
    for (const date of teaching) {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      for (let n = 1; n <= SCHOOL.lessonsPerDay; n++) {
        const s = (weekday * SCHOOL.lessonsPerDay + n + ci) % SUBJECTS.length;
        lessons.push([c.code, SUBJECTS[s][0], date, n, `${SUBJECTS[s][1]}: ${n}. tēma`]);
        bySubject[s].push({ date, n });
      }
    }
    const pupils = students.filter((s) => s.cls === c.code);
    // Each student 2–4 grades a subject, on days that subject was taught; some are tests.
    for (const s of pupils) {
      SUBJECTS.forEach(([subject], si) => {
        const taught = [...new Set(bySubject[si].map((l) => l.date))];
        const [min, max] = SCHOOL.gradesPerSubject;
        const count = Math.min(taught.length, min + rand(max - min + 1));
        const start = rand(taught.length);
        for (let k = 0; k < count; k++) {
          const date = taught[(start + k * 3) % taught.length];
          const work = rand(SCHOOL.testShare) === 0 ? works[2] : works[rand(2)];
          const value = Math.min(10, Math.max(1, 3 + rand(4) + rand(4) + (rand(8) === 0 ? 1 : 0)));
          grades.push([c.code, subject, date, s.code, value, work, rand(40) === 0 ? 'Labs darbs, turpini!' : '']);
        }
      });
    }
    // Each day one or two pupils miss the whole day (one code per pupil and day), and one is late once.
    for (const date of teaching) {
      const away = new Set();
      for (let k = 1 + rand(2); k > 0; k--) away.add(pupils[rand(pupils.length)]);
      for (const s of away) {
        const code = ['ns', 'ns', 'n', 'nc'][rand(4)];
        for (let n = 1; n <= SCHOOL.lessonsPerDay; n++) {
          const s2 = (new Date(`${date}T00:00:00Z`).getUTCDay() * SCHOOL.lessonsPerDay + n + ci) % SUBJECTS.length;
          absences.push([c.code, SUBJECTS[s2][0], date, n, s.code, code]);
        }
      }
      const late = pupils[rand(pupils.length)];
      if (!away.has(late)) {
        const n = 1 + rand(SCHOOL.lessonsPerDay);
        const s2 = (new Date(`${date}T00:00:00Z`).getUTCDay() * SCHOOL.lessonsPerDay + n + ci) % SUBJECTS.length;
        absences.push([c.code, SUBJECTS[s2][0], date, n, late.code, 'k']);
      }
    }
  });
  writeFileSync(join(dir, 'journal', 'lessons.csv'), csv([['class', 'subject', 'date', 'number', 'topic'], ...lessons]));
  writeFileSync(join(dir, 'journal', 'grades.csv'), csv([['class', 'subject', 'date', 'student', 'value', 'work', 'note'], ...grades]));
  writeFileSync(join(dir, 'journal', 'absences.csv'), csv([['class', 'subject', 'date', 'number', 'student', 'code'], ...absences]));
  ez('import', 'bundle', join(dir, 'journal'));
  rmSync(dir, { recursive: true, force: true });
  return { classes: classes.length, students: students.length, teaching: teaching.length, lessons: lessons.length, grades: grades.length, absences: absences.length };
}

/** The generated school, from the cache when it was generated before with the same parameters. */
export function school() {
  const summary = join(CACHE, 'school.json');
  if (!process.argv.includes('--fresh') && existsSync(summary)) return { ...JSON.parse(readFileSync(summary, 'utf8')), cached: true };
  rmSync(CACHE, { recursive: true, force: true });
  mkdirSync(CACHE, { recursive: true });
  const t0 = Date.now();
  const made = { ...generate(), seconds: (Date.now() - t0) / 1000 };
  // Written last: a generation that failed part-way is never taken for a cached school.
  writeFileSync(`${summary}.part`, JSON.stringify(made));
  renameSync(`${summary}.part`, summary);
  return { ...made, cached: false };
}

/** Every process at or below `pid`: the CLI, its browser and the browser's helpers. */
function processTree(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {}
  }
  const found = [pid];
  const walk = (p) => (children.get(p) ?? []).forEach((c) => (found.push(c), walk(c)));
  walk(pid);
  return found;
}

const TICKS = 100; // USER_HZ on Linux

/** A process's own CPU seconds and those of its children it has reaped; memory in kB. */
function usage(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { cpu: (Number(f[11]) + Number(f[12])) / TICKS, reaped: (Number(f[13]) + Number(f[14])) / TICKS, own: kb('RssAnon') + kb('RssShmem'), file: kb('RssFile'), peak: kb('VmHWM') };
  } catch {
    return null;
  }
}

/**
 * Runs node, sampling its process tree: wall time; CPU time of the whole tree (on a shared, loaded
 * machine it varies far less than wall time; the browser starts a print compositor process per PDF,
 * counted when its parent reaps it), up to the last sample; the peak
 * RSS of the node process; and the peak memory of the browser's processes: their own memory summed,
 * plus the largest file-backed part, which they share (the Chromium binary).
 */
export function measured(args) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const last = new Map();
    let peak = 0;
    let treePeak = 0;
    let cpu = 0;
    let stdout = '';
    let stderr = '';
    const sample = () => {
      const now = new Set();
      for (const pid of processTree(child.pid)) {
        const u = usage(pid);
        if (!u) continue;
        now.add(pid);
        last.set(pid, u);
        if (pid === child.pid) peak = Math.max(peak, u.peak);
      }
      const browser = [...now].filter((pid) => pid !== child.pid).map((pid) => last.get(pid));
      treePeak = Math.max(treePeak, browser.reduce((sum, m) => sum + m.own, 0) + Math.max(0, ...browser.map((m) => m.file)));
      // A process that ended is counted in its parent's reaped-children time, once; the highest sum
      // is kept, as the browser's helpers may end at its close without being reaped.
      cpu = Math.max(cpu, [...now].reduce((sum, pid) => sum + last.get(pid).cpu + last.get(pid).reaped, 0));
    };
    // Sparse: every sample reads all of /proc, on the same two cores as the run it measures.
    const timer = setInterval(sample, 250);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) reject(new Error(`node ${args.join(' ')} → exit ${code}\n${stderr.slice(0, 3000)}`));
      else resolve({ seconds, cpu, peakMb: peak / 1024, browserMb: treePeak / 1024, stdout });
    });
  });
}
