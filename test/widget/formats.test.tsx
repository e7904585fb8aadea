/**
 * The user's own formats: numbers in the region of a bare language, amounts as people paste them,
 * and Enter in a field continuing as the step's Continue would.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_PATHS } from '../../src/api/contract';
import { numberLocale, type Messages } from '../../src/i18n';
import { en } from '../../src/i18n/en';
import { es } from '../../src/i18n/es';
import { passDebounce, renderWidget, VALID_CLABE, WRONG_CHECK_DIGIT_CLABE } from './harness';

type Harness = ReturnType<typeof renderWidget>;

/** The browser's preferred languages, as `navigator.languages` lists them. */
const browserLanguages = (languages: string[]) => vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);

afterEach(() => {
  vi.restoreAllMocks();
});

const widgetRoot = () => document.querySelector('[data-offramp-widget]');

const countdown = (messages: Messages) => new RegExp(`^${messages['quote.expiresIn'].replace('{time}', '\\d:\\d\\d')}$`);

/** Moves past the debounce and waits for the locked quote of what is in the amount field. */
async function awaitQuote(messages: Messages) {
  await passDebounce();
  await screen.findByText(countdown(messages));
}

const lockedAmount = async (harness: Harness) => (await harness.lockedQuoteRequests().at(-1)!.clone().json()).cryptoAmount;

describe('numberLocale', () => {
  it.each([
    ['es', 'EUR', ['es-MX', 'es'], 'es-MX', 'the browser’s own region for the language'],
    ['es', 'MXN', ['en-US', 'es'], 'es-MX', 'the country of the currency paid'],
    ['es', 'DOP', [], 'es-DO', 'the country of the currency paid'],
    ['es', 'EUR', [], 'es-ES', 'the country of the currency paid'],
    ['es', 'USD', [], 'es-US', 'the country of the currency paid'],
    ['en', 'USD', ['fr-FR'], 'en-US', 'the country of the currency paid'],
    ['en', 'MXN', ['fr-FR'], 'en', 'the bare language where it is not spoken'],
    ['fr', 'EUR', [], 'fr', 'the bare language where it is not spoken'],
    ['es-ES', 'MXN', ['es-MX'], 'es-ES', 'the region the host chose'],
    ['en-GB', 'USD', ['en-US'], 'en-GB', 'the region the host chose'],
  ])('reads %s paid in %s with the browser at %j as %s: %s', (locale, currency, preferred, expected) => {
    expect(numberLocale(locale, currency, preferred)).toBe(expected);
  });

  it('skips browser tags it cannot read', () => {
    expect(numberLocale('es', 'DOP', ['not a tag', 'es-419'])).toBe('es-419');
  });
});

describe('a bare language reads numbers as the user’s region does', () => {
  it('reads "1,000" as a thousand with `es` and a browser set to es-MX, whatever the currency', async () => {
    browserLanguages(['es-MX', 'es']);
    const harness = renderWidget({ locale: 'es', defaultValues: { fiatCurrency: 'EUR' } });
    await harness.user.type(await screen.findByLabelText(es['amount.label']), '1,000');
    await awaitQuote(es);
    expect(await lockedAmount(harness)).toBe(1000);
    expect(screen.getByText('1,000 USDC')).toBeInTheDocument();
    expect(widgetRoot()).toHaveAttribute('lang', 'es-MX');
  });

  it('reads a Mexican payout the Mexican way with no regional tag, and follows a change of currency', async () => {
    browserLanguages(['en-US', 'en']);
    const harness = renderWidget({ locale: 'es' });
    await harness.user.click(await screen.findByLabelText(es['amount.side.fiat']));
    await harness.user.type(screen.getByLabelText(es['amount.label']), '1,000');
    await awaitQuote(es);
    const estimate = harness.requests.find((request) => request.method === 'GET' && new URL(request.url).pathname.endsWith(API_PATHS.quotes));
    expect(new URL(estimate!.url).searchParams.get('fiatAmount')).toBe('1000');
    expect(screen.queryByText(/^Ingresa un monto entre/)).not.toBeInTheDocument();
    const summary = screen.getByRole('region', { name: es['quote.title'] });
    expect(within(summary).getByText(es['quote.reachesBank']).nextElementSibling).toHaveTextContent(/^\$1,0\d\d\.\d\d$/);
    expect(widgetRoot()).toHaveAttribute('lang', 'es-MX');

    // Paid in euros, the same amount is written and read as Spain does.
    await harness.user.selectOptions(screen.getByLabelText(es['amount.currency']), 'EUR');
    await waitFor(() => expect(widgetRoot()).toHaveAttribute('lang', 'es-ES'));
    expect(screen.getByLabelText(es['amount.label'])).toHaveValue('1000');
    await awaitQuote(es);
    expect(within(screen.getByRole('region', { name: es['quote.title'] })).getByText(es['quote.reachesBank']).nextElementSibling).toHaveTextContent(
      /^1\d{3},\d\d\s€$/,
    );

    await harness.user.selectOptions(screen.getByLabelText(es['amount.currency']), 'DOP');
    await waitFor(() => expect(widgetRoot()).toHaveAttribute('lang', 'es-DO'));
  });

  it('keeps the region the host chose', async () => {
    browserLanguages(['es-MX', 'es']);
    const harness = renderWidget({ locale: 'es-ES' });
    await harness.user.type(await screen.findByLabelText(es['amount.label']), '1.000');
    await awaitQuote(es);
    expect(await lockedAmount(harness)).toBe(1000);
    expect(widgetRoot()).toHaveAttribute('lang', 'es-ES');
  });

  it('gives English the United States’ notation for a dollar payout', async () => {
    browserLanguages(['fr-FR']);
    renderWidget({ locale: 'en', defaultValues: { fiatCurrency: 'USD' } });
    await screen.findByLabelText(en['amount.label']);
    expect(widgetRoot()).toHaveAttribute('lang', 'en-US');
  });
});

describe.each([
  ['English', en, 'en-US', 'US$ 1,000.50', '1,000 000', '1,500.50'],
  ['Spanish', es, 'es-ES', '1.000,50 €', '€1,000.50', '1.500,50'],
])('amounts pasted, in %s', (_language, messages, locale, pasted, malformed, example) => {
  it(`reads ${pasted} in ${locale}`, async () => {
    const harness = renderWidget({ locale });
    const field = await screen.findByLabelText(messages['amount.label']);
    await harness.user.click(field);
    await harness.user.paste(pasted);
    expect(field).toHaveValue(pasted);
    await awaitQuote(messages);
    expect(await lockedAmount(harness)).toBe(1000.5);
    expect(field).not.toHaveAttribute('aria-invalid');
  });

  it.each([malformed, '$1,234,567,890,123,456'])(`refuses %s in ${locale}, saying how to write it`, async (text) => {
    const harness = renderWidget({ locale });
    const field = await screen.findByLabelText(messages['amount.label']);
    await harness.user.click(field);
    await harness.user.paste(text);
    await harness.user.tab();
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveAccessibleDescription(expect.stringContaining(messages['validation.amount.invalid'].replace('{example}', example)));
    expect(harness.lockedQuoteRequests()).toHaveLength(0);
  });
});

describe.each([
  ['English', en, 'en'],
  ['Spanish', es, 'es-MX'],
])('Enter in a field, in %s', (_language, messages, locale) => {
  it('continues from the amount and from the bank details as Continue does', async () => {
    const onStepChange = vi.fn();
    const harness = renderWidget({ locale, onStepChange });
    await harness.user.type(await screen.findByLabelText(messages['amount.label']), '100');
    await awaitQuote(messages);
    await harness.user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: messages['step.bank.title'] })).toBeInTheDocument();

    await harness.user.type(await screen.findByLabelText(messages['bank.clabe']), `${VALID_CLABE}{Enter}`);
    expect(await screen.findByRole('heading', { name: messages['step.review.title'] })).toBeInTheDocument();
    expect(onStepChange.mock.calls.map(([step]) => step)).toEqual(['bank', 'review']);
  });

  it('stays, with the field’s problem said, when Continue would', async () => {
    const harness = renderWidget({ locale });
    const amount = await screen.findByLabelText(messages['amount.label']);
    await harness.user.type(amount, '{Enter}');
    await waitFor(() => expect(amount).toHaveAccessibleDescription(expect.stringContaining(messages['validation.amount.required'])));
    expect(screen.getByRole('heading', { name: messages['step.amount.title'] })).toBeInTheDocument();

    await harness.user.type(amount, '100');
    await awaitQuote(messages);
    await harness.user.keyboard('{Enter}');
    const clabe = await screen.findByLabelText(messages['bank.clabe']);
    await harness.user.type(clabe, `${WRONG_CHECK_DIGIT_CLABE}{Enter}`);
    await waitFor(() => expect(clabe).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByRole('heading', { name: messages['step.bank.title'] })).toBeInTheDocument();
  });

  it('does not continue on Enter in a select', async () => {
    const onStepChange = vi.fn();
    const harness = renderWidget({ locale, onStepChange });
    await harness.user.type(await screen.findByLabelText(messages['amount.label']), '100');
    await awaitQuote(messages);
    screen.getByLabelText(messages['amount.currency']).focus();
    await harness.user.keyboard('{Enter}');
    // Enter in the amount field afterwards is the only move.
    screen.getByLabelText(messages['amount.label']).focus();
    await harness.user.keyboard('{Enter}');
    await screen.findByRole('heading', { name: messages['step.bank.title'] });
    expect(onStepChange.mock.calls).toEqual([['bank']]);
  });
});
