import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/school.ts';
import { classReportsSchool } from '../reports/class-reports-school.ts';
import { lineWith, pdfPageSize, pdfText } from '../support/pdf.ts';
import { runner } from './_helpers.ts';

const school = await classReportsSchool();
const out = tempDir('ezurnals-class-summary-');
const { run, refused } = runner(school.dbPath);

test('--json prints the data and writes nothing', async () => {
  const r = await run(['report', 'class-summary', '--class', '7.a', '--term', '1', '--out', out.dir, '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.equal(r.json.classes[0].subject_averages, [7.5, 9]);
  assert.is(r.json.classes[0].students.find((s: any) => s.code === 'S001').results[1].term_grade, '9');
  assert.not.ok(existsSync(join(out.dir, '2026-2027_sem1_7a_kopsavilkums.pdf')));
});

test('PDF: a landscape page with the names, the grades under their subjects, absences and averages', async () => {
  const r = await run(['report', 'class-summary', '--class', '7.a', '--term', '1', '--out', out.dir]);
  assert.is(r.code, 0, r.stderr);
  const file = join(out.dir, '2026-2027_sem1_7a_kopsavilkums.pdf');
  assert.ok(r.stdout.includes(file));
  const text = pdfText(file);
  assert.ok(text.includes('RĪGAS PARAUGA VIDUSSKOLA'));
  assert.ok(text.includes('Klases sekmju kopsavilkums'));
  assert.ok(text.includes('2026./2027. mācību gada I semestris'));
  // Subjects: Latviešu valoda, Matemātika; absences n ns nc k kopā; then the average column.
  assert.is(lineWith(text, 'Bērziņš Jānis'), '2 Bērziņš Jānis 6 9 7,5 1 1');
  assert.is(lineWith(text, 'Ābele Anna'), '1 Ābele Anna 9 nv 9 1');
  assert.is(lineWith(text, 'Klases vidējais'), 'Klases vidējais 7,5 9 8,25 2 0 0 1 2');
  assert.match(text, /Slīprakstā/);
  assert.match(pdfPageSize(file), /^841\.\d+ x 59[45]\.\d+ pts \(A4\)$/, 'A4 landscape');
});

test('an existing file is kept without --force; refusals leave no file', async () => {
  await refused('both periods', ['report', 'class-summary', '--class', '7.a', '--term', '1', '--out', out.dir, '--format', 'html', '--month', '2026-10'], 'usage', /not both/);
  await refused('unknown class', ['report', 'class-summary', '--class', '8.c', '--out', out.dir], 'not_found', /Unknown class 8\.c/);
  const html = await run(['report', 'class-summary', '--class', '7.a', '--month', '2026-10', '--out', out.dir, '--format', 'html']);
  assert.is(html.code, 0, html.stderr);
  assert.ok(existsSync(join(out.dir, '2026-10_7a_kopsavilkums.html')));
  const again = await run(['report', 'class-summary', '--class', '7.a', '--month', '2026-10', '--out', out.dir, '--format', 'html']);
  assert.is(again.code, 6, again.stderr);
  assert.match(again.stderr, /--force/);
  assert.is((await run(['report', 'class-summary', '--class', '7.a', '--month', '2026-10', '--out', out.dir, '--format', 'html', '--force'])).code, 0);
});

test.after(async () => {
  await school.cleanup();
  out.cleanup();
});
test.run();
