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
    );
  });

  it('does not round up binary noise', () => {
    expect(cryptoAmountFor(1.005, 1, 'USDC')).toBe(1.005);
  });
});
