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

/**
 * Assumed (the docs disagree on which amount a locked OFF_RAMP quote takes): a fiat amount becomes
 * `ceil(fiat / rate)` tokens at the token's precision, so the user never receives less than asked.
 */
export const cryptoAmountFor = (fiatAmount: number, rate: number, token: string): number => {
  if (!(rate > 0)) throw new RangeError(`A rate must be above zero, not ${rate}`);
  const decimals = tokenDecimals(token);
  const [fiat, price] = [exactDecimal(fiatAmount), exactDecimal(rate)];
  // Integer division in the token's base units, so binary noise can neither add a unit nor lose one.
  const numerator = fiat.digits * 10n ** BigInt(price.scale + decimals);
  const denominator = price.digits * 10n ** BigInt(fiat.scale);
  return Number((numerator + denominator - 1n) / denominator) / 10 ** decimals;
};

/** A number as the decimal it is written as (1.005 is 1005 × 10⁻³), not as its binary value. */
const exactDecimal = (value: number): { digits: bigint; scale: number } => {
  const [mantissa = '', exponent = '0'] = String(value).split('e');
  const [whole, fraction = ''] = mantissa.split('.');
  const scale = fraction.length - Number(exponent);
  const digits = BigInt(whole + fraction);
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
};

/** Assumed: STK is EVM. SOL addresses are base58, every other chain's are 0x + 40 hex. */
export const addressFormat = (chain: string): 'evm' | 'solana' => (chain === 'SOL' ? 'solana' : 'evm');
