import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { generatePassword } from '../domain/password.ts';

/**
 * Passwords are kept only as salted scrypt hashes in PHC string form,
 * `$scrypt$ln=14,r=8,p=1$<salt>$<hash>` (base64 without padding): the
 * parameters travel with each hash, so every hash verifies whatever cost
 * it was made with.
 *
 * The cost follows the password's entropy. A password a person chooses may
 * be guessable, so it gets OWASP's scrypt cost, N = 2^17, r = 8, p = 1
 * (128 MiB per hash or verification, and about 0.9 s of one core on the
 * shared development machine under load, where N = 2^14 took 0.13 s;
 * test/services/password-cost.test.ts prints it). Hashes made
 * before at N = 2^14 carry that in their string and still verify. A
 * generated password is 10 characters drawn uniformly from 56 (2^58
 * possibilities): no work factor is what protects it, so N = 2^10 (1 MiB,
 * about 4 ms) suffices — and an import that gives 2,000 families their
 * profiles spends seconds, not minutes, hashing.
 */
export type PasswordOrigin = 'generated' | 'chosen';
const PARAMETERS: Record<PasswordOrigin, { ln: number; r: number; p: number }> = {
  generated: { ln: 10, r: 8, p: 1 },
  chosen: { ln: 17, r: 8, p: 1 },
};
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/**
 * scrypt needs 128·N·r bytes: 128 MiB at our cost, over Node's default limit
 * (maxmem 32 MiB), so the limit is given explicitly. A stored hash asking
 * for more (a tampered row) is not a hash of ours: it fails to verify
 * instead of taking the memory.
 */
const MAX_MEMORY = 128 * 2 ** 17 * 8 + 16 * 1024 * 1024;

function derive(password: string, salt: Buffer, options: ScryptOptions, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, { ...options, maxmem: MAX_MEMORY }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

export async function hashPassword(password: string, origin: PasswordOrigin): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const { ln, r, p } = PARAMETERS[origin];
  const key = await derive(password, salt, { N: 2 ** ln, r, p }, KEY_BYTES);
  return `$scrypt$ln=${ln},r=${r},p=${p}$${b64(salt)}$${b64(key)}`;
}

const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/** False for a wrong password and for anything that is not one of our hashes. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const match = stored ? PHC.exec(stored) : null;
  if (!match) return false;
  const [, ln, r, p, salt, hash] = match;
  if (128 * 2 ** Number(ln) * Number(r) * Number(p) > MAX_MEMORY - 16 * 1024 * 1024) return false;
  const expected = Buffer.from(hash!, 'base64');
  const key = await derive(password, Buffer.from(salt!, 'base64'), { N: 2 ** Number(ln), r: Number(r), p: Number(p) }, expected.length);
  return timingSafeEqual(key, expected);
}

/** A new password from the operating system's cryptographic random source. */
export function newPassword(): string {
  return generatePassword((n) => randomInt(n));
}
