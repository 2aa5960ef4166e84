import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../support/cli.ts';
import { tempDir } from '../support/school.ts';
import { lineWith, pdfPages, pdfText } from '../support/pdf.ts';
import { formatAverage } from '../../src/reports/labels.ts';
import { asciiSlug } from '../../src/reports/file-names.ts';

const place = tempDir('ezurnals-demo-reports-');
test.after(() => place.cleanup());

test("the demo prints October extracts and the class summary of 7.a as PDFs and names them", async () => {
  const r = await cli(['demo', '--dir', place.dir, '--json']);
  assert.is(r.code, 0, r.stderr);
  const files: string[] = r.json.reports.files;
  assert.is(r.json.reports.format, 'pdf');
  const students = r.json.classes.find((c: { class: string }) => c.class === '7.a').students;
  assert.is(files.length, students.length + 3, 'one per student, the whole class, the class summary and the deadline control');
  for (const file of files) assert.ok(existsSync(file), file);
  const whole = files.find((f) => f.endsWith('2026-10_7a_visa-klase.pdf'))!;
  assert.is(pdfPages(whole), students.length);

  // The PDF agrees with the journal: the first student's October average in mathematics, as `report extract --json` computes it.
  const data = (await cli(['report', 'extract', '--month', '2026-10', '--class', '7.a', '--json'], { EZURNALS_DB: join(place.dir, 'ezurnals.db') })).json;
  const first = data.students[0];
  const mat = first.subjects.find((s: { code: string }) => s.code === 'mat');
  const own = files.find((f) => f.endsWith(`_7a_${asciiSlug(`${first.last_name} ${first.first_name}`)}.pdf`))!;
  const text = pdfText(own);
  assert.ok(text.includes(`${first.first_name} ${first.last_name}`));
  assert.ok(mat.average !== null);
  assert.match(lineWith(text, 'Matemātika'), ` ${formatAverage(mat.average, 'lv')}`);
  assert.ok(text.includes('Ar sekmju izrakstu esmu iepazinies(-usies).'));

  const summary = files.find((f) => f.endsWith('2026-10_7a_kopsavilkums.pdf'))!;
  const summaryText = pdfText(summary);
  assert.ok(summaryText.includes('Klases sekmju kopsavilkums'));
  assert.ok(summaryText.includes(`${first.last_name} ${first.first_name}`), 'every student is listed');

  // The deadline control lists the demo's late entries, the improved test among them.
  const deadlines = pdfText(files.find((f) => f.endsWith('2026-09-01_2026-10-31_termini.pdf'))!);
  assert.ok(deadlines.includes('Ierakstu termiņu kontrole'));
  assert.match(deadlines, /uzlabots vērtējums, pārbaudes darbs\s+Pēteris Bērziņš \(T03\)/);
  assert.match(deadlines, /stunda un tēma/);
  assert.match(deadlines, /mājasdarbs pievienots vēlāk/);
});

test.run();
