import { PDFArray, PDFDict, PDFDocument, PDFFont, PDFName, PDFNumber, PDFRef, StandardFonts, rgb } from 'pdf-lib';
import { PAGE_REFERENCE_PREFIX, sectionId } from './templates.ts';

/** Pages of a printed document, from `start` up to but not including `end` (0-based). */
export interface PageRange {
  start: number;
  end: number;
}

const MM = 72 / 25.4;
/** The footer line's look (templates.ts): 7.5 CSS px, grey #555, in the 16 mm bottom margin, 14 mm from the right edge. */
const NUMBER_SIZE = 7.5 * 0.75;
const NUMBER_COLOUR = rgb(0x55 / 255, 0x55 / 255, 0x55 / 255);
const RIGHT_MARGIN = 14 * MM;
/** The baseline of a line centred in the bottom margin, as the browser sets the footer line beside it. */
const NUMBER_BASELINE = 20.7;

/**
 * On which pages each section of a printed document lies: the browser writes
 * every section's id as a named destination on the page where it starts
 * (templates.ts), so the ranges are exact, also for a section running over
 * several pages.
 */
export function sectionRanges(document: PDFDocument, sections: number): PageRange[] {
  const pageIndex = new Map(document.getPages().map((page, i) => [page.ref.toString(), i]));
  const destinations = document.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const starts = Array.from({ length: sections }, (_, i) => {
    const destination = destinations?.lookupMaybe(PDFName.of(sectionId(i)), PDFArray);
    const page = destination?.get(0);
    const start = page instanceof PDFRef ? pageIndex.get(page.toString()) : undefined;
    if (start === undefined) throw new Error(`The printed PDF does not say where section ${i + 1} of ${sections} starts.`);
    return start;
  });
  return starts.map((start, i) => {
    const end = i + 1 < sections ? starts[i + 1]! : document.getPageCount();
    if (end <= start) throw new Error(`Section ${i + 1} of the printed PDF has no pages of its own.`);
    return { start, end };
  });
}

/** Stamps "n / N" at the foot of each page, counted within each range; ASCII only, so a standard font does. */
function numberPages(document: PDFDocument, ranges: readonly PageRange[], font: PDFFont): void {
  const pages = document.getPages();
  for (const { start, end } of ranges) {
    for (let i = start; i < end; i++) {
      const page = pages[i]!;
      const text = `${i - start + 1} / ${end - start}`;
      page.drawText(text, {
        x: page.getWidth() - RIGHT_MARGIN - font.widthOfTextAtSize(text, NUMBER_SIZE),
        y: NUMBER_BASELINE,
        size: NUMBER_SIZE,
        font,
        color: NUMBER_COLOUR,
      });
    }
  }
}

/** A contents line's size (templates/report.css, table.cj-contents). */
const REFERENCE_SIZE = 10;

/**
 * At the right end of every link to a page reference (pageReferenceId, a line
 * of a table of contents) stamps the page number it points to: the browser
 * cannot know it while laying out the page.
 */
function stampPageReferences(document: PDFDocument, font: PDFFont): void {
  const destinations = document.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (!destinations) return;
  const pages = document.getPages();
  const pageIndex = new Map(pages.map((page, i) => [page.ref.toString(), i]));
  for (const page of pages) {
    const annotations = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; i < (annotations?.size() ?? 0); i++) {
      const link = annotations!.lookupMaybe(i, PDFDict);
      const target = link?.lookupMaybe(PDFName.of('Dest'), PDFName);
      if (!link || !target?.decodeText().startsWith(PAGE_REFERENCE_PREFIX)) continue;
      const targetPage = destinations.lookupMaybe(target, PDFArray)?.get(0);
      const index = targetPage instanceof PDFRef ? pageIndex.get(targetPage.toString()) : undefined;
      const rect = link.lookupMaybe(PDFName.of('Rect'), PDFArray)?.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : 0));
      if (index === undefined || !rect || rect.length !== 4) continue;
      const text = String(index + 1);
      const [, bottom, right, top] = rect as [number, number, number, number];
      page.drawText(text, {
        x: right - font.widthOfTextAtSize(text, REFERENCE_SIZE),
        y: bottom + (top - bottom - REFERENCE_SIZE * 0.72) / 2,
        size: REFERENCE_SIZE,
        font,
        color: rgb(0, 0, 0),
      });
    }
  }
}

/** Objects left uncompressed as the browser writes them: quicker to save, and the pages stay countable by eye (bench/reports.mjs). */
const SAVE = { useObjectStreams: false };

export interface Excerpt {
  /** The section it is made of. */
  section: number;
  /** Its PDF title. */
  title: string;
}

export interface PagedPdf {
  /** The whole document with its page numbers. */
  whole: Uint8Array;
  /** The excerpts asked for, in their order: each its section's pages, numbered from 1. */
  excerpts: Uint8Array[];
}

/**
 * Numbers a printed document's pages and cuts excerpts out of it: a class's
 * extracts are printed once, as one document, and each student's file is
 * their pages of it — the browser's work per document is what a print costs.
 * With excerpts every section is numbered on its own (the class file is the
 * students' extracts one after another); without, the pages run through.
 */
export async function pagedPdf(printed: Uint8Array, sections: number, excerpts: readonly Excerpt[] = []): Promise<PagedPdf> {
  const document = await PDFDocument.load(printed, { updateMetadata: false });
  const font = await document.embedFont(StandardFonts.Helvetica);
  const ranges = sectionRanges(document, sections);
  numberPages(document, excerpts.length > 0 ? ranges : [{ start: 0, end: document.getPageCount() }], font);
  // Page references count through the whole document, as its pages are numbered only without excerpts.
  if (excerpts.length === 0) stampPageReferences(document, font);
  const cut = await Promise.all(
    excerpts.map(async ({ section, title }) => {
      const excerpt = await PDFDocument.create({ updateMetadata: false });
      const range = ranges[section];
      if (!range) throw new Error(`No section ${section + 1} in a printed document of ${sections}.`);
      const indices = Array.from({ length: range.end - range.start }, (_, i) => range.start + i);
      for (const page of await excerpt.copyPages(document, indices)) excerpt.addPage(page);
      excerpt.setTitle(title);
      excerpt.setProducer(document.getProducer() ?? 'ezurnals');
      // The excerpt was made when the whole was printed (Chromium always dates its PDFs).
      const printedAt = document.getCreationDate();
      if (printedAt) excerpt.setCreationDate(printedAt);
      return excerpt.save(SAVE);
    }),
  );
  return { whole: await document.save(SAVE), excerpts: cut };
}
