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

const folderColumns: Column<ArchivedFolder>[] = [
  { header: 'volume', value: (f) => f.volume },
  { header: 'folder', value: (f) => f.folder },
  { header: 'files', value: (f) => f.files },
  { header: 'pages', value: (f) => f.pages || '' },
  { header: 'size', value: (f) => formatBytes(f.bytes) },
];

/** One bar per stage (printing, tables, checksums), each finished before the next begins. */
function stageBars(): { progress(stage: string, done: number, total: number): void; done(): void } {
  let current: { stage: string; bar: Progress } | null = null;
  return {
    progress(stage, done, total) {
      if (current?.stage !== stage) {
        current?.bar.done();
        current = { stage, bar: createProgress(stage) };
      }
      current.bar.update(done, total);
    },
    done: () => current?.bar.done(),
  };
}

export function registerArchive(program: Command): void {
  const archive = program.command('archive').description("the year's archive for the school's records (REFERENCE §6): export to a folder or CD image, verify, restore");

  archive
    .command('export')
    .description("write the year's archive: printed documents (PDF), every table (CSV, JSON), a database snapshot, index.html, manifest.json and SHA256SUMS; split into volumes above --volume-size")
    .requiredOption('--out <dir>', 'the archive folder to create')
    .option('--iso <file>', 'also write an ISO 9660 image (Joliet, Rock Ridge) to burn; one per volume when split (FILE-1.iso …)')
    .option('--volume-size <size>', 'largest volume, K/M/G (binary units)', DEFAULT_VOLUME_SIZE)
    .option('--force', 'replace an existing archive folder or image')
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
          out.data(result.folders, folderColumns);
          for (const image of result.iso) out.info(`ISO image: ${image.file} (${formatBytes(image.bytes)})`);
          out.info(`Wrote ${result.out}: ${result.files} files, ${result.pages} PDF pages, ${formatBytes(result.bytes)}${result.volumes > 1 ? ` in ${result.volumes} volumes` : ''}. Check it with \`ezurnals archive verify ${result.out}\`.`);
        },
      });
    });

  archive
    .command('verify <archive>')
    .description('recompute every SHA-256 of an archive folder or ISO image; name missing, changed and extra files (exit 4)')
    .addHelpText('after', examples('ezurnals archive verify arhivs-2026-2027', 'ezurnals archive verify arhivs-2026-2027.iso --json'))
    .action(async (path: string, _opts: unknown, command: Command) => {
      const out = await createOutput({ json: !!globalOptions(command).json });
      const result = await verifyArchive(path);
      if (out.json) out.raw({ ...result, manifests: undefined, volumes: result.manifests.length });
      if (!result.ok) {
        const details = [...result.missing.map((p) => `missing: ${p}`), ...result.changed.map((p) => `changed: ${p}`), ...result.extra.map((p) => `extra:   ${p}`)];
        throw new AppError('invalid', `${path} does not match its manifest: ${result.missing.length} missing, ${result.changed.length} changed, ${result.extra.length} extra.`, details);
      }
      if (!out.json) io().stdout.write(`OK ${path}: ${result.files} files, ${formatBytes(result.bytes)}${result.manifests.length > 1 ? ` in ${result.manifests.length} volumes` : ''}, every SHA-256 matches.\n`);
    });

  archive
    .command('restore <archive>')
    .description("restore an archive's database snapshot into a new database file (--db), or a new school on a PostgreSQL server (--db postgres://…?school=CODE), after checking its SHA-256")
    .addHelpText('after', examples('ezurnals archive restore arhivs-2026-2027 --db 2026-2027.db', 'ezurnals archive restore arhivs-2026-2027.iso --db vecais.db --json'))
    .action(async (path: string, _opts: unknown, command: Command) => {
      const options = globalOptions(command);
      const out = await createOutput({ json: !!options.json });
      if (!options.db) throw new AppError('usage', 'Say where the restored database goes: --db NEW.db (a file that does not exist yet).');
      const result = await restoreArchive(path, options.db);
      if (out.json) out.raw(result);
      else out.info(`Restored ${result.snapshot} (${formatBytes(result.bytes)}, SHA-256 checked) into ${result.db}. Query it with --db ${result.db}.`);
    });
}
