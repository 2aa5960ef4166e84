// The web diary over HTTP, in-process (Fastify inject): sign-in and its
// lockout, the forced change of password, each family page, another child's
// id, CSRF, the absence note accepted by the class teacher, the extract's
// "Iepazinos", sign-out, the idle timeout and the rate limit.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Client, webWorld, type WebWorld } from './_fixture.ts';
import { loadExtractStatusData } from '../../src/reports/extract-status.ts';
import { listAbsenceNotes, decideAbsenceNote } from '../../src/services/absence-notes.ts';
import { inTx } from '../services/fixtures.ts';
import { setStudent } from '../../src/services/students.ts';

const Web = suite('web diary');
let w: WebWorld;
Web.before.each(async () => {
  w = await webWorld();
});
Web.after.each(() => w.close());

const NEW_PASSWORD = 'Rudens-lapas-2026';

/** A guardian signed in, with the SMS password replaced. */
async function ilze(): Promise<Client> {
  const client = new Client(w.app);
  const signIn = await client.signIn('ilze.berzina', w.passwords['ilze.berzina']!);
  assert.is(signIn.statusCode, 303);
  assert.is(signIn.headers.location, '/parole');
  const changed = await client.post('/parole', { current: w.passwords['ilze.berzina']!, password: NEW_PASSWORD, repeat: NEW_PASSWORD });
  assert.is(changed.statusCode, 200, changed.body);
  return client;
}

Web('healthz, the sign-in form at / with username and password, and strict headers', async () => {
  const health = await w.app.inject({ method: 'GET', url: '/healthz' });
  assert.is(health.statusCode, 200);
  assert.equal(health.json(), { ok: true });
  const page = await w.app.inject({ method: 'GET', url: '/' });
  assert.is(page.statusCode, 200);
  assert.match(page.body, /<input name="username"/);
  assert.match(page.body, /<input type="password" name="password"/);
  assert.match(page.body, /lang="lv"/);
  const csp = String(page.headers['content-security-policy']);
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.not.match(csp, /unsafe-inline|script-src/);
  assert.not.match(page.body, /<script/);
  assert.is(page.headers['x-content-type-options'], 'nosniff');
  assert.is(page.headers['referrer-policy'], 'no-referrer');
  assert.is(page.headers['cache-control'], 'no-store');
});

Web('a POST without the CSRF token is refused and opens no session', async () => {
  const client = new Client(w.app);
  await client.get('/');
  const response = await client.post('/', { username: 'ilze.berzina', password: w.passwords['ilze.berzina']! }, '/', false);
  assert.is(response.statusCode, 403);
  assert.is(client.cookies.has('ezurnals_session'), false);
  assert.is((await w.school.db.selectFrom('web_session').selectAll().execute()).length, 0);
});

Web('wrong passwords count toward the same lock as account verify; a locked profile opens nothing', async () => {
  const client = new Client(w.app);
  for (let i = 1; i <= 2; i++) {
    const wrong = await client.signIn('ilze.berzina', 'Nepareiza-123');
    assert.is(wrong.statusCode, 401);
    assert.match(wrong.body, /Nepareizs lietotājvārds vai parole/);
  }
  const third = await client.signIn('ilze.berzina', 'Nepareiza-123');
  assert.match(third.body, /Profils ir bloķēts līdz/);
  const right = await client.signIn('ilze.berzina', w.passwords['ilze.berzina']!);
  assert.is(right.statusCode, 401, 'locked: even the right password is not tried');
  assert.match(right.body, /bloķēts/);
  const unknown = await client.signIn('nav.tada', 'Nepareiza-123');
  assert.match(unknown.body, /Nepareizs lietotājvārds vai parole/, 'an unknown username reads the same as a wrong password');
});

Web('first sign-in: the SMS password must be replaced, under the strength rules, before any page opens', async () => {
  const client = new Client(w.app);
  const signIn = await client.signIn('ilze.berzina', w.passwords['ilze.berzina']!);
  assert.is(signIn.statusCode, 303);
  const cookie = String(signIn.headers['set-cookie']).split(/,(?=\s*ezurnals)/).find((c) => c.includes('ezurnals_session='))!;
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Lax/);
  assert.not.match(cookie, /Secure/, 'no Secure cookie without --trust-proxy (plain http on 127.0.0.1)');
  const week = await client.get(`/skolens/${w.ids.S001}/nedela`);
  assert.is(week.statusCode, 303);
  assert.is(week.headers.location, '/parole');
  const weak = await client.post('/parole', { current: w.passwords['ilze.berzina']!, password: 'parole', repeat: 'parole' });
  assert.is(weak.statusCode, 400);
  assert.match(weak.body, /par vāju/);
  const differ = await client.post('/parole', { current: w.passwords['ilze.berzina']!, password: NEW_PASSWORD, repeat: `${NEW_PASSWORD}x` });
  assert.match(differ.body, /nesakrīt/);
  const ok = await client.post('/parole', { current: w.passwords['ilze.berzina']!, password: NEW_PASSWORD, repeat: NEW_PASSWORD });
  assert.is(ok.statusCode, 200);
  const account = await w.school.db.selectFrom('account').selectAll().where('username', '=', 'ilze.berzina').executeTakeFirstOrThrow();
  assert.ok(account.password_chosen_at, 'the password is now chosen');
  assert.is((await client.get(`/skolens/${w.ids.S001}/nedela`)).statusCode, 200);
});

Web('the week, grades, absences and notes of one\'s own child; the child switch; values escaped', async () => {
  const client = await ilze();
  const home = await client.get('/');
  assert.is(home.headers.location, `/skolens/${w.ids.S001}/nedela`);
  const week = await client.get(`/skolens/${w.ids.S001}/nedela?diena=2026-11-25`);
  assert.is(week.statusCode, 200);
  for (const text of ['Jānis Bērziņš', 'Pirmdiena, 23.11.2026.', 'Daļskaitļi', '12. uzdevums', '<span class="grade">8</span>', 'Decimāldaļskaitļi', '<span class="absence" title="nav ieradies (neattaisnots)">n</span>']) assert.ok(week.body.includes(text), text);
  assert.ok(week.body.includes('uz &lt;Siguldu&gt; &amp; atpakaļ'), 'a note is escaped');
  assert.ok(week.body.includes(`href="/skolens/${w.ids.S002}/nedela"`), 'the switch to the other child');
  const grades = await client.get(`/skolens/${w.ids.S001}/sekmes`);
  assert.match(grades.body, /Matemātika/);
  assert.match(grades.body, /7,50/, 'the average of 7 and 8');
  const absences = await client.get(`/skolens/${w.ids.S001}/kavejumi`);
  assert.match(absences.body, /<span class="absence">n<\/span> 1/);
  const notes = await client.get(`/skolens/${w.ids.S001}/piezimes`);
  assert.ok(notes.body.includes('uz &lt;Siguldu&gt;'));
  const other = await client.get(`/skolens/${w.ids.S002}/sekmes`);
  assert.match(other.body, /Anna Ābele/);
  assert.match(other.body, /9/);
});

Web('another family\'s child, a classmate, or a made-up id is not found', async () => {
  const client = await ilze();
  for (const url of [`/skolens/${w.ids.S004}/nedela`, `/skolens/${w.ids.S003}/sekmes`, `/skolens/${w.ids.S004}/izraksts`, '/skolens/99999/nedela', '/skolens/abc/nedela', '/zurnals', `/zurnals/7.a/mat`]) {
    const response = await client.get(url);
    assert.is(response.statusCode, 404, url);
    assert.not.ok(response.body.includes('Oskars'), url);
  }
  const post = await client.post(`/skolens/${w.ids.S004}/zime`, { no: '2026-11-24', iemesls: 'illness' }, `/skolens/${w.ids.S001}/zime`);
  assert.is(post.statusCode, 404);
  assert.is((await w.school.db.selectFrom('absence_note').selectAll().execute()).length, 0);
});

Web('"Iepazinos" records the online acknowledgement with the guardian as the audit actor; extract-status shows it apart', async () => {
  const client = await ilze();
  const page = await client.get(`/skolens/${w.ids.S001}/izraksts?menesis=2026-10`);
  assert.is(page.statusCode, 200);
  assert.match(page.body, /2026\. gada oktobris/);
  assert.match(page.body, /<span class="grade">7<\/span>/);
  assert.match(page.body, />Iepazinos</);
  const ack = await client.post(`/skolens/${w.ids.S001}/izraksts`, { menesis: '2026-10' }, `/skolens/${w.ids.S001}/izraksts?menesis=2026-10`);
  assert.is(ack.statusCode, 200);
  assert.match(ack.body, /Iepazinās: Ilze Bērziņa, 29\.11\.2026\. 10:00/);
  assert.not.match(ack.body, />Iepazinos</, 'no second button');
  // Who and which command are the seal's over the entry's range.
  const entry = await w.school.db
    .selectFrom('audit_log as a')
    .innerJoin('audit_seal as s', (j) => j.onRef('s.first_id', '<=', 'a.id').onRef('s.last_id', '>=', 'a.id'))
    .select(['s.actor', 's.command'])
    .where('a.table_name', '=', 'extract_online_ack')
    .executeTakeFirstOrThrow();
  assert.is(entry.actor, `guardian:${w.ids.ilze}`);
  assert.match(entry.command!, /web POST \/skolens\/:id\/izraksts/);
  const status = await loadExtractStatusData(await w.school.ctx('admin'), { month: '2026-10', class: ['7.a'] });
  const s001 = status.classes[0]!.students.find((s) => s.code === 'S001')!;
  assert.equal([s001.returned, s001.channel, s001.online_on, s001.online_guardian], [true, 'online', '2026-11-29', 'Ilze Bērziņa']);
  const s002 = status.classes[0]!.students.find((s) => s.code === 'S002')!;
  assert.equal([s002.returned, s002.channel], [false, null]);
});

Web('an absence note from the guardian; the class teacher accepts it on the web: the n becomes ns, linked to the note', async () => {
  const client = await ilze();
  const sent = await client.post(`/skolens/${w.ids.S001}/zime`, { no: '2026-11-24', lidz: '2026-11-24', iemesls: 'illness', teksts: 'Saaukstēšanās' });
  assert.is(sent.statusCode, 303);
  const list = await client.get(String(sent.headers.location));
  assert.match(list.body, /Zīme nosūtīta/);
  assert.match(list.body, /gaida lēmumu/);
  // Another teacher may not decide it.
  await assert.is((await listAbsenceNotes(await w.school.ctx('T02'), {}).catch((e) => e.code)), 'forbidden');
  const teacher = new Client(w.app);
  await teacher.signIn('anna.kalnina', w.passwords['anna.kalnina']!);
  await teacher.post('/parole', { current: w.passwords['anna.kalnina']!, password: NEW_PASSWORD, repeat: NEW_PASSWORD });
  const notes = await teacher.get('/zimes');
  assert.match(notes.body, /Jānis Bērziņš/);
  assert.match(notes.body, /Saaukstēšanās/);
  const id = /action="\/zimes\/(\d+)"/.exec(notes.body)![1]!;
  const accepted = await teacher.post(`/zimes/${id}`, { lemums: 'accept' }, '/zimes');
  assert.is(accepted.statusCode, 200);
  assert.match(accepted.body, /attaisnoti kavējumi — 1/);
  const absence = await w.school.db.selectFrom('absence').selectAll().executeTakeFirstOrThrow();
  assert.equal([absence.code, absence.marked_code], ['ns', 'n']);
  const link = await w.school.db.selectFrom('absence_note_absence').selectAll().execute();
  assert.equal(link, [{ absence_note_id: Number(id), absence_id: absence.id }]);
  const audit = await w.school.db
    .selectFrom('audit_log as a')
    .innerJoin('audit_seal as s', (j) => j.onRef('s.first_id', '<=', 'a.id').onRef('s.last_id', '>=', 'a.id'))
    .select('s.actor')
    .where('a.table_name', '=', 'absence')
    .where('a.operation', '=', 'update')
    .execute();
  assert.equal(audit.map((a) => a.actor), ['T01']);
  const again = await teacher.post(`/zimes/${id}`, { lemums: 'decline' }, '/zimes');
  assert.is(again.statusCode, 400, 'a decided note stays decided');
  // Said in Latvian; the tool's own sentence is folded below it.
  assert.match(again.body, /<p>Tas jau ir izdarīts, vai to vairs nevar mainīt\.<\/p>/);
  assert.match(again.body, /<details><summary>Sīkāk<\/summary><p lang="en">Absence note \d+ is already accepted/);
  assert.match((await client.get(`/skolens/${w.ids.S001}/kavejumi`)).body, /pieņemta/);
});

Web('the CLI\'s decline leaves the absences as they were', async () => {
  const client = await ilze();
  await client.post(`/skolens/${w.ids.S001}/zime`, { no: '2026-11-24', iemesls: 'other' });
  const [note] = await listAbsenceNotes(await w.school.ctx('T01'), { status: 'pending' });
  const declined = await inTx(await w.school.ctx('T01'), (c) => decideAbsenceNote(c, { id: note!.id, decision: 'decline', note: 'Nav pamatojuma' }));
  assert.equal([declined.status, declined.decided_by, declined.absences], ['declined', 'T01', 0]);
  assert.is((await w.school.db.selectFrom('absence').select('code').executeTakeFirstOrThrow()).code, 'n');
});

Web('a note the rules refuse is shown back on its form, with the reason in Latvian, and nothing is stored', async () => {
  const client = await ilze();
  for (const [fields, reason] of [
    [{ no: '2026-10-01', iemesls: 'illness' }, /Zīmi nevar iesniegt: 01\.10\.2026\. ir vairāk nekā pirms 31 dienām/],
    [{ no: '25.11.2026', lidz: '24.11.2026', iemesls: 'other' }, /Pēdējā diena \(24\.11\.2026\.\) ir pirms pirmās/],
    [{ no: 'vakar', iemesls: 'illness' }, /Pirmā diena &quot;vakar&quot; nav datums|Pirmā diena "vakar" nav datums/],
  ] as const) {
    const response = await client.post(`/skolens/${w.ids.S001}/zime`, fields);
    assert.is(response.statusCode, 400, response.body.slice(0, 200));
    assert.match(response.body, reason);
    assert.not.match(response.body, /is more than|is before|is not a date/);
  }
  assert.is((await w.school.db.selectFrom('absence_note').selectAll().execute()).length, 0);
});

Web('a teacher sees the grid of what they teach, read-only; another class is not found', async () => {
  const teacher = new Client(w.app);
  await teacher.signIn('anna.kalnina', w.passwords['anna.kalnina']!);
  await teacher.post('/parole', { current: w.passwords['anna.kalnina']!, password: NEW_PASSWORD, repeat: NEW_PASSWORD });
  const choices = await teacher.get('/zurnals');
  assert.match(choices.body, /href="\/zurnals\/7\.a\/mat"/);
  const grid = await teacher.get('/zurnals/7.a/mat?menesis=2026-11');
  assert.is(grid.statusCode, 200);
  assert.match(grid.body, /Bērziņš Jānis<\/th><td>8<\/td><td>n<\/td>/);
  assert.not.match(grid.body, /<form method="post" action="\/zurnals/, 'no writing forms yet');
  assert.is((await teacher.get('/zurnals/7.b/mat')).statusCode, 404);
  assert.is((await teacher.get(`/skolens/${w.ids.S004}/nedela`)).statusCode, 404);
});

Web('signing out ends the session on the server; the old cookie opens nothing', async () => {
  const client = await ilze();
  const token = client.cookies.get('ezurnals_session')!;
  const out = await client.post('/iziet', {}, `/skolens/${w.ids.S001}/nedela`);
  assert.is(out.statusCode, 303);
  const session = await w.school.db.selectFrom('web_session').selectAll().where('ended_at', 'is not', null).executeTakeFirstOrThrow();
  assert.is(session.ended_reason, 'signed-out');
  assert.not.ok(session.token_hash.includes(token), 'only a hash of the token is stored');
  const replay = await w.app.inject({ method: 'GET', url: `/skolens/${w.ids.S001}/nedela`, headers: { cookie: `ezurnals_session=${token}` } });
  assert.is(replay.statusCode, 303);
  assert.is(replay.headers.location, '/');
});

Web('after 30 idle minutes the session ends', async () => {
  const client = await ilze();
  w.clock.now = new Date(w.clock.now.getTime() + 29 * 60_000);
  assert.is((await client.get(`/skolens/${w.ids.S001}/nedela`)).statusCode, 200);
  w.clock.now = new Date(w.clock.now.getTime() + 31 * 60_000);
  const idle = await client.get(`/skolens/${w.ids.S001}/nedela`);
  assert.is(idle.statusCode, 303);
  const session = await w.school.db.selectFrom('web_session').selectAll().executeTakeFirstOrThrow();
  assert.is(session.ended_reason, 'idle');
});

Web('a student sees their own week, grades, absences and notes, but no extract to acknowledge and no note to send', async () => {
  await w.school.as('admin', (c) => setStudent(c, 'S003', { phone: '+37129000013' }));
  const [sms] = await w.school.db.selectFrom('sms_outbox as m').innerJoin('account as a', 'a.id', 'm.account_id').select(['a.username', 'm.body', 'm.secret_from', 'm.secret_length']).where('a.kind', '=', 'student').execute();
  const password = sms!.body.slice(sms!.secret_from!, sms!.secret_from! + sms!.secret_length!);
  const zane = new Client(w.app);
  assert.is((await zane.signIn(sms!.username, password)).statusCode, 303);
  await zane.post('/parole', { current: password, password: NEW_PASSWORD, repeat: NEW_PASSWORD });
  assert.is((await zane.get('/')).headers.location, `/skolens/${w.ids.S003}/nedela`);
  const week = await zane.get(`/skolens/${w.ids.S003}/nedela?diena=2026-11-23`);
  assert.match(week.body, /Daļskaitļi/);
  assert.not.match(week.body, /izraksts/, 'no extract tab');
  for (const tab of ['sekmes', 'kavejumi', 'piezimes']) assert.is((await zane.get(`/skolens/${w.ids.S003}/${tab}`)).statusCode, 200, tab);
  assert.not.match((await zane.get(`/skolens/${w.ids.S003}/kavejumi`)).body, /Iesniegt zīmi/);
  for (const url of [`/skolens/${w.ids.S003}/izraksts`, `/skolens/${w.ids.S003}/zime`, `/skolens/${w.ids.S001}/nedela`]) assert.is((await zane.get(url)).statusCode, 404, url);
  const post = await zane.post(`/skolens/${w.ids.S003}/izraksts`, { menesis: '2026-10' }, `/skolens/${w.ids.S003}/sekmes`);
  assert.is(post.statusCode, 403, 'a student acknowledges nothing');
  assert.is((await w.school.db.selectFrom('extract_online_ack').selectAll().execute()).length, 0);
});

Web.run();

const Limits = suite('web diary limits');
Limits('sign-in is rate-limited per client address; behind --trust-proxy cookies are Secure and addresses come from X-Forwarded-For', async () => {
  const world = await webWorld({ signInPerMinute: 3, trustProxy: true });
  try {
    const client = new Client(world.app);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await client.signIn('nav.tada', 'Nepareiza-123')).statusCode);
    assert.equal(statuses, [401, 401, 401, 429]);
    const blocked = await client.signIn('nav.tada', 'Nepareiza-123');
    assert.match(blocked.body, /Pārāk daudz/);
    const fromElsewhere = await world.app.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-for': '203.0.113.9' } });
    assert.is(fromElsewhere.statusCode, 200);
    const other = new Client(world.app);
    const token = await other.token('/');
    const signIn = await world.app.inject({
      method: 'POST',
      url: '/',
      payload: new URLSearchParams({ _csrf: token, username: 'ilze.berzina', password: world.passwords['ilze.berzina']! }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '203.0.113.9', cookie: [...other.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    assert.is(signIn.statusCode, 303, 'another address is not limited');
    assert.match(String(signIn.headers['set-cookie']), /Secure/);
    assert.match(String(signIn.headers['strict-transport-security']), /max-age=31536000/);
    const session = await world.school.db.selectFrom('web_session').select('client').executeTakeFirstOrThrow();
    assert.is(session.client, '203.0.113.9');
  } finally {
    await world.close();
  }
});
Limits.run();
