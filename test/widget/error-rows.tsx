/**
 * One test per row of the error catalogue, in every language: the sandbox answers the row, and the
 * widget shows its sentence where it belongs (a field, the bank step, the review step, the
 * verification screen).
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API_PATHS } from '../../src/api/contract';
import { API_ERRORS, OffRampError, withRange, type ApiErrorName, type ApiErrorRow } from '../../src/api/errors';
import { catalogues, createTranslator, type Language, type MessageKey } from '../../src/i18n';
import { describeError, ERROR_CATALOGUE, type ErrorPlace } from '../../src/widget/errorCatalogue';
import { ORDER_ATTEMPTS } from '../../src/widget/retry';
import { renderWidget, VALID_CLABE } from './harness';

const FIELD_PLACES: ErrorPlace[] = ['amount', 'tokenSymbol', 'fiatCurrency'];
const FIELD_LABELS: Record<string, MessageKey> = { amount: 'amount.label', tokenSymbol: 'amount.token', fiatCurrency: 'amount.currency' };

/** The row as the API sends it: range rows carry numbers. */
const sent = (row: ApiErrorRow): ApiErrorRow =>
  row.message.includes('{min}') ? withRange(row, row.code === 'INVALID_FIAT_AMOUNT_ERROR' ? { min: 20, max: 1_000_000 } : { min: 1, max: 50_000 }, 2) : row;

/** Rows about the asset and amount come back on the quote; everything else on the order. */
const onQuote = (name: ApiErrorName) => {
  const place = ERROR_CATALOGUE[name]!.place;
  return FIELD_PLACES.includes(place) || name === 'estimateFailed' || name === 'quoteFailed';
};

/** Registers the test of every row in one language (one file per language, so they run in parallel). */
export const describeErrorRows = (language: Language) =>
  describe.each(Object.keys(API_ERRORS) as ApiErrorName[])(`%s in ${language}`, (name) => {
  const t = (key: MessageKey) => catalogues[language][key];
  const row = sent(API_ERRORS[name]);

  it('shows its sentence where it belongs', async () => {
    const harness = renderWidget({ locale: language });
    const translator = createTranslator(language);
    const operation = onQuote(name) ? 'quote' : 'order';
    const view = describeError(new OffRampError(row.code, row.message, { status: row.status }), translator, {
      operation,
      fiatCurrency: 'MXN',
      tokenSymbol: 'USDC',
    });
    const sentence = translator.t(view.key, view.params);
    const retryable = row.status === 429 || row.status >= 500;

    if (operation === 'quote') {
      harness.sandbox.injectFault({ method: 'POST', path: API_PATHS.quotes, fault: { kind: 'error', error: row }, times: 1 });
      await harness.user.type(screen.getByLabelText(t('amount.label')), '100');
      if (retryable) {
        // Said while the quote is retried; the figures meanwhile are stale, then a new quote arrives.
        expect(await screen.findByText(sentence, {}, { timeout: 3000 })).toBeInTheDocument();
        expect(await screen.findByText(/\d:\d\d$/, {}, { timeout: 3000 })).toBeInTheDocument();
        return;
      }
      const field = screen.getByLabelText(t(FIELD_LABELS[view.place]!));
      await expect.poll(() => field.getAttribute('aria-invalid'), { timeout: 3000 }).toBe('true');
      expect(field).toHaveAccessibleDescription(expect.stringContaining(sentence));
      return;
    }

    await harness.user.type(screen.getByLabelText(t('amount.label')), '100');
    await screen.findByText(/\d:\d\d$/, {}, { timeout: 3000 });
    await harness.user.click(screen.getByRole('button', { name: t('action.continue') }));
    await harness.user.type(await screen.findByLabelText(t('bank.clabe')), VALID_CLABE);
    await harness.user.click(screen.getByRole('button', { name: t('action.continue') }));
    await screen.findByRole('heading', { name: t('step.review.title') });
    harness.sandbox.injectFault({
      method: 'POST',
      path: API_PATHS.offRamp,
      fault: { kind: 'error', error: row },
      times: retryable ? ORDER_ATTEMPTS : 1,
    });
    await harness.user.click(screen.getByRole('button', { name: t('action.confirm') }));

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
        const alerts = await screen.findAllByRole('alert', {}, { timeout: 4000 });
        expect(alerts.some((alert) => within(alert).queryByText(sentence))).toBe(true);
        expect(screen.getByRole('heading', { name: t('step.review.title') })).toBeInTheDocument();
      }
    }
    expect(harness.sandbox.orders()).toHaveLength(0);
  });
});
