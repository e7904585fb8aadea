/**
 * Prices, estimates and locked quotes. One `price` serves the estimate, the locked quote and an
 * order without a quote, so the three can never disagree on a rate, a range or a flow.
 */
import { cryptoAmountFor } from '../api/amounts';
import { FIAT_CURRENCIES, FIAT_DECIMALS, isStablecoin, isSupportedPair, type FiatCurrency, type TokenSymbol } from '../api/chains';
import { OTC_THRESHOLD } from '../api/contract';
import { API_ERRORS, withRange } from '../api/errors';
import { estimateRequestSchema, quoteRequestSchema, type Estimate, type Quote } from '../api/schemas';
import { isoTime, type SandboxContext } from './context';
import { fail } from './failure';
import type { AmountRange, Settings } from './options';
import type { QuoteRecord } from './store';

/**
 * USD price of each token: stablecoins follow their peg (so MXNe moves with the MXN rate),
 * volatile tokens have a fixed sandbox price. A token missing here fails tsc.
 */
const TOKEN_PRICES = {
  USDC: { peg: 'USD' },
  USDT: { peg: 'USD' },
  'USDC.e': { peg: 'USD' },
  USDbC: { peg: 'USD' },
  wUSDL: { peg: 'USD' },
  USDY: { peg: 'USD' },
  PYSUD: { peg: 'USD' },
  MXNe: { peg: 'MXN' },
  POL: { usd: 0.5 },
  MATIC: { usd: 0.5 },
  BNB: { usd: 600 },
  ETH: { usd: 3_000 },
  cbBTC: { usd: 60_000 },
  wBTC: { usd: 60_000 },
  SOL: { usd: 150 },
  WLD: { usd: 2 },
  STK: { usd: 0.05 },
} as const satisfies Record<TokenSymbol, { peg: FiatCurrency } | { usd: number }>;

const RATE_DECIMALS = 6;
/** The contract's range messages: up to 2 decimals for fiat, 6 for tokens. */
const RANGE_DECIMALS = { fiat: FIAT_DECIMALS, token: 6 } as const;

// Scaled values go through toPrecision(15) to drop binary noise (1.005 * 100 is 100.49999999999999).
const scaled = (value: number, decimals: number) => Number((value * 10 ** decimals).toPrecision(15));
const roundTo = (value: number, decimals: number) => Math.round(scaled(value, decimals)) / 10 ** decimals;

const isFiatCurrency = (value: string): value is FiatCurrency => (FIAT_CURRENCIES as readonly string[]).includes(value);
const otcThreshold = (currency: string): number | undefined => (OTC_THRESHOLD as Partial<Record<string, number>>)[currency];
const inRange = (value: number, { min, max }: AmountRange) => value >= min && value <= max;

export interface PriceRequest {
  transactionType: 'ON_RAMP' | 'OFF_RAMP';
  fiatCurrency: string;
  blockchainSymbol: string;
  tokenSymbol: string;
  cryptoAmount?: number | undefined;
  fiatAmount?: number | undefined;
  premiumSpread?: number | undefined;
}

export type Priced = Estimate & { fiatCurrency: FiatCurrency; premiumSpread: number; flow: 'REGULAR' | 'OTC' };

/** Refuses the amounts outside the partner's limits, the amount the caller typed first (its error is the one to act on). */
const checkRanges = (priced: Priced, given: 'crypto' | 'fiat', settings: Settings) => {
  const tokenRange = settings.limits.tokens[priced.tokenSymbol] ?? settings.limits.crypto;
  const fiatRange = settings.limits.fiat[priced.fiatCurrency];
  const token = () =>
    inRange(priced.cryptoAmount, tokenRange) || fail(withRange(API_ERRORS.tokenAmountOutOfRange, tokenRange, RANGE_DECIMALS.token));
  const fiat = () =>
    inRange(priced.fiatAmount, fiatRange) || fail(withRange(API_ERRORS.fiatAmountOutOfRange, fiatRange, RANGE_DECIMALS.fiat));
  for (const check of given === 'crypto' ? [token, fiat] : [fiat, token]) check();
};

/** Rate, both amounts and flow for a request already known to be well-formed with one amount. */
export const price = (request: PriceRequest, settings: Settings): Priced => {
  const { transactionType, fiatCurrency, blockchainSymbol, tokenSymbol } = request;
  if (!isFiatCurrency(fiatCurrency)) fail(API_ERRORS.fiatCurrencyDisabled);
  if (!isSupportedPair(blockchainSymbol, tokenSymbol)) fail(API_ERRORS.pairDisabled);

  const quoted = TOKEN_PRICES[tokenSymbol as TokenSymbol];
  const usdPerToken = 'usd' in quoted ? quoted.usd : 1 / settings.rates[quoted.peg];
  const premiumSpread = request.premiumSpread ?? 0;
  // Assumed: the partner's premium comes out of what the user gets, on either side of the trade.
  const side = transactionType === 'OFF_RAMP' ? -1 : 1;
  const rate = roundTo(usdPerToken * settings.rates[fiatCurrency] * (1 + side * premiumSpread), RATE_DECIMALS);

  const given = request.cryptoAmount !== undefined ? 'crypto' : 'fiat';
  const cryptoAmount = request.cryptoAmount ?? cryptoAmountFor(request.fiatAmount ?? 0, rate, tokenSymbol);
  const fiatAmount = roundTo(request.fiatAmount ?? cryptoAmount * rate, FIAT_DECIMALS);
  const threshold = otcThreshold(fiatCurrency);
  const flow = threshold !== undefined && fiatAmount > threshold ? 'OTC' : 'REGULAR';
  const priced: Priced = {
    transactionType, fiatCurrency, blockchainSymbol, tokenSymbol, cryptoAmount, fiatAmount, rate, premiumSpread, flow,
  };

  // The range rows name OFF_RAMP; the sandbox simulates no on-ramp limits.
  if (transactionType === 'OFF_RAMP') checkRanges(priced, given, settings);
  if (flow === 'OTC' && !isStablecoin(tokenSymbol)) fail(API_ERRORS.otcStablecoinsOnly);
  return priced;
};

const exactlyOneAmount = (request: { cryptoAmount?: number | undefined; fiatAmount?: number | undefined }) =>
  (request.cryptoAmount === undefined) !== (request.fiatAmount === undefined);

const NUMERIC_QUERY_FIELDS = ['cryptoAmount', 'fiatAmount', 'premiumSpread'] as const;

/** `GET /quotes`: the query's numbers arrive as text; anything that is not a plain decimal stays text and fails the schema. */
export const estimate = (query: Record<string, string>, settings: Settings): Priced => {
  const input: Record<string, unknown> = { ...query };
  for (const field of NUMERIC_QUERY_FIELDS) {
    const text = query[field];
    if (text !== undefined && /^-?\d+(\.\d+)?$/.test(text)) input[field] = Number(text);
  }
  const parsed = estimateRequestSchema.safeParse(input);
  if (!parsed.success || !exactlyOneAmount(parsed.data)) fail(API_ERRORS.invalidUserInput);
  return price(parsed.data, settings);
};

/** `POST /quotes`: prices the request and remembers it until `expiresAt`, for the partner that asked. */
export const lockQuote = (ctx: SandboxContext, partnerId: string, body: unknown): Quote => {
  const parsed = quoteRequestSchema.safeParse(body);
  if (!parsed.success) fail(API_ERRORS.invalidUserInput);
  const priced = price(parsed.data, ctx.settings);
  // Forwarding (lock now, settle T+N) exists only for OTC.
  if (parsed.data.forwardingDays && priced.flow !== 'OTC') fail(API_ERRORS.invalidUserInput);
  const quote: QuoteRecord = {
    ...priced,
    quoteId: ctx.ids.uuid('quote'),
    expiresAt: isoTime(ctx.now() + ctx.settings.quoteLifetimeMs),
    partnerId,
  };
  ctx.store.quotes.set(quote.quoteId, quote);
  return quoteView(quote);
};

export const quoteView = ({ partnerId: _partnerId, ...quote }: QuoteRecord): Quote => quote;

/**
 * A quote named by an order: the partner's own, unexpired, OFF_RAMP. Assumed: an unknown quote id
 * is invalid input (the docs list no "quote not found" row).
 */
export const quoteForOrder = (ctx: SandboxContext, partnerId: string, quoteId: string): QuoteRecord => {
  const quote = ctx.store.quotes.get(quoteId);
  if (!quote || quote.partnerId !== partnerId) fail(API_ERRORS.invalidUserInput);
  // Valid up to, not at, expiresAt: the widget's countdown reaches zero at that instant.
  if (ctx.now() >= Date.parse(quote.expiresAt)) fail(API_ERRORS.quoteExpired);
  if (quote.transactionType !== 'OFF_RAMP') fail(API_ERRORS.quoteNotOffRamp);
  return quote;
};
