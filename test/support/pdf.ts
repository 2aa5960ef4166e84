import { spawnSync } from 'node:child_process';

/** The text of a PDF as poppler's pdftotext reads it (layout kept, so table rows stay on one line). */
export function pdfText(path: string): string {
  const r = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext ${path}: ${r.stderr}`);
  return r.stdout;
}

export function pdfPages(path: string): number {
  const r = spawnSync('pdfinfo', [path], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdfinfo ${path}: ${r.stderr}`);
  return Number(/^Pages:\s+(\d+)/m.exec(r.stdout)?.[1]);
}

/** The first line of the text holding (or matching) `marker`, a table row, squeezed to single spaces. */
export function lineWith(text: string, marker: string | RegExp): string {
  const line = text.split('\n').find((l) => (typeof marker === 'string' ? l.includes(marker) : marker.test(l)));
  if (line === undefined) throw new Error(`no line with ${String(marker)} in:\n${text}`);
  return line.replace(/\s+/g, ' ').trim();
}

/** "841.92 x 595.32 pts (A4)": pdfinfo's page size, landscape when the width comes first larger. */
export function pdfPageSize(path: string): string {
  const r = spawnSync('pdfinfo', [path], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdfinfo ${path}: ${r.stderr}`);
  return /^Page size:\s+(.*)$/m.exec(r.stdout)?.[1]?.trim() ?? '';
}
