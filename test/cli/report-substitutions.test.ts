import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/school.ts';
import { classReportsSchool } from '../reports/class-reports-school.ts';
import { lineWith, pdfText } from '../support/pdf.ts';
import { runner } from './_helpers.ts';

const school = await classReportsSchool();
const out = tempDir('ezurnals-substitutions-');
const { run, refused } = runner(school.dbPath);

test('--json: the lessons and the totals, Latvian dates accepted', async () => {
  const r = await run(['report', 'substitutions', '--from', '01.10.2026', '--to', '31.10.2026', '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.equal(r.json.lessons.map((l: any) => [l.date, l.class, l.teacher.code, l.replaced.code]), [['2026-10-07', '7.a', 'T04', 'T01']]);
  assert.equal(r.json.by_substitute, [{ code: 'T04', name: 'Jānis Ābele', lessons: 1 }]);
});

test('PDF: one file listing the lesson, both teachers, the topic and the totals', async () => {
  const r = await run(['report', 'substitutions', '--from', '2026-10-01', '--to', '2026-10-31', '--out', out.dir]);
  assert.is(r.code, 0, r.stderr);
  assert.equal(readdirSync(out.dir), ['2026-10-01_2026-10-31_aizvietotas-stundas.pdf']);
  const text = pdfText(join(out.dir, '2026-10-01_2026-10-31_aizvietotas-stundas.pdf'));
  assert.ok(text.includes('Aizvietoto stundu atskaite'));
  assert.is(lineWith(text, '07.10.2026'), '07.10.2026 1 7.a Matemātika Jānis Ābele (T04) Anna Kalniņa (T01) Procenti ikdienā');
  assert.is(lineWith(text, 'Kopā pa aizvietotājiem'), 'Kopā pa aizvietotājiem Stundas Kopā pa aizvietotajiem skolotājiem Stundas');
  assert.is(lineWith(text, /^\s*Jānis Ābele \(T04\)\s+1/), 'Jānis Ābele (T04) 1 Anna Kalniņa (T01) 1');
});

test('an empty period still prints, saying so (HTML); refusals', async () => {
  const r = await run(['report', 'substitutions', '--from', '2026-11-01', '--to', '2026-11-30', '--out', out.dir, '--format', 'html']);
  assert.is(r.code, 0, r.stderr);
  assert.ok(readFileSync(join(out.dir, '2026-11-01_2026-11-30_aizvietotas-stundas.html'), 'utf8').includes('Šajā periodā aizvietotu stundu nav.'));
  await refused('from after to', ['report', 'substitutions', '--from', '2026-11-30', '--to', '2026-11-01'], 'usage', /after/);
  await refused('not a date', ['report', 'substitutions', '--from', '2026-11-31', '--to', '2026-12-01'], 'invalid', /--from/);
  await refused('no dates', ['report', 'substitutions'], 'usage', /--from is required/);
});

test.after(async () => {
  await school.cleanup();
  out.cleanup();
});
test.run();
