import { dirname } from 'node:path';
import { AppError, type ErrorCode } from './errors.ts';
import { m as t } from './i18n/messages/system.ts';

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

/** What the failed system call was doing, as a verb of the running language (src/i18n/messages/system.ts). */
function verbOf(syscall: unknown): string {
  return (typeof syscall === 'string' && t.verbs[syscall]) || t.verbs.write!;
}

/** A Node.js file-system error as one line, or undefined when it is none. */
function fileSystemFailure(error: Errno): AppError | undefined {
  const code = typeof error.code === 'string' ? error.code : '';
  const path = typeof error.dest === 'string' ? error.dest : typeof error.path === 'string' ? error.path : undefined;
  const what = path === undefined ? t.aFile : path;
  const cannot = t.cannot(verbOf(error.syscall), what);
  const fail = (exit: ErrorCode, message: string) => new AppError(exit, message);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return fail('unexpected', t.diskFull(cannot, code === 'EDQUOT'));
    case 'EROFS':
      return fail('forbidden', t.readOnlyFs(cannot));
    case 'EACCES':
    case 'EPERM':
      return fail('forbidden', t.permissionDenied(cannot));
    case 'ENOENT':
      return fail('not_found', path === undefined ? t.noSuchFile(cannot) : t.noFolder(cannot, dirname(path)));
    case 'ENOTDIR':
      return fail('not_found', t.notDir(cannot));
    case 'EEXIST':
      return fail('conflict', t.inTheWay(cannot));
    case 'EISDIR':
      return fail('usage', t.isDir(cannot));
    case 'ENAMETOOLONG':
      return fail('usage', t.nameTooLongFs(cannot));
    case 'EIO':
      return fail('unexpected', t.ioError(cannot));
    default:
      return undefined;
  }
}

/** A better-sqlite3 error (its code is SQLite's extended result code, e.g. SQLITE_READONLY_DBMOVED). */
function sqliteFailure(error: Errno, named: string | undefined): AppError | undefined {
  const code = typeof error.code === 'string' ? error.code : '';
  if (!code.startsWith('SQLITE_')) return undefined;
  const database = named ?? t.theDatabase;
  const isDatabase = named === undefined;
  const detail = typeof error.message === 'string' ? ` (SQLite: ${error.message})` : '';
  if (code === 'SQLITE_FULL') return new AppError('unexpected', t.sqliteFull(database, isDatabase));
  if (code.startsWith('SQLITE_READONLY'))
    return new AppError('forbidden', t.sqliteReadOnly(database));
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return new AppError('invalid', t.sqliteCorrupt(database, detail));
  // The shared-memory file beside a WAL database could not grow: on a tmpfs or a full disk that is the disk being full.
  if (code === 'SQLITE_IOERR_SHMSIZE' || code === 'SQLITE_IOERR_SHMMAP')
    return new AppError('unexpected', t.sqliteShm(database, code, isDatabase));
  if (code.startsWith('SQLITE_IOERR')) return new AppError('unexpected', t.sqliteIo(database, detail));
  if (code.startsWith('SQLITE_CANTOPEN')) return new AppError('forbidden', t.sqliteCantOpen(database, detail));
  return undefined;
}

/**
 * The one-line account of a failure of the machine, or undefined when the
 * error is something else (a bug, which keeps its stack). `database` names the
 * SQLite file in messages, when known.
 */
export function systemFailure(error: unknown, database?: string): AppError | undefined {
  if (error instanceof AppError || typeof error !== 'object' || error === null) return undefined;
  const errno = error as Errno;
  return fileSystemFailure(errno) ?? sqliteFailure(errno, database);
}
