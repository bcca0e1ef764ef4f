// Short verification code of a report (8 characters, no look-alikes such as 0/O, 1/I/L),
// derived from the report's client UUID so a phone can burn it into a watermark offline.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const VERIFY_CODE_LENGTH = 8;

export function verifyCodeOf(reportId: string): string {
  const hex = reportId.toLowerCase().replace(/[^0-9a-f]/g, '');
  if (hex.length !== 32) throw new Error('verifyCodeOf expects a UUID');
  // FNV-1a over the hex digits spreads the UUID's random bits over the whole code, so the fixed
  // version/variant nibbles never show as a constant character.
  let h = 0xcbf29ce484222325n;
  for (const ch of hex) {
    h ^= BigInt(ch.charCodeAt(0));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  const base = BigInt(ALPHABET.length);
  let code = '';
  for (let i = 0; i < VERIFY_CODE_LENGTH; i++) {
    code += ALPHABET[Number(h % base)];
    h /= base;
  }
  return code;
}

/** Normalises what a person typed (lower case, spaces, dashes); null when it cannot be a code. */
export function normaliseVerifyCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '');
  if (s.length !== VERIFY_CODE_LENGTH) return null;
  return [...s].every((c) => ALPHABET.includes(c)) ? s : null;
}
