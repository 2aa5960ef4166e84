import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { randomInt } from 'node:crypto';
import { checkPasswordStrength, generatePassword, GENERATED_PASSWORD_LENGTH, PASSWORD_ALPHABET } from '../../src/domain/password.ts';

test('the alphabet has no look-alikes and no repeats', () => {
  for (const c of '0Oo1lI') assert.not.ok(PASSWORD_ALPHABET.includes(c), c);
  assert.is(new Set(PASSWORD_ALPHABET).size, PASSWORD_ALPHABET.length);
  assert.is(PASSWORD_ALPHABET.length, 56);
});

test('generated passwords: 10 characters of the alphabet, all three kinds, and they pass the strength check', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 500; i++) {
    const p = generatePassword((n) => randomInt(n));
    assert.is(p.length, GENERATED_PASSWORD_LENGTH);
    for (const c of p) assert.ok(PASSWORD_ALPHABET.includes(c), c);
    assert.match(p, /[a-z]/);
    assert.match(p, /[A-Z]/);
    assert.match(p, /[2-9]/);
    assert.ok(checkPasswordStrength(p).ok);
    seen.add(p);
  }
  assert.is(seen.size, 500);
});

test('a draw without all kinds is drawn again', () => {
  // The first ten draws give only capitals (index 0 = "A"), then a mix follows.
  const script = [...Array(10).fill(0), 0, 30, 50, 1, 2, 3, 4, 5, 6, 7];
  let i = 0;
  const p = generatePassword(() => script[i++]!);
  assert.is(p, 'AhwBCDEFGH'.replace('h', PASSWORD_ALPHABET[30]!).replace('w', PASSWORD_ALPHABET[50]!));
});

const strength: [string, boolean, RegExp?][] = [
  ['Kaķis2026!', true],
  ['abcdefghij', false, /three of/],
  ['Abcdefghij', false, /three of/],
  ['Abcdefgh1', false, /at least 10/],
  ['Aa1Aa1Aa1Aa1', false, /too few different/],
  [' Abcdefg12', false, /space/],
  ['Janis.Berzins7', false, /username/],
  ['x'.repeat(120) + 'A1b2C3d4e5', false, /longer than 128/],
];
for (const [password, ok, reason] of strength) {
  test(`strength of ${JSON.stringify(password.slice(0, 20))} → ${ok ? 'ok' : 'weak'}`, () => {
    const check = checkPasswordStrength(password, 'janis.berzins');
    assert.is(check.ok, ok);
    if (!check.ok && reason) assert.match(check.reason, reason);
  });
}

test.run();
