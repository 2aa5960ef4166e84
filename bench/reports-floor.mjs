// The floor of bench/reports.mjs: bare puppeteer printing pre-rendered HTML files to PDF, as
// src/reports/pdf-printer.ts prints them (same browser, flags and parallel pages; the footer and its
// page numbers from Chromium's footer template, where ours sets the footer line in CSS and stamps
// the numbers afterwards, see src/reports/pdf-sections.ts),
// with no database, no view model and no templating. Only the class files (`*_visa-klase.html`) are
// printed: they hold every page once, and ours prints just those and cuts each student's file out
// of them (src/reports/pdf-sections.ts), so the floor is the browser printing every page once.
// Usage: node bench/reports-floor.mjs HTML_DIR PDF_DIR SCHOOL_NAME
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer';

const [htmlDir, pdfDir, school] = process.argv.slice(2);
const SOURCE = new URL('../src/reports/', import.meta.url);

// The browser's flags are read from the printer's own source, so that the two cannot drift apart.
const browserTs = readFileSync(new URL('browser.ts', SOURCE), 'utf8');
const flags = /export const BROWSER_ARGS = (\[[^\]]*\]);/.exec(browserTs);
if (!flags) throw new Error('BROWSER_ARGS not found in src/reports/browser.ts');
const BROWSER_ARGS = JSON.parse(flags[1].replace(/'/g, '"'));
/** As PdfPrinter.launch(): a few pages side by side. */
const PARALLEL = Math.min(4, Math.max(2, availableParallelism()));

const footerTemplate = (text) =>
  `<div style="font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 7.5px; color: #555; width: 100%; margin: 0 14mm; display: flex; justify-content: space-between;"><span>${text}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;

const files = readdirSync(htmlDir).filter((f) => f.endsWith('_visa-klase.html'));
mkdirSync(pdfDir, { recursive: true });
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: BROWSER_ARGS });
try {
  let next = 0;
  const worker = async () => {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    for (let i = next++; i < files.length; i = next++) {
      const html = readFileSync(join(htmlDir, files[i]), 'utf8');
      // Already escaped in <title>, as the printer escapes it for the footer.
      const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
      await page.setContent(html, { waitUntil: 'load' });
      await page.pdf({
        path: join(pdfDir, files[i].replace(/\.html$/, '.pdf')),
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: footerTemplate(`${school} · ${title}`),
        tagged: false,
        outline: false,
      });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
} finally {
  await browser.close();
}
