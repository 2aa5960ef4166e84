// A month of extracts for a whole school (1,000 students, 40 classes) against the floor measured in
// the same run: bare puppeteer printing the same pre-rendered HTML, each page once: the class files
// (bench/reports-floor.mjs; ours cuts the students' files out of the class files' print). The
// machine is shared and noisy: only the ratio of one run means anything.
// Usage: npm run bench:reports [-- --rounds 2 --fresh --keep]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, CACHE, ROOT, SCHOOL, measured, school } from './school.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROUNDS = arg('rounds', 2);
const FLOOR = join(ROOT, 'bench', 'reports-floor.mjs');

/** Pages of the PDFs in a folder, counted from the page objects written uncompressed (Chromium, pdf-sections.ts). */
function countPages(dir, suffix = '.pdf') {
  let files = 0;
  let pages = 0;
  for (const f of readdirSync(dir)) {
    if (!f.endsWith(suffix)) continue;
    files++;
    pages += readFileSync(join(dir, f), 'latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  }
  return { files, pages };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const work = mkdtempSync(join(tmpdir(), 'ezurnals-bench-reports-run-'));
try {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const made = school();
  console.error(
    made.cached
      ? `school: cached in ${CACHE} (--fresh rebuilds it)`
      : `school: generated in ${made.seconds.toFixed(1)} s into ${CACHE}: ${made.lessons} lessons, ${made.grades} grades, ${made.absences} absences over ${made.teaching} days`,
  );
  const extract = (format, out) => [BIN, 'report', 'extract', '--month', SCHOOL.month, '--all', '--format', format, '--out', out, '--force'];
  const html = join(work, 'html');
  const ours = join(work, 'ours');
  const floor = join(work, 'floor');
  const runs = { html: [], ours: [], floor: [] };
  // Interleaved rounds: a load spike on this shared machine then hits both alike.
  for (let round = 1; round <= ROUNDS; round++) {
    runs.html.push(await measured(extract('html', html)));
    runs.ours.push(await measured(extract('pdf', ours)));
    runs.floor.push(await measured([FLOOR, html, floor, SCHOOL.name]));
    const shown = (r) => `${r.seconds.toFixed(1)} s (CPU ${r.cpu.toFixed(1)} s)`;
    console.error(`round ${round}/${ROUNDS}: html ${shown(runs.html.at(-1))}, ours ${shown(runs.ours.at(-1))}, floor ${shown(runs.floor.at(-1))}`);
  }
  const printed = countPages(ours);
  // The floor prints the class files only: every page once (see reports-floor.mjs).
  const classFiles = countPages(ours, '_visa-klase.pdf');
  const floorPrinted = countPages(floor);
  if (classFiles.files !== floorPrinted.files || classFiles.pages !== floorPrinted.pages) {
    throw new Error(`ours wrote ${classFiles.files} class files / ${classFiles.pages} pages, the floor printed ${floorPrinted.files} / ${floorPrinted.pages}: they did not print the same documents`);
  }
  const t = (key, field = 'seconds') => median(runs[key].map((r) => r[field]));
  const peak = (key, field) => Math.max(...runs[key].map((r) => r[field]));
  const [oursS, floorS, htmlS] = [t('ours'), t('floor'), t('html')];
  const [oursCpu, floorCpu, htmlCpu] = [t('ours', 'cpu'), t('floor', 'cpu'), t('html', 'cpu')];
  console.log(`school:        ${made.students} students in ${made.classes} classes, ${SCHOOL.month}: ${made.grades.toLocaleString('en')} grades, ${made.absences.toLocaleString('en')} absences`);
  console.log(`documents:     ${printed.files} PDFs (one per student, one per class), ${printed.pages.toLocaleString('en')} pages`);
  console.log(`medians of ${ROUNDS} interleaved rounds; CPU time is user + system of the process and its browser`);
  console.log(`ours (pdf):    ${oursS.toFixed(2)} s, ${(printed.pages / oursS).toFixed(1)} pages/s (target ≤ 60 s); CPU ${oursCpu.toFixed(2)} s`);
  console.log(`floor:         ${floorS.toFixed(2)} s, ${(floorPrinted.pages / floorS).toFixed(1)} pages/s; CPU ${floorCpu.toFixed(2)} s (bare puppeteer printing the same class files' HTML, ${floorPrinted.files} files, ${floorPrinted.pages.toLocaleString('en')} pages)`);
  console.log(`ratio:         ${(oursS / floorS).toFixed(2)}× the floor's wall time, ${(oursCpu / floorCpu).toFixed(2)}× its CPU time (target ≤ 1.15×)`);
  console.log(`html only:     ${htmlS.toFixed(2)} s, CPU ${htmlCpu.toFixed(2)} s (query, render and write the same documents as HTML)`);
  console.log(`peak memory:   CLI ${peak('ours', 'peakMb').toFixed(0)} MB RSS, its browser ${peak('ours', 'browserMb').toFixed(0)} MB; floor's node ${peak('floor', 'peakMb').toFixed(0)} MB, its browser ${peak('floor', 'browserMb').toFixed(0)} MB`);
  console.log(`load average:  ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores (wall times mean little when it is far above the cores)`);
} finally {
  if (process.argv.includes('--keep')) console.error(`kept: ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
