import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { asciiFold, firstFreeUsername, MAX_USERNAME_LENGTH, usernameBase } from '../../src/domain/username.ts';

const folds: [string, string][] = [
  ['Jānis', 'janis'],
  ['Bērziņš', 'berzins'],
  ['ĀČĒĢĪĶĻŅŠŪŽ', 'acegiklnsuz'],
  ['Anna-Marija', 'anna-marija'],
  ["O'Brien", 'o-brien'],
  ['Zoë', 'zoe'],
  ['  Līga  ', 'liga'],
];
for (const [name, ascii] of folds) test(`asciiFold ${name} → ${ascii}`, () => assert.is(asciiFold(name), ascii));

const bases: [string, string, string][] = [
  ['Jānis', 'Bērziņš', 'janis.berzins'],
  ['Ilze', 'Bērziņa', 'ilze.berzina'],
  ['Anna-Marija', 'Kalniņa-Ozoliņa', 'anna.kalnina'],
  ['Maksimiliāns', 'Vanaga-Ziemeļnieks', 'maksimil.vanaga'],
  ['Aleksandra', 'Ābeltiņa-Grīnberga-Podnieka', 'aleksand.abeltina'],
  ['Kristīne', 'Šteinberga-Ziemele', 'kristine.steinberg'],
  ['Jā', '', 'ja'],
  ['', 'Ābele', 'lietotajs.abele'],
];
for (const [first, last, base] of bases) {
  test(`usernameBase ${first} ${last} → ${base}`, () => {
    const made = usernameBase(first, last);
    assert.is(made, base);
    assert.ok(made.length <= MAX_USERNAME_LENGTH - 2, 'room for a suffix');
    assert.match(made, /^[a-z0-9.-]+$/);
  });
}

test('namesakes get the lowest free number from 2', () => {
  assert.is(firstFreeUsername('janis.berzins', new Set()), 'janis.berzins');
  assert.is(firstFreeUsername('janis.berzins', new Set(['janis.berzins'])), 'janis.berzins2');
  assert.is(firstFreeUsername('janis.berzins', new Set(['janis.berzins', 'janis.berzins2', 'janis.berzins4'])), 'janis.berzins3');
});

test('a suffix of two digits stays within the limit', () => {
  const base = usernameBase('Maksimiliāns', 'Aleksandrovičs-Vanags');
  const taken = new Set([base, ...Array.from({ length: 98 }, (_, i) => `${base}${i + 2}`)]);
  const username = firstFreeUsername(base, taken);
  assert.is(username, `${base}100`);
  assert.ok(username.length <= MAX_USERNAME_LENGTH + 1, username);
});

test.run();
