import { Option, type Command } from 'commander';
import { AppError } from '../../errors.ts';
import type { ServiceContext } from '../../services/context.ts';
import { publishDocuments, type BuiltReport, type ReportFormat, type ReportLang, type WrittenFile } from '../../reports/publish.ts';
import { createProgress } from '../progress.ts';
import { globalOptions, runCommand } from '../runtime.ts';
import { registerReportExtract } from './report-extract.ts';
import { registerReportBehavior } from './report-behavior.ts';
import { registerReportExtractStatus } from './report-extract-status.ts';
import { registerReportClassSummary } from './report-class-summary.ts';
import { registerReportTeacher } from './report-teacher.ts';
import { registerReportSubstitutions } from './report-substitutions.ts';
import { registerReportCard } from './report-card.ts';
import { registerReportSummaryJournal } from './report-summary-journal.ts';
import { registerReportMissing } from './report-missing.ts';
import { registerReportInspections } from './report-inspections.ts';
import { registerReportPersonalFile } from './report-personal-file.ts';
import { registerReportJournal } from './report-journal.ts';
import { registerReportDeadlines } from './report-deadlines.ts';
import { m as t } from '../../i18n/messages/files-reports.ts';
import { m as vocab } from '../../i18n/messages/words.ts';

/** Options every printed report shares. */
export interface ReportFlags {
  format: ReportFormat;
  out: string;
  force?: boolean;
}

/**
 * Adds --format, --out and --force to a report command. The documents'
 * language is the global `--lang` when given on the command line, else
 * Latvian: they are the school's official documents, in the state language,
 * whatever language a person reads the tool's messages in
 * (EZURNALS_LANG, the school's setting).
 */
export function reportOptions(command: Command): Command {
  return command
    .addOption(new Option('--format <format>', t.optionFormat).choices(['pdf', 'html']).default('pdf'))
    .option('--out <dir>', t.optionOut, '.')
    .option('--force', t.optionForce);
}

export type { BuiltReport };

const writtenColumns = () => [
  { header: t.columnDocument, value: (w: WrittenFile) => w.document },
  { header: vocab.file, value: (w: WrittenFile) => w.file },
  { header: 'KiB', value: (w: WrittenFile) => Math.ceil(w.bytes / 1024) },
];

/**
 * The one path of every report: gather its data (one read, checked against the reader's rights),
 * then with --json print the data, else render and write the files.
 */
export async function runReport<D>(command: Command, flags: ReportFlags, build: (ctx: ServiceContext) => Promise<BuiltReport<D>>): Promise<void> {
  const json = !!globalOptions(command).json;
  const lang: ReportLang = globalOptions(command).lang?.trim().toLowerCase() === 'en' ? 'en' : 'lv';
  await runCommand(command, {
    write: false,
    run: async (ctx) => {
      const report = await build(ctx);
      const warnings = report.warnings ?? [];
      if (json) return { data: report.data, written: [] as WrittenFile[], warnings };
      const documents = report.documents(report.data, lang);
      if (documents.length === 0) throw new AppError('not_found', t.nothingToPrint);
      const bar = createProgress(flags.format === 'pdf' ? vocab.printing : t.progressWriting);
      const written = await publishDocuments(documents, {
        outDir: flags.out,
        format: flags.format,
        lang,
        force: flags.force,
        landscape: report.landscape,
        footer: ctx.school.name,
        onProgress: (done, total) => bar.update(done, total),
      }).finally(() => bar.done());
      return { data: report.data, written, warnings };
    },
    print: (result, out) => {
      for (const warning of result.warnings) out.warn(warning);
      if (out.json) return out.raw(result.data);
      out.data(result.written, writtenColumns());
      out.info(t.wroteFiles(result.written.length));
    },
  });
}

export function registerReport(program: Command): void {
  const report = program.command('report').description(t.reportDescription);
  registerReportExtract(report);
  registerReportBehavior(report);
  registerReportExtractStatus(report);
  registerReportClassSummary(report);
  registerReportTeacher(report);
  registerReportSubstitutions(report);
  registerReportCard(report);
  registerReportSummaryJournal(report);
  registerReportMissing(report);
  registerReportInspections(report);
  registerReportPersonalFile(report);
  registerReportJournal(report);
  registerReportDeadlines(report);
}
