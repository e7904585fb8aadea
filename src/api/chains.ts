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

/** The coin each chain's network fee is paid in: the sender's own cost, on top of the deposit. */
export const GAS_TOKENS: Partial<Record<BlockchainSymbol, string>> = {
  ETH: 'ETH',
  OP: 'ETH',
  BSC: 'BNB',
  POL: 'POL',
  WLD: 'ETH',
  BASE: 'ETH',
  ARB: 'ETH',
  SOL: 'SOL',
};

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

/** Assumed: STK is EVM. SOL addresses are base58, every other chain's are 0x + 40 hex. */
export const addressFormat = (chain: string): 'evm' | 'solana' => (chain === 'SOL' ? 'solana' : 'evm');
