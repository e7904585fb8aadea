/**
 * The sandbox's knobs. Everything here can be changed while it runs (`configure`), except the clock
 * and the seed, which fix what it has already answered.
 */
import { FIAT_CURRENCIES, type FiatCurrency } from '../api/chains';
import { DEFAULT_AMOUNT_LIMITS, DEFAULT_QUOTE_LIFETIME_MS, type AmountLimitsOption, type AmountRange } from '../api/contract';

export type { AmountLimitsOption, AmountRange } from '../api/contract';

/** The partner's limits (per agreement on the real API). */
export interface AmountLimits {
  /** Token amounts, any token. */
  crypto: AmountRange;
  /** Token amounts of one token, where it differs from `crypto` (e.g. `{ ETH: { min: 0.01, max: 20 } }`). */
  tokens: Partial<Record<string, AmountRange>>;
  /** Fiat amounts, per currency. */
  fiat: Record<FiatCurrency, AmountRange>;
}

/** Units of each fiat currency per US dollar, before the partner's spread. Volatile tokens have their own USD prices. */
export const DEFAULT_USD_RATES: Readonly<Record<FiatCurrency, number>> = { MXN: 18, DOP: 60, USD: 1, EUR: 0.92 };

/** What `configure` may change while the sandbox runs. */
export interface SandboxSettings {
  /** How long a locked quote stays valid. Default DEFAULT_QUOTE_LIFETIME_MS (5 minutes). */
  quoteLifetimeMs?: number;
  /** Amount limits; default DEFAULT_AMOUNT_LIMITS. */
  limits?: AmountLimitsOption;
  /** Base rates, units per USD; default DEFAULT_USD_RATES. */
  rates?: Partial<Record<FiatCurrency, number>>;
  /** When set, orders also advance one status per this many ms of the sandbox's clock (besides one per poll). */
  statusTickMs?: number;
  /**
   * Simulated processing time of every API call, in real ms (default 0): shows loading states, and
   * is the window in which a retried order finds its Idempotency-Key in flight.
   */
  latencyMs?: number;
  /**
   * Fault injection: every authenticated call fails as the API does when it breaks (the quote
   * endpoints and the receivers list with their documented 500 rows, the rest with a plain 500).
   */
  outage?: boolean;
  /**
   * The sandbox's URL as a browser reaches it (e.g. `http://localhost:5173/sandbox`): KYC
   * verification links point at its page there. Default: the origin of the request for the link.
   */
  publicUrl?: string;
}

export interface SandboxOptions extends SandboxSettings {
  /** The sandbox's clock: quote expiry, timestamps, the `Date` header, status ticks. Default Date.now. */
  now?: () => number;
  /** Makes ids and wallet addresses deterministic: same seed, same requests, same answers. Default random. */
  seed?: string;
  /** Sends the webhooks; default the global `fetch`. Its answer decides delivery (2xx) or a retry. */
  webhookFetch?: (input: string, init: RequestInit) => Promise<Response>;
}

/** The settings in force, every default filled in. */
export interface Settings {
  quoteLifetimeMs: number;
  limits: AmountLimits;
  rates: Record<FiatCurrency, number>;
  statusTickMs: number | undefined;
  latencyMs: number;
  outage: boolean;
  /** Without a trailing slash. */
  publicUrl: string | undefined;
}

const positive = (name: string, value: number): number => {
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`sandbox: ${name} must be a positive number, got ${value}`);
  return value;
};

const range = (name: string, value: AmountRange): AmountRange => {
  if (!(Number.isFinite(value.min) && value.min >= 0 && value.max >= value.min)) {
    throw new RangeError(`sandbox: ${name} must have 0 <= min <= max, got ${JSON.stringify(value)}`);
  }
  return { min: value.min, max: value.max };
};

const webUrl = (name: string, value: string): string => {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') throw new RangeError(`sandbox: ${name} must be an http(s) URL, got ${value}`);
  return value.replace(/\/+$/, '');
};

const mapValues = <K extends string, V, W>(record: Partial<Record<K, V>>, f: (key: K, value: V) => W) =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, f(key as K, value as V)])) as Partial<Record<K, W>>;

/** Fills the defaults in, and refuses nonsense early (a 0 ms quote lifetime is a typo, not a test). */
export const resolveSettings = (settings: SandboxSettings): Settings => {
  const fiat = { ...DEFAULT_AMOUNT_LIMITS.fiat, ...settings.limits?.fiat };
  const rates = { ...DEFAULT_USD_RATES, ...settings.rates };
  return {
    quoteLifetimeMs: positive('quoteLifetimeMs', settings.quoteLifetimeMs ?? DEFAULT_QUOTE_LIFETIME_MS),
    limits: {
      crypto: range('limits.crypto', settings.limits?.crypto ?? DEFAULT_AMOUNT_LIMITS.crypto),
      tokens: mapValues(settings.limits?.tokens ?? {}, (token, value) => range(`limits.tokens.${token}`, value)),
      fiat: Object.fromEntries(FIAT_CURRENCIES.map((c) => [c, range(`limits.fiat.${c}`, fiat[c])])) as Record<FiatCurrency, AmountRange>,
    },
    rates: Object.fromEntries(FIAT_CURRENCIES.map((c) => [c, positive(`rates.${c}`, rates[c])])) as Record<FiatCurrency, number>,
    statusTickMs: settings.statusTickMs === undefined ? undefined : positive('statusTickMs', settings.statusTickMs),
    latencyMs: settings.latencyMs === undefined || settings.latencyMs === 0 ? 0 : positive('latencyMs', settings.latencyMs),
    outage: settings.outage ?? false,
    publicUrl: settings.publicUrl === undefined ? undefined : webUrl('publicUrl', settings.publicUrl),
  };
};
