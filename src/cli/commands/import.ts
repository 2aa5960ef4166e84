import type { Command } from 'commander';
import type { Column, Output } from '../output.ts';
import { createOutput } from '../output.ts';
import { examples } from '../options.ts';
import { globalOptions, runCommand } from '../runtime.ts';
import { IMPORT_ORDER } from '../../transfer/columns.ts';
import { createProgress } from '../progress.ts';
import { importSources, ImportFailed, loadBundle, loadFile, type ImportOptions, type ImportSource, type KindSummary } from '../../transfer/import.ts';
import { takesBulkPath } from '../../transfer/bulk.ts';
import { importOneRoster, loadOneRoster, type OneRosterResult } from '../../transfer/oneroster.ts';
import { m as t } from '../../i18n/messages/files-import.ts';
import { m as w } from '../../i18n/messages/words.ts';

const columns = (): Column<KindSummary>[] => [
  { header: w.kind, value: (s) => s.kind },
  { header: w.file, value: (s) => s.file },
  { header: t.columnCreated, value: (s) => s.created },
  { header: t.columnUpdated, value: (s) => s.updated },
  { header: t.columnUnchanged, value: (s) => s.unchanged },
  { header: t.columnErrors, value: (s) => s.errors },
];

/** Leaves runCommand's transaction by throwing, so that it rolls back: the dry run's way of writing nothing. */
class DryRunDone {
  constructor(readonly summary: KindSummary[]) {}
}

function report(summary: KindSummary[], out: Output, how: 'imported' | 'dry-run' | 'failed'): void {
  out.data(summary, columns());
  const total = (k: 'created' | 'updated' | 'unchanged' | 'errors') => summary.reduce((n, s) => n + s[k], 0);
  const counts = t.counts(total('created'), total('updated'), total('unchanged'));
  if (how === 'imported') out.info(t.imported(counts));
  else if (how === 'dry-run') out.info(t.dryRun(counts));
  else out.info(t.failed(total('errors'), counts));
}

interface ImportFlags extends ImportOptions {
  dryRun?: boolean;
  /** oneroster only: our school's sourcedId in orgs.csv. */
  org?: string;
}

async function runImport(command: Command, load: (out: Output) => ImportSource[], flags: ImportFlags): Promise<void> {
  const out = await createOutput({ json: !!globalOptions(command).json });
  const sources = load(out);
  const bar = createProgress(t.progressImporting);
  try {
    await runCommand(command, {
      write: true,
      // Only when every file takes the bulk path: its rows' references are resolved in the transaction, and checked per distinct value.
      bulkLoad: (ctx) => sources.length > 0 && sources.every((source) => takesBulkPath(ctx, source)),
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
  if (result.ignored.length > 0) out.warn(t.oneRosterIgnored(result.ignored.join(', ')));
  const s = result.skipped;
  const parts = [
    s.disabledUsers && t.skippedDisabled(s.disabledUsers),
    s.otherRoles && t.skippedOtherRoles(s.otherRoles),
    s.ungradedResults && t.skippedUngraded(s.ungradedResults),
    s.deletions && t.skippedDeletions(s.deletions),
    s.otherSchools && t.skippedOtherSchools(s.otherSchools),
  ].filter(Boolean);
  if (parts.length > 0) out.info(t.skipped(parts.join(', ')));
  const d = result.deleted;
  const done = [
    d.placements && t.deletedPlacements(d.placements),
    d.assignments && t.deletedAssignments(d.assignments),
    d.classTeachers && t.deletedClassTeachers(d.classTeachers),
    d.staff && t.deletedStaff(d.staff),
  ].filter(Boolean);
  if (done.length > 0) out.info(t.deleted(done.join(', ')));
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
    .description(t.importDescription(IMPORT_ORDER.join(', ')))
    .argument('<kind>', t.importKind(IMPORT_ORDER.join(', ')))
    .argument('<path>', t.importPath)
    .option('--dry-run', t.importDryRun)
    .option('--encoding <enc>', t.importEncoding)
    .option('--delimiter <d>', t.importDelimiter)
    .option('--strict', t.importStrict)
    .option('--org <sourcedId>', t.importOrg)
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
        if (ignored.length > 0) out.warn(t.bundleIgnored(path, ignored.join(', '), IMPORT_ORDER.join(', ')));
        return sources;
      };
      await runImport(command, load, flags);
    });
}
