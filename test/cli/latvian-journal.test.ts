// The journal in Latvian (issue 18 §1, §4): what a teacher meets every day —
// grades, absences, lessons and the class teacher's appendices — reads in
// Latvian, in E-klase's words, with the right plural forms, and names a
// student by name and code in the case the sentence needs. These tests run
// in one named language: Latvian.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { tempDir } from '../support/school.ts';
import { runner } from './_helpers.ts';

const t = tempDir('ezurnals-latvian-journal-');
const { run, refused, setup } = runner(t.dbPath);
test.after(() => t.cleanup());

const LV = { EZURNALS_LANG: 'lv' };
const lv = (args: string[]) => run(args, LV);
let lessonA = '';
let lessonB = '';

test.before(async () => {
  const results = await setup([
    ['init', '--school', 'Rīgas Parauga vidusskola', '--year', '2026/2027'],
    ['staff', 'add', 'T01', '--first-name', 'Anna', '--last-name', 'Kalniņa', '--role', 'teacher', '--role', 'class-teacher'],
    ['subject', 'add', 'mat', '--name', 'Matemātika'],
    ['class', 'add', '7.a', '--class-teacher', 'T01'],
    ['class', 'add', '7.b'],
    ['student', 'add', 'S001', '--first-name', 'Jānis', '--last-name', 'Bērziņš', '--class', '7.a'],
    ['student', 'add', 'S002', '--first-name', 'Līga', '--last-name', 'Ozola', '--class', '7.a'],
    ['student', 'add', 'S101', '--first-name', 'Zane', '--last-name', 'Vītola', '--class', '7.b'],
    ['assign', 'add', '--class', '7.a', '--subject', 'mat', '--teacher', 'T01'],
    ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-05', '--number', '1', '--topic', 'Daļskaitļi', '--as', 'T01', '--json'],
    ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-06', '--number', '1', '--topic', 'Procenti', '--as', 'T01', '--json'],
  ]);
  lessonA = String(results[9].id);
  lessonB = String(results[10].id);
});

test('grade enter: Latvian table headers, and the confirmation names the student in the dative', async () => {
  const r = await lv(['grade', 'enter', '--lesson', lessonA, '--student', 'S001', '--value', '8', '--as', 'T01']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /vērtējums/);
  assert.match(r.stdout, /skolēns/);
  assert.match(r.stdout, /mācību priekšmets/);
  assert.not.match(r.stdout, /\bgrade\b|\bstudent\b/);
  assert.match(r.stderr, /Vērtējums ielikts Jānim Bērziņam \(S001\)\./);
});

test('a grade off the scale is refused in Latvian, naming the student and what is accepted', async () => {
  const r = await refused('11', ['grade', 'enter', '--lesson', lessonA, '--student', 'S002', '--value', '11', '--as', 'T01'], 'invalid', undefined, LV);
  assert.is(r.errorJson.error.message, 'Līga Ozola (S002): vērtējums "11" nav skalā; kārtējai atzīmei 7. klasē der: 1–10, i, ni, nv');
});

test('grade correct says whose grade was corrected, in the genitive', async () => {
  const list = await run(['grade', 'list', '--student', 'S001', '--json']);
  const id = String(list.json[0].id);
  const r = await lv(['grade', 'correct', id, '--value', '9', '--reason', 'Pārrakstīts', '--as', 'T01']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, /Jāņa Bērziņa \(S001\) vērtējums labots uz 9\./);
  assert.match(r.stdout, /labot|vērtējums/);
});

test('an unknown grade id and a student from another class: Latvian errors that name the person', async () => {
  const missing = await refused('no grade', ['grade', 'correct', '999', '--value', '7', '--reason', 'x', '--as', 'T01'], 'not_found', undefined, LV);
  assert.is(missing.errorJson.error.message, 'Nav vērtējuma ar ID 999. Skatiet `ezurnals grade list`.');
  const outsider = await refused('not in the class', ['absence', 'mark', '--lesson', lessonA, '--student', 'S101', '--as', 'T01'], 'invalid', undefined, LV);
  assert.is(outsider.errorJson.error.message, '2026-10-05 nav 7.a klasē: Zane Vītola (S101).');
  // The error's code stays English: it is the scripts' contract.
  assert.is(outsider.errorJson.error.code, 'invalid');
});

test('absences: marking names the students; justifying counts with the plural Latvian needs', async () => {
  const one = await lv(['absence', 'mark', '--lesson', lessonA, '--student', 'S001', '--as', 'T01']);
  assert.is(one.code, 0, one.stderr);
  assert.match(one.stderr, /Atzīmēts 1 kavējums: Jānis Bērziņš \(S001\)\./);
  assert.match(one.stdout, /kavējum|skolēns/);
  const two = await lv(['absence', 'mark', '--lesson', lessonB, '--student', 'S001', '--student', 'S002', '--as', 'T01']);
  assert.match(two.stderr, /Atzīmēti 2 kavējumi: Jānis Bērziņš \(S001\) un Līga Ozola \(S002\)\./);
  const justify = await lv(['absence', 'justify', '--student', 'S001', '--from', '2026-10-05', '--to', '2026-10-06', '--reason', 'illness', '--as', 'T01']);
  assert.is(justify.code, 0, justify.stderr);
  assert.match(justify.stderr, /Jānim Bērziņam \(S001\) attaisnoti 2 kavējumi\./);
  const none = await lv(['absence', 'justify', '--student', 'S002', '--from', '2026-10-07', '--reason', 'other', '--as', 'T01']);
  assert.match(none.stderr, /Nav ko attaisnot/);
});

test('a subject teacher cannot overwrite a justified absence: the refusal is Latvian and names the student', async () => {
  const r = await refused('justified', ['absence', 'mark', '--lesson', lessonA, '--student', 'S001', '--code', 'k', '--as', 'T01'], 'conflict', undefined, LV);
  assert.is(r.errorJson.error.message, 'Jānis Bērziņš (S001): klases audzinātājs kavējumu jau attaisnojis kā ns; lai atzīmētu no jauna, vispirms atsauciet kavējumu.');
});

test('lessons: a missing lesson and a day off are refused in Latvian', async () => {
  const missing = await refused('no lesson', ['lesson', 'show', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-07'], 'not_found', undefined, LV);
  assert.is(missing.errorJson.error.message, '7.a klasei 2026-10-07 nav mat stundas.');
  const saturday = await refused('saturday', ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-10', '--number', '1', '--topic', 'X', '--as', 'T01'], 'invalid', undefined, LV);
  assert.match(saturday.errorJson.error.message, /^Šajā dienā stundu nav: 2026-10-10 nav darba diena/);
  const list = await lv(['lesson', 'list', '--class', '7.a']);
  assert.match(list.stdout, /tēma/);
  assert.match(list.stdout, /mājasdarbs/);
});

test('the appendices: a behaviour remark, a note and an extract slip in Latvian', async () => {
  const remark = await lv(['behavior', 'add', '--student', 'S001', '--kind', 'positive', '--date', '2026-10-05', '--text', 'Palīdzēja', '--as', 'T01']);
  assert.is(remark.code, 0, remark.stderr);
  assert.match(remark.stdout, /autors/);
  const twice = await refused('no such remark', ['behavior', 'remove', '999', '--reason', 'x', '--as', 'T01'], 'not_found', undefined, LV);
  assert.match(twice.errorJson.error.message, /^Nav uzvedības piezīmes ar ID 999/);
  const both = await refused('note to both', ['note', 'add', '--student', 'S001', '--class', '7.a', '--text', 'x', '--as', 'T01'], 'usage', undefined, LV);
  assert.match(both.errorJson.error.message, /^Norādiet vai nu --student/);
  const slip = await refused('not their guardian', ['extract', 'ack', '--student', 'S001', '--month', '2026-10', '--date', '2026-11-10', '--guardian', 'Ilze Bērziņa', '--as', 'T01'], 'invalid', undefined, LV);
  assert.is(slip.errorJson.error.message, '--guardian "Ilze Bērziņa" nav Jāņa Bērziņa (S001) likumiskais pārstāvis (likumiskie pārstāvji: neviens nav ierakstīts).');
});

test('the same refusal in English with --lang en: the words follow the chosen language', async () => {
  const r = await refused('no grade', ['grade', 'correct', '999', '--value', '7', '--reason', 'x', '--as', 'T01', '--lang', 'en'], 'not_found', undefined, LV);
  assert.is(r.errorJson.error.message, 'No grade with id 999. See `ezurnals grade list`.');
});

test.run();
