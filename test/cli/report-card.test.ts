import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/school.ts';
import { pdfPages, pdfText } from '../support/pdf.ts';
import { cardSchool } from '../reports/card-fixture.ts';
import { EXIT_CODES, runner } from './_helpers.ts';

const s = await cardSchool();
const out = tempDir('ezurnals-cards-');
const { run, refused } = runner(s.dbPath);


test('report card --json prints the data and writes nothing', async () => {
  const r = await run(['report', 'card', '--term', '1', '--class', '7.a', '--json', '--out', join(out.dir, 'json')]);
  assert.is(r.code, 0, r.stderr);
  assert.equal(r.json.students.map((st: { code: string }) => st.code), ['S002', 'S001', 'S003']);
  const janis = r.json.students.find((st: { code: string }) => st.code === 'S001');
  assert.equal(janis.subjects.map((sub: { code: string; grade: string | null; lessons: number }) => [sub.code, sub.grade, sub.lessons]), [
    ['lv', '8', 1],
    ['mat', '7', 2],
  ]);
  assert.equal(janis.absences, { missed: 2, justified: 2, unjustified: 0, late: 1 });
  assert.not.ok(readdirSync(out.dir).includes('json'));
});

test('report card warns, exit 0, when the term is not over or grades are missing; the cards are still written', async () => {
  const dir = join(out.dir, 'warned');
  const r = await run(['report', 'card', '--term', '2', '--class', '7.a', '--format', 'html', '--out', dir]);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, /warning: semester 2 grades missing for 3 student\(s\), printed as empty cells — 7\.a Anna Ābele: Matemātika; 7\.a Jānis Bērziņš: Matemātika; 7\.a Zane Ziemele: Matemātika\./);
  // The CLI's clock (2026-11-29) lies before the II semester's end.
  assert.match(r.stderr, /warning: semester 2 of 2026\/2027 ends on 2027-\d\d-\d\d, and today is 2026-11-29/);
  assert.is(readdirSync(dir).length, 4, 'the cards are written all the same');
});

test('report card refuses a missing or unknown term and a missing audience', async () => {
  await refused('no term', ['report', 'card', '--class', '7.a'], 'usage', /--term is required/);
  await refused('term 3', ['report', 'card', '--term', '3', '--class', '7.a'], 'usage', /--term 3 is not a term: use 1 \(I semester\), 2 \(II semester\) or year/);
  await refused('nobody', ['report', 'card', '--term', '1'], 'usage', /--class CODE, --student CODE or --all/);
});

test('report card --format html writes one file per student and one per class, not overwriting without --force', async () => {
  const dir = join(out.dir, 'html');
  const r = await run(['report', 'card', '--term', '2', '--class', '7.a', '--format', 'html', '--lang', 'en', '--out', dir]);
  assert.is(r.code, 0, r.stderr);
  assert.equal(readdirSync(dir).sort(), ['2026-2027_sem2_7a_abele-anna.html', '2026-2027_sem2_7a_berzins-janis.html', '2026-2027_sem2_7a_whole-class.html', '2026-2027_sem2_7a_ziemele-zane.html']);
  const html = readFileSync(join(dir, '2026-2027_sem2_7a_abele-anna.html'), 'utf8');
  assert.ok(html.includes('2nd semester, school year 2026/2027'));
  const again = await run(['report', 'card', '--term', '2', '--class', '7.a', '--format', 'html', '--lang', 'en', '--out', dir]);
  assert.is(again.code, EXIT_CODES.conflict, 'existing files are kept');
  assert.match(again.stderr, /4 file\(s\) already exist.*--force/);
  assert.is((await run(['report', 'card', '--term', '2', '--class', '7.a', '--format', 'html', '--lang', 'en', '--out', dir, '--force'])).code, 0);
});

test('report card --term year prints PDFs with the grades, lessons, absences and the decision', async () => {
  const dir = join(out.dir, 'pdf');
  const r = await run(['report', 'card', '--term', 'year', '--class', '7.a', '--out', dir]);
  assert.is(r.code, 0, r.stderr);
  assert.equal(readdirSync(dir).sort(), ['2026-2027_gads_7a_abele-anna.pdf', '2026-2027_gads_7a_berzins-janis.pdf', '2026-2027_gads_7a_visa-klase.pdf', '2026-2027_gads_7a_ziemele-zane.pdf']);
  const janis = pdfText(join(dir, '2026-2027_gads_7a_berzins-janis.pdf'));
  for (const text of ['RĪGAS PARAUGA VIDUSSKOLA', 'Liecība', 'Jānis Bērziņš', '2026./2027. mācību gads', 'Pēcpārbaudījums', 'pārcelts(-a) uz 8. klasi', 'Anna Kalniņa', 'Dace Liepiņa']) {
    assert.ok(janis.includes(text), `${text} in:\n${janis}`);
  }
  // Annual grade with its meaning, lessons held in the year, the make-up exam.
  assert.match(janis, /Latviešu valoda\s+8 \(ļoti labi\)\s+1\n/);
  assert.match(janis, /Matemātika\s+3 \(vāji\)\s+3\s+6\n/);
  // Missed 2, of them justified 2, unjustified 0; late 1.
  assert.match(janis, /\n\s+2\s+2\s+0\s+1\n/);
  const anna = pdfText(join(dir, '2026-2027_gads_7a_abele-anna.pdf'));
  assert.match(anna, /Sports\s+0\s+7\n/, 'a state exam in a subject the class is not taught');
  // The decision may wrap in its box.
  assert.ok(anna.replace(/\s+/g, ' ').includes('atstāts(-a) otru gadu 7. klasē (nepietiekami vērtējumi: Latviešu valoda, Matemātika)'), anna);
  const zane = pdfText(join(dir, '2026-2027_gads_7a_ziemele-zane.pdf'));
  assert.match(zane, /Matemātika\s+3\n/, 'no annual grade: an empty cell before the lessons');
  assert.match(zane, /lēmums vēl nav pieņemts/);
  assert.is(pdfPages(join(dir, '2026-2027_gads_7a_visa-klase.pdf')), 3, 'one page per student in the class file');
});

test.after(async () => {
  out.cleanup();
  await s.cleanup();
});
test.run();
