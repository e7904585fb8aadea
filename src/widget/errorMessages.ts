/**
 * From an `OffRampError` to what the user reads and where: the catalogue key, its parameters,
 * the field it belongs to, and the reference to quote to support.
 */
import { tokenDecimals } from '../api/chains';
import { API_ERRORS, CLIENT_ERROR_CODES, isOffRampError, rangeOf, type ApiErrorRow } from '../api/errors';
import type { MessageKey, Params, Translator } from '../i18n';

export interface ErrorView {
  key: MessageKey;
  params?: Params;
  /** The form field the error is about, shown there instead of in the step's alert. */
  field?: 'amount' | 'tokenSymbol' | 'fiatCurrency';
  requestId?: string;
}

/** Matched on code and message first (one code can carry several messages). */
const BY_ROW: [ApiErrorRow, MessageKey, ErrorView['field']?][] = [
  [API_ERRORS.pairDisabled, 'error.pairDisabled', 'tokenSymbol'],
  [API_ERRORS.fiatCurrencyDisabled, 'error.currencyDisabled', 'fiatCurrency'],
];

/** Then on code alone. */
const BY_CODE: Record<string, MessageKey> = {
  [API_ERRORS.quoteExpired.code]: 'error.quoteExpired',
  [API_ERRORS.userNotVerified.code]: 'error.userNotVerified',
  [API_ERRORS.apiKeyMissing.code]: 'error.unavailable',
  [API_ERRORS.invalidPartnerFlow.code]: 'error.unavailable',
  [API_ERRORS.otcStablecoinsOnly.code]: 'error.otcStablecoinsOnly',
  [API_ERRORS.invalidUserInput.code]: 'error.invalidInput',
  [CLIENT_ERROR_CODES.network]: 'error.network',
  [CLIENT_ERROR_CODES.invalidResponse]: 'error.invalidResponse',
};

export const describeError = (error: unknown, i18n: Translator, context: { fiatCurrency: string; tokenSymbol: string }): ErrorView => {
  if (!isOffRampError(error)) return { key: 'error.generic', params: { code: 'UNKNOWN' } };
  const requestId = error.requestId;
  const range = rangeOf(error.serverMessage);
  if (range && error.code === API_ERRORS.fiatAmountOutOfRange.code) {
    const format = (n: number) => i18n.fiat(n, context.fiatCurrency);
    return { key: 'error.amountRange', params: { min: format(range.min), max: format(range.max) }, field: 'amount', requestId };
  }
  if (range && error.code === API_ERRORS.tokenAmountOutOfRange.code) {
    const format = (n: number) => i18n.token(Number(n.toFixed(tokenDecimals(context.tokenSymbol))), context.tokenSymbol);
    return { key: 'error.amountRange', params: { min: format(range.min), max: format(range.max) }, field: 'amount', requestId };
  }
  const row = BY_ROW.find(([known]) => error.is(known));
  if (row) return { key: row[1], field: row[2], requestId };
  const key = BY_CODE[error.code];
  return key ? { key, requestId } : { key: 'error.generic', params: { code: error.code }, requestId };
};
