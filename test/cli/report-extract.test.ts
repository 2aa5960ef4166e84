import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { reportSchool } from '../support/report-school.ts';
import { tempDir } from '../support/school.ts';
import { lineWith, pdfPages, pdfText } from '../support/pdf.ts';
import { runner } from './_helpers.ts';
import { spawn, spawnSync } from 'node:child_process';
import { BIN, bin } from '../support/cli.ts';

const school = await reportSchool();
const out = tempDir('ezurnals-report-');
const { run, refused } = runner(school.dbPath, undefined);
const NO_BROWSER = { PUPPETEER_EXECUTABLE_PATH: join(out.dir, 'no-such-chrome') };

test.after(async () => {
  await school.cleanup();
  out.cleanup();
});

test('PDF extracts for two classes: one per student and one per class, read back with their real values', async () => {
  const dir = join(out.dir, 'pdf');
  const r = await run(['report', 'extract', '--month', '2026-10', '--class', '7.a', '--class', '7.b', '--out', dir]);
  assert.is(r.code, 0, r.stderr);
  assert.equal(readdirSync(dir).sort(), [
    '2026-10_7a_abele-anna.pdf',
    '2026-10_7a_berzins-janis.pdf',
    '2026-10_7a_visa-klase.pdf',
    '2026-10_7a_ziemele-zane.pdf',
    '2026-10_7b_ko-b-b-anna.pdf',
    '2026-10_7b_ozols-oskars.pdf',
    '2026-10_7b_visa-klase.pdf',
  ]);
  assert.match(r.stdout, '2026-10_7a_berzins-janis.pdf');
  assert.match(r.stderr, 'Wrote 7 file(s).');

  const janis = pdfText(join(dir, '2026-10_7a_berzins-janis.pdf'));
  for (const text of ['RĪGAS PARAUGA VIDUSSKOLA', 'Sekmju izraksts', '2026. gada oktobris', 'Jānis Bērziņš', '2026/2027', 'Anna Kalniņa', 'Ar sekmju izrakstu esmu iepazinies(-usies).', 'Vecāka (aizbildņa) vārds, uzvārds', 'Rīgas Parauga vidusskola · Sekmju izraksts 2026. gada oktobris — Jānis Bērziņš, 7.a']) {
    assert.ok(janis.includes(text), `${text} in:\n${janis}`);
  }
  assert.is(lineWith(janis, 'Matemātika'), 'Matemātika 8 9 pd 8,5');
  assert.match(lineWith(janis, 'Sekmju izraksts 2026. gada oktobris —'), /1\s*\/\s*1$/, 'page number in the footer');
  assert.is(lineWith(janis, 'Latviešu valoda'), 'Latviešu valoda 7 7 1');
  assert.match(lineWith(janis, 'Kopā'), /^Kopā 0 0 0 1$/);
  assert.match(lineWith(janis, '05.10.'), /05\.10\.\s06\.10\.\s12\.10\./);
  assert.is(lineWith(janis, 'Traucēja stundu'), '06.10. negatīvi Traucēja stundu ar telefonu Pēteris Ozoliņš');
  assert.is(lineWith(janis, 'Palīdzēja'), '07.10. pozitīvi Palīdzēja klasesbiedram ar uzdevumiem Anna Kalniņa');
  assert.ok(janis.includes('Piezīmes vecāku ievērībai'));
  assert.match(lineWith(janis, 'Ekskursija'), 'Ekskursija uz Siguldu 23. oktobrī; līdzi ņemt pusdienas. — Anna Kalniņa');
  assert.not.ok(janis.includes('Septembra uzslava'));

  const zane = pdfText(join(dir, '2026-10_7a_ziemele-zane.pdf'));
  assert.is(lineWith(zane, 'Matemātika'), 'Matemātika 4 pd 4 1', 'the ns absence counted in its column');
  assert.is(lineWith(zane, 'Kopā'), 'Kopā 0 1 0 0');

  const whole = join(dir, '2026-10_7a_visa-klase.pdf');
  assert.is(pdfPages(whole), 3, 'each student on a page of their own');
  const wholeText = pdfText(whole);
  for (const name of ['Anna Ābele', 'Jānis Bērziņš', 'Zane Ziemele']) assert.ok(wholeText.includes(name), name);

  const escaped = pdfText(join(dir, '2026-10_7b_ko-b-b-anna.pdf'));
  assert.ok(escaped.includes('<b>Anna & "Ko"</b>'), `the name prints literally:\n${escaped}`);
  assert.ok(escaped.includes('Šajā mēnesī vērtējumu nav.'), 'a student with no grades this month is told so');
});

test('existing files are kept unless --force; --force replaces them', async () => {
  const dir = join(out.dir, 'pdf');
  const file = join(dir, '2026-10_7a_berzins-janis.pdf');
  const before = readFileSync(file);
  const clash = await run(['report', 'extract', '--month', '2026-10', '--class', '7.a', '--out', dir]);
  assert.is(clash.code, 6, clash.stderr);
  assert.is(clash.stdout, '');
  assert.match(clash.stderr, /4 file\(s\) already exist.*--force/);
  assert.ok(readFileSync(file).equals(before));
  assert.equal(readdirSync(dir).filter((f) => f.endsWith('.part')), []);
  const forced = await run(['report', 'extract', '--month', '2026-10', '--student', 'S001', '--out', dir, '--force', '--lang', 'en']);
  assert.is(forced.code, 0, forced.stderr);
  const english = pdfText(file);
  for (const text of ['Monthly grade extract', 'October 2026', 'I have read the grade extract.', 'Matemātika']) assert.ok(english.includes(text), text);
});

test('one student printed into the class folder never replaces the whole-class file (issue 14)', async () => {
  const dir = join(out.dir, 'pdf');
  const whole = join(dir, '2026-10_7a_visa-klase.pdf');
  const before = readFileSync(whole);
  const files = readdirSync(dir).sort();
  const r = await run(['report', 'extract', '--month', '2026-10', '--student', 'S001', '--out', dir, '--force']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, 'Wrote 1 file(s).');
  assert.not.match(r.stdout, 'visa-klase');
  assert.equal(readdirSync(dir).sort(), files, 'no new file, none removed');
  assert.ok(readFileSync(whole).equals(before), 'the class file is untouched');
  assert.is(pdfPages(whole), 3);
  assert.ok(pdfText(join(dir, '2026-10_7a_berzins-janis.pdf')).includes('Jānis Bērziņš'));
});

test('--format html needs no browser, and the HTML escapes every value', async () => {
  const dir = join(out.dir, 'html');
  const r = await run(['report', 'extract', '--month', '2026-10', '--class', '7.b', '--out', dir, '--format', 'html'], NO_BROWSER);
  assert.is(r.code, 0, r.stderr);
  const html = readFileSync(join(dir, '2026-10_7b_ko-b-b-anna.html'), 'utf8');
  assert.match(html, '&lt;b&gt;Anna');
  assert.not.match(html, '<b>Anna');
  assert.match(html, /^<!DOCTYPE html>/);
});

test('no browser: exit 1 with one clear message, and no file written', async () => {
  const dir = join(out.dir, 'none');
  // The browser is looked up in the process's own environment: a real process, started without one.
  const r = bin(['report', 'extract', '--month', '2026-10', '--class', '7.a', '--out', dir], { EZURNALS_DB: school.dbPath, ...NO_BROWSER });
  assert.is(r.code, 1);
  assert.match(r.stderr, 'no such file exists');
  assert.match(r.stderr, 'apt-get install chromium');
  assert.match(r.stderr, '--format html');
  assert.not.match(r.stderr, /\n\s+at /, 'no stack trace');
  assert.ok(!existsSync(dir) || readdirSync(dir).length === 0);
});

test('--json prints the data and writes no file', async () => {
  const dir = join(out.dir, 'json');
  const r = await run(['report', 'extract', '--month', '2026-10', '--student', 'S003', '--out', dir, '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.json.month, '2026-10');
  assert.equal(r.json.students.map((s: { code: string }) => s.code), ['S003']);
  const mat = r.json.students[0].subjects.find((s: { code: string }) => s.code === 'mat');
  assert.equal(mat.grades, [{ date: '2026-10-12', value: '4', work: 'test' }]);
  assert.equal(mat.absences, { n: 0, ns: 1, nc: 0, k: 0 });
  assert.not.ok(existsSync(dir));
});

test('refusals: usage (exit 2) and unknown names (exit 3), with nothing written', async () => {
  const dir = join(out.dir, 'refused');
  await refused('no month', ['report', 'extract', '--class', '7.a', '--out', dir], 'usage', /--month/);
  await refused('bad month', ['report', 'extract', '--month', 'oktobris', '--class', '7.a', '--out', dir], 'usage', /YYYY-MM/);
  await refused('no audience', ['report', 'extract', '--month', '2026-10', '--out', dir], 'usage', /--class CODE, --student CODE or --all/);
  await refused('bad format', ['report', 'extract', '--month', '2026-10', '--all', '--format', 'docx', '--out', dir], 'usage');
  await refused('unknown class', ['report', 'extract', '--month', '2026-10', '--class', '7.x', '--out', dir], 'not_found', /7\.x.*known: 2\.a, 7\.a, 7\.b/);
  await refused('unknown student', ['report', 'extract', '--month', '2026-10', '--student', 'S999', '--out', dir], 'not_found', /S999/);
  assert.not.ok(existsSync(dir));
  const family = await run(['report', '--json']);
  assert.is(family.code, 2);
});

test('the files written are whole PDFs', () => {
  const dir = join(out.dir, 'pdf');
  for (const file of readdirSync(dir)) {
    const head = readFileSync(join(dir, file)).subarray(0, 5).toString('latin1');
    assert.is(head, '%PDF-', file);
    assert.ok(statSync(join(dir, file)).size > 5000, file);
  }
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const alive = (pid: number) => spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim().replace(/Z.*/, '') !== '';

test('Ctrl-C while printing: the browser is closed and no file, whole or half, is left', async () => {
  const dir = join(out.dir, 'interrupted');
  const child = spawn(process.execPath, [BIN, 'report', 'extract', '--month', '2026-10', '--all', '--out', dir], { env: { ...process.env, EZURNALS_DB: school.dbPath } });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : null))));
  let browser: number | undefined;
  // Up to a minute: under load (two suites at once, the server dialect) the first file takes a while.
  for (let i = 0; i < 1200 && browser === undefined; i++) {
    await sleep(50);
    const children = spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(child.pid)], { encoding: 'utf8' }).stdout;
    const line = children.split('\n').find((l) => /chrom/.test(l));
    if (line && existsSync(dir) && readdirSync(dir).length > 0) browser = Number(line.trim().split(/\s+/)[0]);
  }
  assert.ok(browser, 'the browser started and printing began');
  child.kill('SIGINT');
  assert.is(await exited, 130);
  for (let i = 0; i < 40 && alive(browser!); i++) await sleep(50);
  assert.not.ok(alive(browser!), 'the browser process is gone');
  // The folder was made by this run: it goes too, with neither half-written nor finished files.
  assert.not.ok(existsSync(dir), `${dir} remains${existsSync(dir) ? `: ${readdirSync(dir).join(', ')}` : ''}`);
});

test.run();
