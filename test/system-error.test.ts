// Failures of the machine as one line with an exit code (src/system-error.ts), by error code.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AppError } from '../src/errors.ts';
import { systemFailure } from '../src/system-error.ts';

const errno = (code: string, syscall: string, path?: string) => Object.assign(new Error(`${code}: …`), { code, syscall, path });

const cases: [string, unknown, string, RegExp][] = [
  ['a full disk', errno('ENOSPC', 'write', '/mnt/x.csv'), 'unexpected', /^Cannot write \/mnt\/x\.csv: the disk is full\.$/],
  ['a used-up quota', errno('EDQUOT', 'write', '/home/a/x'), 'unexpected', /disk quota/],
  ['a read-only file system', errno('EROFS', 'open', '/cd/x.csv'), 'forbidden', /^Cannot write \/cd\/x\.csv: the file system is read-only\.$/],
  ['no permission', errno('EACCES', 'open', '/etc/x'), 'forbidden', /permission denied/],
  ['a missing folder', errno('ENOENT', 'open', '/nonexistent/x'), 'not_found', /the folder \/nonexistent does not exist/],
  ['a file as a folder', errno('ENOTDIR', 'open', '/dev/null/x'), 'not_found', /is a file, not a folder/],
  ['a folder as a file', errno('EISDIR', 'open', 'out'), 'usage', /it is a folder/],
  ['a name too long', errno('ENAMETOOLONG', 'open', 'x'.repeat(300)), 'usage', /too long/],
  ['a file in the way of a folder', errno('EEXIST', 'mkdir', 'reports'), 'conflict', /^Cannot create the folder reports: a file/],
  ['SQLite: the disk is full', Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }), 'unexpected', /^Cannot write the database: the disk is full; nothing was changed\.$/],
  ['SQLite: a read-only database', Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' }), 'forbidden', /read-only.*nothing was changed/],
  ['SQLite: a damaged page', Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' }), 'invalid', /^The database is damaged \(SQLite: database disk image is malformed\)/],
  ['SQLite: no room for the -shm file', Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_SHMSIZE' }), 'unexpected', /shared-memory file.*the disk is full/],
  ['SQLite: an I/O error', Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' }), 'unexpected', /Input\/output error/],
];

for (const [label, error, code, message] of cases) {
  test(label, () => {
    const failure = systemFailure(error);
    assert.ok(failure instanceof AppError, `${label}: not recognised`);
    assert.is(failure!.code, code);
    assert.match(failure!.message, message);
    assert.not.match(failure!.message, /\n/, 'one line');
  });
}

test('a named database file is named in the message', () => {
  assert.match(systemFailure(Object.assign(new Error('x'), { code: 'SQLITE_FULL' }), 'the copy /a/b.sqlite')!.message, /^Cannot write the copy \/a\/b\.sqlite: the disk is full\.$/);
});

test('a bug, an AppError or a non-error is no failure of the machine: it keeps its own path', () => {
  assert.is(systemFailure(new TypeError('x is undefined')), undefined);
  assert.is(systemFailure(new AppError('invalid', 'x')), undefined);
  assert.is(systemFailure('text'), undefined);
  assert.is(systemFailure(Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' })), undefined);
});

test.run();
