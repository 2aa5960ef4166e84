// The cost of a chosen password's hash (OWASP: scrypt N ≥ 2^17), that hashes
// made at the old cost still verify, and what one verification costs here.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { randomBytes, scryptSync } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { hashPassword, verifyPassword } from '../../src/services/password-hash.ts';

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

test('a chosen password is hashed with N = 2^17, r = 8, p = 1, and one verification is measured', async () => {
  const hash = await hashPassword('Mans-Jaunais-2026', 'chosen');
  const [, , params, salt, key] = hash.split('$');
  assert.is(params, 'ln=17,r=8,p=1');
  // Recomputed independently: the string's parameters are the ones used.
  const expected = scryptSync('Mans-Jaunais-2026', Buffer.from(salt!, 'base64'), 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
  assert.is(b64(expected), key);
  const start = performance.now();
  assert.ok(await verifyPassword('Mans-Jaunais-2026', hash));
  const ms = performance.now() - start;
  console.log(`  one verification at N = 2^17, r = 8: ${ms.toFixed(0)} ms, 128 MiB`);
  assert.not.ok(await verifyPassword('Mans-Jaunais-2027', hash));
});

test('a hash made at the old cost (N = 2^14) still verifies', async () => {
  const salt = randomBytes(16);
  const key = scryptSync('Kaķis2026!'.normalize('NFC'), salt, 32, { N: 2 ** 14, r: 8, p: 1 });
  const old = `$scrypt$ln=14,r=8,p=1$${b64(salt)}$${b64(key)}`;
  assert.ok(await verifyPassword('Kaķis2026!', old));
  assert.not.ok(await verifyPassword('Kaķis2026?', old));
});

test('a stored hash asking for more memory than ours ever do fails to verify instead of taking it', async () => {
  const salt = b64(randomBytes(16));
  assert.not.ok(await verifyPassword('x', `$scrypt$ln=24,r=8,p=1$${salt}$${b64(randomBytes(32))}`));
});

test.run();
