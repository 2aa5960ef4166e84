import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { maskSecret, passwordMessage, smsSize } from '../../src/domain/sms-text.ts';
import { MAX_USERNAME_LENGTH, usernameBase } from '../../src/domain/username.ts';
import { GENERATED_PASSWORD_LENGTH, PASSWORD_ALPHABET } from '../../src/domain/password.ts';

const sizes: [string, string, 'GSM-7' | 'UCS-2', number, boolean][] = [
  ['plain ASCII', 'Sveiki', 'GSM-7', 6, true],
  ['160 GSM-7 characters', 'a'.repeat(160), 'GSM-7', 160, true],
  ['161 GSM-7 characters', 'a'.repeat(161), 'GSM-7', 161, false],
  ['extension characters count twice', '{€}', 'GSM-7', 6, true],
  ['80 euro signs are 160 septets', '€'.repeat(80), 'GSM-7', 160, true],
  ['81 euro signs do not fit', '€'.repeat(81), 'GSM-7', 162, false],
  ['GSM-7 has é and ä but not ā', 'éä', 'GSM-7', 2, true],
  ['one ā makes it UCS-2', 'Sveiki, Jānis', 'UCS-2', 13, true],
  ['70 UCS-2 characters', 'ž'.repeat(70), 'UCS-2', 70, true],
  ['71 UCS-2 characters', 'ž'.repeat(71), 'UCS-2', 71, false],
  ['a character outside the BMP counts two units', 'ā😀', 'UCS-2', 3, true],
];
for (const [label, text, encoding, units, fitsOne] of sizes) {
  test(`smsSize: ${label}`, () => {
    const size = smsSize(text);
    assert.equal({ encoding: size.encoding, units: size.units, fitsOne: size.fitsOne }, { encoding, units, fitsOne });
    assert.is(size.limit, encoding === 'GSM-7' ? 160 : 70);
  });
}

test('the password message is Latvian, UCS-2, and marks where the password is', () => {
  const m = passwordMessage('ilze.berzina', 'Ab3deFgh2k');
  assert.is(m.text, 'E-žurnāls: jūsu lietotājvārds ilze.berzina, parole Ab3deFgh2k');
  assert.is(m.text.slice(m.secretFrom, m.secretFrom + m.secretLength), 'Ab3deFgh2k');
  assert.is(smsSize(m.text).encoding, 'UCS-2');
  assert.is(maskSecret(m.text, m.secretFrom, m.secretLength), 'E-žurnāls: jūsu lietotājvārds ilze.berzina, parole **********');
});

const longest: [string, string][] = [
  ['the longest generated username, with a 3-digit suffix', `${usernameBase('Maksimiliāns', 'Aleksandrovičs-Vanags')}100`],
  ['a username at the limit plus one', 'x'.repeat(MAX_USERNAME_LENGTH + 1)],
  ['a personas kods', '010110-20002'],
  ['a new-form personas kods', '321234-56789'],
];
for (const [label, username] of longest) {
  test(`one SMS holds ${label}`, () => {
    const password = PASSWORD_ALPHABET.slice(0, GENERATED_PASSWORD_LENGTH);
    const size = smsSize(passwordMessage(username, password).text);
    assert.ok(size.fitsOne, `${size.units}/${size.limit}`);
  });
}

test('a username longer than that would not fit, and smsSize says so', () => {
  const size = smsSize(passwordMessage('x'.repeat(MAX_USERNAME_LENGTH + 2), 'Ab3deFgh2k').text);
  assert.equal([size.units, size.fitsOne], [71, false]);
});

test('masking without a secret leaves the text', () => {
  assert.is(maskSecret('Sveiki', null, null), 'Sveiki');
});

test.run();
