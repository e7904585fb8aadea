// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cryptoAmountFor } from '../../src/api/amounts';
import { tokenDecimals } from '../../src/api/chains';

/**
 * The crypto amount for `cents` at a rate of `micros` millionths, checked in integers (doubles cannot
 * tell a real excess from their own error): it pays at least the fiat, and one unit of its last
 * decimal less would not.
 */
const paysAtLeastByOneUnit = (cents: number, micros: number, token: 'USDC' | 'ETH') => {
  const decimals = tokenDecimals(token);
  const units = BigInt(cryptoAmountFor(cents / 100, micros / 1_000_000, token).toFixed(decimals).replace('.', ''));
  const fiat = BigInt(cents) * 10n ** BigInt(decimals + 4);
  return { atLeast: units * BigInt(micros) >= fiat, oneUnitLessFallsShort: (units - 1n) * BigInt(micros) < fiat };
};

describe('a fiat amount as the crypto amount a locked quote is asked with', () => {
  it('never pays less than the fiat asked for, and is at most one unit of the last decimal more', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2_000, max: 100_000_000 }), fc.integer({ min: 1_000, max: 60_000_000 }), fc.constantFrom('USDC', 'ETH'), (cents, micros, token) => {
        const [fiat, rate] = [cents / 100, micros / 1_000_000];
        fc.pre(fiat / rate <= 100_000); // twice the largest token amount an order may have
        expect(paysAtLeastByOneUnit(cents, micros, token)).toEqual({ atLeast: true, oneUnitLessFallsShort: true });
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

  it('is exact where a check in floating point is not', () => {
    // 926379.74 / 28.031122 is 33048.2575759900014…: the amount is …57600, a hair under one unit
    // above the quotient, which a difference taken in doubles sees as just over one unit.
    for (const [cents, micros] of [
      [92_637_974, 28_031_122],
      [73_304_832, 9_606_647],
      [99_999_984, 22_246_783],
    ] as const) {
      expect(paysAtLeastByOneUnit(cents, micros, 'ETH')).toEqual({ atLeast: true, oneUnitLessFallsShort: true });
    }
  });
});
