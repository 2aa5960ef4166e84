import type { Command } from 'commander';
import type { Column, Output } from '../output.ts';
import { createOutput } from '../output.ts';
import { examples } from '../options.ts';
import { globalOptions, runCommand } from '../runtime.ts';
import { IMPORT_ORDER } from '../../transfer/columns.ts';
import { createProgress } from '../progress.ts';
import { importSources, ImportFailed, loadBundle, loadFile, type ImportOptions, type ImportSource, type KindSummary } from '../../transfer/import.ts';
import { importOneRoster, loadOneRoster, type OneRosterResult } from '../../transfer/oneroster.ts';

const columns: Column<KindSummary>[] = [
  { header: 'kind', value: (s) => s.kind },
  { header: 'file', value: (s) => s.file },
  { header: 'created', value: (s) => s.created },
  { header: 'updated', value: (s) => s.updated },
  { header: 'unchanged', value: (s) => s.unchanged },
  { header: 'errors', value: (s) => s.errors },
];

/** Leaves runCommand's transaction by throwing, so that it rolls back: the dry run's way of writing nothing. */
class DryRunDone {
  constructor(readonly summary: KindSummary[]) {}
}

function report(summary: KindSummary[], out: Output, how: 'imported' | 'dry-run' | 'failed'): void {
  out.data(summary, columns);
  const total = (k: 'created' | 'updated' | 'unchanged' | 'errors') => summary.reduce((n, s) => n + s[k], 0);
  const counts = `${total('created')} created, ${total('updated')} updated, ${total('unchanged')} unchanged`;
  if (how === 'imported') out.info(`Imported: ${counts}.`);
  else if (how === 'dry-run') out.info(`Dry run, nothing written: would be ${counts}.`);
  else out.info(`Nothing imported: ${total('errors')} row(s) with errors (listed below); the other rows would be ${counts}.`);
}

interface ImportFlags extends ImportOptions {
  dryRun?: boolean;
  /** oneroster only: our school's sourcedId in orgs.csv. */
  org?: string;
}

async function runImport(command: Command, load: (out: Output) => ImportSource[], flags: ImportFlags): Promise<void> {
  const out = await createOutput({ json: !!globalOptions(command).json });
  const sources = load(out);
  const bar = createProgress('Importing');
  try {
    await runCommand(command, {
      write: true,
      run: async (ctx) => {
        const summary = await importSources(ctx, sources, { ...flags, warn: (message) => out.warn(message), progress: (file, done, total) => bar.update(done, total) }).finally(() => bar.done());
        if (flags.dryRun) throw new DryRunDone(summary);
        return summary;
      },
      print: (summary) => report(summary, out, 'imported'),
    });
  } catch (error) {
    if (error instanceof DryRunDone) return report(error.summary, out, 'dry-run');
    // The summary goes to stdout before main prints the problems, so a script still sees the per-kind counts.
    if (error instanceof ImportFailed) report(error.summary, out, 'failed');
    throw error;
  }
}

/** Leaves the transaction like DryRunDone, carrying what a OneRoster dry run found besides the counts. */
class OneRosterDryRunDone {
  constructor(readonly result: OneRosterResult) {}
}

/** The per-kind table as for a bundle; with --json one object, so that `ignored` and `skipped` travel with the counts. */
function reportOneRoster(result: OneRosterResult, out: Output, how: 'imported' | 'dry-run'): void {
  if (out.json) out.raw({ dryRun: how === 'dry-run', kinds: result.summary, ignored: result.ignored, skipped: result.skipped, deleted: result.deleted });
  const quiet = { ...out, data: () => undefined } satisfies Output;
  report(result.summary, out.json ? quiet : out, how);
  if (result.ignored.length > 0) out.warn(`not imported (no use in the journal, or absent in the manifest): ${result.ignored.join(', ')}.`);
  const s = result.skipped;
  const parts = [
    s.disabledUsers && `${s.disabledUsers} disabled user(s)`,
    s.otherRoles && `${s.otherRoles} user(s) with no role here (aides, proctors, unlinked parents)`,
    s.ungradedResults && `${s.ungradedResults} result(s) not graded yet`,
    s.deletions && `${s.deletions} tobedeleted row(s) with nothing to delete in the journal`,
    s.otherSchools && `${s.otherSchools} row(s) of other schools`,
  ].filter(Boolean);
  if (parts.length > 0) out.info(`Skipped: ${parts.join(', ')}.`);
  const d = result.deleted;
  const done = [
    d.placements && `${d.placements} student(s) left their class`,
    d.assignments && `${d.assignments} assignment(s) removed`,
    d.classTeachers && `${d.classTeachers} class teacher(s) cleared`,
    d.staff && `${d.staff} staff member(s) made inactive`,
  ].filter(Boolean);
  if (done.length > 0) out.info(`Deleted (tobedeleted rows): ${done.join(', ')}.`);
}

async function runOneRoster(command: Command, path: string, flags: ImportFlags): Promise<void> {
  const out = await createOutput({ json: !!globalOptions(command).json });
  const pkg = loadOneRoster(path);
  try {
    await runCommand(command, {
      write: true,
      run: async (ctx) => {
        const result = await importOneRoster(ctx, pkg, { org: flags.org });
        if (flags.dryRun) throw new OneRosterDryRunDone(result);
        return result;
      },
      print: (result) => reportOneRoster(result, out, 'imported'),
    });
  } catch (error) {
    if (error instanceof OneRosterDryRunDone) return reportOneRoster(error.result, out, 'dry-run');
    if (error instanceof ImportFailed) report(error.summary, out, 'failed');
    throw error;
  }
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description(`import CSV files (Latvian or English headers), all or nothing: ${IMPORT_ORDER.join(', ')}, a bundle folder, or a OneRoster 1.1 package`)
    .argument('<kind>', `${IMPORT_ORDER.join(', ')}, bundle, or oneroster`)
    .argument('<path>', 'the CSV file (a folder of KIND.csv files for bundle; a OneRoster 1.1 folder or .zip for oneroster)')
    .option('--dry-run', 'check everything and report what would change, writing nothing')
    .option('--encoding <enc>', 'the file encoding instead of detection: utf-8, utf-16le, windows-1257, …')
    .option('--delimiter <d>', 'the separator instead of detection: ",", ";" or tab')
    .option('--strict', 'refuse a file with a column the import does not know, instead of warning and ignoring it')
    .option('--org <sourcedId>', 'oneroster: our school in orgs.csv, when it lists several')
    .addHelpText(
      'after',
      examples(
        'ezurnals import students skoleni.csv --as admin',
        'ezurnals import grades vertejumi.csv --dry-run --as admin',
        'ezurnals import students skoleni.csv --strict --as admin',
        'ezurnals import bundle ./sakums --as admin --json',
        'ezurnals import oneroster oneroster.zip --dry-run --as admin',
      ),
    )
    .action(async (kind: string, path: string, flags: ImportFlags, command: Command) => {
      if (kind === 'oneroster') return runOneRoster(command, path, flags);
      const load = (out: Output): ImportSource[] => {
        if (kind !== 'bundle') return [loadFile(kind, path)];
        const { sources, ignored } = loadBundle(path);
        if (ignored.length > 0) out.warn(`${path}: not imported: ${ignored.join(', ')} (a bundle reads KIND.csv for KIND in ${IMPORT_ORDER.join(', ')}).`);
        return sources;
      };
      await runImport(command, load, flags);
    });
}
