// Password hashing: PBKDF2-SHA256 through WebCrypto with a per-user salt.
// Workers reject more than 100 000 iterations in production (local runtimes accept more),
// so the count is exactly that; a test pins the constant.
import { constantTimeEqual, randomHex, fromHex, toHex } from './crypto';

export const PBKDF2_ITERATIONS = 100_000;
const HASH_BITS = 256;

export interface PasswordHash {
  hash: string;
  salt: string;
  iterations: number;
}

async function derive(password: string, saltHex: string, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromHex(saltHex), iterations },
    key,
    HASH_BITS,
  );
  return toHex(bits);
}

export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomHex(16);
  return { hash: await derive(password, salt, PBKDF2_ITERATIONS), salt, iterations: PBKDF2_ITERATIONS };
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const candidate = await derive(password, stored.salt, stored.iterations);
  return constantTimeEqual(candidate, stored.hash);
}
