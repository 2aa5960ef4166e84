import { dirname } from 'node:path';
import { AppError, type ErrorCode } from './errors.ts';

/**
 * Failures of the machine rather than of the journal: a full disk, a
 * read-only file or file system, a folder that does not exist, a damaged
 * database. They reach the user as one line naming the cause (never a stack
 * trace), with an exit code scripts can branch on: a path the user named that
 * is wrong is 3 (missing) or 2 (not usable as given), a permission is 5, a
 * damaged database 4, and a full disk or an I/O error 1, since no different
 * input would have helped.
 */
interface Errno {
  code?: unknown;
  syscall?: unknown;
  path?: unknown;
  dest?: unknown;
  message?: unknown;
}

const VERBS: Record<string, string> = {
  open: 'write',
  write: 'write',
  mkdir: 'create the folder',
  rename: 'rename',
  unlink: 'remove',
  rmdir: 'remove',
  copyfile: 'copy to',
  chmod: 'set the permissions of',
  scandir: 'read the folder',
  stat: 'read',
  lstat: 'read',
  read: 'read',
};

function verbOf(syscall: unknown): string {
  return (typeof syscall === 'string' && VERBS[syscall]) || 'write';
}

/** A Node.js file-system error as one line, or undefined when it is none. */
function fileSystemFailure(error: Errno): AppError | undefined {
  const code = typeof error.code === 'string' ? error.code : '';
  const path = typeof error.dest === 'string' ? error.dest : typeof error.path === 'string' ? error.path : undefined;
  const what = path === undefined ? 'a file' : path;
  const cannot = `Cannot ${verbOf(error.syscall)} ${what}`;
  const fail = (exit: ErrorCode, message: string) => new AppError(exit, message);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return fail('unexpected', `${cannot}: the disk is full${code === 'EDQUOT' ? ' (the disk quota is used up)' : ''}.`);
    case 'EROFS':
      return fail('forbidden', `${cannot}: the file system is read-only.`);
    case 'EACCES':
    case 'EPERM':
      return fail('forbidden', `${cannot}: permission denied.`);
    case 'ENOENT':
      return fail('not_found', path === undefined ? `${cannot}: no such file or folder.` : `${cannot}: the folder ${dirname(path)} does not exist.`);
    case 'ENOTDIR':
      return fail('not_found', `${cannot}: a part of the path is a file, not a folder.`);
    case 'EEXIST':
      return fail('conflict', `${cannot}: a file of that name is in the way.`);
    case 'EISDIR':
      return fail('usage', `${cannot}: it is a folder; name a file.`);
    case 'ENAMETOOLONG':
      return fail('usage', `${cannot}: the file name is too long for the file system.`);
    case 'EIO':
      return fail('unexpected', `${cannot}: input/output error (a failing disk or medium).`);
    default:
      return undefined;
  }
}

/** A better-sqlite3 error (its code is SQLite's extended result code, e.g. SQLITE_READONLY_DBMOVED). */
function sqliteFailure(error: Errno, database: string): AppError | undefined {
  const code = typeof error.code === 'string' ? error.code : '';
  if (!code.startsWith('SQLITE_')) return undefined;
  const detail = typeof error.message === 'string' ? ` (SQLite: ${error.message})` : '';
  if (code === 'SQLITE_FULL') return new AppError('unexpected', `Cannot write ${database}: the disk is full${database === 'the database' ? '; nothing was changed' : ''}.`);
  if (code.startsWith('SQLITE_READONLY'))
    return new AppError('forbidden', `Cannot write ${database}: it is read-only (the file's or its folder's permissions, or a read-only file system); nothing was changed.`);
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return new AppError('invalid', `${capitalised(database)} is damaged${detail}: restore it from a backup or an archive.`);
  // The shared-memory file beside a WAL database could not grow: on a tmpfs or a full disk that is the disk being full.
  if (code === 'SQLITE_IOERR_SHMSIZE' || code === 'SQLITE_IOERR_SHMMAP')
    return new AppError('unexpected', `Cannot write ${database}: no room for its shared-memory file (${code}) — the disk is full${database === 'the database' ? '; nothing was changed' : ''}.`);
  if (code.startsWith('SQLITE_IOERR')) return new AppError('unexpected', `Input/output error on ${database}${detail}; nothing was changed.`);
  if (code.startsWith('SQLITE_CANTOPEN')) return new AppError('forbidden', `Cannot open ${database}${detail}: check that its folder exists and may be written.`);
  return undefined;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The one-line account of a failure of the machine, or undefined when the
 * error is something else (a bug, which keeps its stack). `database` names the
 * SQLite file in messages, when known.
 */
export function systemFailure(error: unknown, database = 'the database'): AppError | undefined {
  if (error instanceof AppError || typeof error !== 'object' || error === null) return undefined;
  const errno = error as Errno;
  return fileSystemFailure(errno) ?? sqliteFailure(errno, database);
}
