// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cryptoAmountFor, tokenDecimals } from '../../src/api/chains';

describe('a fiat amount as the crypto amount a locked quote is asked with', () => {
  it('never pays less than the fiat asked for, and is at most one unit of the last decimal more', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2_000, max: 100_000_000 }), fc.integer({ min: 1_000, max: 60_000_000 }), fc.constantFrom('USDC', 'ETH'), (cents, micros, token) => {
        const [fiat, rate] = [cents / 100, micros / 1_000_000];
        fc.pre(fiat / rate <= 100_000); // twice the largest token amount an order may have
        const crypto = cryptoAmountFor(fiat, rate, token);
        const unit = 10 ** -tokenDecimals(token);
        expect(crypto * rate).toBeGreaterThanOrEqual(fiat - 1e-9);
        expect(crypto - fiat / rate).toBeLessThan(unit + 1e-12);
      }),
      { numRuns: 2_000 },
    );
  });

  it('does not round up binary noise', () => {
    expect(cryptoAmountFor(1.005, 1, 'USDC')).toBe(1.005);
  });

  it('keeps a real excess far below the last decimal', () => {
    // 520287.52 / 37.500003 is 13874.33275672004…: the ETH amount ends in …673, not …672.
    expect(cryptoAmountFor(520_287.52, 37.500003, 'ETH')).toBe(13_874.33275673);
    expect(cryptoAmountFor(1.5e-7, 1e-7, 'USDC')).toBe(1.5);
  });
});
