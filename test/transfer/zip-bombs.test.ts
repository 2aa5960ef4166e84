// Hostile zips for `import oneroster`: zip bombs whose entries inflate to
// gigabytes, an entry that inflates past its declared size, and archives of
// thousands of entries. Built here by hand (raw deflate from node:zlib and
// hand-written ZIP headers), a few MB each; the bin must refuse every one
// with exit 4 and stay under 300 MB of memory while doing so.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import { ZIP_LIMITS, readZip } from '../../src/transfer/zip.ts';
import { BIN } from '../support/cli.ts';
import { tempDir } from '../support/school.ts';
import { ONEROSTER_FIXTURES } from '../fixtures/oneroster/make-zip.ts';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/**
 * Raw deflate data for `mib` MiB of one repeated byte, made without ever
 * holding them: one MiB compressed and sync-flushed (non-final, ending on a
 * byte boundary) can be repeated, since every back-reference in it points at
 * the same byte; an empty final block ends the stream.
 */
function deflatedRepeat(mib: number, byte = 0x61): Buffer {
  const block = deflateRawSync(Buffer.alloc(MiB, byte), { finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array<Buffer>(mib).fill(block), Buffer.from([0x03, 0x00])]);
}

interface RawEntry {
  name: string;
  /** Stored data (method 0) or raw deflate (method 8). */
  data: Buffer;
  method: 0 | 8;
  /** The unzipped size the headers declare. */
  declared: number;
}

/** A ZIP written header by header, sizes as given (CRCs are zero: the reader relies on sizes). */
function handZip(entries: readonly RawEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declared, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x800, 8);
    dir.writeUInt16LE(e.method, 10);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.declared, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, name, e.data);
    central.push(dir, name);
    offset += 30 + name.length + e.data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dir, end]);
}

const manifest = (): RawEntry => {
  const text = readFileSync(join(ONEROSTER_FIXTURES, 'school', 'manifest.csv'));
  return { name: 'manifest.csv', data: text, method: 0, declared: text.length };
};

const t = tempDir('ezurnals-zipbomb-');
test.before(() => {
  const init = spawnSync(process.execPath, [BIN, 'init', '--school', 'Bumbu skola', '--year', '2026/2027'], { env: { ...process.env, EZURNALS_DB: t.dbPath } });
  assert.is(init.status, 0, String(init.stderr));
});
test.after(() => t.cleanup());

/** The real bin on ZIP, under /usr/bin/time: exit code, stderr and the peak RSS in MB. */
function importZip(zip: Buffer, label: string): { code: number; stderr: string; rssMb: number } {
  const file = join(t.dir, `${label}.zip`);
  writeFileSync(file, zip);
  const r = spawnSync('/usr/bin/time', ['-f', 'MAXRSS_KB=%M', process.execPath, BIN, 'import', 'oneroster', file, '--json'], {
    env: { ...process.env, EZURNALS_DB: t.dbPath, EZURNALS_USER: 'admin', EZURNALS_LANG: 'en' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  const kb = Number(/MAXRSS_KB=(\d+)/.exec(r.stderr)?.[1]);
  const rssMb = Math.round(kb / 1024);
  console.log(`  ${label}: ${(zip.length / MiB).toFixed(1)} MB zip → exit ${r.status}, peak RSS ${rssMb} MB`);
  return { code: r.status ?? -1, stderr: r.stderr, rssMb };
}

test('four entries of 1 GiB each (a 4 MB zip): refused by their declared total before anything is inflated, under 300 MB', () => {
  const bomb = deflatedRepeat(1024);
  const names = ['users.csv', 'enrollments.csv', 'classes.csv', 'results.csv'];
  const zip = handZip([manifest(), ...names.map((name): RawEntry => ({ name, data: bomb, method: 8, declared: GiB }))]);
  assert.ok(zip.length < 6 * MiB, `${zip.length}`);
  const r = importZip(zip, 'four-gib');
  assert.is(r.code, 4, r.stderr);
  assert.match(r.stderr, /unzips to 4,096 MiB, more than the 32 MiB a OneRoster package may hold/);
  assert.ok(r.rssMb < 300, `peak RSS ${r.rssMb} MB`);
});

test('an entry declaring 1,000 bytes that inflates to 1 GiB: stopped at the declared size, under 300 MB', () => {
  const zip = handZip([manifest(), { name: 'users.csv', data: deflatedRepeat(1024), method: 8, declared: 1000 }]);
  const r = importZip(zip, 'lying-size');
  assert.is(r.code, 4, r.stderr);
  assert.match(r.stderr, /users\.csv: the ZIP entry unzips to more than the 1,000 bytes its header declares/);
  assert.ok(r.rssMb < 300, `peak RSS ${r.rssMb} MB`);
});

test('more entries than a package may hold are refused', () => {
  const entries: RawEntry[] = [manifest()];
  for (let i = 0; i < ZIP_LIMITS.entries + 1; i++) entries.push({ name: `x/${i}.txt`, data: Buffer.from('x'), method: 0, declared: 1 });
  const r = importZip(handZip(entries), 'many-entries');
  assert.is(r.code, 4, r.stderr);
  assert.match(r.stderr, /holds 1,002 entries, more than the 1,000/);
});

/** users.csv of `rows` copies of `row` (deflated), with the manifest. */
function usersZip(row: string, rows: number): Buffer {
  const header = 'sourcedId,enabledUser,orgSourcedIds,role,username,givenName,familyName\n';
  const bytes = Buffer.from(header + row.repeat(rows));
  return handZip([manifest(), { name: 'users.csv', data: deflateRawSync(bytes), method: 8, declared: bytes.length }]);
}

test('more CSV values than one import may read (1 MB of zip, 32 MiB of one-letter cells): refused before parsing', () => {
  const r = importZip(usersZip('a,a,a,a,a,a,a\n', Math.floor((ZIP_LIMITS.totalBytes - MiB) / 14)), 'tiny-values');
  assert.is(r.code, 4, r.stderr);
  assert.match(r.stderr, /CSV values, more than the 1,000,000 one import may read/);
  assert.ok(r.rssMb < 300, `peak RSS ${r.rssMb} MB`);
});

test('the worst a zip inside the limits can do stays under 300 MB: a million tiny values, or 31 MiB of long ones', () => {
  const tiny = importZip(usersZip('a,a,a,a,a,a,a\n', Math.floor(ZIP_LIMITS.csvValues / 7) - 10), 'limit-values');
  assert.is(tiny.code, 4, 'refused for its content');
  assert.ok(tiny.rssMb < 300, `peak RSS ${tiny.rssMb} MB`);
  const long = `${'ā'.repeat(4000)},t,o,student,u,${'Ž'.repeat(4000)},x\n`;
  const big = importZip(usersZip(long, Math.floor((ZIP_LIMITS.totalBytes - MiB) / Buffer.byteLength(long))), 'limit-bytes');
  assert.is(big.code, 4, 'refused for its content');
  assert.ok(big.rssMb < 300, `peak RSS ${big.rssMb} MB`);
});

test('the reader itself refuses an entry that inflates past its declared size, naming it', () => {
  const zip = handZip([{ name: 'a.csv', data: deflatedRepeat(2), method: 8, declared: 1000 }]);
  assert.throws(() => readZip(zip, 'b.zip'), /b\.zip: a\.csv: the ZIP entry unzips to more than the 1,000 bytes its header declares/);
  const truncated = handZip([{ name: 'a.csv', data: Buffer.from('abc'), method: 0, declared: 3 }]);
  truncated.writeUInt32LE(3000, truncated.length - 22 - 46 - 5 + 20); // central directory: compressed size past the end
  assert.throws(() => readZip(truncated, 'c.zip'), /damaged/);
});

test.run();
