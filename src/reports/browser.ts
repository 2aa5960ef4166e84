import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer';
import { AppError } from '../errors.ts';
import { m as t } from '../i18n/messages/files-reports.ts';

const require = createRequire(import.meta.url);

/** Loaded only by commands that print PDFs; kept out of the bundle (scripts/build.mjs). */
function puppeteer(): typeof import('puppeteer').default {
  return require('puppeteer');
}

/**
 * System browsers, tried in this order after PUPPETEER_EXECUTABLE_PATH and
 * puppeteer's own download: Debian's chromium first, as installed by .ci/run.
 */
const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** What to do without a browser, in the run's language (read when thrown, never at load). */
export const noBrowserMessage = (): string => t.noBrowser;

/** Which browser prints PDFs: the first that exists of the documented places. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): string {
  const configured = env.PUPPETEER_EXECUTABLE_PATH;
  if (configured) {
    if (exists(configured)) return configured;
    throw new AppError('unexpected', `${t.browserPathMissing(configured)}\n${noBrowserMessage()}`);
  }
  const candidates = [...SYSTEM_BROWSERS];
  try {
    // A browser puppeteer downloaded itself (where the install could reach the internet).
    candidates.unshift(puppeteer().executablePath());
  } catch {
    // puppeteer knows of no downloaded browser.
  }
  const found = candidates.find((path) => exists(path));
  if (!found) throw new AppError('unexpected', noBrowserMessage());
  return found;
}

/**
 * Flags for a headless print in a container or CI: no sandbox (root, no user
 * namespaces), no GPU, and no background traffic to Google.
 */
export const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage', '--font-render-hinting=none'];

/**
 * The watchdog, run as `node -e` before the browser starts: it waits for its
 * stdin, a pipe from the command, to close, which happens however the
 * command ends (exit, Ctrl-C, kill -9), then kills the browser's whole
 * process group and removes the profile folder and Chromium's singleton
 * socket folder. puppeteer starts the browser detached, as a group leader,
 * with its zygotes, renderers and helpers in the group; the command writes
 * the leader's pid to the pipe once launched, and if the command dies while
 * the browser is still starting, the watchdog finds it by its profile in
 * /proc. (The crash handlers, which leave the group, exit by themselves once
 * the browser is gone.) The watchdog ignores the signals a terminal sends
 * its foreground group, and lives in its own group anyway.
 */
const WATCHDOG = `
const fs = require('node:fs'), path = require('node:path');
const profile = process.argv[1];
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT']) process.on(signal, () => {});
let told = '';
process.stdin.on('data', (chunk) => { told += chunk; });
function groups() {
  const pid = Number(told.trim());
  if (pid > 0) return [pid];
  const found = [];
  try {
    for (const name of fs.readdirSync('/proc')) {
      if (!/^[0-9]+$/.test(name)) continue;
      try {
        if (fs.readFileSync('/proc/' + name + '/cmdline', 'utf8').split('\\0').includes('--user-data-dir=' + profile)) found.push(Number(name));
      } catch {}
    }
  } catch {}
  return found;
}
process.stdin.on('close', () => {
  for (const group of groups()) {
    try { process.kill(-group, 'SIGKILL'); } catch {}
    try { process.kill(group, 'SIGKILL'); } catch {}
  }
  let socketDir = null;
  try { socketDir = path.dirname(fs.readlinkSync(path.join(profile, 'SingletonSocket'))); } catch {}
  for (let i = 0; i < 20; i++) {
    try {
      fs.rmSync(profile, { recursive: true, force: true });
      if (socketDir && path.basename(socketDir).startsWith('org.chromium.')) fs.rmSync(socketDir, { recursive: true, force: true });
      break;
    } catch {}
  }
  process.exit(0);
});
`;

/**
 * The browser's environment: ours without preloaded libraries. The browser
 * only renders HTML we made, with every date already in it, so it needs no
 * part of a caller's LD_PRELOAD; and a preloaded clock (libfaketime, with
 * which the suite is tried at other dates) sends Chromium's scheduler
 * spinning, so that printing never ends.
 */
export function browserEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined && key !== 'LD_PRELOAD' && !key.startsWith('FAKETIME')) kept[key] = value;
  return kept;
}

/**
 * Starts the printing browser so that none of it outlives the command,
 * whatever ends it. Its profile lives in a folder of ours (not puppeteer's,
 * which only puppeteer's own exit handlers remove, and a kill -9 skips), and
 * a watchdog process outside the command kills the browser's process group
 * and removes that folder once the command's end closes the pipe to it.
 */
export async function launchBrowser(executablePath = findBrowser()): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'ezurnals-browser-'));
  // Started first: a command killed while the browser is still starting leaves nothing either.
  const watchdog = process.platform === 'win32' ? null : spawn(process.execPath, ['-e', WATCHDOG, profile], { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
  if (watchdog) {
    // Neither the watchdog nor its pipe may keep the command running.
    watchdog.unref();
    (watchdog.stdin as unknown as { unref?: () => void }).unref?.();
  }
  const release = () => (watchdog ? watchdog.stdin?.destroy() : rmSync(profile, { recursive: true, force: true }));
  let browser: Browser;
  try {
    // puppeteer closes the browser itself on Ctrl-C, SIGTERM and SIGHUP.
    browser = await puppeteer().launch({ executablePath, headless: true, args: BROWSER_ARGS, userDataDir: profile, env: browserEnv(process.env), handleSIGINT: true, handleSIGTERM: true, handleSIGHUP: true });
  } catch (error) {
    release();
    throw new AppError('unexpected', `${t.browserDidNotStart(executablePath, (error as Error).message.split('\n')[0] ?? '')}\n${noBrowserMessage()}`);
  }
  const pid = browser.process()?.pid;
  if (pid !== undefined) watchdog?.stdin?.write(`${pid}\n`);
  browser.once('disconnected', release);
  return browser;
}
