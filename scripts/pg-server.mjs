// A throwaway PostgreSQL server for the suite on PostgreSQL (scripts/test-pg.mjs)
// and the PostgreSQL benchmark (bench/pg.mjs): initdb into a temporary folder
// (as the postgres user when we are root: initdb refuses root), pg_ctl on a
// free port of 127.0.0.1 with the socket in that folder (about 2 s). stop()
// stops it (immediate) and removes the folder; it is safe to call twice.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/** The newest server binaries installed by Debian's postgresql package. */
export function binDir() {
  for (const version of ['17', '16', '15', '14']) {
    const dir = `/usr/lib/postgresql/${version}/bin`;
    if (existsSync(join(dir, 'initdb'))) return dir;
  }
  throw new Error('No PostgreSQL server binaries (initdb) found under /usr/lib/postgresql: install the postgresql package.');
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The suite's settings: nothing it writes needs to survive a crash. */
export const THROWAWAY_SETTINGS = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '200' };

/**
 * Starts a server; `settings` are passed as `-c name=value` (default: THROWAWAY_SETTINGS).
 * Returns { url: 'postgres://postgres@127.0.0.1:PORT' (no database), port, dir, version, stop }.
 */
export async function startServer({ settings = THROWAWAY_SETTINGS } = {}) {
  const bin = binDir();
  const root = userInfo().uid === 0;
  // initdb refuses to run as root: the server runs as the postgres user.
  const as = (command, args) => (root ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]);
  const dir = mkdtempSync(join(tmpdir(), 'ezurnals-pg-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const data = join(dir, 'data');
  const run = (command, args) => {
    const [c, a] = as(command, args);
    execFileSync(c, a, { stdio: ['ignore', 'ignore', 'inherit'] });
  };
  let port;
  try {
    if (root) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })));
    port = await freePort();
    run(join(bin, 'initdb'), ['-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '-D', data]);
    const options = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(' ');
    run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-o', options, 'start']);
  } catch (error) {
    // A server that did start (pg_ctl -w timed out) is stopped too.
    if (existsSync(join(data, 'postmaster.pid'))) {
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      } catch {}
    }
    remove();
    throw error;
  }
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
    } finally {
      remove();
    }
  };
  return { url: `postgres://postgres@127.0.0.1:${port}`, port, dir, version: bin.split('/').at(-2), stop };
}
