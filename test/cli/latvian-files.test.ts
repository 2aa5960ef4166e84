// Reports, files and the archive in Latvian (issue 18 §1, §4): the import's
// problem lines as the administrator fixing an Excel sheet reads them, the
// summary's table and plurals, a duplicate that names the student, export,
// the audit trail and the reports' refusals. Every run here names Latvian.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cli } from '../support/cli.ts';
import { tempDir } from '../support/school.ts';
import { IMPORT_FIXTURES } from '../fixtures/import/make-fixtures.ts';
import { withLanguage } from '../../src/i18n/language.ts';
import { formatProblem } from '../../src/csv/errors.ts';
import { cardWarnings } from '../../src/reports/card.ts';
import type { CardData } from '../../src/reports/card-model.ts';

const LV = { EZURNALS_LANG: 'lv' };
const BUNDLE = join(IMPORT_FIXTURES, 'bundle');

const t = tempDir();
const ez = (...args: string[]) => cli(['--db', t.dbPath, '--as', 'admin', ...args], LV);

test.after(() => t.cleanup());

test('import bundle: the summary table, its totals and warnings in Latvian', async () => {
  const init = await cli(['--db', t.dbPath, 'init', '--school', 'Rīgas Parauga vidusskola', '--year', '2026/2027']);
  assert.is(init.code, 0, init.stderr);
  const bundle = await ez('import', 'bundle', BUNDLE);
  assert.is(bundle.code, 0, bundle.stderr);
  // The summary: Latvian headers and words, numbers as in English.
  assert.match(bundle.stdout, /│ veids +│ fails +│ izveidoti │ mainīti │ nemainīti │ kļūdas │/);
  assert.match(bundle.stderr, /6 jaunas stundas bez entered_at \(Ievadīts\), tāpēc tās skaitās ievadītas tagad/);
  assert.match(bundle.stderr, /Importēts: izveidoti 49, mainīti 0, nemainīti 0\./);
  assert.match(bundle.stderr, /nav importēts: README\.txt/);
});

test('an import error line reads Latvian: FILE, N. rinda: kolonna, vērtība — an unknown student, and a plural count', async () => {
  const file = join(t.dir, 'vertejumi.csv');
  writeFileSync(file, 'Klase;Priekšmets;Datums;Skolēns;Vērtējums\n7.a;mat;07.09.2026;S101;9\n7.a;mat;07.09.2026;S999;8\n7.a;mat;07.09.2026;S102;aaa\n');
  const r = await ez('import', 'grades', file);
  assert.is(r.code, 4, r.stderr);
  assert.match(r.stderr, `${file}, 3. rinda: kolonna "Skolēns", vērtība "S999" — Nezināms skolēns S999 (zināmie: S10`);
  assert.match(r.stderr, `${file}, 4. rinda: kolonna "Vērtējums", vērtība "aaa" — `);
  assert.match(r.stderr, /Nekas nav importēts: 2 rindas ar kļūdām \(skatiet zemāk\); pārējās rindās būtu izveidoti 0, mainīti 1, nemainīti 0\./);
  assert.not.match(r.stderr, /\b(row|line|column|value|Unknown|Nothing)\b/);
});

test('one row with an error is "1 rinda", and an unknown column is named in Latvian', async () => {
  const file = join(t.dir, 'skoleni.csv');
  writeFileSync(file, 'Kods;Vārds;Uzvārds;Dzimums;Mātes tālrunis\nS101;Jānis;Bērziņš;X;+37120000000\n');
  const r = await ez('import', 'students', file);
  assert.is(r.code, 4);
  assert.match(r.stderr, `${file}, 2. rinda: kolonna "Dzimums", vērtība "X" — jābūt M vai F (der arī V/S: vīrietis/sieviete)`);
  assert.match(r.stderr, `${file}, 1. rinda: kolonna "Mātes tālrunis" — nezināma kolonna: vecāku vai aizbildņu dati jāliek likumisko pārstāvju failā`);
  assert.match(r.stderr, /Nekas nav importēts: 1 rinda ar kļūdām/);
});

test('an ambiguous Latvian word lists its meanings joined with "vai"', async () => {
  const file = join(t.dir, 'darbinieki.csv');
  writeFileSync(file, 'Kods;Vārds;Uzvārds;Lomas\nT900;Inese;Liepa;direktors\n');
  const r = await ez('import', 'staff', file, '--dry-run');
  assert.is(r.code, 4);
  assert.match(r.stderr, `${file}, 2. rinda: kolonna "Lomas", vērtība "direktors" — "direktors" var nozīmēt deputy (direktora vietnieks) vai admin (administrators): norādiet, kuru`);
});

test('a duplicate guardian row names the student, declined: "skolēnam Jānim Bērziņam (S101)"', async () => {
  const file = join(t.dir, 'vecaki.csv');
  writeFileSync(file, 'Skolēns;Vārds;Uzvārds;Radniecība\nS101;Ilze;Bērziņa;māte\nS101;Ilze;Bērziņa;māte\n');
  const r = await ez('import', 'guardians', file, '--dry-run');
  assert.is(r.code, 4);
  assert.match(r.stderr, `${file}, 3. rinda: kolonna "Uzvārds", vērtība "Bērziņa" — atkārtojas likumiskais pārstāvis Ilze Bērziņa skolēnam Jānim Bērziņam (S101) (arī 2. rindā)`);
  // English names them too.
  const en = await cli(['--db', t.dbPath, '--as', 'admin', 'import', 'guardians', file, '--dry-run']);
  assert.match(en.stderr, `${file}:3: column "Uzvārds": value "Bērziņa" — duplicate guardian Ilze Bērziņa of Jānis Bērziņš (S101) (also on line 2)`);
});

test('export: Latvian refusals and the written-file line with its plural', async () => {
  const bad = await ez('export', 'nothing');
  assert.is(bad.code, 2);
  assert.match(bad.stderr, /Nezināms veids "nothing": viens no /);
  const out = join(t.dir, 'skoleni-export.csv');
  const r = await ez('export', 'students', '--excel', '--out', out);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, `students: 6 ieraksti ierakstīti failā ${out}.`);
  const again = await ez('export', 'students', '--out', out);
  assert.is(again.code, 6);
  assert.match(again.stderr, `${out} jau ir; pievienojiet --force, lai to pārrakstītu.`);
});

test('audit: table headers and the verify line in Latvian', async () => {
  const list = await ez('audit', 'list', '--limit', '3');
  assert.is(list.code, 0, list.stderr);
  assert.match(list.stdout, /│ id +│ laiks +│ kas +│ darbība +│ ieraksts +│ vērtības +│ komanda +│/);
  const verify = await ez('audit', 'verify');
  assert.is(verify.code, 0, verify.stderr);
  assert.match(verify.stdout, /^OK: pārbaudīti \d+ audita ieraks(ts|ti|tu), \d+ rind(a|as|u) atbilst savam pēdējam ierakstam\.$/m);
  const since = await ez('audit', 'list', '--since', 'vakar');
  assert.is(since.code, 2);
  assert.match(since.stderr, '--since vakar: norādiet datumu, piemēram, 2026-11-01.');
});

test('reports: a refusal and a student named in it, in Latvian', async () => {
  const noTerm = await ez('report', 'card', '--class', '7.a');
  assert.is(noTerm.code, 2);
  assert.match(noTerm.stderr, 'Vajag --term: 1 (I semestris), 2 (II semestris) vai year.');
  const nobody = await ez('report', 'card', '--term', '1');
  assert.match(nobody.stderr, 'Norādiet, kam atskaite: --class KODS, --student KODS vai --all (tieši vienu no tiem).');
  const otherYear = await cli(['--db', t.dbPath, '--as', 'admin', 'year', 'add', '2027/2028'], LV);
  assert.is(otherYear.code, 0, otherYear.stderr);
  const r = await ez('report', 'card', '--term', '1', '--student', 'S101', '--year', '2027/2028', '--format', 'html', '--out', t.dir);
  assert.is(r.code, 3, r.stderr);
  assert.match(r.stderr, 'Jānis Bērziņš (S101) mācību gadā 2027/2028 nav nevienā klasē.');
});

test('archive verify: an archive that is not one, in Latvian', async () => {
  const dir = join(t.dir, 'nav-arhivs');
  mkdirSync(dir, { recursive: true });
  const r = await cli(['archive', 'verify', dir], LV);
  assert.is(r.code, 4);
  assert.match(r.stderr, `${dir} nav manifest.json ne pašā mapē, ne volume-N mapēs: tas nav ezurnals arhīvs.`);
  const missing = await cli(['archive', 'verify', join(t.dir, 'nekas')], LV);
  assert.is(missing.code, 3);
  assert.match(missing.stderr, `${join(t.dir, 'nekas')} nav arhīva.`);
});

test('report card warnings: Latvian plurals of students (1 skolēnam, 2 skolēniem, 21 skolēnam)', () => {
  const student = (i: number) => ({ class: '7.a', first_name: `Vārds${i}`, last_name: 'Ābele', subjects: [{ name: 'Matemātika', grade: null, lessons: 3 }] });
  const data = (n: number) => ({ term: '1', year: '2026/2027', to: '2026-12-18', students: Array.from({ length: n }, (_, i) => student(i)) }) as unknown as CardData;
  const warnings = (n: number) => withLanguage('lv', () => cardWarnings(data(n), '2027-01-10'));
  assert.match(warnings(1)[0]!, /^1\. semestra vērtējumu trūkst 1 skolēnam, tie izdrukāti kā tukšas šūnas — 7\.a Vārds0 Ābele: Matemātika\.$/);
  assert.match(warnings(2)[0]!, /trūkst 2 skolēniem/);
  assert.match(warnings(21)[0]!, /trūkst 21 skolēnam, .*; … un vēl 11 skolēniem\.$/);
  const early = withLanguage('lv', () => cardWarnings(data(0), '2026-12-01'));
  assert.equal(early, ['Mācību gada 2026/2027 1. semestris beidzas 2026-12-18, bet šodien ir 2026-12-01: liecībās ir līdz šim ieliktie vērtējumi.']);
});

test('a problem without a column or value keeps the place first in both languages', () => {
  const p = { file: 'a.csv', line: 7, reason: 'x' };
  assert.is(withLanguage('lv', () => formatProblem(p)), 'a.csv, 7. rinda: x');
  assert.is(withLanguage('en', () => formatProblem(p)), 'a.csv:7: x');
});

test.run();
