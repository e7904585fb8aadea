/**
 * Every error row of the contract, as (HTTP status, code, message). Messages are data: a correction
 * to the API's wording is a one-line change here. A module of its own, so a partner's page loads
 * the rows with the error catalogue, not at start (see `vite.config.ts`).
 */

export interface ApiErrorRow {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

const row = (status: number, code: string, message: string): ApiErrorRow => ({ status, code, message });

export const API_ERRORS = {
  // Authentication: every endpoint.
  apiKeyMissing: row(401, 'UNAUTHORIZED', 'API Key is missing'),
  apiKeyMalformed: row(401, 'UNAUTHORIZED', 'Invalid API Key format'),
  apiKeyUnknown: row(401, 'UNAUTHORIZED', 'Invalid API Key'),
  invalidPartnerFlow: row(403, 'INVALID_PARTNER_FLOW', 'The partner has an invalid flow.'),
  // Endpoints scoped to a user of the partner.
  partnerInfoRequired: row(401, 'UNAUTHORIZED', 'Partner information is required for this operation'),
  userNotOfPartner: row(401, 'UNAUTHORIZED', 'User is not associated with the partner'),

  // Quotes and orders.
  invalidUserInput: row(400, 'INVALID_USER_INPUT_ERROR', 'Invalid User Input'),
  fiatCurrencyDisabled: row(400, 'BAD_REQUEST', 'Fiat currency is disabled or does not exist'),
  pairDisabled: row(400, 'BAD_REQUEST', 'This blockchain and token combination is disabled or does not exist'),
  estimateFailed: row(500, 'INTERNAL_SERVER_ERROR', 'Internal error doing quote'),
  /** Assumed from the cross-ramp twin. */
  quoteFailed: row(500, 'INTERNAL_SERVER_ERROR', 'Failed to create quote'),
  userIdRequired: row(400, 'REQUIRED_USER_ID_ERROR', 'This endpoint requires a user id to be provided'),
  userNotVerified: row(
    403,
    'USER_NOT_VERIFIED_ERROR',
    'User is not allowed to perform the operations because has not completed the KYC verification.',
  ),
  quoteOrAssetRequired: row(
    400,
    'BAD_REQUEST',
    'Either quoteId or fiatCurrency, blockchainSymbol, tokenSymbol, and at least one of fiatAmount or cryptoAmount must be provided',
  ),
  quoteExpired: row(400, 'QUOTE_EXPIRED', 'Quote has expired'),
  quoteNotOffRamp: row(400, 'BAD_REQUEST', 'Quote is not valid for OFF_RAMP'),
  otcStablecoinsOnly: row(400, 'INVALID_TOKEN_OPERATION_ERROR', 'Token cannot be operated as OTC, only stable coins are allowed'),
  bankDetailsRequired: row(400, 'BAD_REQUEST', 'Either userBankInformationId or userBankInformation must be provided'),
  receiverNotVerified: row(400, 'BAD_REQUEST', 'The receiver user account is not verified'),
  fiatAmountOutOfRange: row(
    400,
    'INVALID_FIAT_AMOUNT_ERROR',
    'Fiat amount is outside of the allowed range for OFF_RAMP. Should be between {min} and {max}',
  ),
  tokenAmountOutOfRange: row(
    400,
    'INVALID_TOKEN_AMOUNT_ERROR',
    'Token amount is outside of the allowed range for OFF_RAMP. Should be between {min} and {max}',
  ),
  receiverCannotOrder: row(403, 'RECEIVER_CANNOT_INITIATE_TRANSACTION', 'Receiver accounts cannot initiate transactions directly.'),
  receiverOfOtherUser: row(403, 'RECEIVER_USER_MISMATCH', 'The receiver does not belong to the specified user.'),
  bankInfoOfOtherUser: row(403, 'USER_BANK_INFO_ACCESS_DENIED', 'The bank information does not belong to the specified user.'),
  bankInfoOfOtherPartner: row(403, 'USER_BANK_INFO_ACCESS_DENIED', 'The bank information belongs to a different partner.'),
  receiverNotFound: row(404, 'RECEIVER_NOT_FOUND', 'Receiver not found.'),
  bankInfoNotFound: row(404, 'USER_BANK_INFO_NOT_FOUND', 'User bank information not found.'),

  // Execute and cancel.
  transactionNotFound: row(404, 'TRANSACTION_NOT_FOUND', 'Transaction not found'),
  transactionOfOtherPartner: row(403, 'TRANSACTION_ACCESS_DENIED', 'Transaction does not belong to this partner'),
  invalidStateTransition: row(400, 'BAD_REQUEST', 'Invalid transaction state transition'),
  partnerNotOwner: row(403, 'PARTNER_NOT_OWNER_OF_TRANSACTION_ERROR', 'Partner is not the owner of the transaction.'),
  userNotOwner: row(403, 'USER_NOT_OWNER_OF_TRANSACTION_ERROR', 'User is not the owner of the transaction.'),

  // Receivers.
  receiversUnavailable: row(500, 'RECEIVER_RETRIEVAL_FAILED', 'Failed to retrieve receivers. Please try again later.'),

  /** Assumed (IETF Idempotency-Key draft): the docs give no status for these two. */
  idempotencyInProgress: row(409, 'IDEMPOTENCY_REQUEST_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed'),
  idempotencyKeyMismatch: row(422, 'IDEMPOTENCY_KEY_MISMATCH', 'Idempotency-Key was already used with a different request body'),

  /** Assumed: the sandbox's and the proxy's own answers, for cases the API documents no row for. */
  notFound: row(404, 'NOT_FOUND', 'Not Found'),
  internalError: row(500, 'INTERNAL_SERVER_ERROR', 'Internal Server Error'),
  /** Assumed: the proxy's answer when the partner's site has no signed-in user. */
  signInRequired: row(401, 'UNAUTHORIZED', 'No user is signed in'),
  /** Assumed: the proxy's answer when the API cannot be reached. */
  upstreamUnavailable: row(502, 'BAD_GATEWAY', 'The off-ramp API could not be reached'),
  /** Assumed: the proxy's answer when the API does not answer within its `timeoutMs`. */
  upstreamTimeout: row(504, 'GATEWAY_TIMEOUT', 'The off-ramp API did not answer in time'),
  /** Assumed: the proxy's answer to a body over its `maxBodyBytes`. */
  payloadTooLarge: row(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large'),
  /** Assumed: the proxy's answer over a rate limit; `Retry-After` says when to ask again. */
  rateLimited: row(429, 'RATE_LIMITED', 'Too many requests, try again later'),
  /** Assumed: the proxy's answer to a page on an origin it does not allow (CORS allowlist). */
  originNotAllowed: row(403, 'ORIGIN_NOT_ALLOWED', 'This origin may not use the off-ramp proxy'),
  /** Assumed: the proxy's answer when a transaction id is not one of the signed-in user's (whether it exists is not told). */
  transactionNotOfUser: row(404, 'TRANSACTION_NOT_FOUND_FOR_USER', 'No transaction with this id belongs to the signed-in user'),
} as const satisfies Record<string, ApiErrorRow>;

/**
 * Assumed: more answers of the proxy's own, for failures of its store, of the API's answers and of
 * the client's upload. Kept apart from API_ERRORS, whose rows the widget's catalogue lists one by
 * one: the widget reads these by status (408 and 5xx: try again).
 */
export const PROXY_FAILURES = {
  /** The API answered something the proxy cannot pass on (not JSON, or over its size limit). */
  upstreamInvalid: row(502, 'BAD_GATEWAY', 'The off-ramp API gave an answer that could not be read'),
  /** The proxy's store (idempotency, rate limits) failed or did not answer in time; `Retry-After` says when to ask again. */
  storeUnavailable: row(503, 'STORE_UNAVAILABLE', 'The service is briefly unavailable, try again shortly'),
  /** A request body did not arrive within the proxy's deadline. */
  requestTimeout: row(408, 'REQUEST_TIMEOUT', 'The request body did not arrive in time'),
} as const satisfies Record<string, ApiErrorRow>;

export type ApiErrorName = keyof typeof API_ERRORS;

/**
 * The rows of saved-account creation (`POST /banks/users/{userId}/accounts` and its receiver twin),
 * an endpoint the widget does not call. The sandbox also answers the two DO rows for inline DO
 * details of an order (the contract), so the widget can meet those through its generic fallback.
 */
export const BANK_ACCOUNT_ERRORS = {
  /** The code is spelled without `_ERROR`, as documented. */
  dominicanBankNameRequired: row(400, 'INVALID_USER_INPUT', 'Bank name is required for Dominican Republic users'),
  /** The gap after "bank:" probably held the bank's name; sent as documented. */
  bankNotSupported: row(400, 'OFF_RAMP_USER_BANK_INFO_CREATION_FAILED', 'The provided bank: is not currently supported for this transaction.'),
  receiverBankNotSupported: row(400, 'OFF_RAMP_USER_BANK_INFO_CREATION_FAILED', 'The provided bank is not currently supported.'),
  bankInfoCreationFailed: row(400, 'USER_BANK_INFO_CREATION_FAILED', 'Failed to create user bank information.'),
} as const satisfies Record<string, ApiErrorRow>;

/**
 * The proxy's own answers: given before (or instead of) asking the API, so they say nothing about
 * whether the API did something with an earlier request.
 */
export const PROXY_ERRORS: readonly ApiErrorRow[] = [
  API_ERRORS.notFound,
  API_ERRORS.signInRequired,
  API_ERRORS.upstreamUnavailable,
  API_ERRORS.upstreamTimeout,
  API_ERRORS.payloadTooLarge,
  API_ERRORS.rateLimited,
  API_ERRORS.originNotAllowed,
  API_ERRORS.transactionNotOfUser,
  ...Object.values(PROXY_FAILURES),
];

/**
 * Fills the `{min}` / `{max}` of a range message. Assumed format: plain numbers, no thousands
 * separator, up to 2 decimals for fiat and 6 for tokens.
 */
export const withRange = (error: ApiErrorRow, range: { min: number; max: number }, decimals: number): ApiErrorRow => {
  const plain = (n: number) => String(Number(n.toFixed(decimals)));
  return { ...error, message: error.message.replace('{min}', plain(range.min)).replace('{max}', plain(range.max)) };
};

/** The assumed error body the sandbox and the proxy send. */
export const errorBody = (error: ApiErrorRow) => ({
  success: false as const,
  statusCode: error.status,
  code: error.code,
  message: error.message,
});
