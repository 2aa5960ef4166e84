import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../errors.ts';
import type { TrustedHtml } from './template.ts';
import { renderDocument } from './templates.ts';
import { withPdfPrinter } from './pdf-printer.ts';

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
  const paths = documents.map((d) => join(dir, `${d.name}.${options.format}`));
  const seen = new Set<string>();
  for (const path of paths) {
    if (seen.has(path)) throw new Error(`Two documents of one report would both be written to ${path}.`);
    seen.add(path);
  }
  if (!options.force) {
    const existing = paths.filter((p) => existsSync(p));
    if (existing.length > 0) {
      const shown = existing.slice(0, 5).join(', ');
      throw new AppError('conflict', `${existing.length} file(s) already exist (${shown}${existing.length > 5 ? ', …' : ''}); add --force to replace them.`);
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
  mkdirSync(resolve(options.outDir), { recursive: true });
  const partial = (path: string) => `${path}.part`;
  const removePartials = () => {
    for (const path of paths) rmSync(partial(path), { force: true });
  };
  // Ctrl-C or a kill mid-way: exit through 'exit', where the half-written files
  // go (and puppeteer's own 'exit' handler kills the browser).
  const interrupted = () => process.exit(130);
  process.once('exit', removePartials).once('SIGINT', interrupted).once('SIGTERM', interrupted);
  let done = 0;
  const finished = () => options.onProgress?.(++done, documents.length);
  const html = (d: ReportDocument) => renderDocument({ lang: options.lang, title: d.title, landscape: options.landscape }, d.bodies);
  try {
    if (options.format === 'html') {
      documents.forEach((d, i) => {
        writeFileSync(partial(paths[i]!), html(d));
        finished();
      });
    } else {
      await withPdfPrinter((printer) =>
        Promise.all(
          documents.map(async (d, i) => {
            const pdf = await printer.print({ html: html(d), footer: `${options.footer} · ${d.title}`, landscape: options.landscape });
            // Written synchronously, so an interruption never falls between creating the file and cleaning up.
            writeFileSync(partial(paths[i]!), pdf);
            finished();
          }),
        ),
      );
    }
  } catch (error) {
    removePartials();
    throw error;
  } finally {
    process.off('exit', removePartials).off('SIGINT', interrupted).off('SIGTERM', interrupted);
  }
  for (const path of paths) renameSync(partial(path), path);
  return documents.map((d, i) => ({ document: d.label, file: paths[i]!, bytes: statSync(paths[i]!).size }));
}
