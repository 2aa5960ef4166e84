import { availableParallelism } from 'node:os';
import type { Browser, Page } from 'puppeteer';
import { launchBrowser } from './browser.ts';

export interface PrintJob {
  /** A whole document; its footers are in its own CSS (templates.ts), its page numbers are stamped afterwards (pdf-sections.ts). */
  html: string;
  landscape?: boolean;
}

/**
 * How long one document may take to load and to print. Puppeteer's default of
 * 30 s is too short for a class journal of a whole year (a hundred pages of
 * grids) on a busy machine; a browser that hangs still ends the run.
 */
const PRINT_TIMEOUT_MS = 10 * 60_000;

/**
 * One browser for a whole run, with a few pages printing side by side: starting
 * Chromium costs more than printing a page, and a page is reused for the next
 * document once it is free.
 */
export class PdfPrinter {
  private readonly idle: Page[] = [];
  private readonly waiting: ((page: Page) => void)[] = [];
  private opened = 0;

  private constructor(
    private readonly browser: Browser,
    readonly parallel: number,
  ) {}

  static async launch(parallel = Math.min(4, Math.max(2, availableParallelism()))): Promise<PdfPrinter> {
    return new PdfPrinter(await launchBrowser(), parallel);
  }

  private async acquire(): Promise<Page> {
    const free = this.idle.pop();
    if (free) return free;
    if (this.opened < this.parallel) {
      this.opened++;
      const page = await this.browser.newPage();
      // Reports are self-contained: nothing is fetched, nothing runs.
      await page.setJavaScriptEnabled(false);
      return page;
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(page: Page): void {
    const next = this.waiting.shift();
    if (next) next(page);
    else this.idle.push(page);
  }

  /**
   * The PDF comes back as bytes rather than being written by puppeteer: its
   * asynchronous file writes could still create a file after an interrupted
   * run has cleaned up (see publish.ts).
   */
  async print(job: PrintJob): Promise<Uint8Array> {
    const page = await this.acquire();
    try {
      await page.setContent(job.html, { waitUntil: 'load', timeout: PRINT_TIMEOUT_MS });
      return await page.pdf({
        format: 'A4',
        landscape: job.landscape ?? false,
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: false,
        tagged: false,
        outline: false,
        timeout: PRINT_TIMEOUT_MS,
      });
    } finally {
      this.release(page);
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

/** Runs `work` with a printer and always closes the browser, also when `work` fails. */
export async function withPdfPrinter<T>(work: (printer: PdfPrinter) => Promise<T>): Promise<T> {
  const printer = await PdfPrinter.launch();
  try {
    return await work(printer);
  } finally {
    await printer.close();
  }
}
