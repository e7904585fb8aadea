// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { API_ERRORS, OffRampError, type ApiErrorName } from '../../src/api/errors';
import { createTranslator, LANGUAGES } from '../../src/i18n';
import { en as english } from '../../src/i18n/en';
import { es as spanish } from '../../src/i18n/es';

const catalogues = { en: english, es: spanish };
import { describeError, ERROR_CATALOGUE, lookUp } from '../../src/widget/errorCatalogue';

const names = Object.keys(API_ERRORS) as ApiErrorName[];
const en = createTranslator('en');
const context = { operation: 'order' as const, fiatCurrency: 'MXN', tokenSymbol: 'USDC' };

describe('the error catalogue', () => {
  it.each(names)('has an entry for %s', (name) => {
    expect(ERROR_CATALOGUE[name]).toBeDefined();
  });

  it.each(LANGUAGES)('has every sentence of the catalogue in %s, none empty', (language) => {
    const keys = new Set(Object.values(ERROR_CATALOGUE).flatMap((entry) => [entry!.message, entry!.onQuote?.message ?? entry!.message]));
    for (const key of keys) expect(catalogues[language][key]?.trim(), `${language}: ${key}`).toBeTruthy();
  });

  it('has every message key in every language (the catalogues agree)', () => {
    const english = Object.keys(catalogues.en).sort();
    for (const language of LANGUAGES) expect(Object.keys(catalogues[language]).sort()).toEqual(english);
  });

  it.each(names)('matches %s on its code and message', (name) => {
    const row = API_ERRORS[name];
    const message = row.message.replace('{min}', '20').replace('{max}', '1000000');
    expect(lookUp(new OffRampError(row.code, message, { status: row.status })).name).toBe(name);
  });

  it('tells apart two messages of one code', () => {
    const other = describeError(new OffRampError('USER_BANK_INFO_ACCESS_DENIED', API_ERRORS.bankInfoOfOtherPartner.message), en, context);
    expect(other.place).toBe('bank');
    const pair = describeError(new OffRampError('BAD_REQUEST', API_ERRORS.pairDisabled.message), en, context);
    const currency = describeError(new OffRampError('BAD_REQUEST', API_ERRORS.fiatCurrencyDisabled.message), en, context);
    expect([pair.place, currency.place]).toEqual(['tokenSymbol', 'fiatCurrency']);
  });

  it('falls back on the code for a message it does not know', () => {
    const view = describeError(new OffRampError('QUOTE_EXPIRED', 'Quote expired at noon', { status: 400 }), en, context);
    expect(view.key).toBe('error.quoteExpired');
    expect(describeError(new OffRampError('UNAUTHORIZED', 'Token revoked', { status: 401 }), en, context).key).toBe('error.unavailable');
  });

  it('falls back on the status, then on a generic sentence that shows the code and the request id', () => {
    expect(describeError(new OffRampError('SLOW_DOWN', 'x', { status: 429 }), en, context).key).toBe('error.rateLimited');
    const view = describeError(new OffRampError('NEW_CODE', 'x', { status: 400, requestId: 'req-7' }), en, context);
    expect(en.t(view.key, view.params)).toBe('Something went wrong (code NEW_CODE). Please try again.');
    expect(view.requestId).toBe('req-7');
  });

  it('reads a range error in the user’s own number format', () => {
    const error = new OffRampError('INVALID_FIAT_AMOUNT_ERROR', 'Fiat amount is outside of the allowed range for OFF_RAMP. Should be between 20 and 1000000');
    const es = createTranslator('es-MX', spanish);
    const view = describeError(error, es, context);
    expect(es.t(view.key, view.params)).toBe('Ingresa un monto entre $20.00 y $1,000,000.00.');
  });

  it('reads Invalid User Input as the bank details on an order, as the amount on a quote', () => {
    const error = new OffRampError('INVALID_USER_INPUT_ERROR', 'Invalid User Input', { status: 400 });
    expect(describeError(error, en, context).place).toBe('bank');
    expect(describeError(error, en, { ...context, operation: 'quote' }).place).toBe('amount');
  });
});
