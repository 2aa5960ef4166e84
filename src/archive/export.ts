import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { AppError } from '../errors.ts';
import { makePrivateDir, makeTreePrivate, PRIVATE_FILE_MODE } from '../private-file.ts';
import { auditHead } from '../db/dialect.ts';
import { requireIntactDatabase } from '../db/quick-check.ts';
import { formatHead } from '../domain/audit-chain.ts';
import { findOnlySchool } from '../db/repositories/schools.ts';
import type { School, SchoolYear } from '../db/schema.ts';
import { requireRight, type ServiceContext } from '../services/context.ts';
import { resolveYear } from '../services/lookup.ts';
import { findBrowser } from '../reports/browser.ts';
import { publishDocuments, type ReportDocument } from '../reports/publish.ts';
import { VERSION } from '../version.ts';
import { indexPage } from './index-page.ts';
import { findIsoTool, isoFileOf, writeIso } from './iso.ts';
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, CHECKSUMS_FILE, checksumsText, MANIFEST_FILE, manifestText, sha256OfFile, type ArchiveManifest, type ManifestFile } from './manifest.ts';
import { FOLDER_ORDER, FOLDERS, INDEX_FILE, SNAPSHOT_FILE } from './nomenclature.ts';
import { ARCHIVE_PARTS, type ArchivePart } from './parts.ts';
import { takeSnapshot } from './snapshot.ts';
import { openSnapshotFile } from '../db/sqlite/snapshot-file.ts';
import { COLUMNS_FILES, tableFiles, writeTables, type TableDescription } from './tables.ts';
import { DEFAULT_VOLUME_SIZE, formatBytes, packVolumes, parseVolumeSize, volumeFolder } from './volumes.ts';
import { m as t } from '../i18n/messages/files-archive.ts';

export interface ArchiveExportInput {
  out: string;
  iso?: string;
  volumeSize?: string;
  force?: boolean;
}

export interface ArchiveStage {
  /** Called as each stage advances, for a progress bar. */
  progress(stage: 'Printing' | 'Tables' | 'Checksums', done: number, total: number): void;
}

/** One row of the final table: a folder of one volume. */
export interface ArchivedFolder {
  volume: number;
  folder: string;
  files: number;
  pages: number;
  bytes: number;
}

export interface ArchiveExportResult {
  out: string;
  year: string;
  volumes: number;
  files: number;
  bytes: number;
  pages: number;
  folders: ArchivedFolder[];
  /** The ISO images written, one per volume. */
  iso: { file: string; bytes: number }[];
}

/** Every file under `dir` as a posix path relative to it. */
function walk(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? walk(dir, path) : [path];
  });
}

/** In the nomenclature's order, then by name: the order of the index, the manifest and the volumes. */
function inArchiveOrder(paths: string[]): string[] {
  const rank = new Map(FOLDER_ORDER.map((f, i) => [f.name, i]));
  const folderRank = (p: string) => rank.get(p.split('/')[0]!) ?? FOLDER_ORDER.length;
  return paths.sort((a, b) => folderRank(a) - folderRank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Whether a process of that id still runs (one of another user counts: it may not be signalled, but it is there). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * An export killed outright (kill -9, a power cut) runs no clean-up: its work
 * folder `.OUT.partial-PID`, holding the whole journal, and its ISO parts stay
 * behind. Those of a process that no longer runs are removed before a new
 * export begins; one whose process still runs is another export's, and is left.
 */
export function removeStalePartials(out: string, iso: string | undefined): string[] {
  const removed: string[] = [];
  const sweep = (dir: string, prefix: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      if (!name.startsWith(prefix)) continue;
      // Not `.replaced`: that is a previous archive caught between two renames, possibly the only copy.
      const pid = /^(\d+)$/.exec(name.slice(prefix.length))?.[1];
      if (pid === undefined || processAlive(Number(pid))) continue;
      rmSync(join(dir, name), { recursive: true, force: true });
      removed.push(join(dir, name));
    }
  };
  sweep(dirname(out), `.${basename(out)}.partial-`);
  if (iso) sweep(dirname(iso), `${basename(iso)}.part-`);
  return removed;
}

function refuseExisting(input: ArchiveExportInput): void {
  const out = resolve(input.out);
  if (existsSync(out) && !input.force && (!statSync(out).isDirectory() || readdirSync(out).length > 0)) {
    throw new AppError('conflict', t.outNotEmpty(input.out));
  }
  if (input.iso && existsSync(input.iso) && !input.force) throw new AppError('conflict', t.isoExists(input.iso));
}

/** Prints every part's documents in one run (one browser), then files each PDF in its part's folder. */
async function printParts(parts: readonly { part: ArchivePart; documents: ReportDocument[] }[], root: string, footer: string, stage: ArchiveStage): Promise<Map<string, string>> {
  const documents = parts.flatMap((p) => p.documents);
  const labels = new Map<string, string>();
  if (documents.length === 0) return labels;
  const printDir = join(root, '.print');
  await publishDocuments(documents, { outDir: printDir, format: 'pdf', lang: 'lv', footer, onProgress: (done, total) => stage.progress('Printing', done, total) });
  for (const { part, documents: own } of parts) {
    if (own.length === 0) continue;
    mkdirSync(join(root, part.folder.name), { recursive: true });
    for (const d of own) {
      const path = `${part.folder.name}/${d.name}.pdf`;
      renameSync(join(printDir, `${d.name}.pdf`), join(root, path));
      labels.set(path, d.title);
    }
  }
  rmSync(printDir, { recursive: true, force: true });
  return labels;
}

/** Index link texts of the tables' files: the table's name and what it holds. */
function tableLabels(tables: readonly TableDescription[]): [string, string][] {
  const folder = FOLDERS.tables.name;
  return [
    [`${folder}/${COLUMNS_FILES.csv}`, 'Kolonnu apraksts / column descriptions (CSV)'],
    [`${folder}/${COLUMNS_FILES.json}`, 'Kolonnu apraksts / column descriptions (JSON)'],
    ...tables.flatMap((t): [string, string][] => {
      const files = tableFiles(t.name);
      const what = `${t.name}${t.meaning ? ` — ${t.meaning}` : ''} (${t.rows} rows)`;
      return [
        [`${folder}/${files.csv}`, `${what}, CSV`],
        [`${folder}/${files.json}`, `${what}, JSON`],
      ];
    }),
  ];
}

async function pageCount(path: string): Promise<number> {
  return (await PDFDocument.load(readFileSync(path), { updateMetadata: false })).getPageCount();
}

/** The row of the final table for a folder of a volume, added when it is the folder's first file. */
function folderRow(rows: ArchivedFolder[], volume: number, folder: string): ArchivedFolder {
  let row = rows.find((r) => r.volume === volume && r.folder === folder);
  if (!row) rows.push((row = { volume, folder, files: 0, pages: 0, bytes: 0 }));
  return row;
}

/**
 * Every table and every part's documents, read from the snapshot (not the
 * live database), into `work`; returns the school and the index's link texts.
 */
async function archiveFromSnapshot(
  snapshotPath: string,
  work: string,
  now: Date,
  year: SchoolYear,
  parts: readonly ArchivePart[],
  stage: ArchiveStage,
): Promise<{ school: School; labels: Map<string, string>; auditHead: string | undefined }> {
  const snapshot = openSnapshotFile(snapshotPath);
  try {
    const school = (await findOnlySchool(snapshot.db))!;
    const head = await auditHead(snapshot.db);
    const archived: ServiceContext = { db: snapshot.db, school, actor: null, now, yearCode: year.code };
    const tables = writeTables(snapshot, join(work, FOLDERS.tables.name), (done, total) => stage.progress('Tables', done, total));
    const built = [];
    for (const part of parts) built.push({ part, documents: await part.documents(archived, year, 'lv') });
    const labels = await printParts(built, work, school.name, stage);
    for (const [path, label] of tableLabels(tables)) labels.set(path, label);
    labels.set(`${FOLDERS.database.name}/${SNAPSHOT_FILE}`, `${FOLDERS.database.lv} / ${FOLDERS.database.en}`);
    return { school, labels, auditHead: head ? formatHead(head) : undefined };
  } finally {
    await snapshot.close();
  }
}

/**
 * The year's archive (REFERENCE §6): a consistent snapshot first, then every
 * table and document read from that snapshot, so that all of them show the
 * journal as of one moment even while teachers keep writing. Everything is
 * built in a folder beside OUT and renamed to OUT at the end: an interrupted
 * export leaves nothing behind.
 */
export async function exportArchive(ctx: ServiceContext, input: ArchiveExportInput, stage: ArchiveStage, parts: readonly ArchivePart[] = ARCHIVE_PARTS): Promise<ArchiveExportResult> {
  const volumeSize = parseVolumeSize(input.volumeSize ?? DEFAULT_VOLUME_SIZE);
  // The archive is the whole journal, personas kodi and conversations with parents included.
  if (!ctx.actor) throw new AppError('usage', t.sayWhoYouAre);
  requireRight(ctx, 'manage-registry');
  refuseExisting(input);
  const year = await resolveYear(ctx);
  const isoTool = input.iso ? findIsoTool() : undefined;
  findBrowser();

  const out = resolve(input.out);
  const work = join(dirname(out), `.${basename(out)}.partial-${process.pid}`);
  const isoParts: string[] = [];
  const cleanUp = () => {
    rmSync(work, { recursive: true, force: true });
    for (const file of isoParts) rmSync(file, { force: true });
  };
  const interrupted = () => process.exit(130);
  process.once('exit', cleanUp).once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    removeStalePartials(out, input.iso && resolve(input.iso));
    rmSync(work, { recursive: true, force: true });
    // 0700 from the first moment: what is written inside is out of other users' reach even before its own mode is set.
    makePrivateDir(work);
    mkdirSync(join(work, FOLDERS.database.name), { recursive: true });
    // A corrupt page would be copied into the snapshot and the year's record, and the year then closed on it.
    await requireIntactDatabase(ctx.db, 'the year was not archived');
    const snapshotPath = join(work, FOLDERS.database.name, SNAPSHOT_FILE);
    await takeSnapshot(ctx.db, snapshotPath);

    const { school, labels, auditHead } = await archiveFromSnapshot(snapshotPath, work, ctx.now, year, parts, stage);

    const paths = inArchiveOrder(walk(work));
    const sized = paths.map((path) => ({ path, size: statSync(join(work, path)).size }));
    const volumes = packVolumes(sized, volumeSize);
    const split = volumes.length > 1;
    const exportedAt = ctx.now.toISOString();
    const total = sized.length;
    let hashed = 0;
    const result: ArchiveExportResult = { out, year: year.code, volumes: volumes.length, files: 0, bytes: 0, pages: 0, folders: [], iso: [] };

    for (const [i, members] of volumes.entries()) {
      const volume = i + 1;
      const volumeDir = split ? join(work, volumeFolder(volume)) : work;
      const files: ManifestFile[] = [];
      for (const { path, size } of members) {
        const source = join(work, path);
        const target = join(volumeDir, path);
        if (split) {
          mkdirSync(dirname(target), { recursive: true });
          renameSync(source, target);
        }
        files.push({ path, size, sha256: sha256OfFile(target) });
        stage.progress('Checksums', ++hashed, total);
        const row = folderRow(result.folders, volume, path.split('/')[0]!);
        row.files++;
        row.bytes += size;
        if (path.endsWith('.pdf')) row.pages += await pageCount(target);
      }
      const base: ArchiveManifest = {
        format: ARCHIVE_FORMAT,
        formatVersion: ARCHIVE_FORMAT_VERSION,
        school: { name: school.name, registrationNumber: school.registration_number, director: school.director },
        schoolYear: year.code,
        software: { name: 'ezurnals', version: VERSION },
        exportedAt,
        ...(auditHead ? { auditHead } : {}),
        ...(split ? { volume, volumes: volumes.length } : {}),
        files,
      };
      const index = indexPage(base, labels);
      writeFileSync(join(volumeDir, INDEX_FILE), index);
      files.push({ path: INDEX_FILE, size: Buffer.byteLength(index), sha256: sha256OfFile(join(volumeDir, INDEX_FILE)) });
      result.folders.push({ volume, folder: INDEX_FILE, files: 1, pages: 0, bytes: Buffer.byteLength(index) });
      writeFileSync(join(volumeDir, MANIFEST_FILE), manifestText(base));
      writeFileSync(join(volumeDir, CHECKSUMS_FILE), checksumsText(files));
      const volumeBytes = walk(volumeDir).reduce((sum, path) => sum + statSync(join(volumeDir, path)).size, 0);
      if (volumeBytes > volumeSize) throw new AppError('unexpected', t.volumeOverSize(volume, formatBytes(volumeBytes), formatBytes(volumeSize)));
      if (isoTool) {
        const isoFile = isoFileOf(resolve(input.iso!), volume, volumes.length);
        const partial = `${isoFile}.part-${process.pid}`;
        isoParts.push(partial);
        makeTreePrivate(volumeDir);
        writeIso(volumeDir, partial, `EZURNALS ${year.code}${split ? ` ${volume}` : ''}`, isoTool);
        chmodSync(partial, PRIVATE_FILE_MODE);
        const bytes = statSync(partial).size;
        if (bytes > volumeSize) throw new AppError('invalid', t.isoOverSize(volume, formatBytes(bytes), formatBytes(volumeSize)));
        result.iso.push({ file: isoFile, bytes });
      }
    }
    if (split) for (const folder of FOLDER_ORDER) rmSync(join(work, folder.name), { recursive: true, force: true });
    for (const row of result.folders) {
      result.files += row.files;
      result.bytes += row.bytes;
      result.pages += row.pages;
    }

    // Written by several hands (the printer, the table writer, writeFileSync): every folder 0700 and every file 0600, whatever the umask.
    makeTreePrivate(work);
    // The finished archive takes its place only now; a replaced one goes last.
    const replaced = existsSync(out) ? `${work}.replaced` : null;
    if (replaced) renameSync(out, replaced);
    renameSync(work, out);
    if (replaced) rmSync(replaced, { recursive: true, force: true });
    result.iso.forEach((image, i) => renameSync(isoParts[i]!, image.file));
    isoParts.length = 0;
    return result;
  } finally {
    cleanUp();
    process.off('exit', cleanUp).off('SIGINT', interrupted).off('SIGTERM', interrupted);
  }
}
