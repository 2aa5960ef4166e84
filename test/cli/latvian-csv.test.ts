// Issue 18 §2: CSV files saved from a Latvian school's Excel import with their
// own words — roles, kinds of work, subjects by name, short dates, "Atzīme" —
// and a word that could mean two things is refused with the choices.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/school.ts';
import { dbState, EXAMPLE_SCHOOL, runner } from './_helpers.ts';

const t = tempDir('ezurnals-latvian-csv-');
const { run, setup } = runner(t.dbPath);
const file = (name: string, text: string) => {
  const path = join(t.dir, name);
  writeFileSync(path, text);
  return path;
};

test.before(async () => {
  await setup([...EXAMPLE_SCHOOL, ['lesson', 'add', '--class', '7.a', '--subject', 'mat', '--date', '2026-10-05', '--number', '1', '--topic', 'Daļskaitļi', '--as', 'T01']]);
});
test.after(() => t.cleanup());

test('staff roles in Latvian: skolotājs, klases audzinātājs, direktora vietnieks, administrators, medmāsa, sociālais pedagogs', async () => {
  const path = file(
    'darbinieki.csv',
    [
      'Kods;Vārds;Uzvārds;Lomas',
      'T10;Ieva;Liepa;skolotājs, klases audzinātāja',
      'D10;Aivars;Kalns;Direktora vietnieks',
      'A10;Rita;Sila;administrators',
      'N10;Laima;Upe;medmāsa',
      'P10;Guna;Egle;sociālais pedagogs',
      'T11;Juris;Priede;teacher|skolotājs',
    ].join('\n'),
  );
  const r = await run(['import', 'staff', path]);
  assert.is(r.code, 0, r.stderr);
  const staff = (await run(['staff', 'list', '--json'])).json as { code: string; roles: string[] }[];
  const roles = Object.fromEntries(staff.map((s) => [s.code, [...s.roles].sort()]));
  assert.equal(roles.T10, ['class-teacher', 'teacher']);
  assert.equal(roles.D10, ['deputy']);
  assert.equal(roles.A10, ['admin']);
  assert.equal(roles.N10, ['nurse']);
  assert.equal(roles.P10, ['social-pedagogue']);
  assert.equal(roles.T11, ['teacher']);
});

test('an ambiguous role is refused with its choices, naming file, line, column and value; nothing written', async () => {
  const before = await dbState(t.dbPath);
  const path = file('darbinieki2.csv', 'Kods;Vārds;Uzvārds;Lomas\nX01;Jānis;Ozols;skolotājs\nX02;Anna;Bērza;direktors\n');
  const r = await run(['import', 'staff', path]);
  assert.is(r.code, 4, r.stderr);
  assert.match(r.stderr, /darbinieki2\.csv:3: column "Lomas": value "direktors" — "direktors" may mean deputy \(direktora vietnieks\) or admin \(administrators\): write which/);
  assert.is(await dbState(t.dbPath), before);
});

test('grades: "Atzīme", the subject by its name, short dates and Latvian kinds of work', async () => {
  const path = file(
    'atzimes.csv',
    ['Klase;Priekšmets;Datums;Skolēns;Atzīme;Darba veids', '7.a;Matemātika;5.10.26;S001;7;pārbaudes darbs', '7.a;matematika;06.10.26;S001;8;kārtējais', '7.a;mat;7.10.26;S001;i;Ieskaite'].join('\r\n'),
  );
  const r = await run(['import', 'grades', path, '--as', 'T01']);
  assert.is(r.code, 0, r.stderr);
  const grades = (await run(['grade', 'list', '--class', '7.a', '--json'])).json as { date: string; value: string; work: string; subject: string }[];
  assert.equal(
    grades.map((g) => [g.date, g.subject, g.value, g.work]).sort(),
    [
      ['2026-10-05', 'mat', '7', 'test'],
      ['2026-10-06', 'mat', '8', 'regular'],
      ['2026-10-07', 'mat', 'i', 'credit'],
    ],
  );
});

test('an ambiguous kind of work, an unknown subject name and a short date that does not exist are each one problem; nothing written', async () => {
  const before = await dbState(t.dbPath);
  const path = file('atzimes2.csv', ['Klase;Priekšmets;Datums;Skolēns;Vērtējums;Darba veids', '7.a;mat;8.10.26;S001;9;semestra', '7.a;Fizika;8.10.26;S001;9;', '7.a;mat;31.02.26;S001;9;'].join('\n'));
  const r = await run(['import', 'grades', path, '--as', 'T01']);
  assert.is(r.code, 4, r.stderr);
  assert.match(r.stderr, /atzimes2\.csv:2: column "Darba veids": value "semestra" — "semestra" may mean semester1 \(1\. semestris\) or semester2 \(2\. semestris\): write which/);
  assert.match(r.stderr, /atzimes2\.csv:3: column "Priekšmets": value "Fizika" — Unknown subject Fizika/);
  assert.match(r.stderr, /atzimes2\.csv:4: column "Datums": value "31\.02\.26" — not a date/);
  assert.is(await dbState(t.dbPath), before);
});

test('a subject name two subjects share is refused with their codes', async () => {
  await setup([
    ['subject', 'add', 'sp1', '--name', 'Sports'],
    ['subject', 'add', 'sp2', '--name', 'Sports'],
  ]);
  const r = await run(['import', 'assignments', file('piesaiste.csv', 'Klase;Priekšmets;Skolotājs\n7.a;Sports;T02\n')]);
  assert.is(r.code, 4, r.stderr);
  assert.match(r.stderr, /piesaiste\.csv:2: column "Priekšmets": value "Sports" — "Sports" is the name of 2 subjects: write the code, sp1 or sp2/);
});

test('a big grades file (the bulk path) reads subject names and short dates too', async () => {
  const rows = Array.from({ length: 2100 }, (_, i) => `7.a;Matemātika;5.10.26;S001;${(i % 10) + 1};kārtējais;nr. ${i}`);
  const path = file('daudz.csv', ['Klase;Priekšmets;Datums;Skolēns;Atzīme;Darba veids;Piezīmes', ...rows].join('\n'));
  const r = await run(['import', 'grades', path, '--json']);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.json[0].created, 2100);
  const bad = file('daudz2.csv', ['Klase;Priekšmets;Datums;Skolēns;Atzīme;Darba veids;Piezīmes', ...rows.map((row) => row.replace('kārtējais', 'semestra').replace('nr.', 'b'))].join('\n'));
  const refused = await run(['import', 'grades', bad]);
  assert.is(refused.code, 4);
  assert.match(refused.stderr, /daudz2\.csv:2: column "Darba veids": value "semestra" — "semestra" may mean semester1/);
});

test.run();
