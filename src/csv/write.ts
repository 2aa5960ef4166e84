// CSV for exports, written so that our own reader reads it back exactly
// (export → import must round-trip) and Latvian Excel opens it: `--excel`
// is ';' + a UTF-8 BOM (without it Excel reads UTF-8 as the ANSI code page
// and ā comes out as "Ä") + CRLF. Text that a spreadsheet would run as a
// formula is neutralised with a leading quote (formulas.ts), whatever the
// options: every CSV we write may end up in Excel.
import { neutraliseFormula } from './formulas.ts';

export type CsvCell = string | number | null | undefined;

export interface CsvWriteOptions {
  /** ',' by default; ';' for Latvian Excel. */
  delimiter?: ',' | ';';
  /** Start with U+FEFF (written as EF BB BF in UTF-8). */
  bom?: boolean;
  /** After every record, the last included; '\n' by default. */
  eol?: '\r\n' | '\n';
}

export const EXCEL_CSV_OPTIONS = { delimiter: ';', bom: true, eol: '\r\n' } as const satisfies CsvWriteOptions;

// Quoted when the value holds a quote, a line break, any separator our
// reader might detect (not only the one in use: a value with a tab or ','
// could otherwise sway delimiter detection on re-import), or surrounding
// whitespace, which an unquoted field would lose to trimming by other tools.
const NEEDS_QUOTES = /["\r\n,;\t]|^\s|\s$/;

/** One value, quoted only if needed; null and undefined are empty; text that could be a formula gets a leading `'`. */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record with its line ending, for writing row by row to a stream. */
export function csvLine(values: readonly CsvCell[], options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const eol = options.eol ?? '\n';
  // A record of one empty value would be a blank line, which readers skip.
  if (values.length === 1 && csvField(values[0]) === '') return `""${eol}`;
  return values.map(csvField).join(delimiter) + eol;
}

/** A whole CSV text: the header, then the rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], options: CsvWriteOptions = {}): string {
  const parts: string[] = [options.bom ? '\uFEFF' : '', csvLine(header, options)];
  for (const row of rows) parts.push(csvLine(row, options));
  return parts.join('');
}
