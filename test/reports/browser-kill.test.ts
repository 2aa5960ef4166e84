// No browser outlives a printing command, however it ends: the real bin
// prints a real report, and is killed (kill -9, then Ctrl-C's SIGINT) once
// its Chromium runs. Within a few seconds no process of the browser's group
// may be left, and no browser profile in TMPDIR.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BIN } from '../support/cli.ts';
import { tempDir } from '../support/school.ts';

const t = tempDir('ezurnals-browser-kill-');
const demo = join(t.dir, 'demo');
const env = (tmp: string) => ({ ...process.env, EZURNALS_DB: join(demo, 'ezurnals.db'), EZURNALS_USER: 'admin', TMPDIR: tmp });

test.before(() => {
  const r = spawnSync(process.execPath, [BIN, 'demo', '--dir', demo, '--force'], { env: env(t.dir), encoding: 'utf8' });
  assert.is(r.status, 0, r.stderr);
});
test.after(() => t.cleanup());

interface Proc {
  pid: number;
  ppid: number;
  pgrp: number;
  comm: string;
}

function processes(): Proc[] {
  const list: Proc[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      if (fields[0] === 'Z') continue; // a zombie has exited; it only waits to be reaped
      list.push({ pid: Number(name), comm: stat.slice(stat.indexOf('(') + 1, close), ppid: Number(fields[1]), pgrp: Number(fields[2]) });
    } catch {
      // gone meanwhile
    }
  }
  return list;
}

/** Starts a report and waits for the bin's browser to run; its process group id. */
async function printing(tmp: string): Promise<{ child: ReturnType<typeof spawn>; group: number }> {
  const out = join(tmp, '..', `out-${process.hrtime.bigint()}`);
  const child = spawn(process.execPath, [BIN, 'report', 'journal', '--all', '--out', out], { env: env(tmp), stdio: 'ignore' });
  for (let i = 0; i < 600; i++) {
    const browser = processes().find((p) => p.ppid === child.pid && /chrom/i.test(p.comm));
    // Some of the group beyond the browser itself: the renderers and helpers are up.
    if (browser && processes().filter((p) => p.pgrp === browser.pid).length >= 3) return { child, group: browser.pid };
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new Error('the browser never started');
}

async function assertGone(group: number, tmp: string, how: string): Promise<void> {
  let left: Proc[] = [];
  for (let i = 0; i < 100; i++) {
    left = processes().filter((p) => p.pgrp === group);
    if (left.length === 0 && readdirSync(tmp).length === 0) break; // the watchdog may still be removing the profile
    await sleep(50);
  }
  assert.equal(left.map((p) => `${p.pid} ${p.comm}`), [], `${how}: browser processes outlived the command`);
  assert.equal(readdirSync(tmp), [], `${how}: a browser profile is left in TMPDIR`);
}

test('kill -9 of a printing report leaves no browser process and no profile behind', async () => {
  const tmp = join(t.dir, 'tmp-kill');
  mkdirSync(tmp);
  const { child, group } = await printing(tmp);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(child.pid!, 'SIGKILL');
  await exited;
  await assertGone(group, tmp, 'kill -9');
});

test('Ctrl-C (SIGINT) of a printing report leaves no browser process and no profile behind', async () => {
  const tmp = join(t.dir, 'tmp-int');
  mkdirSync(tmp);
  const { child, group } = await printing(tmp);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(child.pid!, 'SIGINT');
  await exited;
  await assertGone(group, tmp, 'SIGINT');
});

test.run();
