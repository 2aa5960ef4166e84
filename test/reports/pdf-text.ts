import { spawnSync } from 'node:child_process';

/** The text of a PDF as poppler's pdftotext lays it out, to check what a printed document says. */
export function pdfText(file: string): string {
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext ${file}: ${r.stderr}`);
  return r.stdout;
}

/** The first line of the text that contains (or matches) `marker`, with its runs of spaces squeezed, for checking a table row. */
export function lineWith(text: string, marker: string | RegExp): string {
  const line = text.split('\n').find((l) => (typeof marker === 'string' ? l.includes(marker) : marker.test(l)));
  if (line === undefined) throw new Error(`no line with ${String(marker)} in:\n${text}`);
  return line.replace(/\s+/g, ' ').trim();
}

/** "841.92 x 595.32 pts (A4)": pdfinfo's page size line, landscape when the width comes first larger. */
export function pdfPageSize(file: string): string {
  const r = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdfinfo ${file}: ${r.stderr}`);
  return /^Page size:\s+(.*)$/m.exec(r.stdout)?.[1]?.trim() ?? '';
}
