// @vitest-environment node
/** Estimates and locked quotes: price, flow, expiry on the sandbox's clock, and quotes used by orders. */
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { CHAIN_TOKENS } from '../../src/api/chains';
import { API_PATHS, DEFAULT_QUOTE_LIFETIME_MS } from '../../src/api/contract';
import { API_ERRORS, withRange } from '../../src/api/errors';
import { estimateSchema, orderSchema, quoteSchema, successEnvelope } from '../../src/api/schemas';
import { DEFAULT_USD_RATES } from '../../src/sandbox';
import { call, expectRow, F, lockQuote, orderBody, placeOrder, sandboxAt, T0, withoutAsset } from './helpers';

const parses = <S extends z.ZodMiniType>(schema: S, body: unknown): z.output<S> =>
  (successEnvelope(schema).parse(body) as { data: z.output<S> }).data;

describe('POST /quotes (locked)', () => {
  it('answers 201 with quoteId, expiresAt = now + 5 min and rate = base × (1 − premiumSpread)', async () => {
    const { sandbox } = sandboxAt();
    const answer = await lockQuote(sandbox, { premiumSpread: 0.005 });
    expect(answer.status).toBe(201);
    const quote = parses(quoteSchema, answer.body);
    expect(quote).toMatchObject({
      transactionType: 'OFF_RAMP', fiatCurrency: 'MXN', blockchainSymbol: 'POL', tokenSymbol: 'USDC',
      cryptoAmount: 100, rate: 17.91, fiatAmount: 1791, premiumSpread: 0.005, flow: 'REGULAR',
      expiresAt: new Date(T0 + DEFAULT_QUOTE_LIFETIME_MS).toISOString(),
    });
    expect(quote.rate).toBeCloseTo(DEFAULT_USD_RATES.MXN * (1 - 0.005), 6);
  });

  it('takes a fiatAmount too, rounding the crypto up so the user gets at least that', async () => {
    const { sandbox } = sandboxAt();
    const quote = parses(quoteSchema, (await lockQuote(sandbox, { cryptoAmount: undefined, fiatAmount: 1000 })).body);
    expect(quote).toMatchObject({ fiatAmount: 1000, rate: 18, cryptoAmount: 55.555556 });
  });

  it('is OTC above 50,000 MXN, for stablecoins, and then may be forwarded', async () => {
    const { sandbox } = sandboxAt();
    const answer = await lockQuote(sandbox, { cryptoAmount: 3_000, forwardingDays: 2 });
    expect(answer.status).toBe(201);
    expect(parses(quoteSchema, answer.body)).toMatchObject({ fiatAmount: 54_000, flow: 'OTC' });
  });

  it('prices MXNe at its peg, 1 MXN', async () => {
    const { sandbox } = sandboxAt();
    const quote = parses(quoteSchema, (await lockQuote(sandbox, { blockchainSymbol: 'BASE', tokenSymbol: 'MXNe', cryptoAmount: 500 })).body);
    expect(quote).toMatchObject({ rate: 1, fiatAmount: 500 });
  });

  it('uses the configured rates and limits', async () => {
    const { sandbox } = sandboxAt({ rates: { MXN: 20 }, limits: { fiat: { MXN: { min: 1, max: 1_500 } } } });
    expect(parses(quoteSchema, (await lockQuote(sandbox, { cryptoAmount: 50 })).body)).toMatchObject({ rate: 20, fiatAmount: 1_000 });
    expectRow(await lockQuote(sandbox, { cryptoAmount: 100 }), withRange(API_ERRORS.fiatAmountOutOfRange, { min: 1, max: 1_500 }, 2));
  });
});

describe('GET /quotes (estimate)', () => {
  it('answers 200 with the same price and no quoteId or expiry', async () => {
    const { sandbox } = sandboxAt();
    const answer = await call(sandbox, API_PATHS.quotes, {
      query: { transactionType: 'OFF_RAMP', fiatCurrency: 'MXN', blockchainSymbol: 'POL', tokenSymbol: 'USDC', cryptoAmount: 100, premiumSpread: 0.005 },
    });
    expect(answer.status).toBe(200);
    const estimate = parses(estimateSchema, answer.body);
    expect(estimate).toMatchObject({ rate: 17.91, fiatAmount: 1791, flow: 'REGULAR' });
    expect(answer.body.data).not.toHaveProperty('quoteId');
    expect(answer.body.data).not.toHaveProperty('expiresAt');
  });

  it.each(Object.entries(CHAIN_TOKENS).flatMap(([chain, tokens]) => tokens.map((token) => [chain, token])))(
    'prices %s / %s',
    async (chain, token) => {
      const { sandbox } = sandboxAt({ limits: { crypto: { min: 0, max: 1e9 } } });
      const answer = await call(sandbox, API_PATHS.quotes, {
        query: { transactionType: 'OFF_RAMP', fiatCurrency: 'USD', blockchainSymbol: chain, tokenSymbol: token, fiatAmount: 100 },
      });
      expect(answer.status).toBe(200);
      expect(parses(estimateSchema, answer.body).rate).toBeGreaterThan(0);
    },
  );
});

describe('quote expiry on the injected clock', () => {
  const orderWith = (quoteId: string) => withoutAsset({ ...orderBody(), quoteId });

  it('takes an order 1 ms before expiresAt', async () => {
    const { sandbox, advance } = sandboxAt();
    const quote = (await lockQuote(sandbox)).body.data;
    advance(DEFAULT_QUOTE_LIFETIME_MS - 1);
    const answer = await placeOrder(sandbox, orderWith(quote.quoteId));
    expect(answer.status).toBe(201);
  });

  it('refuses it at expiresAt and after', async () => {
    const { sandbox, advance } = sandboxAt();
    const quote = (await lockQuote(sandbox)).body.data;
    advance(DEFAULT_QUOTE_LIFETIME_MS);
    expectRow(await placeOrder(sandbox, orderWith(quote.quoteId)), API_ERRORS.quoteExpired);
    advance(1);
    expectRow(await placeOrder(sandbox, orderWith(quote.quoteId)), API_ERRORS.quoteExpired);
    expect(sandbox.orders()).toHaveLength(0);
  });

  it('has a lifetime set at creation', async () => {
    const { sandbox } = sandboxAt({ quoteLifetimeMs: 30_000 });
    expect((await lockQuote(sandbox)).body.data.expiresAt).toBe(new Date(T0 + 30_000).toISOString());
  });

  it('has a lifetime changed by configure for later quotes, not for those already given', async () => {
    const { sandbox, advance } = sandboxAt();
    const before = (await lockQuote(sandbox)).body.data;
    sandbox.configure({ quoteLifetimeMs: 30_000 });
    const after = (await lockQuote(sandbox)).body.data;
    expect(before.expiresAt).toBe(new Date(T0 + DEFAULT_QUOTE_LIFETIME_MS).toISOString());
    expect(after.expiresAt).toBe(new Date(T0 + 30_000).toISOString());
    advance(30_000);
    expectRow(await placeOrder(sandbox, orderWith(after.quoteId)), API_ERRORS.quoteExpired);
    expect((await placeOrder(sandbox, orderWith(before.quoteId))).status).toBe(201);
  });

  it('refuses a nonsense lifetime and keeps the one it had', async () => {
    const { sandbox } = sandboxAt();
    expect(() => sandbox.configure({ quoteLifetimeMs: 0 })).toThrow(RangeError);
    expect((await lockQuote(sandbox)).body.data.expiresAt).toBe(new Date(T0 + DEFAULT_QUOTE_LIFETIME_MS).toISOString());
  });
});

describe('an order with a quoteId', () => {
  it('takes amounts, symbols, rate and spread from the quote, whatever the body says', async () => {
    const { sandbox } = sandboxAt();
    const quote = (await lockQuote(sandbox, { premiumSpread: 0.01 })).body.data;
    const answer = await placeOrder(sandbox, {
      quoteId: quote.quoteId, fiatCurrency: 'USD', blockchainSymbol: 'ETH', tokenSymbol: 'ETH', cryptoAmount: 7, premiumSpread: 0.2,
    });
    expect(answer.status).toBe(201);
    const order = parses(orderSchema, answer.body);
    expect(order).toMatchObject({
      fiatCurrency: 'MXN', blockchainSymbol: 'POL', tokenSymbol: 'USDC', cryptoAmount: 100,
      fiatAmount: quote.fiatAmount, exchangeRate: quote.rate, premiumSpread: 0.01, userId: F.verifiedUserId,
    });
  });

  it('is not stopped by a body whose own asset would be refused (the quote wins)', async () => {
    const { sandbox } = sandboxAt();
    const quote = (await lockQuote(sandbox)).body.data;
    expect((await placeOrder(sandbox, { quoteId: quote.quoteId, fiatCurrency: 'GBP', tokenSymbol: 'BNB' })).status).toBe(201);
  });
});
