/**
 * The error catalogue: from an API error (status, code, message) or a client failure to what the
 * user reads, where it shows, and what they can do about it. Matched on code and message, then on
 * code, then on the HTTP status; anything else gets a generic sentence that still shows the code
 * and the request id.
 */
import { API_ERRORS, CLIENT_ERROR_CODES, isOffRampError, type ApiErrorName, type ApiErrorRow, type OffRampError } from '../api/errors';
import type { MessageKey, Params, Translator } from '../i18n';
import { genericErrorView } from './errorViews';

/**
 * Where an error shows: on a field of the amount step, on the bank step, on the review step, as
 * the identity-verification screen, or in whichever step the user is on.
 */
export type ErrorPlace = 'amount' | 'tokenSymbol' | 'fiatCurrency' | 'bank' | 'review' | 'kyc' | 'here';

/** What the user can do: change what they entered, get a new quote, try again, verify, or wait. */
export type ErrorRemedy = 'fix' | 'renew' | 'retry' | 'verify' | 'wait';

export interface CatalogueEntry {
  message: MessageKey;
  place: ErrorPlace;
  remedy: ErrorRemedy;
  /** A different reading when the error answers a quote rather than an order. */
  onQuote?: Reading;
  /** A different reading when the error answers the deposit (execute, cancel, reading the order). */
  onDeposit?: Reading;
}
type Reading = Omit<CatalogueEntry, 'onQuote' | 'onDeposit'>;

const entry = (message: MessageKey, place: ErrorPlace, remedy: ErrorRemedy, readings: Pick<CatalogueEntry, 'onQuote' | 'onDeposit'> = {}): CatalogueEntry =>
  ({ message, place, remedy, ...readings });

const unavailable = entry('error.unavailable', 'here', 'wait');
const serverBusy = entry('error.serverBusy', 'here', 'retry');
const savedAccount = entry('error.savedAccountUnavailable', 'bank', 'fix');
const receiverUnknown = entry('error.receiverUnknown', 'review', 'fix');
const orderUnavailable = entry('error.orderUnavailable', 'here', 'wait');

/** Every row of the contract's error tables (a test checks none is missing). */
export const ERROR_CATALOGUE: Partial<Record<ApiErrorName, CatalogueEntry>> = {
  // The partner's set-up: nothing the user can fix; the partner hears of it through onError.
  apiKeyMissing: unavailable,
  apiKeyMalformed: unavailable,
  apiKeyUnknown: unavailable,
  invalidPartnerFlow: unavailable,
  partnerInfoRequired: unavailable,
  userNotOfPartner: unavailable,
  userIdRequired: unavailable,
  signInRequired: entry('error.signInRequired', 'here', 'wait'),
  notFound: unavailable,

  invalidUserInput: entry('error.bankDetailsRefused', 'bank', 'fix', {
    onQuote: entry('error.invalidInput', 'amount', 'fix'),
    // On execute, the only input is the transfer's hash.
    onDeposit: entry('error.transactionHashRefused', 'here', 'fix'),
  }),
  fiatCurrencyDisabled: entry('error.currencyDisabled', 'fiatCurrency', 'fix'),
  pairDisabled: entry('error.pairDisabled', 'tokenSymbol', 'fix'),
  otcStablecoinsOnly: entry('error.otcStablecoinsOnly', 'tokenSymbol', 'fix'),
  fiatAmountOutOfRange: entry('error.amountRange', 'amount', 'fix'),
  tokenAmountOutOfRange: entry('error.amountRange', 'amount', 'fix'),
  estimateFailed: serverBusy,
  quoteFailed: serverBusy,
  internalError: serverBusy,
  upstreamUnavailable: serverBusy,

  userNotVerified: entry('error.userNotVerified', 'kyc', 'verify'),
  receiverCannotOrder: entry('error.receiverAccount', 'here', 'wait'),
  quoteOrAssetRequired: entry('error.quoteInvalid', 'review', 'renew'),
  quoteExpired: entry('error.quoteExpired', 'review', 'renew'),
  quoteNotOffRamp: entry('error.quoteInvalid', 'review', 'renew'),
  bankDetailsRequired: entry('error.bankDetailsMissing', 'bank', 'fix'),
  receiverNotVerified: entry('error.receiverNotVerified', 'review', 'fix'),
  receiverOfOtherUser: receiverUnknown,
  receiverNotFound: receiverUnknown,
  receiversUnavailable: entry('error.receiversUnavailable', 'review', 'retry'),
  bankInfoOfOtherUser: savedAccount,
  bankInfoOfOtherPartner: savedAccount,
  bankInfoNotFound: savedAccount,

  transactionNotFound: orderUnavailable,
  transactionOfOtherPartner: orderUnavailable,
  partnerNotOwner: orderUnavailable,
  userNotOwner: orderUnavailable,
  invalidStateTransition: entry('error.cannotCancel', 'here', 'wait'),

  transactionNotOfUser: orderUnavailable,

  // The partner proxy's own answers.
  upstreamTimeout: entry('error.timeout', 'here', 'retry'),
  rateLimited: entry('error.rateLimited', 'here', 'retry'),
  payloadTooLarge: entry('error.invalidInput', 'here', 'fix'),
  originNotAllowed: unavailable,

  idempotencyInProgress: entry('error.stillProcessing', 'review', 'retry'),
  idempotencyKeyMismatch: entry('error.confirmAgain', 'review', 'retry'),
};

/** Codes that carry several messages: the reading for a message the catalogue does not know. */
const BY_CODE: Record<string, CatalogueEntry> = {
  UNAUTHORIZED: unavailable,
  BAD_REQUEST: entry('error.invalidInput', 'here', 'fix'),
  USER_BANK_INFO_ACCESS_DENIED: savedAccount,
  INTERNAL_SERVER_ERROR: serverBusy,
  [CLIENT_ERROR_CODES.network]: entry('error.network', 'here', 'retry'),
  [CLIENT_ERROR_CODES.offline]: entry('error.offline', 'here', 'retry'),
  [CLIENT_ERROR_CODES.timeout]: entry('error.timeout', 'here', 'retry'),
  [CLIENT_ERROR_CODES.invalidResponse]: entry('error.invalidResponse', 'here', 'retry'),
};

const byStatus = (status: number | undefined): CatalogueEntry | undefined => {
  if (status === 429) return entry('error.rateLimited', 'here', 'retry');
  if (status === 401 || status === 403) return unavailable;
  if (status !== undefined && status >= 500) return serverBusy;
  return undefined;
};

/** A row's message as a pattern: `{min}` and `{max}` stand for numbers. */
const matches = (row: ApiErrorRow, message: string) => {
  if (!row.message.includes('{')) return row.message === message;
  const escaped = row.message.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '-?[\\d.]+');
  return new RegExp(`^${escaped}$`).test(message);
};

const rows = Object.entries(API_ERRORS) as [ApiErrorName, ApiErrorRow][];

/** The catalogue's entry for an error: code and message, then code, then status. */
export const lookUp = (error: OffRampError): { name?: ApiErrorName; entry?: CatalogueEntry } => {
  const exact = rows.find(([, row]) => row.code === error.code && matches(row, error.serverMessage));
  if (exact && ERROR_CATALOGUE[exact[0]]) return { name: exact[0], entry: ERROR_CATALOGUE[exact[0]] };
  const byCode = BY_CODE[error.code];
  if (byCode) return { entry: byCode };
  const sameCode = rows.filter(([, row]) => row.code === error.code);
  if (sameCode.length === 1 && ERROR_CATALOGUE[sameCode[0]![0]]) return { entry: ERROR_CATALOGUE[sameCode[0]![0]] };
  return { entry: byStatus(error.status) };
};

/** What one error shows the user, ready for a step to render. */
export interface ErrorView {
  key: MessageKey;
  params?: Params;
  place: ErrorPlace;
  remedy: ErrorRemedy;
  code: string;
  requestId?: string;
}

export interface ErrorContext {
  /** Which request failed: some rows read differently for a quote or the deposit. */
  operation: 'quote' | 'order' | 'deposit';
  /** Which amount the user typed, so a limit in the other unit is said as such. */
  side?: 'crypto' | 'fiat';
  fiatCurrency: string;
  tokenSymbol: string;
}

/** A range the API refused an amount with, in fiat or in tokens. */
export interface RefusedRange {
  unit: 'fiat' | 'token';
  min: number;
  max: number;
}

/** The range a refusal names ("Should be between 10 and 1000000"), in fiat or in tokens. */
export const refusedRange = (error: unknown): RefusedRange | undefined => {
  if (!isOffRampError(error)) return undefined;
  const unit = error.code === API_ERRORS.fiatAmountOutOfRange.code ? 'fiat' : error.code === API_ERRORS.tokenAmountOutOfRange.code ? 'token' : undefined;
  const match = /between (-?[\d.]+) and (-?[\d.]+)/.exec(error.serverMessage);
  return unit && match ? { unit, min: Number(match[1]), max: Number(match[2]) } : undefined;
};

/** `{min}` and `{max}` of a range row, in the user's number format and unit. */
const rangeParams = (error: OffRampError, i18n: Translator, context: ErrorContext): Params | undefined => {
  const range = refusedRange(error);
  if (!range) return undefined;
  const format = range.unit === 'fiat' ? (n: number) => i18n.fiat(n, context.fiatCurrency) : (n: number) => i18n.token(n, context.tokenSymbol);
  return { min: format(range.min), max: format(range.max) };
};

export const describeError = (error: unknown, i18n: Translator, context: ErrorContext): ErrorView => {
  if (!isOffRampError(error)) return genericErrorView(error);
  const { entry: found } = lookUp(error);
  const chosen = (context.operation === 'quote' && found?.onQuote) || (context.operation === 'deposit' && found?.onDeposit) || found;
  const base = { code: error.code, ...(error.requestId ? { requestId: error.requestId } : {}) };
  if (!chosen) return genericErrorView(error);
  if (chosen.message !== 'error.amountRange') return { ...base, key: chosen.message, place: chosen.place, remedy: chosen.remedy };
  const params = rangeParams(error, i18n, context);
  if (!params) return { ...base, key: 'error.amountOutOfRange', place: chosen.place, remedy: chosen.remedy };
  // A limit on what is paid out, while the user typed what they send (or the other way round).
  const limitsTheOtherSide = (error.code === API_ERRORS.fiatAmountOutOfRange.code) === (context.side === 'crypto');
  const key = context.side && limitsTheOtherSide ? 'error.amountRange.otherSide' : 'error.amountRange';
  return { ...base, key, params, place: chosen.place, remedy: chosen.remedy };
};
