/** A locked quote as the API answers it, and the request that asks for it: the client's tests' own. */
export const LOCKED_QUOTE = {
  quoteId: 'q-1', transactionType: 'OFF_RAMP', fiatCurrency: 'MXN', blockchainSymbol: 'POL', tokenSymbol: 'USDC',
  cryptoAmount: 100, fiatAmount: 1788.4, rate: 17.884, premiumSpread: 0.005, flow: 'REGULAR',
  expiresAt: '2026-11-23T18:04:05.000Z',
};

export const QUOTE_REQUEST = { transactionType: 'OFF_RAMP', fiatCurrency: 'MXN', blockchainSymbol: 'POL', tokenSymbol: 'USDC', cryptoAmount: 100 } as const;
