import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AppError } from '../../src/errors.ts';
import { findBrowser, noBrowserMessage } from '../../src/reports/browser.ts';

const only = (...paths: string[]) => (path: string) => paths.includes(path);

test('PUPPETEER_EXECUTABLE_PATH wins, and a wrong one is an error, not a silent fallback', () => {
  assert.is(findBrowser({ PUPPETEER_EXECUTABLE_PATH: '/opt/chrome/chrome' }, only('/opt/chrome/chrome', '/usr/bin/chromium')), '/opt/chrome/chrome');
  try {
    findBrowser({ PUPPETEER_EXECUTABLE_PATH: '/nowhere/chrome' }, only('/usr/bin/chromium'));
    assert.unreachable();
  } catch (error) {
    assert.instance(error, AppError);
    assert.is((error as AppError).exitCode, 1);
    assert.match((error as Error).message, '/nowhere/chrome');
    assert.match((error as Error).message, '--format html');
  }
});

test('system browsers are found in the documented order', () => {
  assert.is(findBrowser({}, only('/usr/bin/google-chrome', '/usr/bin/chromium')), '/usr/bin/chromium');
  assert.is(findBrowser({}, only('/usr/bin/google-chrome')), '/usr/bin/google-chrome');
});

test('no browser at all: one clear message saying what to do', () => {
  try {
    findBrowser({}, () => false);
    assert.unreachable();
  } catch (error) {
    assert.instance(error, AppError);
    assert.is((error as AppError).exitCode, 1);
    assert.is((error as Error).message, noBrowserMessage());
    assert.match(noBrowserMessage(), 'apt-get install chromium');
    assert.match(noBrowserMessage(), 'PUPPETEER_EXECUTABLE_PATH');
    assert.match(noBrowserMessage(), '--format html');
  }
});

test.run();
