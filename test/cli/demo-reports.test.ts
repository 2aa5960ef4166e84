import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bin } from '../support/cli.ts';
import { tempDir } from '../support/school.ts';
import { lineWith, pdfPages, pdfText } from '../support/pdf.ts';
import { formatAverage } from '../../src/reports/labels.ts';
import { asciiSlug } from '../../src/reports/file-names.ts';
import { localDateOf } from '../../src/domain/dates.ts';

const place = tempDir('ezurnals-demo-reports-');
test.after(() => place.cleanup());

/** 2026-12-02 → 02.12.2026, as the reports print dates. */
const lv = (d: string) => d.split('-').reverse().join('.');

// Starts the real bin, so the demo is built at the real today: every date below comes from its answer and the real clock.
test('the demo prints the last full month\'s extracts and class summary of 7.a and the deadline control of the year so far, as PDFs', () => {
  const before = new Date();
  const r = bin(['demo', '--dir', place.dir, '--json']);
  const after = new Date();
  assert.is(r.code, 0, r.stderr);
  const { month, month_complete: complete, deadlines: period } = r.json.reports;
  const files: string[] = r.json.reports.files;
  assert.is(r.json.reports.format, 'pdf');

  // The school year that contains today (in Riga); the reports for the last full month, or September so far.
  const today = [localDateOf(before), localDateOf(after)];
  const startYear = (d: string) => Number(d.slice(0, 4)) - (Number(d.slice(5, 7)) >= 9 ? 0 : 1);
  assert.ok(today.some((d) => r.json.year === `${startYear(d)}/${startYear(d) + 1}`), `${r.json.year} for ${today.join('/')}`);
  assert.ok(today.some((d) => month < d.slice(0, 7) || (!complete && month === d.slice(0, 7) && month.endsWith('-09'))), `reports for ${month} on ${today.join('/')}`);
  assert.is(period.from, `${r.json.year.slice(0, 4)}-09-01`);
  if (r.json.period.to !== null) {
    assert.is(period.to, r.json.period.to, 'the deadline control runs to the last day in the journal');
    assert.ok(today.some((d) => r.json.period.to <= d), `the journal runs to ${r.json.period.to}, after today`);
  }

  const students = r.json.classes.find((c: { class: string }) => c.class === '7.a').students;
  assert.is(files.length, students.length + 3, 'one per student, the whole class, the class summary and the deadline control');
  for (const file of files) assert.ok(existsSync(file), file);
  const whole = files.find((f) => f.endsWith(`${month}_7a_visa-klase.pdf`))!;
  assert.is(pdfPages(whole), students.length);

  // The PDF agrees with the journal: a student's average in the month, as `report extract --json` computes it.
  const db = { EZURNALS_DB: join(place.dir, 'ezurnals.db') };
  const data = bin(['report', 'extract', '--month', month, '--class', '7.a', '--json'], db).json;
  const first = data.students[0];
  const own = files.find((f) => f.endsWith(`_7a_${asciiSlug(`${first.last_name} ${first.first_name}`)}.pdf`))!;
  const text = pdfText(own);
  assert.ok(text.includes(`${first.first_name} ${first.last_name}`));
  assert.ok(text.includes('Ar sekmju izrakstu esmu iepazinies(-usies).'));
  if (r.json.period.to !== null) {
    // Once a school day is over, 7.a has points grades (the demo is seeded), and the extract prints their average.
    const graded = data.students.flatMap((s: { first_name: string; last_name: string; subjects: { name: string; average: number | null }[] }) => s.subjects.filter((x) => x.average !== null).map((x) => ({ s, x })))[0];
    assert.ok(graded, `a points average in ${month}`);
    const theirs = pdfText(files.find((f) => f.endsWith(`_7a_${asciiSlug(`${graded.s.last_name} ${graded.s.first_name}`)}.pdf`))!);
    assert.match(lineWith(theirs, graded.x.name), ` ${formatAverage(graded.x.average, 'lv')}`);
  }

  const summary = files.find((f) => f.endsWith(`${month}_7a_kopsavilkums.pdf`))!;
  const summaryText = pdfText(summary);
  assert.ok(summaryText.includes('Klases sekmju kopsavilkums'));
  assert.ok(summaryText.includes(`${first.last_name} ${first.first_name}`), 'every student is listed');

  // The deadline control counts the late entries that `report deadlines --json` finds over the same period.
  const deadlines = pdfText(files.find((f) => f.endsWith(`${period.from}_${period.to}_termini.pdf`))!);
  assert.ok(deadlines.includes('Ierakstu termiņu kontrole'));
  assert.ok(deadlines.includes(`${lv(period.from)}–${lv(period.to)}`));
  const late = bin(['report', 'deadlines', '--from', period.from, '--to', period.to, '--json'], db).json.entries.length;
  assert.match(deadlines.replace(/\s+/g, ' '), `Nokavētu ierakstu ${late} skaits`);
});

test.run();
