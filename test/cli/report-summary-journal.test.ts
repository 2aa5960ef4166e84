import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { pdfPageSize, pdfText } from '../support/pdf.ts';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/school.ts';
import { cardSchool } from '../reports/card-fixture.ts';
import { runner } from './_helpers.ts';

const s = await cardSchool();
const out = tempDir('ezurnals-summary-journal-');
const { run, refused } = runner(s.dbPath);

test('report summary-journal --json prints the class data', async () => {
  const r = await run(['report', 'summary-journal', '--class', '7.a', '--year', '2026/2027', '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.json.year, '2026/2027');
  const [schoolClass] = r.json.classes;
  assert.equal(schoolClass.subjects.map((sub: { code: string }) => sub.code), ['lv', 'mat', 'sp']);
  assert.equal(schoolClass.students[1].grades.mat, { semester1: '7', semester2: null, annual: '3', state_exam: null, makeup: '6' });
  assert.equal(schoolClass.students.map((st: { promotion: { kind: string } }) => st.promotion.kind), ['not-promoted', 'promoted', 'incomplete']);
});

test('report summary-journal refuses a missing class and an unknown year', async () => {
  await refused('no class', ['report', 'summary-journal'], 'usage', /--class/);
  await refused('unknown year', ['report', 'summary-journal', '--class', '7.a', '--year', '2030/2031'], 'not_found', /Unknown school year 2030\/2031/);
});

test('report summary-journal prints one landscape PDF per class with the grades under their subjects', async () => {
  const dir = join(out.dir, 'pdf');
  const r = await run(['report', 'summary-journal', '--class', '7.a', '--out', dir]);
  assert.is(r.code, 0, r.stderr);
  assert.equal(readdirSync(dir), ['2026-2027_7a_kopsavilkuma-zurnals.pdf']);
  const file = join(dir, '2026-2027_7a_kopsavilkuma-zurnals.pdf');
  assert.match(pdfPageSize(file), /^841\.\d+ x 59[45]\.\d+ pts/, 'A4 landscape');
  const text = pdfText(file);
  for (const words of ['RĪGAS PARAUGA VIDUSSKOLA', 'Mācību sasniegumu kopsavilkuma žurnāls', 'Anna Kalniņa', 'Latviešu valoda', 'Matemātika', 'Sports']) {
    assert.ok(text.includes(words), `${words} in:\n${text}`);
  }
  // Columns in order lv, mat, sp: the annual grades on the row's first line, the semesters and make-up / exam results below.
  // Nothing recorded yet (`year promote --apply`): the rule's proposals, marked as such.
  assert.match(text, /Ābele Anna\s+3\s+2\s+priekšlikums: atstāts\(-a\) otru gadu 7\. klasē/);
  assert.match(text, /\n\s+5\s*\|\s*–\s+eks 7\n/);
  assert.match(text, /Bērziņš Jānis\s+8\s+3\s+priekšlikums: pārcelts\(-a\) uz 8\. klasi\n\s+8\s*\|\s*–\s+7\s*\|\s*–\n\s+pp 6\n/);
  assert.match(text, /Ziemele Zane\s+lēmums vēl nav pieņemts/);
  assert.match(text, /Vidējais gada vērtējums\s+5,5\s+2,5/);
});

test.after(async () => {
  out.cleanup();
  await s.cleanup();
});
test.run();
