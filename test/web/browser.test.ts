// The web diary in real headless Chromium (puppeteer), with JavaScript off:
// the pages must work as plain HTML forms. Screenshots at 390×844 and
// 1280×800 are written to $EZURNALS_WEB_SCREENSHOTS when it names a folder.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'puppeteer';
import { launchBrowser } from '../../src/reports/browser.ts';
import { webWorld, type WebWorld } from './_fixture.ts';

const SHOTS = process.env.EZURNALS_WEB_SCREENSHOTS;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });

const Browse = suite('web diary in a browser');
let w: WebWorld;
let browser: Browser;
let base: string;

Browse.before(async () => {
  w = await webWorld();
  await w.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(w.app.server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});
Browse.after(async () => {
  try {
    await browser?.close();
  } finally {
    await w.close();
  }
});

const NEW_PASSWORD = 'Rudens-lapas-2026';

async function newPage(width = 390, height = 844): Promise<Page> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setJavaScriptEnabled(false);
  await page.setViewport({ width, height });
  return page;
}

async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  const { width } = page.viewport()!;
  await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
  if (width === 390) {
    await page.setViewport({ width: 1280, height: 800 });
    await page.screenshot({ path: join(SHOTS, `${name}-1280.png`), fullPage: true });
    await page.setViewport({ width: 390, height: 844 });
  }
}

async function submit(page: Page, selector = 'main button[type=submit]'): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.type('input[name=username]', username);
  await page.type('input[name=password]', password);
  await submit(page);
}

const text = (page: Page) => page.$eval('body', (b) => (b as HTMLElement).innerText);

/** Signs in with the SMS password and replaces it, as the first sign-in requires. */
async function firstSignIn(page: Page, username: string): Promise<void> {
  await signIn(page, username, w.passwords[username]!);
  assert.is(new URL(page.url()).pathname, '/parole');
  assert.match(await text(page), /pagaidu parole/);
  await shoot(page, 'password-change');
  await page.type('input[name=current]', w.passwords[username]!);
  await page.type('input[name=password]', NEW_PASSWORD);
  await page.type('input[name=repeat]', NEW_PASSWORD);
  await submit(page);
  assert.match(await text(page), /Parole nomainīta/);
}

Browse('signing in, the first change of password, the week and the grades; signing out', async () => {
  const page = await newPage();
  try {
    await page.goto(`${base}/`);
    await shoot(page, 'sign-in');
    await firstSignIn(page, 'ilze.berzina');
    await page.goto(`${base}/`);
    assert.is(new URL(page.url()).pathname, `/skolens/${w.ids.S001}/nedela`);
    const week = await text(page);
    for (const expected of ['Jānis Bērziņš', 'Pirmdiena, 23.11.2026.', 'Daļskaitļi', '12. uzdevums', 'Decimāldaļskaitļi', 'Anna Ābele']) assert.ok(week.includes(expected), expected);
    await shoot(page, 'week');
    await Promise.all([page.waitForNavigation(), page.click('nav.tabs a[href$="/sekmes"]')]);
    const grades = await text(page);
    assert.match(grades, /Matemātika/);
    assert.match(grades, /7,50/);
    await shoot(page, 'grades');
    await Promise.all([page.waitForNavigation(), page.click('nav.children a[href*="/' + w.ids.S002 + '/"]')]);
    assert.match(await text(page), /Anna Ābele · sekmes/);
    await submit(page, 'header form button');
    assert.is(new URL(page.url()).pathname, '/');
    assert.ok(await page.$('input[name=username]'), 'back at the sign-in form');
    await page.goto(`${base}/skolens/${w.ids.S001}/nedela`);
    assert.ok(await page.$('input[name=username]'), 'the diary asks to sign in again');
  } finally {
    await page.browserContext().close();
  }
});

Browse('acknowledging an extract, and a guardian opening another child\'s page', async () => {
  const page = await newPage();
  try {
    await signIn(page, 'ilze.berzina', NEW_PASSWORD);
    await page.goto(`${base}/skolens/${w.ids.S001}/izraksts`);
    await page.select('select[name=menesis]', '2026-10');
    await submit(page, 'form.month button');
    assert.match(await text(page), /Sekmju izraksts: 2026\. gada oktobris/);
    await shoot(page, 'extract');
    await submit(page, 'section.ack button');
    const after = await text(page);
    assert.match(after, /Iepazinās: Ilze Bērziņa, 29\.11\.2026\. 10:00/);
    assert.not.ok(await page.$('section.ack button'), 'no second button');
    const response = await page.goto(`${base}/skolens/${w.ids.S004}/nedela`);
    assert.is(response!.status(), 404);
    assert.match(await text(page), /Šāda lapa nav atrasta/);
    assert.not.match(await text(page), /Oskars/);
    await shoot(page, 'not-found');
  } finally {
    await page.browserContext().close();
  }
});

Browse('a guardian sends an absence note; the class teacher accepts it', async () => {
  const family = await newPage();
  const teacher = await newPage(1280, 800);
  try {
    await signIn(family, 'ilze.berzina', NEW_PASSWORD);
    await family.goto(`${base}/skolens/${w.ids.S001}/kavejumi`);
    await Promise.all([family.waitForNavigation(), family.click('a.button')]);
    await family.$eval('input[name=no]', (e) => ((e as HTMLInputElement).value = '2026-11-24'));
    await family.type('textarea[name=teksts]', 'Saaukstēšanās, ārsta apmeklējums');
    await shoot(family, 'note-form');
    await submit(family);
    assert.match(await text(family), /Zīme nosūtīta klases audzinātājam/);
    assert.match(await text(family), /gaida lēmumu/);

    await firstSignIn(teacher, 'anna.kalnina');
    await teacher.goto(`${base}/`);
    assert.match(await text(teacher), /7\.a Matemātika/);
    assert.match(await text(teacher), /Zīmes par kavējumiem \(1 gaida\)/);
    await teacher.goto(`${base}/zurnals/7.a/mat`);
    await shoot(teacher, 'journal-grid');
    await teacher.goto(`${base}/zimes`);
    assert.match(await text(teacher), /Saaukstēšanās/);
    await shoot(teacher, 'absence-notes');
    await submit(teacher, 'form.decide button[value=accept]');
    assert.match(await text(teacher), /Zīme pieņemta: attaisnoti kavējumi — 1/);

    await family.goto(`${base}/skolens/${w.ids.S001}/kavejumi`);
    const absences = await text(family);
    assert.match(absences, /pieņemta/);
    assert.match(absences, /ns\s+1/);
    await shoot(family, 'absences');
  } finally {
    await family.browserContext().close();
    await teacher.browserContext().close();
  }
});

Browse('a wrong password until the profile locks', async () => {
  const page = await newPage();
  try {
    for (let i = 1; i <= 2; i++) {
      await signIn(page, 'rita.ozola', 'Nepareiza-123');
      assert.match(await text(page), /Nepareizs lietotājvārds vai parole/);
    }
    await signIn(page, 'rita.ozola', 'Nepareiza-123');
    assert.match(await text(page), /Profils ir bloķēts līdz/);
    await signIn(page, 'rita.ozola', w.passwords['rita.ozola']!);
    assert.match(await text(page), /bloķēts/);
    await shoot(page, 'locked');
  } finally {
    await page.browserContext().close();
  }
});

Browse.run();
