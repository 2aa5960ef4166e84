// `extract ack` and `report extract-status` through the real bin: exit codes,
// JSON, refusals that leave the database as it was, and the printed PDF's text.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { pdfText } from '../support/pdf.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { daysBetween } from '../../src/domain/dates.ts';
import { snapshot } from '../support/cli.ts';
import { tempDir } from '../support/school.ts';
import { runner } from './_helpers.ts';

const t = tempDir('ezurnals-extract-ack-');
const { run, refused, refusedAll, setup, read } = runner(t.dbPath);
test.after(() => t.cleanup());

/**
 * The CLI counts lateness up to its own today: the runner's clock, whichever
 * it is, read back from a report's `as_of` so the expectations follow it.
 */
let today = '';
/** October's slips were due on 12 November. */
const DUE = '2026-11-12';
let guardianId = 0;

test.before(async () => {
  const results = await setup([
    ['init', '--school', 'Rīgas Parauga vidusskola', '--year', '2026/2027'],
    ['staff', 'add', 'T01', '--first-name', 'Anna', '--last-name', 'Kalniņa', '--role', 'teacher', '--role', 'class-teacher'],
    ['staff', 'add', 'T02', '--first-name', 'Pēteris', '--last-name', 'Ozoliņš', '--role', 'teacher', '--role', 'class-teacher'],
    ['staff', 'add', 'D01', '--first-name', 'Dace', '--last-name', 'Liepa', '--role', 'deputy'],
    ['class', 'add', '7.a', '--class-teacher', 'T01'],
    ['class', 'add', '9.b', '--class-teacher', 'T02'],
    ['student', 'add', 'S001', '--first-name', 'Jānis', '--last-name', 'Bērziņš', '--class', '7.a'],
    ['student', 'add', 'S002', '--first-name', 'Līga', '--last-name', 'Ābele', '--class', '7.a'],
    ['student', 'add', 'S003', '--first-name', 'Ēriks', '--last-name', 'Šķēle', '--class', '7.a'],
    ['student', 'add', 'S101', '--first-name', 'Žanete', '--last-name', 'Ķiploka', '--class', '9.b'],
    ['guardian', 'add', '--student', 'S001', '--first-name', 'Ilze', '--last-name', 'Bērziņa', '--relation', 'mother', '--json'],
  ]);
  guardianId = results.at(-1).id;
  today = (await read(['report', 'extract-status', '--month', '2026-10'])).as_of;
  // Every case below needs October's slips overdue by then (true of the runner's fixed day and of any real one since).
  assert.ok(today > DUE, `the CLI's today (${today}) is after ${DUE}`);
});

test('extract ack records the slip and prints the row (JSON and table)', async () => {
  const r = await run(['extract', 'ack', '--student', 'S001', '--month', '2026-10', '--date', '2026-11-16', '--guardian', 'Ilze Bērziņa', '--note', 'Paraksta māte', '--as', 'T01', '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.equal(
    { ...r.json, recorded_at: typeof r.json.recorded_at },
    {
      id: 1, month: '2026-10', student: 'S001', student_name: 'Jānis Bērziņš', returned_on: '2026-11-16', guardian_id: guardianId, guardian: 'Ilze Bērziņa',
      note: 'Paraksta māte', recorded_by: 'T01', recorded_at: 'string', classes: ['7.a'], due_on: '2026-11-12', days_late: 4, change: 'recorded',
    },
  );
  const table = await run(['extract', 'ack', '--student', 'S002', '--month', '2026-10', '--date', '10.11.2026', '--as', 'D01']);
  assert.is(table.code, 0, table.stderr);
  assert.match(table.stdout, /Līga Ābele \(S002\)/);
  assert.match(table.stdout, /2026-11-10/);
  assert.match(table.stdout, /recorded/);
});

test('refusals exit with their code and leave the database unchanged', async () => {
  await refusedAll([
    { label: 'teacher of another class', args: ['extract', 'ack', '--student', 'S003', '--month', '2026-10', '--date', '2026-11-10', '--as', 'T02'], error: 'forbidden', message: /T02 .*may not record returned grade extract slips.*7\.a/ },
    { label: 'month not over', args: ['extract', 'ack', '--student', 'S003', '--month', today.slice(0, 7), '--as', 'T01'], error: 'invalid', message: /is not over/ },
    { label: 'date before the month ended', args: ['extract', 'ack', '--student', 'S003', '--month', '2026-10', '--date', '2026-10-31', '--as', 'T01'], error: 'invalid', message: /not after the end/ },
    { label: 'date in the future', args: ['extract', 'ack', '--student', 'S003', '--month', '2026-10', '--date', '2099-01-01', '--as', 'T01'], error: 'invalid', message: /future/ },
    { label: 'not a guardian of the student', args: ['extract', 'ack', '--student', 'S003', '--month', '2026-10', '--date', '2026-11-10', '--guardian', String(guardianId), '--as', 'T01'], error: 'invalid', message: /not a guardian of .*\(S003\)/ },
    { label: 'already recorded', args: ['extract', 'ack', '--student', 'S001', '--month', '2026-10', '--date', '2026-11-10', '--as', 'T01'], error: 'conflict', message: /already recorded.*--replace/ },
    { label: 'no month', args: ['extract', 'ack', '--student', 'S003', '--as', 'T01'], error: 'usage' },
    { label: 'nobody acting', args: ['extract', 'ack', '--student', 'S003', '--month', '2026-10'], error: 'usage', env: { EZURNALS_USER: undefined } },
    { label: 'unknown student', args: ['extract', 'ack', '--student', 'S999', '--month', '2026-10', '--as', 'T01'], error: 'not_found' },
  ]);
  // The single-command helper and the sqlite3 snapshot agree: a refused write changes no row.
  const before = await snapshot(t.dbPath);
  await refused('conflict again', ['extract', 'ack', '--student', 'S001', '--month', '2026-10', '--as', 'admin'], 'conflict');
  assert.is(await snapshot(t.dbPath), before);
});

test('--replace records the slip anew in the same row', async () => {
  const r = await run(['extract', 'ack', '--student', 'S001', '--month', '2026-10', '--date', '2026-11-11', '--replace', '--as', 'T01', '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.json.id, 1);
  assert.is(r.json.change, 'replaced');
  assert.is(r.json.days_late, 0);
  assert.is(r.json.guardian, null);
});

test('report extract-status --json: every student of every class, returned or not, how late, and per-class totals', async () => {
  const r = await run(['report', 'extract-status', '--month', '2026-10', '--json']);
  assert.is(r.code, 0, r.stderr);
  const overdue = daysBetween(DUE, today);
  assert.is(r.json.due_on, DUE);
  assert.is(r.json.as_of, today);
  assert.equal(r.json.classes.map((c: any) => [c.code, c.class_teacher, c.students.map((s: any) => s.code)]), [
    ['7.a', 'Anna Kalniņa', ['S002', 'S001', 'S003']],
    ['9.b', 'Pēteris Ozoliņš', ['S101']],
  ]);
  const [ozola, berzins, skele] = r.json.classes[0].students;
  assert.equal([ozola.returned, ozola.returned_on, ozola.days_late, ozola.days_overdue], [true, '2026-11-10', 0, null]);
  assert.equal([berzins.returned, berzins.returned_on, berzins.days_late], [true, '2026-11-11', 0]);
  assert.equal([skele.returned, skele.returned_on, skele.days_late, skele.days_overdue], [false, null, null, overdue]);
  assert.equal(r.json.classes[0].totals, { students: 3, returned: 2, late: 0, missing: 1, overdue: 1 });
  assert.equal(r.json.totals, { students: 4, returned: 2, late: 0, missing: 2, overdue: 2 });
  const one = await run(['report', 'extract-status', '--month', '2026-10', '--class', '9.b', '--json']);
  assert.equal(one.json.classes.map((c: any) => c.code), ['9.b']);
  assert.is((await run(['report', 'extract-status', '--month', '2026-10', '--class', '9.b', '--all', '--json'])).code, 2);
  assert.is((await run(['report', 'extract-status', '--month', '2026-10', '--class', '5.c', '--json'])).code, 3);
  assert.is((await run(['report', 'extract-status', '--json'])).code, 2);
});

test('report extract-status prints a PDF that reads back: names, dates, guardians, lateness and totals', async () => {
  await run(['extract', 'ack', '--student', 'S101', '--month', '2026-10', '--date', '2026-11-20', '--note', '<b>Anna & "Ko"</b>', '--as', 'T02']);
  const out = join(t.dir, 'out');
  const r = await run(['report', 'extract-status', '--month', '2026-10', '--out', out]);
  assert.is(r.code, 0, r.stderr);
  assert.equal(readdirSync(out), ['2026-10_sekmju-izrakstu-atgriesana.pdf']);
  const text = pdfText(join(out, '2026-10_sekmju-izrakstu-atgriesana.pdf'));
  assert.match(text, /RĪGAS PARAUGA VIDUSSKOLA/);
  assert.match(text, /Pārskats par sekmju izrakstu atgriešanu/);
  assert.match(text, /Atgriešanas termiņš:\s+12\.11\.2026/);
  // The summary page: per class students, returned, late, missing.
  assert.match(text, /7\.a\s+Anna Kalniņa\s+3\s+2\s+1/);
  assert.match(text, /9\.b\s+Pēteris Ozoliņš\s+1\s+1\s+1\s+0/);
  // The class pages.
  assert.match(text, /Ābele Līga\s+jā\s+10\.11\.2026\s+laikā/);
  assert.match(text, /Bērziņš Jānis\s+jā\s+11\.11\.2026\s+laikā/);
  assert.match(text, new RegExp(`Šķēle Ēriks\\s+nē\\s+kavējas ${daysBetween(DUE, today)} dien`));
  assert.match(text, /Ķiploka Žanete\s+jā\s+20\.11\.2026\s+8 dienas pēc termiņa\s+<b>Anna & "Ko"<\/b>/);
  assert.match(text, /Atgriezti: 2 \/ 3/);
  assert.match(text, /7 kalendārās dienas pēc 5\. datuma/);
  // HTML escapes the note; English words with --lang en.
  const html = await run(['report', 'extract-status', '--month', '2026-10', '--class', '9.b', '--format', 'html', '--lang', 'en', '--out', out]);
  assert.is(html.code, 0, html.stderr);
  const page = readFileSync(join(out, '2026-10_9b_extract-slip-returns.html'), 'utf8');
  assert.ok(page.includes('&lt;b&gt;Anna &amp; &quot;Ko&quot;&lt;/b&gt;'));
  assert.ok(page.includes('8 days late'));
  assert.ok(!existsSync(join(out, '2026-10_extract-slip-returns.html')), 'one class: no summary file');
});

test.run();
