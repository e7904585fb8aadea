// @vitest-environment node
/**
 * The staging amounts (1.01, 1.02, 1.03 tokens) with the default limits, in every currency, as a
 * plain order amount and carried by a locked quote: each ends where the contract says.
 */
import { describe, expect, it } from 'vitest';
import { FIAT_CURRENCIES } from '../../src/api/chains';
import { DEFAULT_AMOUNT_LIMITS, STAGING_TEST_AMOUNTS } from '../../src/api/contract';
import { BANK_BY_CURRENCY, F, lockQuote, placeOrder, sandboxAt, walk, withoutAsset } from './helpers';

const CASES = FIAT_CURRENCIES.flatMap((currency) =>
  Object.entries(STAGING_TEST_AMOUNTS).map(([amount, outcome]) => ({ currency, amount: Number(amount), outcome })),
);

describe('staging amounts with the default limits', () => {
  it('covers 3 amounts × 4 currencies', () => {
    expect(CASES).toHaveLength(12);
  });

  it.each(FIAT_CURRENCIES)('sit above the %s minimum: 1 token fetches more than it', async (currency) => {
    const { sandbox } = sandboxAt();
    const answer = await lockQuote(sandbox, { fiatCurrency: currency, cryptoAmount: 1 });
    expect(answer.status).toBe(201);
    expect(answer.body.data.fiatAmount).toBeGreaterThanOrEqual(DEFAULT_AMOUNT_LIMITS.fiat[currency].min);
  });

  describe.each(CASES)('$amount tokens paid in $currency', ({ currency, amount, outcome }) => {
    const expectOutcome = (last: Record<string, unknown>) => {
      expect(last.status).toBe(outcome.finalStatus);
      if ('cancellationReason' in outcome) expect(last.cancellationReason).toBe(outcome.cancellationReason);
      else expect(last).not.toHaveProperty('cancellationReason');
      expect(last.completedAt === null).toBe(outcome.finalStatus !== 'COMPLETED');
    };
    const bank = { fiatCurrency: currency, userBankInformation: BANK_BY_CURRENCY[currency] };

    it(`ends ${outcome.finalStatus} as the order's own amount`, async () => {
      const { sandbox } = sandboxAt();
      const answer = await placeOrder(sandbox, { ...bank, cryptoAmount: amount });
      expect(answer.status).toBe(201);
      expect(answer.body.data).toMatchObject({ status: 'PENDING_PAYMENT', cryptoAmount: amount, fiatCurrency: currency });
      const { seen, last } = await walk(sandbox, answer.body.data);
      expect(seen.length).toBeGreaterThan(1); // it walked, not stood
      expectOutcome(last);
    });

    it(`ends ${outcome.finalStatus} when a locked quote carries the amount`, async () => {
      const { sandbox } = sandboxAt();
      const quote = await lockQuote(sandbox, { fiatCurrency: currency, cryptoAmount: amount });
      expect(quote.status).toBe(201);
      const answer = await placeOrder(sandbox, withoutAsset({ ...bank, userId: F.verifiedUserId, quoteId: quote.body.data.quoteId }));
      expect(answer.status).toBe(201);
      expect(answer.body.data).toMatchObject({ cryptoAmount: amount, fiatCurrency: currency, fiatAmount: quote.body.data.fiatAmount });
      expectOutcome((await walk(sandbox, answer.body.data)).last);
    });
  });
});
