import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'puppeteer';
import { AppError } from '../errors.ts';

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

export const NO_BROWSER_MESSAGE = [
  'No Chromium or Chrome browser was found to print PDFs.',
  'Install one (Debian/Ubuntu: `sudo apt-get install chromium`), or point PUPPETEER_EXECUTABLE_PATH at a Chrome/Chromium binary,',
  'or write HTML instead with `--format html` (it needs no browser).',
].join('\n');

/** Which browser prints PDFs: the first that exists of the documented places. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): string {
  const configured = env.PUPPETEER_EXECUTABLE_PATH;
  if (configured) {
    if (exists(configured)) return configured;
    throw new AppError('unexpected', `PUPPETEER_EXECUTABLE_PATH is ${configured}, but no such file exists.\n${NO_BROWSER_MESSAGE}`);
  }
  const candidates = [...SYSTEM_BROWSERS];
  try {
    // A browser puppeteer downloaded itself (where the install could reach the internet).
    candidates.unshift(puppeteer().executablePath());
  } catch {
    // puppeteer knows of no downloaded browser.
  }
  const found = candidates.find((path) => exists(path));
  if (!found) throw new AppError('unexpected', NO_BROWSER_MESSAGE);
  return found;
}

/**
 * Flags for a headless print in a container or CI: no sandbox (root, no user
 * namespaces), no GPU, and no background traffic to Google.
 */
export const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage', '--font-render-hinting=none'];

export async function launchBrowser(executablePath = findBrowser()): Promise<Browser> {
  try {
    // puppeteer closes the browser itself on Ctrl-C, SIGTERM and SIGHUP.
    return await puppeteer().launch({ executablePath, headless: true, args: BROWSER_ARGS, handleSIGINT: true, handleSIGTERM: true, handleSIGHUP: true });
  } catch (error) {
    throw new AppError('unexpected', `The browser at ${executablePath} did not start: ${(error as Error).message.split('\n')[0]}\n${NO_BROWSER_MESSAGE}`);
  }
}
