import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { writePrivateFile } from '../private-file.ts';
import { boundedFileName } from './file-names.ts';
import { join, resolve } from 'node:path';
import { AppError } from '../errors.ts';
import type { TrustedHtml } from './template.ts';
import { renderDocument } from './templates.ts';
import { withPdfPrinter } from './pdf-printer.ts';
import { pagedPdf } from './pdf-sections.ts';
import { m as t } from '../i18n/messages/files-reports.ts';

export type ReportFormat = 'pdf' | 'html';
export type ReportLang = 'lv' | 'en';

/** One output file: one student's extract, or a whole class's in one file. */
export interface ReportDocument {
  /** The file name without extension, plain ASCII (see file-names.ts). */
  name: string;
  /** What the file holds, for the table printed at the end. */
  label: string;
  /** The document's title, in its <title> and page footer. */
  title: string;
  /** Rendered report bodies; each starts on a new page. */
  bodies: TrustedHtml[];
  /** Each body's own footer line after the school's name (a class journal's subjects); otherwise the title. */
  footers?: string[];
  /** Landscape A4 for this document alone; otherwise PublishOptions.landscape decides. */
  landscape?: boolean;
  /**
   * This document is one section of another of the same run (a student's
   * extract in their class's file): as a PDF it is cut out of that one's print
   * instead of being printed on its own, as printing costs per document.
   */
  partOf?: { document: string; section: number };
}

/** Each document to print, with the documents cut out of its PDF (see ReportDocument.partOf). */
function printRuns(documents: readonly ReportDocument[]): { index: number; excerpts: number[] }[] {
  const byName = new Map(documents.map((d, i) => [d.name, i]));
  const wholeOf = (d: ReportDocument) => {
    const whole = d.partOf && byName.get(d.partOf.document);
    return whole !== undefined && d.partOf!.section < documents[whole]!.bodies.length ? whole : undefined;
  };
  const runs = new Map<number, number[]>();
  documents.forEach((d, i) => {
    if (wholeOf(d) === undefined) runs.set(i, runs.get(i) ?? []);
  });
  documents.forEach((d, i) => {
    const whole = wholeOf(d);
    if (whole !== undefined) runs.get(whole)!.push(i);
  });
  return [...runs].map(([index, excerpts]) => ({ index, excerpts }));
}

/** A report as its builder hands it over: the data (what --json prints) and how to render it. */
export interface BuiltReport<D> {
  data: D;
  documents: (data: D, lang: ReportLang) => ReportDocument[];
  landscape?: boolean;
  /** What the reader must know before handing the documents out (a term not over, grades missing): printed as warnings. */
  warnings?: string[];
}

export interface PublishOptions {
  outDir: string;
  format: ReportFormat;
  lang: ReportLang;
  force?: boolean;
  landscape?: boolean;
  /** Printed in every page's footer, before the title: the school's name. */
  footer: string;
  onProgress?: (done: number, total: number) => void;
}

export interface WrittenFile {
  document: string;
  file: string;
  bytes: number;
}

function targets(documents: readonly ReportDocument[], options: PublishOptions): string[] {
  const dir = resolve(options.outDir);
  const paths = documents.map((d) => join(dir, boundedFileName(d.name, options.format)));
  const seen = new Set<string>();
  for (const path of paths) {
    if (seen.has(path)) throw new Error(`Two documents of one report would both be written to ${path}.`);
    seen.add(path);
  }
  if (!options.force) {
    const existing = paths.filter((p) => existsSync(p));
    if (existing.length > 0) {
      const shown = existing.slice(0, 5).join(', ');
      throw new AppError('conflict', t.filesExist(existing.length, `${shown}${existing.length > 5 ? ', …' : ''}`));
    }
  }
  return paths;
}

/**
 * Writes every document as HTML or PDF. All or nothing: the targets are checked
 * before anything is written, each file is first written under a temporary
 * name, and only when all are done do they take their real names, so a failure
 * part-way (or Ctrl-C) leaves the folder as it was.
 */
export async function publishDocuments(documents: readonly ReportDocument[], options: PublishOptions): Promise<WrittenFile[]> {
  const paths = targets(documents, options);
  if (documents.length === 0) return [];
  // The first folder this run created, if any: a failed run removes it again.
  const created = mkdirSync(resolve(options.outDir), { recursive: true });
  const partial = (path: string) => `${path}.part`;
  const removePartials = () => {
    for (const path of paths) rmSync(partial(path), { force: true });
    if (created !== undefined) rmSync(created, { recursive: true, force: true });
  };
  // Ctrl-C or a kill mid-way: exit through 'exit', where the half-written files
  // go (and puppeteer's own 'exit' handler kills the browser).
  const interrupted = () => process.exit(130);
  process.once('exit', removePartials).once('SIGINT', interrupted).once('SIGTERM', interrupted);
  let done = 0;
  const finished = () => options.onProgress?.(++done, documents.length);
  const landscape = (d: ReportDocument) => d.landscape ?? options.landscape;
  const html = (d: ReportDocument, footers?: string[]) => renderDocument({ lang: options.lang, title: d.title, landscape: landscape(d), footers }, d.bodies);
  const footer = (d: ReportDocument, section = 0) => `${options.footer} · ${d.footers?.[section] ?? d.title}`;
  // Once one print has failed, the others still finishing must not write after the clean-up.
  let failed = false;
  // Written synchronously, so an interruption never falls between creating a file and cleaning up.
  const write = (index: number, content: string | Uint8Array) => {
    if (failed) return;
    writePrivateFile(partial(paths[index]!), content);
    finished();
  };
  try {
    if (options.format === 'html') {
      documents.forEach((d, i) => write(i, html(d)));
    } else {
      await withPdfPrinter((printer) =>
        Promise.all(
          printRuns(documents).map(async ({ index, excerpts }) => {
            const whole = documents[index]!;
            // A section cut out as a document of its own carries that document's footer.
            const footers = whole.bodies.map((_, section) => footer(whole, section));
            for (const e of excerpts) footers[documents[e]!.partOf!.section] = footer(documents[e]!);
            const printed = await printer.print({ html: html(whole, footers), landscape: landscape(whole) });
            const pdf = await pagedPdf(
              printed,
              whole.bodies.length,
              excerpts.map((e) => ({ section: documents[e]!.partOf!.section, title: documents[e]!.title })),
            );
            write(index, pdf.whole);
            excerpts.forEach((e, k) => write(e, pdf.excerpts[k]!));
          }),
        ),
      );
    }
  } catch (error) {
    failed = true;
    removePartials();
    throw error;
  } finally {
    process.off('exit', removePartials).off('SIGINT', interrupted).off('SIGTERM', interrupted);
  }
  for (const path of paths) renameSync(partial(path), path);
  return documents.map((d, i) => ({ document: d.label, file: paths[i]!, bytes: statSync(paths[i]!).size }));
}
