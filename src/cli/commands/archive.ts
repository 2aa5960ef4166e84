import type { Command } from 'commander';
import { AppError } from '../../errors.ts';
import { exportArchive, type ArchivedFolder, type ArchiveExportInput } from '../../archive/export.ts';
import { restoreArchive } from '../../archive/restore.ts';
import { verifyArchive } from '../../archive/verify.ts';
import { DEFAULT_VOLUME_SIZE, formatBytes } from '../../archive/volumes.ts';
import { examples } from '../options.ts';
import { createOutput, type Column } from '../output.ts';
import { createProgress, type Progress } from '../progress.ts';
import { globalOptions, runCommand } from '../runtime.ts';
import { io } from '../io.ts';
import { m as t } from '../../i18n/messages/files-archive.ts';
import { m as w } from '../../i18n/messages/words.ts';

const folderColumns = (): Column<ArchivedFolder>[] => [
  { header: t.columnVolume, value: (f) => f.volume },
  { header: t.columnFolder, value: (f) => f.folder },
  { header: w.files, value: (f) => f.files },
  { header: t.columnPages, value: (f) => f.pages || '' },
  { header: t.columnSize, value: (f) => formatBytes(f.bytes) },
];

/** A stage's name on its progress bar, in the run's language. */
const stageLabel = (stage: string): string => (stage === 'Printing' ? w.printing : stage === 'Tables' ? t.stageTables : stage === 'Checksums' ? t.stageChecksums : stage);

/** One bar per stage (printing, tables, checksums), each finished before the next begins. */
function stageBars(): { progress(stage: string, done: number, total: number): void; done(): void } {
  let current: { stage: string; bar: Progress } | null = null;
  return {
    progress(stage, done, total) {
      if (current?.stage !== stage) {
        current?.bar.done();
        current = { stage, bar: createProgress(stageLabel(stage)) };
      }
      current.bar.update(done, total);
    },
    done: () => current?.bar.done(),
  };
}

export function registerArchive(program: Command): void {
  const archive = program.command('archive').description(t.archiveDescription);

  archive
    .command('export')
    .description(t.exportDescription)
    .requiredOption('--out <dir>', t.exportOut)
    .option('--iso <file>', t.exportIso)
    .option('--volume-size <size>', t.exportVolumeSize, DEFAULT_VOLUME_SIZE)
    .option('--force', t.exportForce)
    .addHelpText('after', examples('ezurnals archive export --year 2026/2027 --out arhivs-2026-2027 --iso arhivs-2026-2027.iso', 'ezurnals archive export --out arhivs --volume-size 4.7G --json'))
    .action(async (opts: ArchiveExportInput, command: Command) => {
      await runCommand(command, {
        write: false,
        run: async (ctx) => {
          const bars = stageBars();
          return exportArchive(ctx, opts, bars).finally(() => bars.done());
        },
        print: (result, out) => {
          if (out.json) return out.raw(result);
          out.data(result.folders, folderColumns());
          for (const image of result.iso) out.info(t.isoImage(image.file, formatBytes(image.bytes)));
          out.info(t.wrote(result.out, result.files, result.pages, formatBytes(result.bytes), result.volumes));
        },
      });
    });

  archive
    .command('verify <archive>')
    .description(t.verifyDescription)
    .addHelpText('after', examples('ezurnals archive verify arhivs-2026-2027', 'ezurnals archive verify arhivs-2026-2027.iso --json'))
    .action(async (path: string, _opts: unknown, command: Command) => {
      const out = await createOutput({ json: !!globalOptions(command).json });
      const result = await verifyArchive(path);
      if (out.json) out.raw({ ...result, manifests: undefined, volumes: result.manifests.length });
      if (!result.ok) {
        const details = [...result.missing.map(t.verifyMissing), ...result.changed.map(t.verifyChanged), ...result.extra.map(t.verifyExtra)];
        throw new AppError('invalid', t.verifyFailed(path, result.missing.length, result.changed.length, result.extra.length), details);
      }
      if (!out.json) io().stdout.write(`${t.verifyOk(path, result.files, formatBytes(result.bytes), result.manifests.length)}\n`);
    });

  archive
    .command('restore <archive>')
    .description(t.restoreDescription)
    .addHelpText('after', examples('ezurnals archive restore arhivs-2026-2027 --db 2026-2027.db', 'ezurnals archive restore arhivs-2026-2027.iso --db vecais.db --json'))
    .action(async (path: string, _opts: unknown, command: Command) => {
      const options = globalOptions(command);
      const out = await createOutput({ json: !!options.json });
      if (!options.db) throw new AppError('usage', t.restoreWhere);
      const result = await restoreArchive(path, options.db);
      if (out.json) out.raw(result);
      else out.info(t.restored(result.snapshot, formatBytes(result.bytes), result.db));
    });
}
