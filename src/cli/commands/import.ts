import type { Command } from 'commander';
import type { Column, Output } from '../output.ts';
import { createOutput } from '../output.ts';
import { examples } from '../options.ts';
import { globalOptions, runCommand } from '../runtime.ts';
import { IMPORT_ORDER } from '../../transfer/columns.ts';
import { importSources, ImportFailed, loadBundle, loadFile, type ImportOptions, type ImportSource, type KindSummary } from '../../transfer/import.ts';

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
}

async function runImport(command: Command, load: (out: Output) => ImportSource[], flags: ImportFlags): Promise<void> {
  const out = await createOutput({ json: !!globalOptions(command).json });
  const sources = load(out);
  try {
    await runCommand(command, {
      write: true,
      run: async (ctx) => {
        const summary = await importSources(ctx, sources, flags);
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

export function registerImport(program: Command): void {
  program
    .command('import')
    .description(`import CSV files (Latvian or English headers), all or nothing: ${IMPORT_ORDER.join(', ')}, or a bundle folder`)
    .argument('<kind>', `${IMPORT_ORDER.join(', ')}, or bundle`)
    .argument('<path>', 'the CSV file (a folder of KIND.csv files for bundle)')
    .option('--dry-run', 'check everything and report what would change, writing nothing')
    .option('--encoding <enc>', 'the file encoding instead of detection: utf-8, utf-16le, windows-1257, …')
    .option('--delimiter <d>', 'the separator instead of detection: ",", ";" or tab')
    .addHelpText(
      'after',
      examples(
        'ezurnals import students skoleni.csv --as admin',
        'ezurnals import grades vertejumi.csv --dry-run --as admin',
        'ezurnals import bundle ./sakums --as admin --json',
      ),
    )
    .action(async (kind: string, path: string, flags: ImportFlags, command: Command) => {
      const load = (out: Output): ImportSource[] => {
        if (kind !== 'bundle') return [loadFile(kind, path)];
        const { sources, ignored } = loadBundle(path);
        if (ignored.length > 0) out.warn(`${path}: not imported: ${ignored.join(', ')} (a bundle reads KIND.csv for KIND in ${IMPORT_ORDER.join(', ')}).`);
        return sources;
      };
      await runImport(command, load, flags);
    });
}
