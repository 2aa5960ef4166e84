// `absence notes`, `absence note-accept` and `absence note-decline`: the
// class teacher's side of the notes guardians send in the web diary.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { runner } from './_helpers.ts';
import { BIN } from '../support/cli.ts';
import { Client, webWorld } from '../web/_fixture.ts';

test('the class teacher lists and accepts a note in the CLI: its n becomes ns; others are refused', async () => {
  const w = await webWorld();
  try {
    const family = new Client(w.app);
    await family.signIn('ilze.berzina', w.passwords['ilze.berzina']!);
    await family.post('/parole', { current: w.passwords['ilze.berzina']!, password: 'Rudens-lapas-2026', repeat: 'Rudens-lapas-2026' });
    assert.is((await family.post(`/skolens/${w.ids.S001}/zime`, { no: '2026-11-23', lidz: '2026-11-24', iemesls: 'illness', teksts: 'Gripa' })).statusCode, 303);
    const t01 = runner(w.school.dbPath, 'T01').run;
    const list = await t01(['absence', 'notes', '--status', 'pending', '--json']);
    assert.is(list.code, 0, list.stderr);
    assert.equal(list.json.map((n: { student: string; from: string; to: string; reason: string; text: string; status: string; guardian: string }) => [n.student, n.from, n.to, n.reason, n.text, n.status, n.guardian]), [
      ['S001', '2026-11-23', '2026-11-24', 'illness', 'Gripa', 'pending', 'Ilze Bērziņa'],
    ]);
    const id = String(list.json[0].id);
    const t02 = runner(w.school.dbPath, 'T02');
    await t02.refused('a teacher who leads no class lists no notes', ['absence', 'notes'], 'forbidden', /class teacher/);
    await t02.refused('nor accepts one', ['absence', 'note-accept', id], 'forbidden', /not the class teacher of 7\.a/);
    const accepted = await t01(['absence', 'note-accept', id, '--json']);
    assert.is(accepted.code, 0, accepted.stderr);
    assert.equal([accepted.json.status, accepted.json.decided_by, accepted.json.absences], ['accepted', 'T01', 1]);
    const absences = await t01(['absence', 'list', '--student', 'S001', '--json']);
    assert.equal(absences.json.map((a: { code: string; marked_code: string }) => [a.code, a.marked_code]), [['ns', 'n']]);
    await runner(w.school.dbPath, 'T01').refused('a decided note stays decided', ['absence', 'note-decline', id], 'conflict', /already accepted/);
  } finally {
    await w.close();
  }
});

test('ezurnals serve (the real bin): prints its URL on stderr, answers /healthz, stops cleanly on SIGTERM', async () => {
  const w = await webWorld();
  try {
    const child = spawn(process.execPath, [BIN, 'serve', '--db', w.school.dbPath, '--port', '0'], { env: { ...process.env, EZURNALS_LANG: 'en' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${stderr}`)), 20_000);
      child.stderr.on('data', (d) => {
        stderr += d;
        const match = /is at (http:\/\/127\.0\.0\.1:\d+)\//.exec(stderr);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    });
    const health = await fetch(`${url}/healthz`);
    assert.is(health.status, 200);
    assert.equal(await health.json(), { ok: true });
    const page = await (await fetch(`${url}/`)).text();
    assert.match(page, /name="username"/);
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c) => resolve(c));
      child.kill('SIGTERM');
    });
    assert.is(code, 0, stderr);
    assert.match(stderr, /SIGTERM: stopping the web diary/);
    assert.is(stdout, '', 'nothing on stdout');
  } finally {
    await w.close();
  }
});

test.run();
