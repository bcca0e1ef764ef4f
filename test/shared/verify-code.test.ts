import { describe, expect, it } from 'vitest';
import { formatVerifyCode, isNewVerifyCode, newVerifyCode, normaliseVerifyCode } from '../../shared/verify-code';

describe('report verification code', () => {
  it('is 12 random characters without look-alikes', () => {
    const code = newVerifyCode();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{12}$/);
    expect(isNewVerifyCode(code)).toBe(true);
  });

  it('never repeats in 50 000 draws, and every character shows up in every position', () => {
    const seen = new Set<string>();
    const perPosition = Array.from({ length: 12 }, () => new Map<string, number>());
    for (let i = 0; i < 50_000; i++) {
      const c = newVerifyCode();
      seen.add(c);
      [...c].forEach((ch, p) => perPosition[p]!.set(ch, (perPosition[p]!.get(ch) ?? 0) + 1));
    }
    expect(seen.size).toBe(50_000);
    // Uniform: each character ~1613 times per position; a biased draw (b % 31 without rejection)
    // would give the first 8 characters ~20 % more.
    for (const counts of perPosition) {
      expect(counts.size).toBe(31);
      for (const n of counts.values()) {
        expect(n).toBeGreaterThan(1400);
        expect(n).toBeLessThan(1830);
      }
    }
  });

  it('is printed in groups of four and normalised back from what people type', () => {
    const code = newVerifyCode();
    const shown = formatVerifyCode(code);
    expect(shown).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    expect(normaliseVerifyCode(` ${shown.toLowerCase()} `)).toBe(code);
    expect(normaliseVerifyCode('ABCD EFGH JKMN')).toBe('ABCDEFGHJKMN');
    // Old reports keep their 8-character codes.
    expect(normaliseVerifyCode('abcd-efgh')).toBe('ABCDEFGH');
    expect(normaliseVerifyCode('ABCD0EFGHJKM')).toBeNull();
    expect(normaliseVerifyCode('ABC')).toBeNull();
    expect(isNewVerifyCode('ABCDEFGH')).toBe(false);
  });
});
