// The timetable, `import timetable`, `report missing`, inspections and `report inspections` through the real, built bin.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/school.ts';
import { lineWith, pdfText } from '../support/pdf.ts';
import { encodeWin1257 } from '../fixtures/csv/make-fixtures.ts';
import { smallSchool } from '../services/fixtures.ts';
import { setTimetableSlot } from '../../src/services/timetable.ts';
import { addHoliday } from '../../src/services/holidays.ts';
import { addLesson } from '../../src/services/lessons.ts';
import { enterGrades } from '../../src/services/grades.ts';
import { markAbsences } from '../../src/services/absences.ts';
import { dbState, runner } from './_helpers.ts';

// A bare small school for the timetable commands and imports.
const blank = await smallSchool();
const bare = runner(blank.dbPath, 'D01');

/**
 * The small school with a timetable and a few weeks of journal (today is Sunday 29 Nov 2026):
 * 7.a mat Mon 1 (T01), lv Wed 2 (T02); 7.b mat Fri 3 (T02); a school break 23–24 Nov; 18 Nov is a public holiday.
 * Only 7.a mat on Mon 16 Nov is entered, with a credit entered on 25 Nov (1 working day late) and one n.
 */
const school = await smallSchool();
await school.as('admin', async (c) => {
  await setTimetableSlot(c, { class: '7.a', weekday: 1, number: 1, subject: 'mat', from: '2026-09-01' });
  await setTimetableSlot(c, { class: '7.a', weekday: 3, number: 2, subject: 'lv', from: '2026-09-01' });
  await setTimetableSlot(c, { class: '7.b', weekday: 5, number: 3, subject: 'mat', from: '2026-09-01' });
  await addHoliday(c, { from: '2026-11-23', to: '2026-11-24', kind: 'school-break', name: 'Skolas brīvdienas' });
});
const mat = await school.as('T01', (c) => addLesson(c, { class: '7.a', subject: 'mat', date: '2026-11-16', number: 1, topic: 'Procenti ikdienā' }), new Date('2026-11-16T13:00:00Z'));
await school.as('T01', (c) => enterGrades(c, { lesson: mat.id, work: 'credit', students: ['S001=i', 'S002=ni'] }), new Date('2026-11-25T10:00:00Z'));
await school.as('T01', (c) => markAbsences(c, { lesson: mat.id, students: ['S003'], code: 'n' }), new Date('2026-11-16T13:05:00Z'));
const { run, refused } = runner(school.dbPath, 'D01');
const out = tempDir('ezurnals-timetable-');

test('timetable set / list / clear: JSON, history kept, who may and what is refused', async () => {
  const set = await bare.run(['timetable', 'set', '--class', '7.a', '--weekday', '1', '--number', '2', '--subject', 'mat', '--from', '2026-09-01', '--json']);
  assert.is(set.code, 0, set.stderr);
  assert.equal(
    { class: set.json.class, weekday: set.json.weekday, number: set.json.number, subject: set.json.subject, teacher: set.json.teacher, from: set.json.valid_from, to: set.json.valid_to, outcome: set.json.outcome },
    { class: '7.a', weekday: 1, number: 2, subject: 'mat', teacher: 'T01', from: '2026-09-01', to: null, outcome: 'created' },
  );
  const again = await bare.run(['timetable', 'set', '--class', '7.a', '--weekday', '1', '--number', '2', '--subject', 'mat', '--from', '2026-10-01']);
  assert.is(again.code, 0, again.stderr);
  assert.match(again.stderr, /already had this lesson/);
  const change = await bare.run(['timetable', 'set', '--class', '7.a', '--weekday', 'pirmdiena', '--number', '2', '--subject', 'lv', '--from', '02.11.2026', '--json']);
  assert.is(change.json.outcome, 'replaced', change.stderr);
  const before = await bare.run(['timetable', 'list', '--class', '7.a', '--on', '2026-10-26', '--json']);
  assert.equal(before.json.map((s: any) => [s.subject, s.valid_from, s.valid_to]), [['mat', '2026-09-01', '2026-11-01']]);
  const table = await bare.run(['timetable', 'list', '--teacher', 'T02', '--on', '2026-11-02']);
  assert.match(table.stdout, /1 pirmdiena/);
  assert.match(table.stdout, /Latviešu valoda \(lv\)/);

  await bare.refused('a class teacher may not change the timetable', ['timetable', 'set', '--class', '7.a', '--weekday', '2', '--number', '1', '--subject', 'mat', '--as', 'T01'], 'forbidden', /may not change the timetable/);
  await bare.refused('nor clear it', ['timetable', 'clear', '--class', '7.a', '--weekday', '1', '--number', '2', '--as', 'T01'], 'forbidden');
  await bare.refused('weekday 7', ['timetable', 'set', '--class', '7.a', '--weekday', '7', '--number', '1', '--subject', 'mat'], 'invalid', /--weekday "7"/);
  await bare.refused('lesson 13', ['timetable', 'set', '--class', '7.a', '--weekday', '1', '--number', '13', '--subject', 'mat'], 'invalid', /--number "13"/);
  await bare.refused('unknown subject', ['timetable', 'set', '--class', '7.a', '--weekday', '1', '--number', '1', '--subject', 'fiz'], 'not_found', /Unknown subject fiz/);
  await bare.refused('unknown teacher', ['timetable', 'set', '--class', '7.a', '--weekday', '1', '--number', '1', '--subject', 'mat', '--teacher', 'T99'], 'not_found', /T99/);
  await bare.refused('unknown class', ['timetable', 'set', '--class', '9.z', '--weekday', '1', '--number', '1', '--subject', 'mat'], 'not_found', /9\.z/);
  await bare.refused('a free place cannot be cleared', ['timetable', 'clear', '--class', '7.b', '--weekday', '1', '--number', '1'], 'not_found');

  const cleared = await bare.run(['timetable', 'clear', '--class', '7.a', '--weekday', '1', '--number', '2', '--from', '2026-11-09', '--json']);
  assert.is(cleared.code, 0, cleared.stderr);
  assert.equal(cleared.json.ended.map((s: any) => [s.subject, s.valid_to]), [['lv', '2026-11-08']]);
  assert.equal((await bare.run(['timetable', 'list', '--on', '2026-11-09', '--json'])).json, []);
});

test('import timetable: Latvian Excel (Windows-1257, ";"), dry run, idempotent re-import, ASCII-fied headers with a BOM', async () => {
  const file = join(out.dir, 'stundu-saraksts.csv');
  const rows = ['Klase;Nedēļas diena;Stunda;Priekšmets;Skolotājs;Spēkā no', '7.b;pirmdiena;1;mat;T02;01.09.2026', '7.b;Otrdiena;2;mat;;01.09.2026', '2.a;3;1;mat;T03;01.09.2026'];
  writeFileSync(file, encodeWin1257(rows.join('\r\n') + '\r\n'));
  const state = await dbState(blank.dbPath);
  const dry = await bare.run(['import', 'timetable', file, '--dry-run', '--json']);
  assert.is(dry.code, 0, dry.stderr);
  assert.equal(dry.json, [{ kind: 'timetable', file, created: 3, updated: 0, unchanged: 0, errors: 0 }]);
  assert.is(await dbState(blank.dbPath), state, 'a dry run writes nothing');

  const first = await bare.run(['import', 'timetable', file, '--json']);
  assert.equal(first.json[0], { kind: 'timetable', file, created: 3, updated: 0, unchanged: 0, errors: 0 }, first.stderr);
  const listed = (await bare.run(['timetable', 'list', '--on', '2026-11-30', '--json'])).json.filter((s: any) => s.class !== '7.a');
  assert.equal(listed.map((s: any) => `${s.class} ${s.weekday}/${s.number} ${s.subject} ${s.teacher} ${s.valid_from}`), ['2.a 3/1 mat T03 2026-09-01', '7.b 1/1 mat T02 2026-09-01', '7.b 2/2 mat T02 2026-09-01']);
  const stored = await dbState(blank.dbPath);
  const second = await bare.run(['import', 'timetable', file, '--json']);
  assert.equal(second.json[0], { kind: 'timetable', file, created: 0, updated: 0, unchanged: 3, errors: 0 }, second.stderr);
  assert.is(await dbState(blank.dbPath), stored, 're-importing the same file changes nothing');

  // Diacritics stripped from the headers, UTF-8 with a BOM, a change of teacher from a later day.
  const ascii = join(out.dir, 'saraksts-ascii.csv');
  writeFileSync(ascii, '\uFEFFKlase;Nedelas diena;Stunda;Prieksmets;Skolotajs;Speka no\r\n2.a;3;1;mat;T03;2026-09-01\r\n7.b;1;1;mat;T02;2026-12-01\r\n');
  const third = await bare.run(['import', 'timetable', ascii, '--json']);
  assert.equal(third.json[0], { kind: 'timetable', file: ascii, created: 0, updated: 0, unchanged: 2, errors: 0 }, third.stderr);
});

test('import timetable: every bad row as FILE:LINE with its column, nothing imported, a teacher refused', async () => {
  const file = join(out.dir, 'saraksts-kludas.csv');
  writeFileSync(file, 'class,weekday,number,subject,teacher\n7.b,8,1,mat,T02\n7.b,1,14,mat,T02\n7.b,1,1,fiz,T02\n7.b,1,2,mat,T09\n9.z,1,3,mat,\n7.b,2,1,mat,T01\n7.b,3,1,mat,T02\n7.b,3,1,mat,T02\n');
  const state = await dbState(blank.dbPath);
  const r = await bare.run(['import', 'timetable', file]);
  assert.is(r.code, 4, r.stderr);
  const problems = r.stderr.split('\n').map((l) => l.replace(/^error: /, '')).filter((l) => l.startsWith(`${file}:`));
  assert.equal(problems.map((l) => l.slice(file.length + 1).replace(/ — .*/, '')), [
    '2: column "weekday": value "8"',
    '3: column "number": value "14"',
    '4: column "subject": value "fiz"',
    '5: column "teacher": value "T09"',
    '6: column "class": value "9.z"',
    '7: column "teacher": value "T01"',
    '9: column "number": value "1"',
  ]);
  assert.match(problems[6]!, /duplicate timetable lesson 7\.b weekday 3 no\. 1 \(also on line 8\)/);
  assert.is(await dbState(blank.dbPath), state);
  const teacher = await bare.run(['import', 'timetable', file, '--as', 'T02']);
  assert.is(teacher.code, 5, teacher.stderr);
});

test('export timetable: the importer\'s columns, with the day each lesson started', async () => {
  const r = await run(['export', 'timetable']);
  assert.is(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim().split('\n'), ['class,weekday,number,subject,teacher,from,group', '7.a,1,1,mat,T01,2026-09-01,', '7.a,3,2,lv,T02,2026-09-01,', '7.b,5,3,mat,T02,2026-09-01,']);
});

test('report missing: JSON per teacher over a weekend, 18 November and a school break; HTML and PDF', async () => {
  const r = await run(['report', 'missing', '--from', '2026-11-13', '--to', '2026-12-04', '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.equal({ through: r.json.through, days: r.json.teaching_days, expected: r.json.expected, missing: r.json.missing }, { through: '2026-11-29', days: 8, expected: 5, missing: 4 });
  assert.equal(r.json.teachers.map((t: any) => [t.code, t.lessons.map((l: any) => `${l.date} ${l.class} ${l.number} ${l.subject.code}`)]), [
    ['T02', ['2026-11-13 7.b 3 mat', '2026-11-20 7.b 3 mat', '2026-11-25 7.a 2 lv', '2026-11-27 7.b 3 mat']],
  ]);
  const t01 = await run(['report', 'missing', '--date', '2026-11-16', '--teacher', 'T01', '--json']);
  assert.equal([t01.json.expected, t01.json.missing, t01.json.teachers], [1, 0, []]);

  const html = await run(['report', 'missing', '--date', '2026-11-16', '--teacher', 'T01', '--format', 'html', '--out', out.dir]);
  assert.is(html.code, 0, html.stderr);
  assert.ok(readFileSync(join(out.dir, '2026-11-16_t01_neaizpilditas-stundas.html'), 'utf8').includes('Visas stundu sarakstā paredzētās stundas ir ierakstītas žurnālā.'));

  const pdf = await run(['report', 'missing', '--from', '2026-11-13', '--to', '2026-11-29', '--class', '7.b', '--out', out.dir]);
  assert.is(pdf.code, 0, pdf.stderr);
  const text = pdfText(join(out.dir, '2026-11-13_2026-11-29_7b_neaizpilditas-stundas.pdf'));
  assert.ok(text.includes('Neaizpildītās stundas'));
  assert.is(lineWith(text, 'Pēteris Ozoliņš'), 'Pēteris Ozoliņš (T02) (3 stundas)');
  assert.is(lineWith(text, '20.11.2026'), '20.11.2026 piektdiena 3 7.b Matemātika');
  await refused('--date and --from', ['report', 'missing', '--date', '2026-11-16', '--from', '2026-11-13'], 'usage', /either --date/);
  await refused('no day', ['report', 'missing'], 'usage', /--date/);
});

test('inspection add: a teacher is refused (exit 5, nothing written); a deputy records one; list', async () => {
  await refused('a teacher', ['inspection', 'add', '--class', '7.a', '--date', '2026-11-27', '--findings', 'x', '--as', 'T01'], 'forbidden', /may not record journal inspections/);
  await refused('a nurse, whole school', ['inspection', 'add', '--all', '--findings', 'x', '--as', 'N01'], 'forbidden');
  await refused('neither --class nor --all', ['inspection', 'add', '--findings', 'x'], 'usage', /--all/);
  const added = await run(['inspection', 'add', '--class', '7.a', '--class', '7.b', '--date', '27.11.2026', '--findings', 'Neierakstītas stundas; kavējumi jāizvērtē līdz piektdienai', '--deadline', '2026-12-04', '--json']);
  assert.is(added.code, 0, added.stderr);
  assert.equal([added.json.date, added.json.classes, added.json.deadline, added.json.author], ['2026-11-27', ['7.a', '7.b'], '2026-12-04', 'D01']);
  const whole = await run(['inspection', 'add', '--all', '--date', '2026-11-02', '--findings', 'Žurnāli kārtībā', '--as', 'admin', '--json']);
  assert.is(whole.json.whole_school, true, whole.stderr);
  const list = await run(['inspection', 'list', '--class', '2.a', '--json', '--as', 'T03']);
  assert.equal(list.json.map((i: any) => i.findings), ['Žurnāli kārtībā']);
});

test('report inspections: JSON figures per class, and a PDF with its Latvian text', async () => {
  const r = await run(['report', 'inspections', '--from', '2026-11-13', '--to', '2026-11-29', '--class', '7.a', '--class', '7.b', '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.equal(r.json.inspections.map((i: any) => i.date), ['2026-11-27']);
  assert.equal(
    r.json.classes.map((c: any) => [c.class, c.lessons_expected, c.lessons_entered, c.lessons_missing, c.lessons_without_topic, c.grades_late, c.absences_n_over_7_days]),
    [['7.a', 2, 1, 1, 0, 2, 1], ['7.b', 3, 0, 3, 0, 0, 0]],
  );
  assert.equal(r.json.totals, { lessons_expected: 5, lessons_entered: 1, lessons_missing: 4, lessons_without_topic: 0, grades_late: 2, absences_n_over_7_days: 1 });

  const pdf = await run(['report', 'inspections', '--from', '2026-11-01', '--to', '2026-11-29', '--all', '--out', out.dir]);
  assert.is(pdf.code, 0, pdf.stderr);
  assert.ok(readdirSync(out.dir).includes('2026-11-01_2026-11-29_zurnalu-parbaudes.pdf'));
  const text = pdfText(join(out.dir, '2026-11-01_2026-11-29_zurnalu-parbaudes.pdf'));
  assert.ok(text.includes('Žurnālu pārbaudes'));
  assert.is(lineWith(text, 'Klases:'), 'Klases: visa skola');
  assert.match(lineWith(text, '02.11.2026'), /^02\.11\.2026 visa skola Žurnāli kārtībā Skolas administrators \(admin\)$/);
  assert.match(text, /Neierakstītas stundas; kavējumi jāizvērtē/);
  assert.is(lineWith(text, /^\s*7\.a\s+Anna Kalniņa/), '7.a Anna Kalniņa (T01) 6 1 5 0 2 1');
  assert.is(lineWith(text, /^\s*Kopā/), 'Kopā 10 1 9 0 2 1');
  await refused('no dates', ['report', 'inspections', '--all'], 'usage', /--from is required/);
  await refused('both --class and --all', ['report', 'inspections', '--from', '2026-11-01', '--to', '2026-11-29', '--all', '--class', '7.a'], 'usage', /not both/);
});

test.after(async () => {
  await blank.cleanup();
  await school.cleanup();
  out.cleanup();
});
test.run();
