import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { judgeDatabaseFiles, type DatabaseFiles, type PathFacts } from '../../src/domain/database-files.ts';

const OWNER = 1000;
const OTHER = 1001;
const ROOT = 0;

const file = (path: string, mode: number, uid = OWNER): PathFacts => ({ path, mode, uid });
const db = (mode = 0o600, uid = OWNER) => file('/srv/skola/ezurnals.db', mode, uid);
const wal = (mode = 0o600, uid = OWNER) => file('/srv/skola/ezurnals.db-wal', mode, uid);
const shm = (mode = 0o600, uid = OWNER) => file('/srv/skola/ezurnals.db-shm', mode, uid);
const folder = (mode = 0o700, uid = OWNER) => file('/srv/skola', mode, uid);

type Expected = { refused: RegExp } | { readOnly: boolean; warnings: RegExp[] };

const cases: [string, DatabaseFiles, number, Expected][] = [
  ['the owner, all private', { database: db(), folder: folder() }, OWNER, { readOnly: false, warnings: [] }],
  ['the owner, with -wal and -shm', { database: db(), wal: wal(), shm: shm(), folder: folder() }, OWNER, { readOnly: false, warnings: [] }],
  ['a folder of root, 0755', { database: db(), folder: folder(0o755, ROOT) }, OWNER, { readOnly: false, warnings: [] }],
  ['a sticky world-writable folder (/tmp)', { database: db(), folder: folder(0o1777, ROOT) }, OWNER, { readOnly: false, warnings: [] }],
  ['others may read the database: a warning', { database: db(0o644), folder: folder(0o755) }, OWNER, { readOnly: false, warnings: [/Other users may read the database .*0644.*chmod 600 '\/srv\/skola\/ezurnals\.db'/] }],
  ['the group may read: a warning', { database: db(0o640), folder: folder() }, OWNER, { readOnly: false, warnings: [/may read/] }],
  ['the database group-writable', { database: db(0o660), folder: folder() }, OWNER, { refused: /The database .* may be written by users other than its owner .*chmod go-w '\/srv\/skola\/ezurnals\.db'/ }],
  ['the database world-writable', { database: db(0o606), folder: folder() }, OWNER, { refused: /chmod go-w/ }],
  ['the -wal world-writable', { database: db(), wal: wal(0o666), shm: shm(), folder: folder() }, OWNER, { refused: /WAL file .*ezurnals\.db-wal may be written .*chmod go-w '\/srv\/skola\/ezurnals\.db-wal'/ }],
  ['the -shm group-writable', { database: db(), wal: wal(), shm: shm(0o620), folder: folder() }, OWNER, { refused: /shared-memory file .*chmod go-w/ }],
  ['a -wal of another user', { database: db(), wal: wal(0o600, OTHER), shm: shm(), folder: folder() }, OWNER, { refused: /WAL file .* belongs to uid 1001, not to the database's owner \(uid 1000\).*chown 1000 '\/srv\/skola\/ezurnals\.db-wal'/ }],
  ['a -shm of root beside a user’s database', { database: db(), wal: wal(), shm: shm(0o600, ROOT), folder: folder() }, OWNER, { refused: /belongs to uid 0/ }],
  ['a folder others may write', { database: db(), folder: folder(0o777) }, OWNER, { refused: /The folder \/srv\/skola may be written by users other than its owner \(mode 0777\).*chmod go-w '\/srv\/skola'/ }],
  ['a folder the group may write', { database: db(), folder: folder(0o770) }, OWNER, { refused: /chmod go-w '\/srv\/skola'/ }],
  ['a folder of another user', { database: db(), folder: folder(0o700, OTHER) }, OWNER, { refused: /The folder .* belongs to uid 1001.*chown 1000 '\/srv\/skola'/ }],
  ['another user, no -wal yet: refused, nothing created', { database: db(0o644), folder: folder(0o755) }, OTHER, { refused: /belongs to uid 1000, and you are uid 1001: .*does not create its -wal and -shm.*sudo -u '#1000'/ }],
  ['root, not the owner, no -shm: refused too', { database: db(), wal: wal(), folder: folder() }, ROOT, { refused: /you are uid 0/ }],
  ['another user, -wal and -shm there: read-only, with the warning', { database: db(0o644), wal: wal(0o644), shm: shm(0o644), folder: folder(0o755) }, OTHER, { readOnly: true, warnings: [/may read/] }],
  ['root reading a user’s private database whose -wal and -shm are there: read-only', { database: db(), wal: wal(), shm: shm(), folder: folder() }, ROOT, { readOnly: true, warnings: [] }],
  ['a writable file is refused even for another reader', { database: db(0o666), wal: wal(), shm: shm(), folder: folder() }, OTHER, { refused: /chmod go-w/ }],
  ['a path with a quote is quoted for the shell', { database: file("/srv/o'skola/e.db", 0o664), folder: file("/srv/o'skola", 0o700) }, OWNER, { refused: /chmod go-w '\/srv\/o'\\''skola\/e\.db'/ }],
];

for (const [label, files, uid, expected] of cases) {
  test(label, () => {
    const verdict = judgeDatabaseFiles(files, uid);
    if ('refused' in expected) {
      assert.type(verdict.refused, 'string', 'refused');
      assert.match(verdict.refused!, expected.refused);
    } else {
      assert.is(verdict.refused, null, `not refused: ${verdict.refused}`);
      if (verdict.refused !== null) return;
      assert.is(verdict.readOnly, expected.readOnly);
      assert.is(verdict.warnings.length, expected.warnings.length, verdict.warnings.join(' | '));
      expected.warnings.forEach((w, i) => assert.match(verdict.warnings[i]!, w));
    }
  });
}

test.run();
