import { describe, expect, it } from 'vitest';
import { normaliseVerifyCode, verifyCodeOf } from '../../shared/verify-code';

describe('report verification code', () => {
  it('is 8 characters without look-alikes, stable for a UUID', () => {
    const id = '0b7f6f3e-8c1a-4f2b-9a77-3d2c1b0a9f88';
    const code = verifyCodeOf(id);
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(verifyCodeOf(id)).toBe(code);
    expect(verifyCodeOf(id.toUpperCase())).toBe(code);
  });

  it('differs between reports (no collisions in 20 000 random ids)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(verifyCodeOf(crypto.randomUUID()));
    expect(seen.size).toBe(20_000);
  });

  it('uses every position: no character is fixed by the UUID version bits', () => {
    const firsts = new Set<string>();
    const lasts = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const c = verifyCodeOf(crypto.randomUUID());
      firsts.add(c[0]!);
      lasts.add(c[7]!);
    }
    expect(firsts.size).toBeGreaterThan(20);
    expect(lasts.size).toBeGreaterThan(20);
  });

  it('normalises typed input and rejects impossible codes', () => {
    const code = verifyCodeOf('0b7f6f3e-8c1a-4f2b-9a77-3d2c1b0a9f88');
    expect(normaliseVerifyCode(` ${code.slice(0, 4).toLowerCase()}-${code.slice(4)} `)).toBe(code);
    expect(normaliseVerifyCode('ABCD0EFG')).toBeNull();
    expect(normaliseVerifyCode('ABC')).toBeNull();
  });
});
