/**
 * One test per row of the error catalogue, in every language: the sandbox answers the row, and the
 * widget shows its sentence where it belongs (a field, the bank step, the review step, the
 * verification screen).
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API_PATHS } from '../../src/api/contract';
import { API_ERRORS, withRange, type ApiErrorName, type ApiErrorRow } from '../../src/api/errors';
import { createTranslator, numberLocale, type Language, type MessageKey } from '../../src/i18n';
import { en } from '../../src/i18n/en';
import { es } from '../../src/i18n/es';

const catalogues = { en, es };
import type { ErrorPlace } from '../../src/widget/errorCatalogue';
import { ORDER_ATTEMPTS } from '../../src/widget/retry';
import { fastForwardUntil, passDebounce, renderWidget, VALID_CLABE } from './harness';

const FIELD_PLACES: ErrorPlace[] = ['amount', 'tokenSymbol', 'fiatCurrency'];
const FIELD_LABELS: Record<string, MessageKey> = { amount: 'amount.label', tokenSymbol: 'amount.token', fiatCurrency: 'amount.currency' };

/** The row as the API sends it: range rows carry numbers. */
const sent = (row: ApiErrorRow): ApiErrorRow =>
  row.message.includes('{min}') ? withRange(row, row.code === 'INVALID_FIAT_AMOUNT_ERROR' ? { min: 20, max: 1_000_000 } : { min: 1, max: 50_000 }, 2) : row;

/**
 * What each row must show and where, written out here rather than read from the catalogue, so a
 * wrong sentence or place in the catalogue fails. `quote`: the reading when it answers a quote.
 */
const EXPECTED: Record<ApiErrorName, [MessageKey, ErrorPlace, { quote: [MessageKey, ErrorPlace] }?]> = {
  apiKeyMissing: ['error.unavailable', 'here'],
  apiKeyMalformed: ['error.unavailable', 'here'],
  apiKeyUnknown: ['error.unavailable', 'here'],
  invalidPartnerFlow: ['error.unavailable', 'here'],
  partnerInfoRequired: ['error.unavailable', 'here'],
  userNotOfPartner: ['error.unavailable', 'here'],
  invalidUserInput: ['error.bankDetailsRefused', 'bank', { quote: ['error.invalidInput', 'amount'] }],
  fiatCurrencyDisabled: ['error.currencyDisabled', 'fiatCurrency'],
  pairDisabled: ['error.pairDisabled', 'tokenSymbol'],
  estimateFailed: ['error.serverBusy', 'here'],
  quoteFailed: ['error.serverBusy', 'here'],
  userIdRequired: ['error.unavailable', 'here'],
  userNotVerified: ['error.userNotVerified', 'kyc'],
  quoteOrAssetRequired: ['error.quoteInvalid', 'review'],
  quoteExpired: ['error.quoteExpired', 'review'],
  quoteNotOffRamp: ['error.quoteInvalid', 'review'],
  otcStablecoinsOnly: ['error.otcStablecoinsOnly', 'tokenSymbol'],
  bankDetailsRequired: ['error.bankDetailsMissing', 'bank'],
  receiverNotVerified: ['error.receiverNotVerified', 'review'],
  fiatAmountOutOfRange: ['error.amountRange.otherSide', 'amount'], // typed in USDC, limited in MXN
  tokenAmountOutOfRange: ['error.amountRange', 'amount'],
  receiverCannotOrder: ['error.receiverAccount', 'here'],
  receiverOfOtherUser: ['error.receiverUnknown', 'review'],
  bankInfoOfOtherUser: ['error.savedAccountUnavailable', 'bank'],
  bankInfoOfOtherPartner: ['error.savedAccountUnavailable', 'bank'],
  receiverNotFound: ['error.receiverUnknown', 'review'],
  bankInfoNotFound: ['error.savedAccountUnavailable', 'bank'],
  transactionNotFound: ['error.orderUnavailable', 'here'],
  transactionOfOtherPartner: ['error.orderUnavailable', 'here'],
  invalidStateTransition: ['error.cannotCancel', 'here'],
  partnerNotOwner: ['error.orderUnavailable', 'here'],
  userNotOwner: ['error.orderUnavailable', 'here'],
  receiversUnavailable: ['error.receiversUnavailable', 'review'],
  idempotencyInProgress: ['error.stillProcessing', 'review'],
  idempotencyKeyMismatch: ['error.confirmAgain', 'review'],
  notFound: ['error.unavailable', 'here'],
  internalError: ['error.serverBusy', 'here'],
  signInRequired: ['error.signInRequired', 'here'],
  upstreamUnavailable: ['error.serverBusy', 'here'],
  upstreamTimeout: ['error.timeout', 'here'],
  payloadTooLarge: ['error.invalidInput', 'here'],
  rateLimited: ['error.rateLimited', 'here'],
  originNotAllowed: ['error.unavailable', 'here'],
  transactionNotOfUser: ['error.orderUnavailable', 'here'],
};

/** Rows about the asset and amount come back on the quote; everything else on the order. */
const onQuote = (name: ApiErrorName) => {
  const [, place, reading] = EXPECTED[name];
  return FIELD_PLACES.includes(reading?.quote[1] ?? place) || name === 'estimateFailed' || name === 'quoteFailed';
};

/** Registers the test of every row in one language (one file per language, so they run in parallel). */
export const describeErrorRows = (language: Language) =>
  describe.each(Object.keys(API_ERRORS) as ApiErrorName[])(`%s in ${language}`, (name) => {
  const t = (key: MessageKey) => catalogues[language][key];
  const row = sent(API_ERRORS[name]);

  it('shows its sentence where it belongs', async () => {
    const harness = renderWidget({ locale: language });
    const translator = createTranslator(language, catalogues[language]);
    const operation = onQuote(name) ? 'quote' : 'order';
    const [orderKey, orderPlace, reading] = EXPECTED[name];
    const [key, place] = operation === 'quote' && reading ? reading.quote : [orderKey, orderPlace];
    // A bare language writes numbers as the payout's country does (es with pesos: es-MX).
    const numbers = numberLocale(language, 'MXN', []);
    const fiat = (n: number) => new Intl.NumberFormat(numbers, { style: 'currency', currency: 'MXN' }).format(n);
    const token = (n: number) => `${new Intl.NumberFormat(numbers, { maximumFractionDigits: 6 }).format(n)} USDC`;
    const params =
      name === 'fiatAmountOutOfRange' ? { min: fiat(20), max: fiat(1_000_000) } : name === 'tokenAmountOutOfRange' ? { min: token(1), max: token(50_000) } : undefined;
    const sentence = translator.t(key, params);
    const view = { place };
    const retryable = row.status === 429 || row.status >= 500;

    if (operation === 'quote') {
      harness.sandbox.injectFault({ method: 'POST', path: API_PATHS.quotes, fault: { kind: 'error', error: row }, times: 1 });
      await harness.user.type(await screen.findByLabelText(t('amount.label')), '100');
      await passDebounce();
      if (retryable) {
        // Said while the quote is retried; the figures meanwhile are stale, then a new quote arrives.
        expect(await screen.findByText(sentence)).toBeInTheDocument();
        await fastForwardUntil(() => expect(screen.getByText(/\d:\d\d$/)).toBeInTheDocument());
        return;
      }
      const field = screen.getByLabelText(t(FIELD_LABELS[view.place]!));
      await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
      expect(field).toHaveAccessibleDescription(expect.stringContaining(sentence));
      return;
    }

    await harness.user.type(await screen.findByLabelText(t('amount.label')), '100');
    await passDebounce();
    await screen.findByText(/\d:\d\d$/);
    await harness.user.click(screen.getByRole('button', { name: t('action.continue') }));
    // Pasted, as one change: typing is not what these rows are about (checkout.test.tsx types it).
    await harness.user.click(await screen.findByLabelText(t('bank.clabe')));
    await harness.user.paste(VALID_CLABE);
    await harness.user.click(screen.getByRole('button', { name: t('action.continue') }));
    await screen.findByRole('heading', { name: t('step.review.title') });
    harness.sandbox.injectFault({
      method: 'POST',
      path: API_PATHS.offRamp,
      fault: { kind: 'error', error: row },
      times: retryable ? ORDER_ATTEMPTS : 1,
    });
    // The heading is the widget's, and shows before the step's own code has arrived.
    await harness.user.click(await screen.findByRole('button', { name: t('action.confirm') }));

    switch (view.place) {
      case 'bank': {
        await screen.findByRole('heading', { name: t('step.bank.title') });
        const field = await screen.findByLabelText(t('bank.clabe'));
        expect(field).toHaveAccessibleDescription(expect.stringContaining(sentence));
        expect(field).toHaveFocus();
        expect(field).toHaveValue('014 680 26034600712 0');
        break;
      }
      case 'kyc':
        expect(await screen.findByRole('heading', { name: t('kyc.title') })).toBeInTheDocument();
        expect(screen.getByText(sentence)).toBeInTheDocument();
        break;
      default: {
        // A retryable failure is said once the order's retries are spent.
        await fastForwardUntil(() => expect(screen.getAllByRole('alert').some((alert) => within(alert).queryByText(sentence))).toBe(true));
        expect(screen.getByRole('heading', { name: t('step.review.title') })).toBeInTheDocument();
      }
    }
    expect(harness.sandbox.orders()).toHaveLength(0);
  });
});
