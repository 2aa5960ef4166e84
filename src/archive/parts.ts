import type { SchoolYear } from '../db/schema.ts';
import { addDays, localDateOf, parseMonth } from '../domain/dates.ts';
import type { ServiceContext } from '../services/context.ts';
import { cardDocuments, loadCardData } from '../reports/card.ts';
import { buildClassJournals } from '../reports/class-journal.ts';
import { classSummaryDocuments, loadClassSummaryData } from '../reports/class-summary.ts';
import { extractStatusDocuments, loadExtractStatusData } from '../reports/extract-status.ts';
import type { ReportDocument, ReportLang } from '../reports/publish.ts';
import { loadSummaryJournalData, summaryJournalDocuments } from '../reports/summary-journal.ts';
import type { Term } from '../reports/term-period.ts';
import { FOLDERS, type ArchiveFolder } from './nomenclature.ts';

/**
 * One kind of printed document in the archive: the folder of the nomenclature
 * it is filed in, and how its PDFs are built for the year (`ctx.yearCode` is
 * the archived year). All parts are printed in one run, with one browser.
 */
export interface ArchivePart {
  folder: ArchiveFolder;
  documents(ctx: ServiceContext, year: SchoolYear, lang: ReportLang): Promise<ReportDocument[]>;
}

const TERMS: readonly Term[] = ['1', '2', 'year'];

const landscape = (documents: ReportDocument[]) => documents.map((d) => ({ ...d, landscape: true }));

/** The months of the year that have begun by the export: a month still ahead has no extracts yet. */
export function monthsToArchive(year: SchoolYear, today: string): string[] {
  const months: string[] = [];
  for (let month = year.starts_on.slice(0, 7); month <= year.ends_on.slice(0, 7) && `${month}-01` <= today; month = addDays(parseMonth(month)!.to, 1).slice(0, 7)) months.push(month);
  return months;
}

export const ARCHIVE_PARTS: readonly ArchivePart[] = [
  {
    folder: FOLDERS.classJournals,
    documents: async (ctx, year, lang) => {
      const journals = await buildClassJournals(ctx.db, ctx.school, year, { printedOn: localDateOf(ctx.now) });
      return landscape(journals.documents(journals.data, lang));
    },
  },
  {
    folder: FOLDERS.summaryJournals,
    documents: async (ctx, _year, lang) => landscape(summaryJournalDocuments(await loadSummaryJournalData(ctx, { all: true }), lang)),
  },
  {
    folder: FOLDERS.reportCards,
    // A class's file holds each of its students' cards; the per-student copies would only repeat them.
    documents: async (ctx, _year, lang) => {
      const perTerm = await Promise.all(TERMS.map(async (term) => cardDocuments(await loadCardData(ctx, { term, all: true }), lang)));
      return perTerm.flat().filter((d) => !d.partOf);
    },
  },
  {
    folder: FOLDERS.classSummaries,
    documents: async (ctx, _year, lang) => {
      const perTerm = await Promise.all(TERMS.map(async (term) => classSummaryDocuments(await loadClassSummaryData(ctx, { term, all: true }), lang)));
      return landscape(perTerm.flat());
    },
  },
  {
    folder: FOLDERS.extractReturns,
    documents: async (ctx, year, lang) => {
      const months = monthsToArchive(year, localDateOf(ctx.now));
      const perMonth = await Promise.all(months.map(async (month) => extractStatusDocuments(await loadExtractStatusData(ctx, { month, all: true }), lang)));
      return perMonth.flat();
    },
  },
];
