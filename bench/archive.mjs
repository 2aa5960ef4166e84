// The year's archive of the generated bench school (1,000 students, 40 classes; bench/school.mjs):
// `archive export` with an ISO image, then `archive verify`. Targets: under 5 minutes, under 700 MB.
// Usage: npm run bench:archive [-- --fresh --keep]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, CACHE, ROOT, SCHOOL, env, measured, school } from './school.mjs';

const MB = 1024 * 1024;
const work = mkdtempSync(join(tmpdir(), 'ezurnals-bench-archive-run-'));
try {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const made = school();
  console.error(made.cached ? `school: cached in ${CACHE} (--fresh rebuilds it)` : `school: generated in ${made.seconds.toFixed(1)} s into ${CACHE}`);
  const out = join(work, 'arhivs');
  const iso = join(work, 'arhivs.iso');
  const withIso = spawnSync('xorriso', ['-version'], { stdio: 'ignore' }).error === undefined;
  const exported = await measured([BIN, 'archive', 'export', '--year', SCHOOL.year, '--out', out, ...(withIso ? ['--iso', iso] : []), '--json']);
  const result = JSON.parse(exported.stdout);
  const verified = await measured([BIN, 'archive', 'verify', out, '--json']);
  const check = JSON.parse(verified.stdout);
  if (!check.ok) throw new Error(`the archive does not verify: ${verified.stdout.slice(0, 2000)}`);
  const sums = spawnSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: out, env, encoding: 'utf8' });
  const pdfs = result.folders.filter((f) => f.pages > 0).reduce((n, f) => n + f.files, 0);
  const ok = (value, limit) => (value <= limit ? 'ok' : 'OVER');
  const totalMb = result.bytes / MB;
  console.log(`school:        ${made.students} students in ${made.classes} classes, ${SCHOOL.year} (journal ${SCHOOL.month}: ${made.grades.toLocaleString('en')} grades, ${made.absences.toLocaleString('en')} absences)`);
  console.log(`archive:       ${result.files} files in ${result.volumes} volume(s): ${pdfs} PDFs, ${result.pages.toLocaleString('en')} pages; ${totalMb.toFixed(1)} MB (target < 700 MB: ${ok(totalMb, 700)})`);
  for (const f of result.folders) console.log(`  ${f.folder.padEnd(26)} ${String(f.files).padStart(4)} files ${String(f.pages || '').padStart(6)} pages ${(f.bytes / MB).toFixed(1).padStart(7)} MB`);
  if (result.iso.length > 0) console.log(`iso:           ${result.iso.map((i) => `${(i.bytes / MB).toFixed(1)} MB`).join(', ')}`);
  console.log(`export:        ${exported.seconds.toFixed(1)} s (target < 300 s: ${ok(exported.seconds, 300)}); CPU ${exported.cpu.toFixed(1)} s with its browser`);
  console.log(`peak memory:   CLI ${exported.peakMb.toFixed(0)} MB RSS, its browser ${exported.browserMb.toFixed(0)} MB`);
  console.log(`verify:        ${verified.seconds.toFixed(1)} s, ${check.files} files OK; sha256sum -c: ${sums.status === 0 ? 'OK' : `FAILED ${sums.stdout}${sums.stderr}`}`);
  console.log(`load average:  ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores (wall times mean little when it is far above the cores)`);
} finally {
  if (process.argv.includes('--keep')) console.error(`kept: ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
