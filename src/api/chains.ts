/**
 * Fiat currencies, chains and tokens of the off-ramp, as the API's off-ramp guide lists them.
 * This table is the only place that knows which token lives on which chain.
 */

export const FIAT_CURRENCIES = ['MXN', 'DOP', 'USD', 'EUR'] as const;
export type FiatCurrency = (typeof FIAT_CURRENCIES)[number];

/** Chain → tokens that can be sold on it ("For faster completion use USDC on POL"). */
export const CHAIN_TOKENS = {
  POL: ['USDC', 'USDT', 'POL', 'MATIC'],
  BSC: ['BNB'],
  BASE: ['USDC', 'USDC.e', 'USDbC', 'ETH', 'MXNe', 'cbBTC', 'wUSDL'],
  OP: ['USDC', 'ETH'],
  ARB: ['USDC', 'ETH'],
  SOL: ['USDC', 'SOL', 'USDY', 'PYSUD'],
  WLD: ['WLD'],
  STK: ['USDC', 'STK'],
  ETH: ['USDC', 'ETH', 'wBTC'],
} as const satisfies Record<string, readonly string[]>;

export type BlockchainSymbol = keyof typeof CHAIN_TOKENS;
export type TokenSymbol = (typeof CHAIN_TOKENS)[BlockchainSymbol][number];

export const BLOCKCHAIN_SYMBOLS = Object.keys(CHAIN_TOKENS) as BlockchainSymbol[];

/** Names people know the chains by; proper nouns, the same in every language. */
export const CHAIN_NAMES: Record<BlockchainSymbol, string> = {
  POL: 'Polygon',
  BSC: 'BNB Smart Chain',
  BASE: 'Base',
  OP: 'Optimism',
  ARB: 'Arbitrum',
  SOL: 'Solana',
  WLD: 'World Chain',
  STK: 'STK',
  ETH: 'Ethereum',
};

export const chainName = (chain: string): string => (isBlockchainSymbol(chain) ? CHAIN_NAMES[chain] : chain);

/**
 * Assumed: the docs classify no token. These are the dollar- and peso-pegged ones; only they may
 * take the OTC flow.
 */
export const STABLECOINS: ReadonlySet<string> = new Set([
  'USDC', 'USDT', 'USDC.e', 'USDbC', 'MXNe', 'PYSUD', 'wUSDL', 'USDY',
]);

export const isBlockchainSymbol = (value: string): value is BlockchainSymbol =>
  Object.hasOwn(CHAIN_TOKENS, value);

export const tokensOn = (chain: string): readonly TokenSymbol[] =>
  isBlockchainSymbol(chain) ? CHAIN_TOKENS[chain] : [];

export const isSupportedPair = (chain: string, token: string): boolean =>
  (tokensOn(chain) as readonly string[]).includes(token);

export const isStablecoin = (token: string): boolean => STABLECOINS.has(token);

/** Decimals shown and sent for a token amount: 6 for stablecoins (their on-chain precision), 8 else. */
export const tokenDecimals = (token: string): number => (isStablecoin(token) ? 6 : 8);

/** Decimals of a fiat amount: every payout currency counts in cents. */
export const FIAT_DECIMALS = 2;

/**
 * Assumed (the docs disagree on which amount a locked OFF_RAMP quote takes): a fiat amount becomes
 * `ceil(fiat / rate)` tokens at the token's precision, so the user never receives less than asked.
 */
export const cryptoAmountFor = (fiatAmount: number, rate: number, token: string): number => {
  const decimals = tokenDecimals(token);
  // toPrecision(15) drops binary noise (1.005 * 100 is 100.49999999999999).
  return Math.ceil(Number(((fiatAmount / rate) * 10 ** decimals).toPrecision(15))) / 10 ** decimals;
};

/** Assumed: STK is EVM. SOL addresses are base58, every other chain's are 0x + 40 hex. */
export const addressFormat = (chain: string): 'evm' | 'solana' => (chain === 'SOL' ? 'solana' : 'evm');
