// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { orderBodySchema, orderRequestSchema, orderSchema, quoteRequestSchema, quoteSchema } from '../../src/api/schemas';

const bank = { country: 'MX', accountIdentifier: '014680260346007120' };
const userId = '8374f327-38bd-4b0b-b8a7-2524599eb903';

describe('order request rules', () => {
  it('accepts a quote id with inline bank details', () => {
    expect(orderBodySchema.safeParse({ quoteId: 'q-1', userBankInformation: bank }).success).toBe(true);
  });

  it('accepts currency, chain, token and exactly one amount instead of a quote', () => {
    const body = { fiatCurrency: 'MXN', blockchainSymbol: 'POL', tokenSymbol: 'USDC', cryptoAmount: 100, userBankInformationId: 'acc-1' };
    expect(orderBodySchema.safeParse(body).success).toBe(true);
    expect(orderBodySchema.safeParse({ ...body, cryptoAmount: undefined, fiatAmount: 1500 }).success).toBe(true);
  });

  it('refuses neither a quote nor a full asset', () => {
    const result = orderBodySchema.safeParse({ fiatCurrency: 'MXN', blockchainSymbol: 'POL', cryptoAmount: 1, userBankInformation: bank });
    expect(result.success).toBe(false);
  });

  it('refuses both amounts without a quote', () => {
    const body = { fiatCurrency: 'MXN', blockchainSymbol: 'POL', tokenSymbol: 'USDC', cryptoAmount: 1, fiatAmount: 20, userBankInformation: bank };
    expect(orderBodySchema.safeParse(body).success).toBe(false);
  });

  it('refuses no amount without a quote', () => {
    const body = { fiatCurrency: 'MXN', blockchainSymbol: 'POL', tokenSymbol: 'USDC', userBankInformation: bank };
    expect(orderBodySchema.safeParse(body).success).toBe(false);
  });

  it('refuses a token the chain does not carry', () => {
    const body = { fiatCurrency: 'MXN', blockchainSymbol: 'BSC', tokenSymbol: 'USDC', cryptoAmount: 1, userBankInformation: bank };
    expect(orderBodySchema.safeParse(body).success).toBe(false);
  });

  it('refuses both inline bank details and a saved account', () => {
    expect(orderBodySchema.safeParse({ quoteId: 'q', userBankInformation: bank, userBankInformationId: 'acc-1' }).success).toBe(false);
  });

  it('refuses neither inline bank details nor a saved account', () => {
    expect(orderBodySchema.safeParse({ quoteId: 'q' }).success).toBe(false);
  });

  it('drops fields the API does not know', () => {
    const parsed = orderBodySchema.parse({ quoteId: 'q', userBankInformation: { ...bank, pin: '1234' }, evil: true });
    expect(parsed).toEqual({ quoteId: 'q', userBankInformation: bank });
  });

  it('requires a UUID user id in the request that reaches the API', () => {
    expect(orderRequestSchema.safeParse({ quoteId: 'q', userBankInformation: bank }).success).toBe(false);
    expect(orderRequestSchema.safeParse({ quoteId: 'q', userBankInformation: bank, userId: 'me' }).success).toBe(false);
    expect(orderRequestSchema.safeParse({ quoteId: 'q', userBankInformation: bank, userId }).success).toBe(true);
  });

  it('refuses a negative amount and a spread of 100 % or more', () => {
    const asset = { fiatCurrency: 'MXN', blockchainSymbol: 'POL', tokenSymbol: 'USDC', userBankInformation: bank };
    expect(orderBodySchema.safeParse({ ...asset, cryptoAmount: -1 }).success).toBe(false);
    expect(orderBodySchema.safeParse({ ...asset, cryptoAmount: 1, premiumSpread: 1 }).success).toBe(false);
  });
});

describe('quote request', () => {
  const pair = { transactionType: 'OFF_RAMP', fiatCurrency: 'MXN', blockchainSymbol: 'POL', tokenSymbol: 'USDC' };
  it('takes exactly one amount', () => {
    expect(quoteRequestSchema.safeParse({ ...pair, cryptoAmount: 100 }).success).toBe(true);
    expect(quoteRequestSchema.safeParse({ ...pair, fiatAmount: 100 }).success).toBe(true);
    expect(quoteRequestSchema.safeParse(pair).success).toBe(false);
    expect(quoteRequestSchema.safeParse({ ...pair, cryptoAmount: 1, fiatAmount: 1 }).success).toBe(false);
  });
  it('bounds forwardingDays to 0–4', () => {
    expect(quoteRequestSchema.safeParse({ ...pair, cryptoAmount: 1, forwardingDays: 4 }).success).toBe(true);
    expect(quoteRequestSchema.safeParse({ ...pair, cryptoAmount: 1, forwardingDays: 5 }).success).toBe(false);
  });
});

describe('answers', () => {
  const quote = {
    quoteId: '5b1f0c3e-9a47-4d8e-b2c1-7f6e0a9d3c21', transactionType: 'OFF_RAMP', fiatCurrency: 'MXN',
    blockchainSymbol: 'POL', tokenSymbol: 'USDC', cryptoAmount: 100, fiatAmount: 1788.4, rate: 17.884,
    premiumSpread: 0.005, flow: 'REGULAR', expiresAt: '2026-11-23T18:04:05.000Z',
  };

  it('reads the documented quote', () => {
    expect(quoteSchema.parse(quote).rate).toBe(17.884);
  });

  it('reads amounts sent as decimal strings as numbers', () => {
    const parsed = quoteSchema.parse({ ...quote, cryptoAmount: '0.260000', rate: '18.184665', premiumSpread: '0.005' });
    expect(parsed.cryptoAmount).toBe(0.26);
    expect(parsed.rate).toBe(18.184665);
  });

  it('refuses a quote without expiry, or with an amount that is not a number', () => {
    expect(quoteSchema.safeParse({ ...quote, expiresAt: undefined }).success).toBe(false);
    expect(quoteSchema.safeParse({ ...quote, fiatAmount: 'lots' }).success).toBe(false);
  });

  it('reads the documented order', () => {
    const order = {
      id: '63f51f11-6869-47b0-a109-ddb50ef20efb', userId, status: 'PENDING_PAYMENT', cryptoAmount: 100,
      fiatAmount: 1788.4, exchangeRate: 17.884, tokenSymbol: 'USDC', blockchainSymbol: 'POL', fiatCurrency: 'MXN',
      premiumSpread: 0.005, createdAt: '2026-11-23T18:03:10.000Z', completedAt: null,
      destinationWalletAddress: '0x7796d4f304bd84171ee6730ad0f69c07a47e786d',
      bankAccount: { country: 'MX', accountIdentifier: '014680260346007120', isVerified: false, bankName: null },
    };
    expect(orderSchema.parse(order).destinationWalletAddress).toBe(order.destinationWalletAddress);
    expect(orderSchema.safeParse({ ...order, status: 'SOMETHING_ELSE' }).success).toBe(false);
  });
});
