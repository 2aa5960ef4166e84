import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { smallSchool } from '../services/fixtures.ts';
import { join } from 'node:path';
import { runner } from './_helpers.ts';
import { tempDir } from '../support/school.ts';
import { lineWith, pdfText } from '../support/pdf.ts';

/* The remaining rules of the regulation (issue 19 §6): make-up grades (§26) and the class teacher's ns ↔ nc switch (§19). */
const school = await smallSchool();
const out = tempDir('ezurnals-rules-');
const { run, refused, setup, read } = runner(school.dbPath);

test.after(async () => {
  await school.cleanup();
  out.cleanup();
});

test('§26: a make-up grade only where the annual grade fails or is missing, unless a reason is given', async () => {
  await setup([
    ['grade', 'enter', '--class', '7.a', '--subject', 'mat', '--work', 'annual', '--student', 'S001=8', '--student', 'S002=3', '--date', '2026-11-27', '--as', 'T01'],
  ]);
  await refused('a passing annual grade', ['grade', 'enter', '--class', '7.a', '--subject', 'mat', '--work', 'makeup', '--student', 'S001=9', '--date', '2026-11-27', '--as', 'T01'], 'invalid', /\(S001\), mat: the annual grade is 8, which is not failing/);
  await setup([
    ['grade', 'enter', '--class', '7.a', '--subject', 'mat', '--work', 'makeup', '--student', 'S002=5', '--date', '2026-11-27', '--as', 'T01'],
    ['grade', 'enter', '--class', '7.a', '--subject', 'mat', '--work', 'makeup', '--student', 'S003=6', '--date', '2026-11-27', '--as', 'T01'],
    ['grade', 'enter', '--class', '7.a', '--subject', 'mat', '--work', 'makeup', '--student', 'S001=9', '--date', '2026-11-27', '--reason', 'Pedagoģiskās padomes lēmums Nr. 4', '--as', 'T01'],
  ]);
  const makeups = await read(['grade', 'list', '--class', '7.a', '--work', 'makeup']);
  assert.equal(makeups.map((g: any) => [g.student, g.value, g.note]).sort(), [
    ['S001', '9', 'Pedagoģiskās padomes lēmums Nr. 4'],
    ['S002', '5', null],
    ['S003', '6', null],
  ]);
});

test('§19: the class teacher switches a justified absence between ns and nc alone, and the history keeps both', async () => {
  const [lesson] = await setup([['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-05', '--number', '1', '--topic', 'Vienādojumi', '--as', 'T01', '--json']]);
  await setup([
    ['absence', 'mark', '--lesson', String(lesson.id), '--student', 'S002', '--as', 'T01'],
    ['absence', 'justify', '--student', 'S002', '--from', '2026-10-05', '--reason', 'illness', '--as', 'T01'],
  ]);
  await refused('not the class teacher', ['absence', 'justify', '--student', 'S002', '--from', '2026-10-05', '--reason', 'other', '--as', 'T02'], 'forbidden');
  const [switched] = await setup([['absence', 'justify', '--student', 'S002', '--from', '2026-10-05', '--reason', 'other', '--note', 'Ģimenes apstākļi', '--as', 'T01', '--json']]);
  assert.equal(switched.map((a: any) => a.code), ['nc']);
  const history = await read(['absence', 'history', String(switched[0].id)]);
  assert.equal(history.map((h: any) => [h.action, h.code_before, h.code_after]), [['mark', null, 'n'], ['justify', 'n', 'ns'], ['switch', 'ns', 'nc']]);
  // Back again; and asking for what already holds changes nothing.
  await setup([['absence', 'justify', '--student', 'S002', '--from', '2026-10-05', '--reason', 'illness', '--as', 'T01']]);
  assert.equal((await read(['absence', 'list', '--student', 'S002'])).map((a: any) => a.code), ['ns']);
  const [same] = await setup([['absence', 'justify', '--student', 'S002', '--from', '2026-10-05', '--reason', 'illness', '--as', 'T01', '--json']]);
  assert.equal(same, []);
});

test('§8: a state exam result is a percentage, accepted as 65% and printed on the annual card so', async () => {
  await refused('a percentage for a test', ['grade', 'enter', '--class', '7.a', '--subject', 'mat', '--work', 'test', '--student', 'S001=65%', '--date', '2026-10-05', '--as', 'T01'], 'invalid', /a percentage is only the result of a state test or exam/);
  await refused('over 100 %', ['grade', 'enter', '--class', '7.a', '--subject', 'mat', '--work', 'state-exam', '--student', 'S001=120%', '--date', '2026-11-27', '--as', 'T01'], 'invalid', /120%/);
  await setup([['grade', 'enter', '--class', '7.a', '--subject', 'lv', '--work', 'state-exam', '--student', 'S001=65 %', '--date', '2026-11-27', '--as', 'T02']]);
  assert.equal((await read(['grade', 'list', '--student', 'S001', '--work', 'state-exam'])).map((g: any) => g.value), ['65%']);
  const dir = join(out.dir, 'card');
  const r = await run(['report', 'card', '--term', 'year', '--student', 'S001', '--out', dir]);
  assert.is(r.code, 0, r.stderr);
  const text = pdfText(join(dir, '2026-2027_gads_7a_berzins-janis.pdf'));
  assert.match(lineWith(text, 'Latviešu valoda'), /65%/);
});

test('§9, §13: the printable personal file, one PDF per student, for the class teacher; others are refused', async () => {
  const dir = join(out.dir, 'lietas');
  await refused('a subject teacher', ['report', 'personal-file', '--student', 'S001', '--out', dir, '--as', 'T02'], 'forbidden');
  const r = await run(['report', 'personal-file', '--class', '7.a', '--out', dir, '--as', 'T01']);
  assert.is(r.code, 0, r.stderr);
  const text = pdfText(join(dir, '2026-2027_7a_janis-berzins_s001_personas-lieta.pdf'));
  for (const expected of ['Skolēna personas lieta', 'Jānis Bērziņš', '010110-20002', 'Mācību sasniegumi', 'Kavējumi']) assert.ok(text.includes(expected), `${expected} in:\n${text}`);
  assert.match(lineWith(text, 'Matemātika'), /Matemātika\s+.*8/);
  assert.match(lineWith(text, 'Latviešu valoda'), /65%/);
});

test.run();
