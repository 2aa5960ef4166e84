// Big journal import against SQLite's own floor for the same rows, in the same run
// (the machine is shared and noisy: only the ratio of one run means anything).
//
// The floor (issue 17 §3): a copy of the same set-up database, its indexes and
// audit triggers included; sqlite3 `.import`s the grades CSV into a staging
// table, then one INSERT … SELECT puts the rows into `grade`, resolving codes
// to ids. That is what SQLite alone needs for the same rows in the same
// schema (no checks, no sealing). Bare `.import` into an empty file is a
// second line, for reference. Absences have no floor: give --absences 0 to
// compare grades alone.
// Each side runs on its own copy of the same compacted file, in --rounds paired rounds (default 3, which goes
// first alternating); the median round's ratio is the figure.
// Usage: npm run bench:import [-- --grades 300000 --absences 0 --rounds 3 --keep]
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const GRADES = arg('grades', 800_000);
const ABSENCES = arg('absences', 200_000);
/** Paired rounds of ezurnals and the floor, each on a fresh copy of the same file; the median ratio is reported. */
const ROUNDS = arg('rounds', 3);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'ezurnals.js');
const dir = mkdtempSync(join(tmpdir(), 'ezurnals-bench-import-'));
const env = { ...process.env, EZURNALS_DB: join(dir, 'bench.db'), EZURNALS_USER: 'admin', EZURNALS_LANG: 'en' }; // it reads the bin's English problem lines (FILE:LINE:)
delete env.NODE_OPTIONS;

function ez(...args) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`ezurnals ${args.join(' ')} → exit ${r.status}\n${r.stderr.slice(0, 3000)}`);
  return r.stdout;
}

const csv = (rows) => rows.map((r) => r.map((v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : v)).join(',')).join('\n') + '\n';
const iso = (d) => d.toISOString().slice(0, 10);

// A deterministic generator, so that every run imports the same year.
let seed = 20252026;
const rand = (n) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};

const FIRST = ['Jānis', 'Anna', 'Pēteris', 'Līga', 'Ģirts', 'Žanete', 'Kārlis', 'Ilze', 'Mārtiņš', 'Šarlote', 'Ēriks', 'Dace', 'Rūdolfs', 'Elīza', 'Oļegs', 'Ķeita', 'Aigars', 'Lāsma', 'Česlavs', 'Ņina'];
const LAST = ['Bērziņš', 'Kalniņa', 'Ozols', 'Jansone', 'Liepiņš', 'Krūmiņa', 'Šņore', 'Ābele', 'Vītols', 'Zariņa', 'Eglītis', 'Ķēniņa', 'Lūsis', 'Čakste', 'Žagata', 'Ģērmane'];
const SUBJECTS = [['mat', 'Matemātika'], ['lat', 'Latviešu valoda'], ['ang', 'Angļu valoda'], ['vēst', 'Vēsture'], ['fiz', 'Fizika'], ['ķīm', 'Ķīmija'], ['bio', 'Bioloģija'], ['ģeo', 'Ģeogrāfija'], ['lit', 'Literatūra'], ['sports', 'Sports un veselība']];

function setup() {
  ez('init', '--school', 'Bench vidusskola', '--year', '2025/2026');
  const teachers = SUBJECTS.map((_, i) => `T${String(i + 1).padStart(2, '0')}`);
  const classes = [];
  for (let level = 4; level <= 12 && classes.length < 40; level++) for (const letter of ['a', 'b', 'c', 'd', 'e']) if (classes.length < 40) classes.push({ code: `${level}.${letter}`, level });
  const students = [];
  for (let i = 0; i < 1000; i++) students.push({ code: `S${String(i + 1).padStart(4, '0')}`, cls: classes[i % classes.length].code });
  const files = {
    subjects: [['Kods', 'Nosaukums'], ...SUBJECTS],
    staff: [['Kods', 'Vārds', 'Uzvārds', 'Lomas'], ...teachers.map((t, i) => [t, FIRST[i], LAST[i], 'teacher|class-teacher'])],
    classes: [['Klase', 'Līmenis', 'Audzinātājs'], ...classes.map((c, i) => [c.code, c.level, teachers[i % teachers.length]])],
    students: [['Kods', 'Vārds', 'Uzvārds', 'Klase'], ...students.map((s, i) => [s.code, FIRST[i % FIRST.length], LAST[(i * 7) % LAST.length], s.cls])],
    assignments: [['Klase', 'Priekšmets', 'Skolotājs'], ...classes.flatMap((c) => SUBJECTS.map(([s], j) => [c.code, s, teachers[j]]))],
  };
  for (const [kind, rows] of Object.entries(files)) {
    writeFileSync(join(dir, `${kind}.csv`), csv(rows));
    ez('import', kind, join(dir, `${kind}.csv`));
  }
  // Teaching days: weekdays up to yesterday, minus what the calendar refuses (a dry run says which).
  const days = [];
  for (let d = new Date('2025-09-01T00:00:00Z'); iso(d) <= '2026-05-29'; d.setUTCDate(d.getUTCDate() + 1)) if (d.getUTCDay() % 6 !== 0) days.push(iso(d));
  writeFileSync(join(dir, 'probe.csv'), csv([['class', 'subject', 'date', 'number', 'topic'], ...days.map((d) => [classes[0].code, 'mat', d, 1, 'x'])]));
  const probe = spawnSync(process.execPath, [BIN, 'import', 'lessons', join(dir, 'probe.csv'), '--dry-run'], { env, encoding: 'utf8' });
  const bad = new Set([...probe.stderr.matchAll(/probe\.csv:(\d+):/g)].map((m) => days[Number(m[1]) - 2]));
  const teaching = days.filter((d) => !bad.has(d));
  // 4 lessons a day for each class: not timed, through the per-row path.
  const lessons = [];
  for (const c of classes) for (const d of teaching.filter((_, i) => i % 2 === 0)) for (let n = 1; n <= 4; n++) lessons.push({ cls: c.code, subject: SUBJECTS[(n + d.charCodeAt(9)) % SUBJECTS.length][0], date: d, number: n });
  writeFileSync(join(dir, 'lessons.csv'), csv([['class', 'subject', 'date', 'number', 'topic'], ...lessons.map((l) => [l.cls, l.subject, l.date, l.number, 'Tēma: ģeometrija'])]));
  ez('import', 'lessons', join(dir, 'lessons.csv'));
  return { classes, students, teaching, lessons };
}

async function writeJournal({ classes, students, teaching, lessons }) {
  const byClass = new Map(classes.map((c) => [c.code, students.filter((s) => s.cls === c.code)]));
  const out = (name, header) => {
    const stream = createWriteStream(join(dir, name));
    stream.write(`${header}\n`);
    return stream;
  };
  const put = (stream, text) => (stream.write(text) ? undefined : new Promise((r) => stream.once('drain', r)));
  const grades = out('grades.csv', 'Klase,Priekšmets,Datums,Skolēns,Vērtējums,Darba veids,Piezīmes');
  const works = ['', '', '', '', 'kārtējais', 'pārbaudes darbs'];
  const seen = new Set();
  for (let i = 0; i < GRADES; i++) {
    const s = students[i % students.length];
    const round = Math.floor(i / students.length);
    let day = (round * 7 + (i % 13)) % teaching.length;
    const subject = SUBJECTS[round % SUBJECTS.length][0];
    const value = 1 + rand(10);
    const note = i % 50 === 0 ? '"Labs darbs, turpini!"' : '';
    // A row alike in every column to an earlier one is refused as a duplicate: such a row moves on to the next teaching day.
    const kind = works[i % works.length] === 'pārbaudes darbs' ? 'test' : 'regular';
    while (seen.has(`${s.code}|${subject}|${day}|${kind}|${value}|${note}`)) day = (day + 1) % teaching.length;
    seen.add(`${s.code}|${subject}|${day}|${kind}|${value}|${note}`);
    const date = teaching[day];
    const [y, m, d] = date.split('-');
    const shown = i % 3 === 0 ? `${d}.${m}.${y}` : date;
    await put(grades, `${s.cls},${subject},${shown},${s.code},${value},${works[i % works.length]},${note}\n`);
  }
  await new Promise((r) => grades.end(r));
  const absences = out('absences.csv', 'Klase,Priekšmets,Datums,Stunda,Skolēns,Atzīme');
  const perLesson = Math.ceil(ABSENCES / lessons.length);
  let written = 0;
  const codes = ['n', 'n', 'k', 'ns', 'nc'];
  for (const l of lessons) {
    const pupils = byClass.get(l.cls);
    const start = rand(pupils.length);
    for (let k = 0; k < perLesson && written < ABSENCES; k++, written++) {
      const s = pupils[(start + k) % pupils.length];
      // One code per student and day: a justification covers the whole day's marks.
      const code = codes[(Number(s.code.slice(1)) + l.date.charCodeAt(9)) % codes.length];
      await put(absences, `${l.cls},${l.subject},${l.date},${l.number},${s.code},${code}\n`);
    }
  }
  await new Promise((r) => absences.end(r));
  return written;
}

// The floor's one statement: the staging rows into grade, codes resolved to ids, dates and work words as the import reads them.
const FLOOR_INSERT = `
insert into grade (school_id, school_year_id, student_id, class_id, subject_id, lesson_id, date, work, value, note, exempt_certificate, created_at, created_by, updated_at, updated_by)
select y.school_id, y.id, st.id, c.id, sub.id, null,
       case when g."Datums" like '__.__.____' then substr(g."Datums", 7, 4) || '-' || substr(g."Datums", 4, 2) || '-' || substr(g."Datums", 1, 2) else g."Datums" end,
       case g."Darba veids" when 'pārbaudes darbs' then 'test' else 'regular' end,
       g."Vērtējums", nullif(g."Piezīmes", ''), null, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), a.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), a.id
  from staging as g
  join school_year as y on y.code = '2025/2026'
  join school_class as c on c.code = g."Klase" and c.school_year_id = y.id
  join subject as sub on sub.code = g."Priekšmets"
  join student as st on st.code = g."Skolēns"
  join staff as a on a.code = 'admin'`;

/**
 * Runs a process, sampling its peak RSS (VmHWM) while it runs, and its CPU
 * time (user + system, from the shell's `times`): on a shared machine the
 * wall time depends on the other sessions' load, the CPU time much less.
 */
function measured(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('sh', ['-c', '"$@"; code=$?; times >&2; exit $code', 'sh', cmd, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let peak = 0;
    let stdout = '';
    let stderr = '';
    const sample = () => {
      try {
        // The measured process is the shell's child.
        for (const pid of readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) {
          const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
          if (m) peak = Math.max(peak, Number(m[1]));
        }
      } catch {}
    };
    const timer = setInterval(sample, 20);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // `times` prints the shell's own times, then its children's: "0m5.120s 0m0.310s".
      const children = stderr.trim().split('\n').at(-1) ?? '';
      const cpu = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
      if (code !== 0) reject(new Error(`${cmd} ${args.join(' ')} → exit ${code}\n${stderr.slice(0, 3000)}`));
      else resolve({ seconds, cpu, peakMb: peak / 1024, stdout });
    });
  });
}

try {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const t0 = Date.now();
  const year = setup();
  const absenceRows = await writeJournal(year);
  console.error(`setup (not timed): ${year.lessons.length} lessons, files written in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // The set-up school as it stands before the import, compacted (VACUUM INTO keeps indexes and triggers). Each
  // round copies it twice, byte for byte: once for ezurnals, once for the floor, so both start from the same file.
  const base = join(dir, 'before.db');
  execFileSync('sqlite3', [env.EZURNALS_DB, `vacuum into '${base}'`]);
  const runs = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const ours = join(dir, 'ours.db');
    const floorDb = join(dir, 'floor.db');
    for (const f of [ours, floorDb]) {
      rmSync(`${f}-wal`, { force: true });
      rmSync(`${f}-shm`, { force: true });
      copyFileSync(base, f);
    }
    const importGrades = () => measured(process.execPath, [BIN, 'import', 'grades', join(dir, 'grades.csv'), '--db', ours, '--json']);
    const floorGrades = () => measured('sqlite3', [floorDb, '.mode csv', `.import ${join(dir, 'grades.csv')} staging`, FLOOR_INSERT]);
    // Which goes first alternates: a machine growing busier or quieter during a round weighs on both sides.
    let grades;
    let floor;
    if (round % 2) {
      grades = await importGrades();
      floor = await floorGrades();
    } else {
      floor = await floorGrades();
      grades = await importGrades();
    }
    const created = JSON.parse(grades.stdout).reduce((n, k) => n + k.created, 0);
    if (created !== GRADES) throw new Error(`round ${round}: ezurnals created ${created} grades, not ${GRADES}`);
    const floorCount = Number(execFileSync('sqlite3', [floorDb, 'select count(*) from grade']).toString());
    if (floorCount < GRADES) throw new Error(`the floor put ${floorCount} grades in, not ${GRADES}`);
    runs.push({ grades, floor, ratio: grades.seconds / floor.seconds, cpuRatio: grades.cpu / floor.cpu });
    console.error(`round ${round}/${ROUNDS}: ezurnals ${grades.seconds.toFixed(2)} s (cpu ${grades.cpu.toFixed(2)} s), floor ${floor.seconds.toFixed(2)} s (cpu ${floor.cpu.toFixed(2)} s): ${(grades.seconds / floor.seconds).toFixed(2)}×`);
  }
  // Absences (no floor of their own) into the last round's school, whose grades are in.
  const absences = await measured(process.execPath, [BIN, 'import', 'absences', join(dir, 'absences.csv'), '--db', join(dir, 'ours.db'), '--json']);

  const bare = join(dir, 'bare.db');
  const sqlite = await measured('sqlite3', [bare, '.mode csv', `.import ${join(dir, 'grades.csv')} g`, `.import ${join(dir, 'absences.csv')} a`]);

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const mid = runs.find((r) => r.ratio === median(runs.map((x) => x.ratio)));
  const grades = mid.grades;
  const floor = mid.floor;
  const rows = GRADES + absenceRows;
  const seconds = grades.seconds + absences.seconds;
  console.log(`rows:            ${rows.toLocaleString('en')} (${GRADES.toLocaleString('en')} grades + ${absenceRows.toLocaleString('en')} absences)`);
  console.log(`ezurnals import: ${seconds.toFixed(2)} s (grades ${grades.seconds.toFixed(2)} s, the median round's; absences ${absences.seconds.toFixed(2)} s), ${Math.round(rows / seconds).toLocaleString('en')} rows/s`);
  console.log(`peak RSS:        ${Math.max(...runs.map((r) => r.grades.peakMb), absences.peakMb).toFixed(0)} MB (grades ${Math.max(...runs.map((r) => r.grades.peakMb)).toFixed(0)} MB, absences ${absences.peakMb.toFixed(0)} MB; target < 300 MB)`);
  console.log(`floor (grades):  ${floor.seconds.toFixed(2)} s: .import into staging + INSERT … SELECT into grade, on a copy of the same file (triggers, indexes)`);
  console.log(`ratio:           ${mid.ratio.toFixed(2)}× the floor, grades, the median of ${ROUNDS} paired rounds (${runs.map((r) => r.ratio.toFixed(2)).join(', ')}; target ≤ 2×)`);
  console.log(`cpu time:        ${grades.cpu.toFixed(2)} s against the floor's ${floor.cpu.toFixed(2)} s: ${mid.cpuRatio.toFixed(2)}× (rounds: ${runs.map((r) => r.cpuRatio.toFixed(2)).join(', ')}; user + system, less at the mercy of the machine's load)`);
  console.log(`sqlite3 .import: ${sqlite.seconds.toFixed(2)} s bare, into an empty file, ${Math.round(rows / sqlite.seconds).toLocaleString('en')} rows/s (${(seconds / sqlite.seconds).toFixed(2)}×, for reference)`);
} finally {
  if (process.argv.includes('--keep')) console.error(`kept: ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
