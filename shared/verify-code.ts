// The verification code (核验码) burnt into a report's photos: random, drawn on the phone when the
// draft is created (offline), sent with the report and kept unique by the server.
//
// Why 12 characters of 31 (no look-alikes such as 0/O, 1/I/L): a large organisation sends about
// 150 units × 8 tasks × 12 months ≈ 15 000 reports a year; allow 50 000 a year, so n = 500 000
// reports in ten years. Codes are uniform over N = 31^12 ≈ 7.87e17 values, and the chance that any
// two of n share one (birthday bound) is about n² / 2N = 2.5e11 / 1.57e18 ≈ 1.6e-7 — under one in
// a million. 10 characters (N ≈ 8.2e14) would give ≈ 1.5e-4 and 11 (N ≈ 2.5e16) ≈ 4.9e-6: too many.
// A clash is still refused by the server's unique index (409 verify_code_taken, nothing stored);
// the phone then draws a new code and sends again (pwa/src/outbox/engine.ts), so no report is lost.
//
// Reports created before this change keep the 8-character code they were given (derived from the
// id): photos printed with it must keep verifying, but since anyone who learns an id can compute
// it, such a code opens its page only for the organisation's signed-in users, as before. Lookups
// of every code are throttled, and the page behind a code shows only what the photo proves.
export const VERIFY_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const VERIFY_CODE_LENGTH = 12;
/** Codes of reports created before random codes. */
export const LEGACY_VERIFY_CODE_LENGTH = 8;

/** A fresh random code from crypto.getRandomValues (rejection sampling keeps it uniform). */
export function newVerifyCode(): string {
  const n = VERIFY_CODE_ALPHABET.length;
  const limit = 256 - (256 % n); // 248: bytes at or above it would favour the first characters
  let code = '';
  while (code.length < VERIFY_CODE_LENGTH) {
    for (const b of crypto.getRandomValues(new Uint8Array(VERIFY_CODE_LENGTH * 2))) {
      if (b < limit && code.length < VERIFY_CODE_LENGTH) code += VERIFY_CODE_ALPHABET[b % n];
    }
  }
  return code;
}

/** A code as people read it: 4-character groups (ABCD-EFGH-JKMN); legacy codes as they were. */
export function formatVerifyCode(code: string): string {
  return code.length === VERIFY_CODE_LENGTH ? code.match(/.{4}/g)!.join('-') : code;
}

const isCode = (s: string) => [...s].every((c) => VERIFY_CODE_ALPHABET.includes(c));

/** A new code exactly as the phone sends it (12 characters, upper case, no dashes). */
export const isNewVerifyCode = (s: string) => s.length === VERIFY_CODE_LENGTH && isCode(s);

/** Normalises what a person typed (lower case, spaces, dashes); null when it cannot be a code. */
export function normaliseVerifyCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '');
  if (s.length !== VERIFY_CODE_LENGTH && s.length !== LEGACY_VERIFY_CODE_LENGTH) return null;
  return isCode(s) ? s : null;
}

/** The page a QR code on a photo opens (a route of the PWA that needs no sign-in). */
export const VERIFY_PATH = '/v/';
export const verifyUrl = (origin: string, code: string) => `${origin}${VERIFY_PATH}${code}`;
