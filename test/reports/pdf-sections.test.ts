import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { publishDocuments, type ReportDocument } from '../../src/reports/publish.ts';
import { trusted } from '../../src/reports/template.ts';
import { tempDir } from '../support/school.ts';
import { lineWith, pdfPages, pdfText } from '../support/pdf.ts';

const out = tempDir('ezurnals-pdf-sections-');
test.after(() => out.cleanup());

const body = (who: string, paragraphs: number) => trusted(`<h1>Izraksts: ${who}</h1>${'<p>Rinda ar tekstu, kas aizņem vietu lapā.</p>'.repeat(paragraphs)}`);
/** The first section fits a page, the second runs over two pages (a long extract), the third fits a page again. */
const STUDENTS = [
  { name: 'anna', who: 'Anna Ābele', paragraphs: 3 },
  { name: 'janis', who: 'Jānis Bērziņš', paragraphs: 45 },
  { name: 'zane', who: 'Žanete "<Ko>" \\ Ķēniņa', paragraphs: 3 },
];
const documents: ReportDocument[] = [
  ...STUDENTS.map((s, section) => ({ name: s.name, label: s.who, title: `Izraksts — ${s.who}`, bodies: [body(s.who, s.paragraphs)], partOf: { document: 'klase', section } })),
  { name: 'klase', label: '7.a', title: 'Izraksts — 7.a', bodies: STUDENTS.map((s) => body(s.who, s.paragraphs)) },
  { name: 'kopsavilkums', label: 'summary', title: 'Kopsavilkums — 7.a', bodies: [body('pirmā daļa', 3), body('otrā daļa', 3)] },
];

/** Each page's footer line: the school, the document's title and its page number. */
const footers = (path: string) =>
  pdfText(path)
    .split('\f')
    .filter((page) => page.trim() !== '')
    // pdftotext may join the stamped "1 / 2" into "1/2": its spaces are narrow.
    .map((page) => lineWith(page, 'Skola ·').replace(/(\d+) ?\/ ?(\d+)$/, '$1 / $2'));

test('a class document is printed once and each student’s file is cut out of it, a two-page extract whole, every file numbered on its own', async () => {
  const written = await publishDocuments(documents, { outDir: out.dir, format: 'pdf', lang: 'lv', footer: 'Skola' });
  assert.equal(
    written.map((w) => w.file),
    documents.map((d) => join(out.dir, `${d.name}.pdf`)),
  );
  assert.equal(footers(join(out.dir, 'anna.pdf')), ['Skola · Izraksts — Anna Ābele 1 / 1']);
  assert.equal(footers(join(out.dir, 'janis.pdf')), ['Skola · Izraksts — Jānis Bērziņš 1 / 2', 'Skola · Izraksts — Jānis Bērziņš 2 / 2']);
  const janis = pdfText(join(out.dir, 'janis.pdf'));
  assert.ok(janis.includes('Izraksts: Jānis Bērziņš'));
  assert.not.ok(janis.includes('Anna Ābele') || janis.includes('Ķēniņa'), 'only his own pages');
  assert.equal(footers(join(out.dir, 'zane.pdf')), ['Skola · Izraksts — Žanete "<Ko>" \\ Ķēniņa 1 / 1'], 'the footer prints the name literally');
  assert.is(pdfPages(join(out.dir, 'klase.pdf')), 4);
  assert.equal(footers(join(out.dir, 'klase.pdf')), [
    'Skola · Izraksts — Anna Ābele 1 / 1',
    'Skola · Izraksts — Jānis Bērziņš 1 / 2',
    'Skola · Izraksts — Jānis Bērziņš 2 / 2',
    'Skola · Izraksts — Žanete "<Ko>" \\ Ķēniņa 1 / 1',
  ]);
  assert.equal(footers(join(out.dir, 'kopsavilkums.pdf')), ['Skola · Kopsavilkums — 7.a 1 / 2', 'Skola · Kopsavilkums — 7.a 2 / 2'], 'a document of its own numbers its pages through');
});

test.run();
