import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lineWith, pdfPageSize, pdfPages, pdfText } from '../support/pdf.ts';
import { tempDir } from '../support/school.ts';
import { classJournalSchool, LAST_LV_TOPIC } from '../reports/class-journal-fixture.ts';
import { runner } from './_helpers.ts';

const s = await classJournalSchool();
const out = tempDir('ezurnals-class-journal-');
const { run, refused } = runner(s.dbPath);

test('report journal --json prints the class journal data', async () => {
  const r = await run(['report', 'journal', '--class', '7.a', '--subject', 'mat', '--term', '1', '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.equal([r.json.from, r.json.to, r.json.only_subjects, r.json.term_columns], ['2026-09-01', '2026-12-18', ['mat'], ['semester1']]);
  const [c] = r.json.classes;
  assert.equal(c.students.map((st: { code: string }) => st.code), ['S002', 'S001', 'S003']);
  const [mat] = c.subjects;
  assert.equal(mat.lessons.map((l: { topic: string }) => l.topic), ['Daļskaitļi un to saīsināšana', 'Pārbaudes darbs: daļskaitļi', 'Procenti ikdienā']);
  assert.equal(mat.lessons[2].substitute_for, { code: 'T01', name: 'Anna Kalniņa' });
  assert.equal(c.behavior, []);
});

test('report journal refuses what it cannot print, writing nothing', async () => {
  await refused('no class', ['report', 'journal'], 'usage', /--class/);
  await refused('unknown class', ['report', 'journal', '--class', '9.z'], 'not_found', /Unknown class 9\.z/);
  await refused('unknown subject', ['report', 'journal', '--class', '7.a', '--subject', 'xx'], 'not_found', /Unknown subject xx/);
  await refused('term and dates', ['report', 'journal', '--class', '7.a', '--term', '1', '--to', '2026-10-01'], 'usage', /not both/);
  await refused('outside the year', ['report', 'journal', '--all', '--from', '2027-09-01'], 'invalid', /outside the school year/);
  // 2.a is not taught Latvian: nothing to print.
  await refused('no such subject in the class', ['report', 'journal', '--class', '2.a', '--subject', 'lv'], 'not_found', /Nothing to print: no chosen class has lv/);
});

test('report journal reads under the journal rights: the whole journal (with the conversations) is the class teacher\'s, a subject its teachers\'', async () => {
  await refused('a subject teacher printing the whole journal', ['report', 'journal', '--class', '7.a', '--as', 'T02'], 'forbidden', /T02 .* may not read conversations with parents: is not the class teacher of 7\.a/);
  await refused('a student', ['report', 'journal', '--class', '7.a', '--subject', 'mat', '--as', 'S001'], 'forbidden', /may not read the class journal/);
  const own = await run(['report', 'journal', '--class', '7.a', '--subject', 'lv', '--as', 'T02', '--json']);
  assert.is(own.code, 0, own.stderr);
  assert.equal(own.json.only_subjects, ['lv']);
  const whole = await run(['report', 'journal', '--class', '7.a', '--as', 'T01', '--json']);
  assert.is(whole.code, 0, whole.stderr);
});

test('report journal prints one landscape PDF per class: contents, lessons, the grid, behaviour and appendices', async () => {
  const dir = join(out.dir, 'pdf');
  const r = await run(['report', 'journal', '--class', '7.a', '--out', dir]);
  assert.is(r.code, 0, r.stderr);
  assert.equal(readdirSync(dir), ['2026-2027_7a_zurnals.pdf']);
  const file = join(dir, '2026-2027_7a_zurnals.pdf');
  assert.match(pdfPageSize(file), /^841\.\d+ x 59[45]\.\d+ pts/, 'A4 landscape');
  const pages = pdfPages(file);
  const text = pdfText(file);
  // The contents: each part with the page it starts on, stamped after printing.
  const contents = ['Latviešu valoda', 'Matemātika', 'Uzvedības žurnāls', 'Drošības instruktāžas', 'Individuālās sarunas ar vecākiem', 'Piezīmes vecāku ievērībai'].map((part) => {
    const line = lineWith(text, new RegExp(`^${part}.*\\s(\\d+)\\s*$`));
    return Number(/(\d+)$/.exec(line)![1]);
  });
  assert.equal(contents, [...contents].sort((a, b) => a - b), 'contents in page order');
  assert.ok(contents[0]! >= 3 && contents.at(-1)! <= pages, `contents pages ${contents} within ${pages}`);
  // Every part starts on the page its contents line says (pages are separated by form feeds).
  const pageTexts = text.split('\f');
  assert.match(pageTexts[contents[1]! - 1]!, /Matemātika\s*\n\s*7\.a · 01\.09\.2026–31\.08\.2027/);
  assert.match(pageTexts[contents[3]! - 1]!, /Drošības instruktāžas/);
  // A topic with diacritics and the homework; the substitute marked with whom they replaced.
  assert.ok(text.includes(LAST_LV_TOPIC), 'the last lv topic');
  assert.match(lineWith(text, 'Daļskaitļi un to saīsināšana'), /05\.10\.2026 1\. Anna Kalniņa \(T01\) Daļskaitļi un to saīsināšana Uzdevumu krājums 12\. lpp\./);
  assert.match(text, /Jānis Ābele \(T04\) \*\s+Procenti ikdienā[^\n]*\n\s*aizvietoja Anna Kalniņa \(T01\)/);
  // The mat grid (3 lessons and 08.10., a day without a lesson): Bērziņš absent (n) and graded 8 on 05.10., 6 in the test on 06.10.; I sem. 9.
  const matGrid = pageTexts.slice(contents[1]! - 1, contents[2]! - 1).join('\f');
  assert.match(lineWith(matGrid, 'Bērziņš Jānis'), /^2\. Bērziņš Jānis n 8 6 pd 9$/);
  assert.match(lineWith(matGrid, 'Ābele Anna'), /^1\. Ābele Anna i 7 nv$/);
  assert.match(matGrid, /3\. Ziemele Zane\s+n\s*\n\s*izstājies\(-usies\) no klases 20\.10\.2026/);
  // The long lv grid is split into page-wide parts; Bērziņš's 10 is in the last lesson's column, on the last part.
  const lvGrid = pageTexts.slice(contents[0]! - 1, contents[1]! - 1).join('\f');
  assert.ok(/Vērtējumi un kavējumi, 4\. daļa/.test(lvGrid), 'four parts of the lv grid');
  assert.match(lineWith(lvGrid.slice(lvGrid.indexOf('4. daļa')), 'Bērziņš Jānis'), /Bērziņš Jānis 10$/);
  // The behaviour journal, a briefing and a conversation.
  assert.match(text, /12\.10\.2026\s+pozitīvi\s+Palīdzēja klasesbiedram ar mājasdarbu\s+Anna Kalniņa/);
  assert.match(lineWith(text, 'Ugunsdrošība'), /02\.09\.2026 Ugunsdrošība un rīcība evakuācijas gadījumā Anna Ābele \(S002\), Jānis Bērziņš \(S001\) Zane Ziemele \(S003\)/);
  assert.match(text, /Ilze Bērziņa \(māte\)/);
  assert.match(text, /visai klasei\s+no 01\.11\.2026\s+Ekskursija uz Siguldu 20\. novembrī/);
  // Each part's own footer and the page numbers through the document.
  assert.match(text, /Rīgas Parauga vidusskola · Klases žurnāls 2026\/2027 — 7\.a · Matemātika\s+\d+ \/ \d+/);
  assert.match(text, new RegExp(`${pages} / ${pages}\\s*$`));
});

test('report journal --format html --lang en writes the whole school', async () => {
  const dir = join(out.dir, 'html');
  const r = await run(['report', 'journal', '--all', '--format', 'html', '--lang', 'en', '--out', dir]);
  assert.is(r.code, 0, r.stderr);
  assert.equal(readdirSync(dir).sort(), ['2026-2027_2a_class-journal.html', '2026-2027_7a_class-journal.html', '2026-2027_7b_class-journal.html']);
});

test.after(async () => {
  out.cleanup();
  await s.cleanup();
});
test.run();
