import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { reportSchool } from '../support/report-school.ts';
import { tempDir } from '../support/school.ts';
import { lineWith, pdfText } from '../support/pdf.ts';
import { runner } from './_helpers.ts';

const school = await reportSchool();
const out = tempDir('ezurnals-report-behavior-');
const { run, refused } = runner(school.dbPath, undefined);

test.after(async () => {
  await school.cleanup();
  out.cleanup();
});

test('report behavior: one PDF per class with each remark, its date and author, and the class totals', async () => {
  const dir = join(out.dir, 'pdf');
  const r = await run(['report', 'behavior', '--class', '7.a', '--from', '2026-09-01', '--to', '2026-10-31', '--out', dir]);
  assert.is(r.code, 0, r.stderr);
  assert.equal(readdirSync(dir), ['2026-09-01_2026-10-31_7a_uzvediba.pdf']);
  const text = pdfText(join(dir, '2026-09-01_2026-10-31_7a_uzvediba.pdf'));
  assert.ok(text.includes('Uzvedības žurnāla pārskats'));
  assert.match(lineWith(text, 'Bērziņš Jānis'), '(+2 / −1)');
  assert.is(lineWith(text, 'Traucēja'), '06.10.2026 negatīvi Traucēja stundu ar telefonu Pēteris Ozoliņš');
  assert.is(lineWith(text, 'Septembra uzslava'), '30.09.2026 pozitīvi Septembra uzslava Anna Kalniņa');
  assert.match(lineWith(text, 'Bez ierakstiem'), 'Ābele Anna, Ziemele Zane');
  assert.match(lineWith(text, 'pozitīvi ieraksti'), /pozitīvi ieraksti:\s*2$/);
  assert.match(lineWith(text, 'negatīvi ieraksti'), /negatīvi ieraksti:\s*1$/);
});

test('report behavior --json prints the data; refusals write nothing', async () => {
  const r = await run(['report', 'behavior', '--student', 'S001', '--from', '2026-10-01', '--to', '2026-10-31', '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.equal(r.json.classes[0].students[0].remarks.map((x: { kind: string }) => x.kind), ['negative', 'positive']);
  const dir = join(out.dir, 'refused');
  await refused('no period', ['report', 'behavior', '--class', '7.a', '--out', dir], 'usage', /--from/);
  await refused('bad date', ['report', 'behavior', '--class', '7.a', '--from', '31.02.2026', '--to', '2026-10-31', '--out', dir], 'invalid', /not a date/);
  await refused('unknown class', ['report', 'behavior', '--class', '7.x', '--from', '2026-10-01', '--to', '2026-10-31', '--out', dir], 'not_found', /7\.x/);
  assert.not.ok(existsSync(dir));
});

test.run();
