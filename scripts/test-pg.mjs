// The suite on PostgreSQL (issue 15): starts a throwaway server (initdb into
// a temporary folder, pg_ctl on a private port and socket; about 2 s), makes
// the template database every test database is copied from (one migrated,
// empty school `test`, C collation), runs scripts/test-shards.mjs against it
// with EZURNALS_TEST_PG set, and removes the server. Test files tagged
// `// @sqlite-only: why` in their first lines are skipped. Arguments are
// passed on to test-shards.mjs (a file pattern).
//
// EZURNALS_TEST_PG set already: that server is used, and left as it is.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

function binDir() {
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

let stop = () => {};
let url = process.env.EZURNALS_TEST_PG;
if (!url) {
  const bin = binDir();
  const root = userInfo().uid === 0;
  // initdb refuses to run as root: the server runs as the postgres user.
  const as = (command, args) => (root ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]);
  const dir = mkdtempSync(join(tmpdir(), 'ezurnals-pg-'));
  if (root) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })));
  const data = join(dir, 'data');
  const port = await freePort();
  const run = (command, args) => {
    const [c, a] = as(command, args);
    execFileSync(c, a, { stdio: ['ignore', 'ignore', 'inherit'] });
  };
  run(join(bin, 'initdb'), ['-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '-D', data]);
  run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`, 'start']);
  stop = () => {
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  url = `postgres://postgres@127.0.0.1:${port}`;
}
process.on('SIGINT', () => {
  stop();
  process.exit(130);
});

let code = 1;
try {
  const env = { ...process.env, EZURNALS_TEST_PG: url };
  const psql = (sql) => execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', `${url}/postgres`, '-c', sql], { stdio: ['ignore', 'ignore', 'inherit'] });
  psql(`create database ezt_template template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`);
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/pg-template.mts'), `${url}/ezt_template?school=test`], { cwd: ROOT, env, stdio: 'inherit' });
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/test-shards.mjs'), ...process.argv.slice(2)], { cwd: ROOT, env, stdio: 'inherit' });
  code = result.status ?? 1;
} finally {
  stop();
}
process.exit(code);
