import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ROLES } from '../../src/domain/roles.ts';
import { WORK_KINDS } from '../../src/domain/grade-scale.ts';
import {
  choicesText,
  latvianDate,
  latvianTimestamp,
  parseShortDate,
  ROLE_LABELS_LV,
  ROLE_WORDS,
  roleOfWord,
  subjectOfName,
  WORK_LABELS_LV,
  WORK_WORDS,
  workOfWord,
} from '../../src/domain/latvian-values.ts';

const roles: [string, string | string[] | undefined][] = [
  ['skolotājs', 'teacher'],
  ['Skolotāja', 'teacher'],
  ['klases audzinātājs', 'class-teacher'],
  ['Klases  Audzinātāja', 'class-teacher'],
  ['klases audzinatajs', 'class-teacher'], // without diacritics
  ['direktora vietnieks', 'deputy'],
  ['Direktora vietniece', 'deputy'],
  ['dir. vietn.', 'deputy'],
  ['administrators', 'admin'],
  ['medmāsa', 'nurse'],
  ['sociālais pedagogs', 'social-pedagogue'],
  ['viesis', 'guest'],
  ['teacher', 'teacher'], // our own names
  ['CLASS-TEACHER', 'class-teacher'],
  ['direktors', ['deputy', 'admin']],
  ['pedagogs', ['teacher', 'social-pedagogue']],
  ['sētnieks', undefined],
  ['māsa', undefined], // a sister in a guardians file; not guessed as a nurse
];
for (const [word, expected] of roles) {
  test(`roleOfWord(${JSON.stringify(word)})`, () => {
    const meaning = roleOfWord(word);
    if (expected === undefined) return assert.is(meaning, undefined);
    if (Array.isArray(expected)) return assert.equal(meaning, { ok: false, choices: expected });
    assert.equal(meaning, { ok: true, value: expected });
  });
}

const works: [string, string | string[] | undefined][] = [
  ['kārtējais', 'regular'],
  ['Kārtējais vērtējums', 'regular'],
  ['ieskaite', 'credit'],
  ['pārbaudes darbs', 'test'],
  ['Pārbaudes  darbs', 'test'],
  ['parbaudes darbs', 'test'],
  ['kontroldarbs', 'test'],
  ['noslēguma darbs', 'large'],
  ['apjomīgs pārbaudes darbs', 'large'],
  ['referāts', 'large'],
  ['1. semestris', 'semester1'],
  ['I semestris', 'semester1'],
  ['1. semestra vērtējums', 'semester1'],
  ['2. semestris', 'semester2'],
  ['II sem.', 'semester2'],
  ['gada', 'annual'],
  ['Gada vērtējums', 'annual'],
  ['valsts pārbaudes darbs', 'state-exam'],
  ['eksāmens', 'state-exam'],
  ['pēcpārbaudījums', 'makeup'],
  ['state-exam', 'state-exam'],
  ['semestra', ['semester1', 'semester2']],
  ['semestris', ['semester1', 'semester2']],
  ['pārbaudījums', ['state-exam', 'makeup']],
  ['darbs', ['test', 'large']],
  ['mājasdarbs', undefined],
];
for (const [word, expected] of works) {
  test(`workOfWord(${JSON.stringify(word)})`, () => {
    const meaning = workOfWord(word);
    if (expected === undefined) return assert.is(meaning, undefined);
    if (Array.isArray(expected)) return assert.equal(meaning, { ok: false, choices: expected });
    assert.equal(meaning, { ok: true, value: expected });
  });
}

test('every word means roles and kinds that exist; an ambiguous one offers at least two', () => {
  for (const [table, own] of [[ROLE_WORDS, ROLES], [WORK_WORDS, WORK_KINDS]] as const) {
    for (const [word, meaning] of table) {
      const values = Array.isArray(meaning) ? meaning : [meaning];
      for (const v of values) assert.ok((own as readonly string[]).includes(v as string), `${word}: ${v}`);
      if (Array.isArray(meaning)) assert.ok(meaning.length >= 2, word);
    }
  }
});

test('every Latvian label an export writes reads back as the same value', () => {
  for (const role of ROLES) assert.equal(roleOfWord(ROLE_LABELS_LV[role]), { ok: true, value: role }, role);
  for (const kind of WORK_KINDS) assert.equal(workOfWord(WORK_LABELS_LV[kind]), { ok: true, value: kind }, kind);
});

test('choicesText names each choice with its Latvian word', () => {
  assert.is(choicesText(['semester1', 'semester2'], WORK_LABELS_LV), 'semester1 (1. semestris) or semester2 (2. semestris)');
  assert.is(choicesText(['teacher', 'social-pedagogue', 'guest'], ROLE_LABELS_LV), 'teacher (skolotājs), social-pedagogue (sociālais pedagogs) or guest (viesis)');
});

const subjects = [
  { code: 'mat', name: 'Matemātika' },
  { code: 'lat', name: 'Latviešu valoda' },
  { code: 'sp1', name: 'Sports' },
  { code: 'sp2', name: 'Sports' },
];
const names: [string, string | string[] | undefined][] = [
  ['Matemātika', 'mat'],
  ['matematika', 'mat'],
  [' Latviešu  valoda ', 'lat'],
  ['Sports', ['sp1', 'sp2']],
  ['Fizika', undefined],
];
for (const [name, expected] of names) {
  test(`subjectOfName(${JSON.stringify(name)})`, () => {
    const meaning = subjectOfName(name, subjects);
    if (expected === undefined) return assert.is(meaning, undefined);
    if (Array.isArray(expected)) return assert.equal(meaning?.ok === false && meaning.choices.map((s) => s.code), expected);
    assert.equal(meaning?.ok && meaning.value.code, expected);
  });
}

const dates: [string, string | null][] = [
  ['3.11.26', '2026-11-03'],
  ['03.11.26', '2026-11-03'],
  ['3.1.27', '2027-01-03'],
  [' 14.03.13 ', '2013-03-14'],
  ['29.02.28', '2028-02-29'],
  ['29.02.27', null],
  ['3.11.2026', null], // the long form is parseDateInput's
  ['3.11.6', null],
  ['2026-11-03', null],
];
for (const [text, expected] of dates) {
  test(`parseShortDate(${JSON.stringify(text)})`, () => assert.is(parseShortDate(text), expected));
}

test('latvianDate and latvianTimestamp write what the importer reads', () => {
  assert.is(latvianDate('2026-11-03'), '03.11.2026');
  assert.is(latvianDate(''), '');
  assert.is(latvianTimestamp('2026-10-05T17:03:09+03:00'), '05.10.2026 17:03:09');
});

test.run();
