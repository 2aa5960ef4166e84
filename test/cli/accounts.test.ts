// Accounts and SMS through the real, built bin: a provisioning run never shows
// a password anywhere but in the message to its owner; verify's exit codes;
// delivery by a local program; the offline hand-over; the refused config file.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv } from '../../src/csv/read.ts';
import { cli, type CliResult } from '../support/cli.ts';
import { tempDir } from '../support/school.ts';
import { IMPORT_FIXTURES } from '../fixtures/import/make-fixtures.ts';
import { runner } from './_helpers.ts';
import { onSqlite } from '../support/postgres.ts';

const BUNDLE = join(IMPORT_FIXTURES, 'bundle');

let t: ReturnType<typeof tempDir>;
let ez: ReturnType<typeof runner>;
/** Everything the CLI printed in this test. */
let printed: string[];

async function run(args: string[], env: Record<string, string> = {}, input?: string): Promise<CliResult> {
  const r = await ez.run(args, env, input);
  printed.push(r.stdout, r.stderr);
  return r;
}

async function ok(args: string[], env: Record<string, string> = {}, input?: string): Promise<CliResult> {
  const r = await run(args, env, input);
  assert.is(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
  return r;
}

function sqlite(dbPath: string, query: string): string {
  const r = spawnSync('sqlite3', [dbPath, query], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

/** The passwords in the queued messages, read the way a phone would: from the message text. */
function queuedPasswords(): Map<string, string> {
  const rows = sqlite(t.dbPath, "select phone || char(9) || body from sms_outbox where state = 'queued' order by id").trim().split('\n').filter(Boolean);
  return new Map(rows.map((row) => {
    const [phone, body] = row.split('\t') as [string, string];
    return [body.match(/parole (\S+)$/)![1]!, phone];
  }));
}

const Accounts = suite('accounts: CLI');
Accounts.before.each(async () => {
  t = tempDir();
  printed = [];
  const init = await cli(['--db', t.dbPath, 'init', '--school', 'Rīgas Parauga vidusskola', '--year', '2026/2027']);
  assert.is(init.code, 0, init.stderr);
  ez = runner(t.dbPath);
});
Accounts.after.each(() => t.cleanup());

onSqlite(Accounts)('the database file is created readable by its owner only', () => {
  assert.is(statSync(t.dbPath).mode & 0o777, 0o600);
});

onSqlite(Accounts)('a provisioning run: the password is nowhere but in the queued message to its owner', async () => {
  const seen = new Map<string, string>();
  const collect = () => queuedPasswords().forEach((phone, password) => seen.set(password, phone));
  for (const kind of ['staff', 'classes', 'students', 'guardians']) await ok(['import', kind, join(BUNDLE, `${kind}.csv`)]);
  collect();
  await ok(['guardian', 'add', '--student', 'S101', '--first-name', 'Jānis', '--last-name', 'Bērziņš', '--relation', 'grandfather', '--phone', '29 555 111']);
  collect();
  const list = (await ok(['account', 'list', '--json'])).json as { username: string; kind: string; phone: string }[];
  const grandfather = list.find((a) => a.username === 'janis.berzins')!;
  assert.equal([grandfather.kind, grandfather.phone], ['guardian', '+37129555111']);
  assert.ok(list.some((a) => a.username === '140313-21008' && a.kind === 'student'), 'a student is named by the personas kods');
  await ok(['account', 'reset', 'janis.berzins']);
  collect();
  await ok(['student', 'set', 'S101', '--phone', '+371 2000 0999']);
  collect();
  await ok(['account', 'show', 'janis.berzins', '--json']);
  await ok(['sms', 'list']);
  await ok(['sms', 'list', '--json']);
  await ok(['guardian', 'list', '--json']);
  await ok(['sms', 'send']);
  const exports: string[] = [];
  for (const kind of ['students', 'guardians', 'staff']) {
    const out = join(t.dir, `${kind}.csv`);
    await ok(['export', kind, '--out', out]);
    exports.push(readFileSync(out, 'utf8'));
    printed.push((await ok(['export', kind, '--format', 'json'])).stdout);
  }

  assert.ok(seen.size >= 10, `passwords seen: ${seen.size}`);
  // The database without the bodies of messages not yet sent: a copy with them blanked, dumped as text.
  const copy = join(t.dir, 'copy.db');
  sqlite(t.dbPath, `vacuum into '${copy}'`);
  sqlite(copy, "update sms_outbox set body = '' where state = 'queued'");
  const dump = spawnSync('sqlite3', [copy, '.dump'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
  assert.match(dump, /INSERT INTO "?account"? VALUES/);
  const outputs = printed.join('\n');
  for (const password of seen.keys()) {
    assert.not.ok(outputs.includes(password), `a password was printed: ${password}`);
    assert.not.ok(exports.some((e) => e.includes(password)), 'a password is in an export');
    assert.not.ok(dump.includes(password), 'a password is in the database outside its queued message');
  }
  // Each queued password works for its owner, and only the newest of each profile is still queued.
  const queued = queuedPasswords();
  const withdrawn = [...seen.keys()].filter((p) => !queued.has(p));
  assert.ok(withdrawn.length >= 2, 'the reset and the phone change withdrew messages');
  const student = await run(['account', 'verify', '140313-21008'], {}, `${[...queued.keys()].find((p) => queued.get(p) === '+37120000999')}\n`);
  assert.equal([student.code, student.stdout], [0, '']);
  for (const old of withdrawn) assert.is((await run(['account', 'verify', '140313-21008'], {}, `${old}\n`)).code, 5);
});

Accounts("a profile's username names its person for --as; a disabled profile may not act", async () => {
  for (const kind of ['staff', 'classes', 'students']) await ok(['import', kind, join(BUNDLE, `${kind}.csv`)]);
  await ok(['guardian', 'add', '--student', 'S101', '--first-name', 'Jānis', '--last-name', 'Bērziņš', '--relation', 'grandfather', '--phone', '29 555 111']);
  const own = await run(['student', 'show', 'S101', '--json'], { EZURNALS_USER: 'janis.berzins' });
  assert.is(own.code, 0, own.stderr);
  assert.is((own.json as { code: string }).code, 'S101');
  const other = await run(['student', 'list', '--json'], { EZURNALS_USER: 'janis.berzins' });
  assert.is(other.code, 0, other.stderr);
  assert.equal((other.json as { code: string }[]).map((r) => r.code), ['S101'], "a guardian's list holds only their child");
  const write = await run(['note', 'add', '--student', 'S101', '--text', 'x'], { EZURNALS_USER: 'janis.berzins' });
  assert.is(write.code, 5, 'a guardian only reads');
  await ok(['account', 'disable', 'janis.berzins']);
  const disabled = await run(['student', 'show', 'S101'], { EZURNALS_USER: 'janis.berzins' });
  assert.is(disabled.code, 5);
  assert.match(disabled.stderr, /profile janis\.berzins is disabled/);
});

onSqlite(Accounts)('verify: exit 0 right, 5 wrong, locked after repeated wrong ones, saying until when; nothing secret printed', async () => {
  await ok(['staff', 'add', 'T01', '--first-name', 'Anna', '--last-name', 'Kalniņa', '--role', 'teacher', '--phone', '20000001']);
  const [password] = [...queuedPasswords().keys()];
  const env = { EZURNALS_LOCKOUT_ATTEMPTS: '3', EZURNALS_LOCKOUT_MINUTES: '10', EZURNALS_USER: '' };
  const right = await run(['account', 'verify', 'anna.kalnina', '--json'], env, `${password}\n`);
  assert.equal([right.code, right.json], [0, { username: 'anna.kalnina', ok: true }]);
  for (let i = 1; i <= 3; i++) {
    const wrong = await run(['account', 'verify', 'anna.kalnina', '--json'], env, 'Nepareiza-1\n');
    assert.is(wrong.code, 5);
    assert.is(wrong.errorJson.error.code, 'forbidden');
    if (i === 3) assert.match(wrong.errorJson.error.message, /now locked until \d\d:\d\d/);
  }
  const locked = await run(['account', 'verify', 'anna.kalnina'], env, `${password}\n`);
  assert.is(locked.code, 5);
  assert.match(locked.stderr, /anna\.kalnina is locked until \d\d:\d\d after 3 wrong passwords/);
  assert.is((await run(['account', 'verify', 'nobody'], env, `${password}\n`)).code, 5);
  assert.is((await run(['account', 'verify', 'anna.kalnina'], env)).code, 2, 'no password on stdin is a usage error');
  await ok(['account', 'enable', 'anna.kalnina']);
  await ok(['account', 'password', 'anna.kalnina', '--stdin'], env, `${password}\nMana-Jauna-Parole-7\n`);
  assert.is((await run(['account', 'verify', 'anna.kalnina'], env, 'Mana-Jauna-Parole-7\n')).code, 0);
  const weak = await run(['account', 'password', 'anna.kalnina', '--stdin', '--json'], env, 'Mana-Jauna-Parole-7\nvaja\n');
  assert.is(weak.code, 4);
  assert.not.ok(printed.join('\n').includes(password!));
  assert.not.ok(printed.join('\n').includes('Mana-Jauna-Parole-7'));
});

Accounts('only admins and deputies manage accounts and messages; a refusal changes nothing', async () => {
  await ok(['staff', 'add', 'T01', '--first-name', 'Anna', '--last-name', 'Kalniņa', '--role', 'teacher', '--role', 'class-teacher', '--phone', '20000001']);
  for (const args of [['account', 'reset', 'anna.kalnina'], ['account', 'disable', 'anna.kalnina'], ['account', 'list'], ['sms', 'list'], ['sms', 'send'], ['sms', 'export', '--out', join(t.dir, 'x.csv')]]) {
    await ez.refused(args.join(' '), [...args, '--as', 'T01'], 'forbidden', /T01 \(Anna Kalniņa\) may not manage user accounts/);
  }
  await ez.refused('reset of nobody', ['account', 'reset', 'nobody'], 'not_found', /nobody/);
});

onSqlite(Accounts)('sms send by a local program: delivered ones are scrubbed, a failing one is marked failed and the exit is 1', async () => {
  await ok(['staff', 'add', 'T01', '--first-name', 'Anna', '--last-name', 'Kalniņa', '--role', 'teacher', '--phone', '20000001']);
  await ok(['staff', 'add', 'T02', '--first-name', 'Pēteris', '--last-name', 'Ozols', '--role', 'teacher', '--phone', '20000002']);
  const passwords = [...queuedPasswords().keys()];
  const log = join(t.dir, 'modem.log');
  const script = join(t.dir, 'inject.sh');
  writeFileSync(script, `#!/bin/sh\n[ "$1" = "+37120000002" ] && { echo "no signal" >&2; exit 2; }\n{ printf '%s ' "$1"; cat; echo; } >> "${log}"\n`, { mode: 0o700 });
  const env = { EZURNALS_SMS_TRANSPORT: 'command', EZURNALS_SMS_COMMAND: script, EZURNALS_SMS_ATTEMPTS: '2', EZURNALS_SMS_BACKOFF_MS: '10' };
  const r = await run(['sms', 'send'], env);
  assert.is(r.code, 1, r.stderr);
  assert.match(r.stderr, /Sent 1 message by command/);
  assert.match(r.stderr, /to \+37120000002 \(peteris\.ozols\) failed after 2 attempts: .*exited with 2: no signal/);
  assert.is(readFileSync(log, 'utf8'), `+37120000001 E-žurnāls: jūsu lietotājvārds anna.kalnina, parole ${passwords[0]}\n`);
  const states = (await ok(['sms', 'list', '--json'])).json.map((m: { state: string; attempts: number }) => [m.state, m.attempts]);
  assert.equal(states, [['sent', 2 - 1], ['failed', 2]]);
  // Once sent, the password is gone from the database file itself.
  const bytes = readFileSync(t.dbPath).toString('latin1');
  assert.not.ok(bytes.includes(passwords[0]!), 'the sent password lingers in the database file');
  assert.not.ok(printed.join('\n').includes(passwords[0]!));
  const again = await run(['sms', 'send', '--retry-failed', '--json'], { ...env, EZURNALS_SMS_COMMAND: 'true' });
  assert.equal([again.code, again.json.sent], [0, 1]);
});

onSqlite(Accounts)('sms export writes the queued messages to a private file and marks them handed over', async () => {
  await ok(['staff', 'add', 'T01', '--first-name', 'Anna', '--last-name', 'Kalniņa', '--role', 'teacher', '--phone', '20000001']);
  const [password] = [...queuedPasswords().keys()];
  const outbox = await ok(['sms', 'send']);
  assert.match(outbox.stderr, /transport is "outbox": nothing leaves the journal, 1 message stays queued/);
  const out = join(t.dir, 'paroles.csv');
  const r = await ok(['sms', 'export', '--out', out, '--json']);
  assert.equal(r.json.messages.map((m: { to: string; text: string }) => [m.to, m.text]), [['+37120000001', 'E-žurnāls: jūsu lietotājvārds anna.kalnina, parole **********']]);
  assert.is(statSync(out).mode & 0o777, 0o600);
  // The phone begins with "+", which a spreadsheet would read as a formula: written as text ('+…), read back as it was.
  assert.is(readFileSync(out, 'utf8'), `id,to,name,username,text\n1,'+37120000001,Anna Kalniņa,anna.kalnina,"E-žurnāls: jūsu lietotājvārds anna.kalnina, parole ${password}"\n`);
  assert.is(readCsv({ bytes: readFileSync(out), file: out }).rows[0]!.cells[1], '+37120000001');
  assert.equal((await ok(['sms', 'list', '--json'])).json.map((m: { state: string; transport: string }) => [m.state, m.transport]), [['sent', 'export']]);
  assert.is((await run(['sms', 'export', '--out', out])).code, 6, 'an existing file is not overwritten');
  assert.not.ok(printed.join('\n').includes(password!));
});

onSqlite(Accounts)('a configuration file others may read is refused, and the token is never printed', async () => {
  const file = join(t.dir, 'ezurnals.config.json');
  writeFileSync(file, JSON.stringify({ sms: { transport: 'http', url: 'http://127.0.0.1:9/send', token: 'tok-VERY-SECRET', attempts: 1, timeoutMs: 500 } }));
  chmodSync(file, 0o644);
  await ok(['staff', 'add', 'T01', '--first-name', 'Anna', '--last-name', 'Kalniņa', '--role', 'teacher', '--phone', '20000001']);
  const refused = await run(['sms', 'send', '--json']);
  assert.is(refused.code, 4);
  assert.match(refused.errorJson.error.message, /mode 0644.*chmod 600/);
  chmodSync(file, 0o600);
  const failed = await run(['sms', 'send']);
  assert.is(failed.code, 1);
  assert.match(failed.stderr, /http:\/\/127\.0\.0\.1:9\/send could not be reached/);
  assert.not.ok(printed.join('\n').includes('tok-VERY-SECRET'));
});

Accounts.run();
