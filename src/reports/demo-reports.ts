import type { Db } from '../db/connection.ts';
import { findOnlySchool } from '../db/repositories/schools.ts';
import { findCurrentSchoolYear } from '../db/repositories/school-years.ts';
import type { ServiceContext } from '../services/context.ts';
import { loadCalendar } from '../services/lookup.ts';
import { demoPeriod } from '../services/demo-period.ts';
import { findBrowser } from './browser.ts';
import { extractDocuments, loadExtractData } from './extract.ts';
import { classSummaryDocuments, loadClassSummaryData } from './class-summary.ts';
import { deadlinesDocuments, loadDeadlinesData } from './deadlines.ts';
import { publishDocuments, type ReportDocument, type ReportFormat, type WrittenFile } from './publish.ts';

export const DEMO_REPORT_CLASS = '7.a';

export interface DemoReports {
  /** The month of the extracts and the class summary, YYYY-MM. */
  month: string;
  /** false when that month is still under way (the first weeks of September). */
  monthComplete: boolean;
  /** The period of the deadline control: the year so far. */
  deadlines: { from: string; to: string };
  format: ReportFormat;
  /** Why the reports are HTML: no browser was found to print PDFs. */
  fallback?: string;
  files: WrittenFile[];
}

/**
 * What the deputy director prints first: the last full month's grade extracts of
 * one class (September so far while there is none yet; May in summer), its class
 * summary, and the deadline control of the year so far. PDFs when a browser is
 * there, else HTML, so that the demo works on a machine without Chromium too.
 */
export async function writeDemoReports(db: Db, outDir: string, now: Date): Promise<DemoReports> {
  const school = (await findOnlySchool(db))!;
  const year = (await findCurrentSchoolYear(db, school.id))!;
  const ctx: ServiceContext = { db, school, actor: null, now, yearCode: year.code };
  const period = demoPeriod(now, year, await loadCalendar(ctx));
  const month = period.reportMonth;
  const deadlinesPeriod = { from: year.starts_on, to: period.lastDay ?? year.starts_on };
  const extracts: ReportDocument[] = extractDocuments(await loadExtractData(ctx, { month, class: [DEMO_REPORT_CLASS] }), 'lv');
  // The class summary is landscape; both go through one browser.
  const summaries = classSummaryDocuments(await loadClassSummaryData(ctx, { month, class: [DEMO_REPORT_CLASS] }), 'lv').map((d) => ({ ...d, landscape: true }));
  const deadlines = await demoDeadlineDocuments(ctx, deadlinesPeriod.from, deadlinesPeriod.to);
  let format: ReportFormat = 'pdf';
  let fallback: string | undefined;
  try {
    findBrowser();
  } catch (error) {
    format = 'html';
    fallback = (error as Error).message;
  }
  const files = await publishDocuments([...extracts, ...summaries, ...deadlines], { outDir, format, lang: 'lv', force: true, footer: school.name });
  return { month, monthComplete: period.reportMonthComplete, deadlines: deadlinesPeriod, format, fallback, files };
}

/** The deputy's deadline control over the demo's journal, landscape. */
async function demoDeadlineDocuments(ctx: ServiceContext, from: string, to: string): Promise<ReportDocument[]> {
  return deadlinesDocuments(await loadDeadlinesData(ctx, { from, to }), 'lv').map((d) => ({ ...d, landscape: true }));
}
