// Deadline control through the real bin: historic entry times from imports (entered_at),
// the report as JSON, PDF (read back with pdftotext) and HTML, and its refusals.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/school.ts';
import { lineWith, pdfText } from '../support/pdf.ts';
import { dbState, EXAMPLE_SCHOOL, runner } from './_helpers.ts';

const t = tempDir('ezurnals-deadlines-');
const out = tempDir('ezurnals-deadlines-out-');
const { run, refused, setup } = runner(t.dbPath);

const file = (name: string, text: string) => {
  const path = join(t.dir, name);
  writeFileSync(path, text);
  return path;
};

test.before(async () => {
  await setup([
    ...EXAMPLE_SCHOOL, // T01 teaches mat in 7.a; S001 in 7.a
    ['student', 'add', 'S002', '--first-name', 'Žanete', '--last-name', 'Ābele', '--class', '7.a'],
    // 16 Oct is the Friday before the autumn break (19–23 Oct); 18 Nov is a Wednesday holiday.
    ['import', 'lessons', file('lessons.csv', 'class,subject,date,number,topic,homework,entered_at\n7.a,mat,2026-11-16,1,Procenti,,16.11.2026 16:00\n7.a,mat,2026-11-17,1,Uzdevumi,45. lpp.,19.11.2026 09:00\n7.a,mat,2026-10-16,1,Daļskaitļi,,26.10.2026 08:00\n'), '--as', 'T01'],
    ['import', 'grades', file('grades.csv', 'Klase;Priekšmets;Datums;Skolēns;Vērtējums;Darba veids;Ievadīts\n7.a;mat;02.11.2026;S001;7;pārbaudes darbs;2026-11-12T12:00:00+02:00\n7.a;mat;02.11.2026;S002;8;pārbaudes darbs;2026-11-09T20:00:00+02:00\n'), '--as', 'T01'],
    ['import', 'absences', file('absences.csv', 'class,subject,date,number,student,code,entered_at\n7.a,mat,2026-11-16,1,S002,n,20.11.2026 10:00\n'), '--as', 'T01'],
  ]);
});
test.after(() => {
  t.cleanup();
  out.cleanup();
});

const rows = (json: any) => json.entries.map((e: any) => [e.date, e.part, e.students.join(' '), e.entered_at, e.working_days_late]);

test('--json: every late entry with its working days late, judged on the entry times the import carried', async () => {
  const r = await run(['report', 'deadlines', '--from', '01.10.2026', '--to', '30.11.2026', '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.equal(rows(r.json), [
    ['2026-10-16', 'lesson', '', '2026-10-26T08:00:00+02:00', 1],
    ['2026-11-02', 'grade', 'S001', '2026-11-12T12:00:00+02:00', 3],
    ['2026-11-16', 'absences', 'S002', '2026-11-20T10:00:00+02:00', 3],
    ['2026-11-17', 'lesson', '', '2026-11-19T09:00:00+02:00', 1],
  ]);
  assert.equal(r.json.by_teacher, [{ code: 'T01', name: 'Anna Kalniņa', entries: 4, most_days_late: 3 }]);
  const t02 = await run(['report', 'deadlines', '--from', '2026-10-01', '--to', '2026-11-30', '--teacher', 'T02', '--json']);
  assert.equal(t02.json.entries, []);
});

test("school set --test-deadline-days changes the tests' deadline", async () => {
  const set = await run(['school', 'set', '--test-deadline-days', '8', '--json']);
  assert.is(set.code, 0, set.stderr);
  assert.is(set.json.test_deadline_days, 8);
  const r = await run(['report', 'deadlines', '--from', '2026-11-01', '--to', '2026-11-30', '--class', '7.a', '--json']);
  assert.ok(!r.json.entries.some((e: any) => e.part === 'grade'));
  assert.is((await run(['school', 'set', '--test-deadline-days', 'default'])).code, 0);
});

test('PDF: one landscape file with the late entries and the totals per teacher', async () => {
  const r = await run(['report', 'deadlines', '--from', '2026-10-01', '--to', '2026-11-30', '--out', out.dir]);
  assert.is(r.code, 0, r.stderr);
  assert.equal(readdirSync(out.dir), ['2026-10-01_2026-11-30_termini.pdf']);
  const text = pdfText(join(out.dir, '2026-10-01_2026-11-30_termini.pdf'));
  assert.ok(text.includes('Ierakstu termiņu kontrole'));
  assert.is(lineWith(text, /^\s*16\.10\.2026/), '16.10.2026 7.a Matemātika stunda un tēma, 1. st. Anna Kalniņa (T01) 26.10.2026 08:00 16.10.2026 17:00 1');
  assert.is(lineWith(text, /^\s*02\.11\.2026/), '02.11.2026 7.a Matemātika vērtējumi, pārbaudes darbs Anna Kalniņa (T01) Jānis Bērziņš 12.11.2026 12:00 09.11.2026 3');
  assert.is(lineWith(text, /^\s*Anna Kalniņa \(T01\)\s+4/), 'Anna Kalniņa (T01) 4 3');
});

test('HTML in English; a period with nothing late says so', async () => {
  const r = await run(['report', 'deadlines', '--from', '2026-09-01', '--to', '2026-09-30', '--format', 'html', '--lang', 'en', '--out', out.dir]);
  assert.is(r.code, 0, r.stderr);
  const html = readFileSync(join(out.dir, '2026-09-01_2026-09-30_deadlines.html'), 'utf8');
  assert.ok(html.includes('Every entry of this period was made on time.'));
  assert.ok(html.includes('Entry deadline control'));
});

test('refusals: bad periods and filters; an import with a future or unreadable entered_at writes nothing', async () => {
  await refused('from after to', ['report', 'deadlines', '--from', '2026-11-30', '--to', '2026-11-01'], 'usage', /after/);
  await refused('no dates', ['report', 'deadlines'], 'usage', /--from is required/);
  await refused('both filters', ['report', 'deadlines', '--from', '2026-11-01', '--to', '2026-11-30', '--teacher', 'T01', '--class', '7.a'], 'usage', /not both/);
  await refused('unknown class', ['report', 'deadlines', '--from', '2026-11-01', '--to', '2026-11-30', '--class', '9.z'], 'not_found');
  const before = await dbState(t.dbPath);
  const future = await run(['import', 'lessons', file('future.csv', 'class,subject,date,number,topic,entered_at\n7.a,mat,2026-11-19,2,Tēma,01.12.2026 10:00\n'), '--as', 'T01']);
  assert.is(future.code, 4, future.stderr);
  assert.match(future.stderr, /column "entered_at": value "01.12.2026 10:00" — entered_at 01.12.2026 10:00 is in the future/);
  const bad = await run(['import', 'grades', file('bad.csv', 'class,subject,date,student,value,entered_at\n7.a,mat,2026-11-16,S001,8,vakar\n'), '--as', 'T01']);
  assert.is(bad.code, 4, bad.stderr);
  assert.match(bad.stderr, /entered_at "vakar" is not a time/);
  assert.is(await dbState(t.dbPath), before, 'the failed imports wrote nothing');
  await refused('test deadline out of range', ['school', 'set', '--test-deadline-days', '40'], 'invalid', /1 to 30/);
});

test('grade correct --improved-on records an improvement, shown in the history and the report', async () => {
  const grades = (await run(['grade', 'list', '--student', 'S001', '--json'])).json;
  const id = String(grades.find((g: any) => g.work === 'test').id);
  await refused('improved before the work', ['grade', 'correct', id, '--value', '8', '--reason', 'Uzlabots', '--improved-on', '2026-10-30', '--as', 'T01'], 'invalid', /before the work/);
  const r = await run(['grade', 'correct', id, '--value', '8', '--reason', 'Uzlabots', '--improved-on', '2026-11-16', '--as', 'T01', '--json']);
  assert.is(r.code, 0, r.stderr);
  const history = (await run(['grade', 'history', id, '--json'])).json;
  assert.is(history.at(-1).improved_on, '2026-11-16');
  const report = (await run(['report', 'deadlines', '--from', '2026-11-01', '--to', '2026-11-30', '--json'])).json;
  const improvement = report.entries.find((e: any) => e.part === 'improvement');
  // Improved on Monday 16 Nov, due 5 working days later (18 Nov off): Tuesday 24 Nov; recorded today, Sunday 29 Nov.
  assert.equal([improvement.date, improvement.due_on, improvement.students], ['2026-11-16', '2026-11-24', ['S001']]);
  assert.ok(improvement.working_days_late >= 3);
});

test.run();
