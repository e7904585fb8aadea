/**
 * Names and paths of the partner API v2 (see the contract). Everything the widget, the proxy and
 * the sandbox say to each other over HTTP is spelled here once.
 */

import type { FiatCurrency } from './chains';

export * from './values';

export const API_PREFIX = '/api/partner/v2';

export const API_PATHS = {
  quotes: `${API_PREFIX}/quotes`,
  offRamp: `${API_PREFIX}/off-ramp`,
  execute: `${API_PREFIX}/off-ramp/execute`,
  transactions: `${API_PREFIX}/transactions`,
  cancel: (transactionId: string) => `${API_PREFIX}/transactions/${encodeURIComponent(transactionId)}/cancel`,
  bankAccounts: (userId: string) => `${API_PREFIX}/banks/users/${encodeURIComponent(userId)}/accounts`,
  receivers: `${API_PREFIX}/receivers`,
  mockTestingGuide: `${API_PREFIX}/transactions/mock-testing-guide`,
  receiverBankAccounts: (receiverId: string) => `${API_PREFIX}/banks/receivers/${encodeURIComponent(receiverId)}/accounts`,
  /** DELETE: a soft delete of a receiver's saved account. */
  receiverBankAccount: (receiverId: string, userBankInfoId: string) =>
    `${API_PREFIX}/banks/receivers/${encodeURIComponent(receiverId)}/accounts/${encodeURIComponent(userBankInfoId)}`,
  users: `${API_PREFIX}/users`,
  kycVerificationLink: (userId: string) => `${API_PREFIX}/users/${encodeURIComponent(userId)}/kyc/verification-link`,
  kycDetails: `${API_PREFIX}/kyc/details`,
  webhookSettings: `${API_PREFIX}/webhook-settings`,
} as const;

/** Server side only: the partner's key (the proxy sends it, the API checks it). */
/**
 * The user the browser names in a user-scoped path (`/banks/users/{userId}/accounts`): the browser
 * does not know the id, and the proxy puts the signed-in user's there whatever it says.
 */
export const SESSION_USER = 'me';

/**
 * Routes the partner's proxy answers itself, beside the API's mirrored paths. `kycStatus` answers
 * `{ verified, firstName?, lastName? }` for the session user only: the API's KYC details are the
 * identity provider's whole result (ID number, birth date, images) and never reach the browser.
 */
export const PROXY_PATHS = {
  kycStatus: '/widget/kyc-status',
} as const;

export const API_KEY_HEADER = 'partner-api-key';
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Assumed: the proxy's own request id; the API documents none. */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * Every header name, for server code and tests. Browser code imports the single names above: a
 * bundle keeps a whole object it touches, and the widget's build must not even name the key header.
 */
/** A Hono route pattern from an API_PATHS builder (`cancel(':id')` would be percent-encoded). */
export const routePattern = (path: (param: string) => string, name: string) =>
  path(`__${name}__`).replace(`__${name}__`, `:${name}`);

/** How two bodies sent with one Idempotency-Key are compared: key order and whitespace do not count. */
export const canonicalJson = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonicalJson).join(',')}]`
    : typeof value === 'object' && value !== null
      ? `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`
      : (JSON.stringify(value) ?? 'null');

/** Assumed (the docs give no lengths): the longest text each bank-detail field takes. */
export const TEXT_LIMITS = { name: 100, businessName: 200, bankName: 120, street: 200, city: 100 } as const;

export const HEADERS = {
  apiKey: API_KEY_HEADER,
  idempotencyKey: IDEMPOTENCY_KEY_HEADER,
  requestId: REQUEST_ID_HEADER,
} as const;

/** Assumed (real key format undocumented): sandbox keys are `sk_sandbox_` + 32 hex. */
export const SANDBOX_API_KEY_PATTERN = /^sk_sandbox_[0-9a-f]{32}$/;

/** Assumed: the API documents no quote lifetime beyond `expiresAt`; the sandbox's default. */
export const DEFAULT_QUOTE_LIFETIME_MS = 5 * 60_000;

/** Assumed: the locked OFF_RAMP quote is always asked with `cryptoAmount` (the pages conflict). */
export const LOCKED_QUOTE_AMOUNT_FIELD = 'cryptoAmount' as const;

/** The docs name one threshold: MXN orders above this are OTC. */
export const OTC_THRESHOLD = { MXN: 50_000 } as const;

export interface AmountRange {
  min: number;
  max: number;
}

/**
 * Amount limits as a partner states them (the real ones are per agreement): the widget's `limits`
 * prop, and the sandbox's overrides of DEFAULT_AMOUNT_LIMITS.
 */
export interface AmountLimitsOption {
  crypto?: AmountRange;
  tokens?: Partial<Record<string, AmountRange>>;
  fiat?: Partial<Record<FiatCurrency, AmountRange>>;
}

/**
 * Assumed amount limits (the real ones are per partner agreement); the sandbox's defaults, and the
 * order's range errors carry them. The fiat minimums sit below what one token fetches, so the
 * staging amounts (1.01–1.03 tokens) pass in every currency.
 */
export const DEFAULT_AMOUNT_LIMITS = {
  crypto: { min: 1, max: 50_000 },
  fiat: {
    MXN: { min: 10, max: 1_000_000 },
    DOP: { min: 30, max: 3_000_000 },
    USD: { min: 0.5, max: 50_000 },
    EUR: { min: 0.5, max: 50_000 },
  },
} as const;

/** `Idempotency-Key`: 16–128 printable ASCII characters (UUIDv4 advised), kept 48 hours. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x20-\x7e]{16,128}$/;
export const IDEMPOTENCY_TTL_MS = 48 * 60 * 60_000;

/** KYC (and KYB) statuses; assumed: only `VERIFIED` may transact. */
export const KYC_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'VERIFIED', 'REJECTED', 'REVIEW_NEEDED'] as const;
export type KycStatus = (typeof KYC_STATUSES)[number];

export { BANK_COUNTRIES } from './bankCountries';
