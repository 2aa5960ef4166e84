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
import { join } from 'node:path';
import { startServer } from './pg-server.mjs';

const ROOT = join(import.meta.dirname, '..');

let stop = () => {};
let url = process.env.EZURNALS_TEST_PG;
if (!url) ({ url, stop } = await startServer());
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
