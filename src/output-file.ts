import { existsSync, lstatSync, readlinkSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from './errors.ts';
import { writePrivateFile } from './private-file.ts';
import { m as t } from './i18n/messages/files-import.ts';

/**
 * Whether a file the user named may be written: checked before the database
 * is opened, so a command that cannot write its output does nothing at all.
 * A folder is never a file to write. A symbolic link, even one pointing
 * nowhere, counts as an existing file: without `force` it is refused, and
 * with `force` it is replaced by the file, never written through (see
 * writeOutputFile).
 */
export function checkOutputFile(path: string, force = false): void {
  const folder = dirname(resolve(path));
  if (!existsSync(folder)) throw new AppError('not_found', t.noFolder(path, folder));
  if (!statSync(folder).isDirectory()) throw new AppError('not_found', t.notAFolder(path, folder));
  let entry;
  try {
    entry = lstatSync(path);
  } catch {
    return;
  }
  if (entry.isDirectory()) throw new AppError('usage', t.isAFolder(path));
  if (force) return;
  if (entry.isSymbolicLink()) throw new AppError('conflict', t.isALink(path, readlinkSync(path)));
  throw new AppError('conflict', t.fileExists(path));
}

/**
 * Writes a file of personal data (mode 0600) whole or not at all: into a
 * temporary file beside it, renamed over the target at the end. A full disk
 * leaves the target as it was and no partial file; a symbolic link or a hard
 * link at the target is replaced, so no other file is ever written or chmod-ed
 * through it.
 */
export function writeOutputFile(path: string, content: string | Uint8Array): void {
  const partial = join(dirname(resolve(path)), `.${basename(path)}.part-${process.pid}`);
  try {
    rmSync(partial, { force: true });
    writePrivateFile(partial, content);
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    // The user named the target, not the temporary file.
    const errno = error as NodeJS.ErrnoException;
    if (errno.path === partial) errno.path = path;
    throw error;
  }
}
