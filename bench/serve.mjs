// The web diary under load (issue 16), on the demo school: the real bin's
// `ezurnals serve`, 200 signed-in guardian sessions browsing the week and
// the grades pages of their own children, measured with autocannon.
//
// - Sign-in is measured apart: 200 sign-ins with the demo's SMS passwords
//   (generated: scrypt 2^10), and a few with a chosen password (2^17, the
//   cost a person's own password gets).
// - The 200 sessions then browse, first paced like people (each session a
//   page every second: 200 req/s offered), then with no pause at all (the
//   server's ceiling). Latency percentiles are computed from every response.
// - RSS is the server process's, sampled every 100 ms.
//
// The demo's SMS passwords are temporary: a first sign-in must replace them
// (scrypt 2^17, ~1 s of CPU each). The bench does not spend 200 of those:
// it marks the sessions' guardians as having chosen their password, in its
// own copy of the demo database. Usage: npm run bench:serve [-- --seconds 15]
import { execFileSync, spawn } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'ezurnals.js');
const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 15);
const SESSIONS = arg('sessions', 200);

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (x) => `${x.toFixed(1)} ms`;

function rssOf(pid) {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

/** One browser's cookies, for plain fetch. */
function cookieJar() {
  const jar = new Map();
  return {
    header: () => [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
    keep(response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const at = pair.indexOf('=');
        jar.set(pair.slice(0, at), pair.slice(at + 1));
      }
    },
  };
}

/** `client`: the address a reverse proxy would pass on (the server runs with --trust-proxy). */
async function signIn(base, username, password, client = '10.0.0.1') {
  const jar = cookieJar();
  const form = await fetch(`${base}/`);
  jar.keep(form);
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())[1];
  const started = performance.now();
  const response = await fetch(`${base}/`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header(), 'x-forwarded-for': client },
    body: new URLSearchParams({ _csrf: token, username, password }).toString(),
  });
  const took = performance.now() - started;
  jar.keep(response);
  if (response.status !== 303) throw new Error(`sign-in of ${username}: HTTP ${response.status}`);
  return { jar, took, location: response.headers.get('location') };
}

async function inBatches(items, size, work) {
  const out = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return out;
}

function load(base, sessions, options) {
  return new Promise((resolve, reject) => {
    let next = 0;
    const times = [];
    const statuses = new Map();
    const instance = autocannon(
      {
        url: base,
        connections: sessions.length,
        duration: SECONDS,
        ...options,
        requests: [
          {
            // Each connection is one session: it keeps its cookie and its child, and walks the weeks.
            setupRequest: (request, context) => {
              context.session ??= sessions[next++ % sessions.length];
              context.n = (context.n ?? 0) + 1;
              const s = context.session;
              const week = `2026-${String(9 + (context.n % 3)).padStart(2, '0')}-${String(7 + (context.n % 20)).padStart(2, '0')}`;
              const path = context.n % 2 ? `/skolens/${s.child}/nedela?diena=${week}` : `/skolens/${s.child}/sekmes`;
              return { ...request, method: 'GET', path, headers: { cookie: s.cookie } };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve({ result, times: times.sort((a, b) => a - b), statuses })),
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      times.push(responseTime);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
  });
}

/**
 * People, not a metronome: each session asks for a page once a second, the
 * 200 sessions' clicks spread evenly over the second (session i starts at
 * i/200 s, then keeps its own one-second beat, with a little jitter). autocannon's
 * connectionRate starts every connection on the same tick, so its "paced" load
 * is 200 requests in one burst each second: that worst case is reported too.
 */
function spreadLoad(base, sessions) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sessions.length });
  const url = new URL(base);
  const times = [];
  const statuses = new Map();
  const result = { errors: 0, timeouts: 0 };
  const end = performance.now() + SECONDS * 1000;
  const get = (path, cookie) =>
    new Promise((resolve) => {
      const started = performance.now();
      const request = http.get({ host: url.hostname, port: url.port, path, agent, headers: { cookie } }, (response) => {
        response.resume();
        response.on('end', () => {
          times.push(performance.now() - started);
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          resolve();
        });
      });
      request.setTimeout(10_000, () => {
        result.timeouts++;
        request.destroy();
      });
      request.on('error', () => {
        result.errors++;
        resolve();
      });
    });
  const session = async (s, i) => {
    let due = performance.now() + (i * 1000) / sessions.length;
    for (let n = 1; ; n++) {
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (performance.now() >= end) return;
      const week = `2026-${String(9 + (n % 3)).padStart(2, '0')}-${String(7 + (n % 20)).padStart(2, '0')}`;
      await get(n % 2 ? `/skolens/${s.child}/nedela?diena=${week}` : `/skolens/${s.child}/sekmes`, s.cookie);
      due += 900 + Math.random() * 200;
    }
  };
  return Promise.all(sessions.map(session)).then(() => {
    agent.destroy();
    return { result, times: times.sort((a, b) => a - b), statuses };
  });
}

function report(label, { result, times, statuses }, rss) {
  const ok = statuses.get(200) ?? 0;
  const bad = [...statuses].filter(([s]) => s !== 200).map(([s, n]) => `${n}×${s}`).join(', ');
  console.log(
    `${label}: ${(times.length / SECONDS).toFixed(0)} req/s; latency p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, p99 ${ms(percentile(times, 99))}, max ${ms(times.at(-1))}; ` +
      `${ok} × 200${bad ? `, not 200: ${bad}` : ''}; errors ${result.errors}, timeouts ${result.timeouts}; server RSS peak ${rss.toFixed(0)} MiB`,
  );
  return { p95: percentile(times, 95), failures: result.errors + result.timeouts + (times.length - ok) };
}

const work = mkdtempSync(join(tmpdir(), 'ezurnals-bench-serve-'));
let server;
try {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  delete env.EZURNALS_USER;
  execFileSync(process.execPath, [BIN, 'demo', '--dir', work, '--force'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const dbPath = join(work, 'ezurnals.db');

  // The guardians' SMS passwords, and the bench's stand-in for their first change of password.
  const { openDatabase, inTransaction } = await import('../src/db/connection.ts');
  const db = await openDatabase(dbPath);
  const rows = await db
    .selectFrom('sms_outbox as m')
    .innerJoin('account as a', 'a.id', 'm.account_id')
    .innerJoin('student_guardian as l', 'l.guardian_id', 'a.person_id')
    .select(['a.id', 'a.username', 'm.body', 'm.secret_from', 'm.secret_length', 'l.student_id'])
    .where('a.kind', '=', 'guardian')
    .where('m.state', '=', 'queued')
    .orderBy('a.id')
    .execute();
  const byAccount = new Map();
  for (const r of rows) if (!byAccount.has(r.id) && r.username !== 'haralds.abele') byAccount.set(r.id, { username: r.username, password: r.body.slice(r.secret_from, r.secret_from + r.secret_length), child: r.student_id });
  const guardians = [...byAccount.values()];
  await inTransaction(db, (trx) => trx.updateTable('account').set({ password_chosen_at: '2026-09-01T08:00:00+03:00' }).where('kind', '=', 'guardian').where('password_chosen_at', 'is', null).where('username', '!=', 'haralds.abele').execute(), { command: 'bench:serve (passwords taken as chosen)' });
  await db.destroy();
  console.error(`demo school: ${guardians.length} guardians with a profile; ${SESSIONS} sessions; load ${loadavg()[0].toFixed(1)}`);

  // Behind a reverse proxy, as in production: the sign-in rate limit (10 a minute) is per client
  // address, which the bench's sessions pass in X-Forwarded-For, one address per session.
  server = spawn(process.execPath, [BIN, 'serve', '--db', dbPath, '--port', '0', '--trust-proxy'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no URL: ${stderr}`)), 30_000);
    server.stderr.on('data', (d) => {
      stderr += d;
      const m = /is at (http:\/\/[^ ]+?)\/? /.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/$/, ''));
      }
    });
  });
  let rssPeak = 0;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssOf(server.pid))), 100);
  const rssIdle = rssOf(server.pid);

  // Sign-in, measured apart: the generated SMS passwords, 8 at a time.
  const wanted = Array.from({ length: SESSIONS }, (_, i) => ({ ...guardians[i % guardians.length], client: `10.1.${i >> 8}.${i & 255}` }));
  const signIns = [];
  const started = performance.now();
  const sessions = await inBatches(wanted, 8, async (g) => {
    const s = await signIn(base, g.username, g.password, g.client);
    signIns.push(s.took);
    return { cookie: s.jar.header(), child: g.child };
  });
  const signInSeconds = (performance.now() - started) / 1000;
  signIns.sort((a, b) => a - b);
  console.log(`sign-in (SMS password, scrypt 2^10), ${SESSIONS} of them 8 at a time: ${(SESSIONS / signInSeconds).toFixed(0)}/s; p50 ${ms(percentile(signIns, 50))}, p95 ${ms(percentile(signIns, 95))}, max ${ms(signIns.at(-1))}`);

  // A chosen password (scrypt 2^17): the demo guardian changes theirs once, then signs in a few times.
  const first = await signIn(base, 'haralds.abele', 'Demo-parole-2026', '10.2.0.1');
  const page = await fetch(`${base}/parole`, { headers: { cookie: first.jar.header() } });
  first.jar.keep(page);
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())[1];
  const chosen = 'Bench-parole-2026!';
  const changed = await fetch(`${base}/parole`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: first.jar.header() }, body: new URLSearchParams({ _csrf: token, current: 'Demo-parole-2026', password: chosen, repeat: chosen }).toString() });
  if (changed.status !== 200) throw new Error(`password change: HTTP ${changed.status}`);
  const slow = [];
  for (let i = 0; i < 3; i++) slow.push((await signIn(base, 'haralds.abele', chosen, '10.2.0.1')).took);
  slow.sort((a, b) => a - b);
  console.log(`sign-in (chosen password, scrypt 2^17), 3 one after another: p50 ${ms(percentile(slow, 50))}, max ${ms(slow.at(-1))}`);

  const afterSignIn = rssPeak;
  rssPeak = 0;
  const pacedRun = await spreadLoad(base, sessions);
  const paced = report(`browsing, ${SESSIONS} sessions at 1 page/s each, clicks spread over the second (${SECONDS} s)`, pacedRun, rssPeak);
  rssPeak = 0;
  const burstRun = await load(base, sessions, { connectionRate: 1 });
  report(`worst case: ${SESSIONS} sessions at 1 page/s in lockstep, all in one burst each second (autocannon connectionRate; ${SECONDS} s)`, burstRun, rssPeak);
  rssPeak = 0;
  const saturatedRun = await load(base, sessions, {});
  const saturated = report(`browsing, ${SESSIONS} sessions with no pause (${SECONDS} s)`, saturatedRun, rssPeak);
  clearInterval(sampler);
  console.log(`server RSS: ${rssIdle.toFixed(0)} MiB after start, ${afterSignIn.toFixed(0)} MiB peak while signing in (scrypt 2^17 takes 128 MiB)`);
  console.log(`targets (paced): p95 < 150 ms → ${paced.p95 < 150 ? 'met' : 'MISSED'}; 0 errors → ${paced.failures === 0 && saturated.failures === 0 ? 'met' : 'MISSED'}`);
} finally {
  server?.kill('SIGTERM');
  await new Promise((resolve) => (server ? server.once('exit', resolve) : resolve()));
  rmSync(work, { recursive: true, force: true });
}
