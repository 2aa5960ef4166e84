import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../src/db/connection.ts';
import { addStaff } from '../../src/services/staff.ts';
import { handOverQueued, listMessages, sendQueued } from '../../src/services/sms.ts';
import { backoffDelay, commandTransport, httpTransport } from '../../src/services/sms-transports.ts';
import { loadConfig, type SmsConfig } from '../../src/services/config.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { AppError as AppErrorClass } from '../../src/errors.ts';
import { contextAs, freshSchool, inTx, rejects } from './fixtures.ts';

const Sms = suite('sms');

let db: Db;
let cleanup: () => Promise<void>;
let dir: string;
const ctx = async (): Promise<ServiceContext> => contextAs(db, 'admin');
const messages = () => db.selectFrom('sms_outbox').selectAll().orderBy('id').execute();
const secretOf = (m: { body: string; secret_from: number | null; secret_length: number | null }) => m.body.slice(m.secret_from!, m.secret_from! + m.secret_length!);

Sms.before.each(async () => {
  ({ db, cleanup } = await freshSchool());
  dir = mkdtempSync(join(tmpdir(), 'ezurnals-sms-'));
  const c = await ctx();
  await inTx(c, (t) => addStaff(t, 'T01', { firstName: 'Anna', lastName: 'Kalniņa', roles: ['teacher'], phone: '+37120000001' }));
  await inTx(c, (t) => addStaff(t, 'T02', { firstName: 'Pēteris', lastName: 'Ozols', roles: ['teacher'], phone: '+37120000002' }));
});
Sms.after.each(async () => {
  await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const config = (over: Partial<SmsConfig> = {}): SmsConfig => ({ transport: 'http', timeoutMs: 300, attempts: 3, backoffMs: 100, backoffMaxMs: 150, ...over });

interface Received {
  to: string;
  text: string;
  authorization: string | undefined;
}

/** A gateway on 127.0.0.1 that answers each request as `respond` says: a status, or 'hang' never to answer. */
async function gateway(respond: (request: Received, n: number) => number | 'hang') {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const parsed = JSON.parse(body) as { to: string; text: string };
      const request = { ...parsed, authorization: req.headers.authorization };
      received.push(request);
      const answer = respond(request, received.length);
      if (answer !== 'hang') res.writeHead(answer).end(answer === 200 ? '{"ok":true}' : 'no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  return {
    url,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

Sms('backoff doubles from the base and never exceeds the cap', () => {
  assert.equal([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, 1000, 5000)), [1000, 2000, 4000, 5000, 5000, 5000]);
  assert.equal([1, 2].map((n) => backoffDelay(n, 0, 10)), [0, 0]);
});

/**
 * Deadlines the test fires itself: each delivery asks for one (the asked
 * lengths are recorded), and `expire()` ends the latest, as the real timer
 * would once the gateway has kept silent that long.
 */
function manualDeadlines() {
  const asked: number[] = [];
  const pending: AbortController[] = [];
  return {
    asked,
    deadline: (ms: number) => {
      asked.push(ms);
      const controller = new AbortController();
      pending.push(controller);
      return controller.signal;
    },
    expire: () => pending.at(-1)!.abort(new DOMException('The operation timed out.', 'TimeoutError')),
  };
}

Sms('http: retries after 500s, gives up on a gateway that times out, and marks failed after N tries', async () => {
  // T01's message fails twice with 500 and gets through on the third try; T02's gateway never answers, and its deadline passes.
  const timers = manualDeadlines();
  const gw = await gateway((r, n) => (r.to === '+37120000002' ? (timers.expire(), 'hang') : n <= 2 ? 500 : 200));
  const delays: number[] = [];
  const passwords = (await messages()).map(secretOf);
  try {
    const result = await sendQueued(await ctx(), httpTransport(gw.url, 'tok-SECRET', 300, timers.deadline), config(), { sleep: async (ms) => void delays.push(ms) });
    assert.is(result.sent, 1);
    assert.equal(result.failed.map((f) => [f.to, f.attempts]), [['+37120000002', 3]]);
    assert.is(result.failed[0]!.error, `${gw.url} did not answer within 300 ms`);
    assert.not.ok(result.failed[0]!.error.includes('tok-SECRET'));
    assert.equal(delays, [100, 150, 100, 150], 'base, then doubled up to the cap, for each message');
    assert.equal(timers.asked, [300, 300, 300, 300, 300, 300], 'every try waits at most the configured timeout');
    assert.equal(gw.received.map((r) => r.to), ['+37120000001', '+37120000001', '+37120000001', '+37120000002', '+37120000002', '+37120000002']);
    assert.equal(gw.received[0], { to: '+37120000001', text: `E-žurnāls: jūsu lietotājvārds anna.kalnina, parole ${passwords[0]}`, authorization: 'Bearer tok-SECRET' });
    const [sent, failed] = await messages();
    assert.equal([sent!.state, sent!.attempts, sent!.transport, sent!.last_error], ['sent', 3, 'http', null]);
    assert.is(sent!.body, 'E-žurnāls: jūsu lietotājvārds anna.kalnina, parole **********', 'scrubbed once sent');
    assert.equal([failed!.state, failed!.attempts], ['failed', 3]);
    assert.match(failed!.last_error!, /did not answer/);
    // Failed messages wait for --retry-failed; a plain run has nothing to do.
    assert.equal((await sendQueued(await ctx(), httpTransport(gw.url, 'tok-SECRET', 300, timers.deadline), config())).failed, []);
  } finally {
    await gw.close();
  }
});

Sms('send: its times come from the context\'s clock, and the audit log names who sent', async () => {
  const gw = await gateway((r) => (r.to === '+37120000002' ? 503 : 200));
  const before = (await db.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()).id ?? 0;
  try {
    // The run takes 90 s by its own clock: the second message is claimed and settled that much later.
    let elapsed = 0;
    const now = new Date('2027-03-15T07:30:00Z'); // 09:30 in Riga
    const c = await contextAs(db, 'admin', now);
    await sendQueued(c, httpTransport(gw.url, undefined, 300), config({ attempts: 1 }), { elapsedMs: () => (elapsed += 45_000) - 45_000, command: 'sms send' });
    const [sent, failed] = await messages();
    assert.equal([sent!.state, sent!.sent_at, sent!.updated_at], ['sent', '2027-03-15T09:30:45+02:00', '2027-03-15T09:30:45+02:00']);
    assert.equal([failed!.state, failed!.sent_at, failed!.updated_at], ['failed', null, '2027-03-15T09:32:15+02:00']);
    // Who and which command are the seal's over the entries' range.
    const audit = await db
      .selectFrom('audit_log as a')
      .innerJoin('audit_seal as s', (j) => j.onRef('s.first_id', '<=', 'a.id').onRef('s.last_id', '>=', 'a.id'))
      .select(['a.table_name', 's.actor', 's.command'])
      .where('a.id', '>', Number(before))
      .orderBy('a.id')
      .execute();
    assert.ok(audit.length >= 4, `claims and outcomes are audited: ${JSON.stringify(audit)}`);
    assert.equal([...new Set(audit.map((a) => `${a.table_name} ${a.actor} ${a.command}`))], ['sms_outbox admin sms send']);
  } finally {
    await gw.close();
  }
});

Sms('http: a real wait between tries stays within the backoff cap', async () => {
  const gw = await gateway(() => 503);
  try {
    const times: number[] = [];
    const transport = httpTransport(gw.url, undefined, 1000);
    const timed = { name: transport.name, deliver: async (m: { to: string; text: string }) => (times.push(Date.now()), transport.deliver(m)) };
    await inTx(await ctx(), async (c) => {
      await c.db.updateTable('sms_outbox').set({ state: 'cancelled' }).where('phone', '=', '+37120000002').execute();
    });
    const result = await sendQueued(await ctx(), timed, config({ attempts: 3, backoffMs: 30, backoffMaxMs: 45 }));
    assert.match(result.failed[0]!.error, /HTTP 503/);
    assert.is(gw.received[0]!.authorization, undefined, 'no token configured, no header');
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    assert.ok(gaps[0]! >= 29 && gaps[0]! < 30 + 1000, `first gap ${gaps[0]}`);
    assert.ok(gaps[1]! >= 44 && gaps[1]! < 45 + 1000, `second gap ${gaps[1]} is capped at 45`);
  } finally {
    await gw.close();
  }
});

Sms('http: an unreachable gateway fails with the reason, and --retry-failed tries failed ones again', async () => {
  const closed = await gateway(() => 200);
  await closed.close();
  const first = await sendQueued(await ctx(), httpTransport(closed.url, 't', 300), config({ attempts: 1 }));
  assert.is(first.failed.length, 2);
  assert.match(first.failed[0]!.error, /could not be reached: ECONNREFUSED/);
  const gw = await gateway(() => 200);
  try {
    const again = await sendQueued(await ctx(), httpTransport(gw.url, 't', 300), config({ attempts: 1 }), { retryFailed: true });
    assert.equal([again.sent, again.failed.length], [2, 0]);
    assert.equal((await messages()).map((m) => [m.state, m.attempts]), [['sent', 2], ['sent', 2]]);
  } finally {
    await gw.close();
  }
});

Sms('command: the text goes to stdin, the number as an argument; a non-zero exit is a failure', async () => {
  const log = join(dir, 'sent.log');
  const script = join(dir, 'fake-inject.sh');
  writeFileSync(script, `#!/bin/sh\nif [ "$2" = "+37120000002" ]; then echo "modem busy" >&2; exit 3; fi\nprintf '%s|%s|' "$1" "$2" >> "${log}"\ncat >> "${log}"\necho >> "${log}"\n`, { mode: 0o700 });
  const passwords = (await messages()).map(secretOf);
  const result = await sendQueued(await ctx(), commandTransport([script, 'TEXT', '{to}'], 2000), config({ transport: 'command', attempts: 2, backoffMs: 0 }));
  assert.is(result.sent, 1);
  assert.equal(result.failed.map((f) => [f.to, f.attempts, f.error]), [['+37120000002', 2, `${script} exited with 3: modem busy`]]);
  assert.is(readFileSync(log, 'utf8'), `TEXT|+37120000001|E-žurnāls: jūsu lietotājvārds anna.kalnina, parole ${passwords[0]}\n`);
  assert.equal((await messages()).map((m) => [m.state, m.transport]), [['sent', 'command'], ['failed', null]]);
});

Sms('command: a missing program and a hanging one are failures with a reason', async () => {
  const missing = await sendQueued(await ctx(), commandTransport([join(dir, 'no-such-program')], 2000), config({ attempts: 1 }));
  assert.match(missing.failed[0]!.error, /could not be started: ENOENT/);
  // A program that never ends: its deadline passes once it has started (it wrote its pid), and it is stopped.
  const hang = join(dir, 'hang.sh');
  const pids = join(dir, 'pids');
  writeFileSync(hang, `#!/bin/sh\necho $$ >> "${pids}"\nexec sleep 60\n`, { mode: 0o700 });
  const started = () => (existsSync(pids) ? readFileSync(pids, 'utf8').trim().split('\n').map(Number) : []);
  const asked: number[] = [];
  const deadline = (ms: number) => {
    const nth = asked.push(ms);
    const controller = new AbortController();
    const poll = setInterval(() => started().length >= nth && (clearInterval(poll), controller.abort()), 5);
    return controller.signal;
  };
  const slow = await sendQueued(await ctx(), commandTransport([hang], 200, deadline), config({ attempts: 1 }), { retryFailed: true });
  assert.equal(slow.failed.map((f) => f.error), [`${hang} was stopped (SIGTERM) after 200 ms`, `${hang} was stopped (SIGTERM) after 200 ms`]);
  assert.equal(asked, [200, 200]);
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  for (let i = 0; i < 100 && started().some(alive); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(started().filter(alive), [], 'the stopped programs are gone');
});

Sms('outbox: nothing leaves; export hands the queued messages over in clear and scrubs them', async () => {
  const passwords = (await messages()).map(secretOf);
  const outbox = await sendQueued(await ctx(), null, config({ transport: 'outbox' }));
  assert.equal(outbox, { transport: 'outbox', sent: 0, failed: [], skipped: 0, queued: 2 });
  let written: { to: string; text: string }[] = [];
  const handed = await inTx(await ctx(), (c) => handOverQueued(c, (m) => (written = m)));
  assert.equal(written.map((m) => m.text), passwords.map((p, i) => `E-žurnāls: jūsu lietotājvārds ${['anna.kalnina', 'peteris.ozols'][i]}, parole ${p}`));
  assert.ok(handed.messages.every((m) => m.text.endsWith('**********')), 'the result shown is masked');
  assert.equal((await messages()).map((m) => [m.state, m.transport]), [['sent', 'export'], ['sent', 'export']]);
  const rows = JSON.stringify(await db.selectFrom('sms_outbox').selectAll().execute());
  for (const p of passwords) assert.not.ok(rows.includes(p));
  assert.equal((await inTx(await ctx(), (c) => handOverQueued(c, () => {}))).messages, [], 'handed over once');
});

Sms('a failed export hands nothing over', async () => {
  let caught: unknown;
  try {
    await inTx(await ctx(), (c) =>
      handOverQueued(c, () => {
        throw new Error('disk full');
      }),
    );
  } catch (error) {
    caught = error;
  }
  assert.is((caught as Error).message, 'disk full');
  assert.equal((await messages()).map((m) => m.state), ['queued', 'queued']);
});

Sms('sms list masks passwords and filters by state; only admins and deputies see it', async () => {
  const passwords = (await messages()).map(secretOf);
  const list = await inTx(await ctx(), (c) => listMessages(c, { state: 'queued' }));
  assert.equal(list.map((m) => [m.to, m.username, m.state]), [['+37120000001', 'anna.kalnina', 'queued'], ['+37120000002', 'peteris.ozols', 'queued']]);
  for (const p of passwords) assert.not.ok(JSON.stringify(list).includes(p));
  assert.equal(await inTx(await ctx(), (c) => listMessages(c, { state: 'sent' })), []);
  await rejects(async () => inTx(await ctx(), (c) => listMessages(c, { state: 'lost' })), 'usage', 'lost');
  await rejects(async () => inTx(await contextAs(db, 'T01'), (c) => listMessages(c)), 'forbidden', 'T01');
});

Sms('configuration: a file others may read is refused; env overrides the file; defaults without one', () => {
  const dbPath = join(dir, 'school.db');
  assert.equal(loadConfig(dbPath, {}).sms, { transport: 'outbox', timeoutMs: 10000, attempts: 3, backoffMs: 1000, backoffMaxMs: 30000 });
  const file = join(dir, 'ezurnals.config.json');
  writeFileSync(file, JSON.stringify({ sms: { transport: 'http', url: 'https://sms.example.lv/send', token: 'tok-FILE', attempts: 5 }, lockout: { maxFailedAttempts: 4, lockMinutes: 30 } }), { mode: 0o644 });
  chmodSync(file, 0o644);
  const refused = (() => {
    try {
      loadConfig(dbPath, {});
    } catch (error) {
      return error as AppErrorClass;
    }
  })();
  assert.is(refused?.code, 'invalid');
  assert.match(refused!.message, /mode 0644.*chmod 600/);
  assert.not.ok(refused!.message.includes('tok-FILE'));
  chmodSync(file, 0o600);
  const fromFile = loadConfig(dbPath, {});
  assert.equal([fromFile.sms.transport, fromFile.sms.token, fromFile.sms.attempts, fromFile.lockout], ['http', 'tok-FILE', 5, { maxFailedAttempts: 4, lockMinutes: 30 }]);
  const fromEnv = loadConfig(dbPath, { EZURNALS_SMS_TOKEN: 'tok-ENV', EZURNALS_SMS_ATTEMPTS: '2', EZURNALS_SMS_COMMAND: 'gammu-smsd-inject TEXT {to} -unicode', EZURNALS_LOCKOUT_MINUTES: '5' });
  assert.equal([fromEnv.sms.token, fromEnv.sms.attempts, fromEnv.sms.command, fromEnv.lockout.lockMinutes], ['tok-ENV', 2, ['gammu-smsd-inject', 'TEXT', '{to}', '-unicode'], 5]);
  const elsewhere = join(dir, 'other.json');
  assert.throws(() => loadConfig(dbPath, { EZURNALS_CONFIG: elsewhere }), (e: AppErrorClass) => e.code === 'not_found');
  writeFileSync(elsewhere, '{"sms": {"transport": "pigeon"}}', { mode: 0o600 });
  assert.throws(() => loadConfig(dbPath, { EZURNALS_CONFIG: elsewhere }), (e: AppErrorClass) => e.code === 'invalid' && /pigeon/.test(e.message));
  assert.throws(() => loadConfig(dbPath, { EZURNALS_SMS_ATTEMPTS: 'many' }), (e: AppErrorClass) => /EZURNALS_SMS_ATTEMPTS/.test(e.message));
});

Sms.run();
