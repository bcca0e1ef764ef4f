// Password hashing: PBKDF2-SHA256 through WebCrypto with a per-user salt.
// Workers reject more than 100 000 iterations in production (local runtimes accept more),
// so the count is exactly that; a test pins the constant.
import { isCommonPassword } from './common-passwords';
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

/** Constant-time comparison of the derived key with the stored one. */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const candidate = await derive(password, stored.salt, stored.iterations);
  return constantTimeEqual(candidate, stored.hash);
}

/** A hash nobody can match: sign-in runs one full derivation against it for unknown usernames. */
const UNMATCHABLE: PasswordHash = { hash: '', salt: '00000000000000000000000000000000', iterations: PBKDF2_ITERATIONS };

/** Spends the same CPU as a real check and always fails, so timing does not reveal a username. */
export async function verifyAgainstNothing(password: string): Promise<false> {
  await verifyPassword(password, UNMATCHABLE);
  return false;
}

/**
 * Why a new password is refused, or null. Length and characters are checked by the shared
 * schema (NewPassword); this adds what needs the server: the common list and the username.
 */
export function passwordProblem(password: string, username: string): string | null {
  if (isCommonPassword(password)) return '该密码过于常见，容易被猜到，请换一个';
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) return '密码不能与用户名相同';
  return null;
}

/** Letters and digits that cannot be mistaken for each other when read aloud or from paper. */
export const ONE_TIME_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const ONE_TIME_LENGTH = 12;

/** A one-time initial password: 12 characters, uniformly random (rejection sampling). */
export function generateOneTimePassword(length = ONE_TIME_LENGTH): string {
  const n = ONE_TIME_ALPHABET.length;
  const limit = 256 - (256 % n);
  let out = '';
  while (out.length < length) {
    for (const b of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (b < limit && out.length < length) out += ONE_TIME_ALPHABET[b % n];
    }
  }
  return out;
}
