import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/school.ts';
import { classReportsSchool } from '../reports/class-reports-school.ts';
import { lineWith, pdfText } from '../support/pdf.ts';
import { runner } from './_helpers.ts';

const school = await classReportsSchool();
const out = tempDir('ezurnals-teacher-report-');
const { run, refused } = runner(school.dbPath);

test('--json prints the data of each named teacher', async () => {
  const r = await run(['report', 'teacher', '--teacher', 'T01', '--teacher', 'T04', '--term', '1', '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.equal(r.json.teachers.map((t: any) => t.code), ['T01', 'T04']);
  assert.equal(r.json.teachers[0].class_subjects[0].distribution, { '8': 1, '6': 1, i: 1 });
});

test('PDF: one file per teacher with lessons, topics, the distribution, ungraded students and substitutions', async () => {
  const r = await run(['report', 'teacher', '--teacher', 'T01', '--teacher', 'T04', '--term', '1', '--out', out.dir]);
  assert.is(r.code, 0, r.stderr);
  assert.equal(readdirSync(out.dir).sort(), ['2026-2027_sem1_t01_anna-kalnina.pdf', '2026-2027_sem1_t04_janis-abele.pdf']);
  const t01 = pdfText(join(out.dir, '2026-2027_sem1_t01_anna-kalnina.pdf'));
  assert.ok(t01.includes('Mācību priekšmeta skolotāja atskaite'));
  assert.ok(t01.includes('Anna Kalniņa (T01)'));
  // Class, subject, lessons, then the counts under 10…1, i, ni (one 8, one 6, one i) and the ungraded students.
  assert.is(lineWith(t01, /^\s*7\.a\s+Matemātika\s/), '7.a Matemātika 2 1 1 1 1');
  assert.ok(t01.includes('05.10. 1. st. Daļskaitļi un to saīsināšana'));
  assert.ok(t01.includes('06.10. 1. st. Pārbaudes darbs: daļskaitļi'));
  assert.match(t01, /Skolēni bez neviena vērtējuma\s+Zane Ziemele/);
  assert.not.ok(t01.includes('Procenti ikdienā'), "the substitute's lesson is not in T01's topics");
  const t04 = pdfText(join(out.dir, '2026-2027_sem1_t04_janis-abele.pdf'));
  assert.ok(t04.includes('Aizvietotās stundas'));
  assert.is(lineWith(t04, 'Aizvietotais skolotājs'), 'Aizvietotais skolotājs(-a): Anna Kalniņa (T01) · Stundas: 1');
  assert.ok(t04.includes('07.10. 1. st. Procenti ikdienā'));
});

test('an unknown teacher: exit 3 naming the code and where to look; no files', async () => {
  const before = readdirSync(out.dir).length;
  await refused('unknown teacher', ['report', 'teacher', '--teacher', 'T99', '--term', '1', '--out', out.dir], 'not_found', /Unknown teacher T99.*staff list/);
  const plain = await run(['report', 'teacher', '--teacher', 'T99', '--term', '1', '--out', out.dir]);
  assert.is(plain.code, 3);
  assert.match(plain.stderr, /Unknown teacher T99/);
  await refused('no term', ['report', 'teacher', '--teacher', 'T01', '--out', out.dir], 'usage', /--term/);
  assert.is(readdirSync(out.dir).length, before);
  assert.not.ok(existsSync(join(out.dir, '2026-2027_sem1_t99.pdf')));
});

test.after(async () => {
  await school.cleanup();
  out.cleanup();
});
test.run();
