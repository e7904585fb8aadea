// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { FIAT_CURRENCIES } from '../../src/api/chains';
import { MAX_AMOUNT_LENGTH, parseAmount, readAmount, separatorsOf, typedAmount } from '../../src/widget/form';

/** Every tag the widget reads numbers in: the shipped languages, bare and with each payout country. */
const LOCALES = ['en', 'en-US', 'es', 'es-MX', 'es-DO', 'es-ES', 'es-US'];

describe('amounts in the user’s own notation', () => {
  it.each([
    ['en-US', '1500', 1500],
    ['en-US', '1,500', 1500],
    ['en-US', '1,500.25', 1500.25],
    ['en-US', '.5', 0.5],
    ['es-MX', '1,500', 1500],
    ['es-MX', '20.75', 20.75],
    ['es-ES', '1.500,25', 1500.25],
    ['es-ES', '1,5', 1.5],
    ['de-DE', '12.345', 12345],
  ])('reads %s %s as %d', (locale, typed, amount) => {
    expect(parseAmount(typed, separatorsOf(locale))).toBe(amount);
  });

  it.each([
    ['en-US', '1,50'],
    ['en-US', '1.500,25'],
    ['es-ES', '1,500.25'],
    ['en-US', 'abc'],
    ['en-US', '1..5'],
    ['en-US', ''],
    ['en-US', '1'.repeat(400)],
    ['en-US', '1234567890123456'],
  ])('refuses %s %s rather than guess', (locale, typed) => {
    expect(parseAmount(typed, separatorsOf(locale))).toBeUndefined();
  });

  it('writes an amount back as the user would type it', () => {
    expect(typedAmount(1791.5, separatorsOf('es-ES'))).toBe('1791,5');
    expect(parseAmount(typedAmount(1791.5, separatorsOf('es-ES')), separatorsOf('es-ES'))).toBe(1791.5);
  });
});

describe('amounts as people paste them', () => {
  it.each([
    ['en-US', '100.', 100],
    ['en-US', '$100', 100],
    ['en-US', '$ 100', 100],
    ['en-US', 'MX$1,000', 1000],
    ['en-US', 'US$ 1,000.50', 1000.5],
    ['en-US', 'USD 1,000.50', 1000.5],
    ['en-US', '1,000.50 MXN', 1000.5],
    ['en-US', '1,000.50 usd', 1000.5],
    ['en-US', '250 USDC', 250],
    ['en-US', '  1 000  ', 1000],
    ['en-US', '1\u202f000.5', 1000.5],
    ['en-US', '1\u00a0000\u00a0000', 1_000_000],
    ['es-MX', '$1,000.50', 1000.5],
    ['es-DO', 'RD$1,000.50', 1000.5],
    ['es-ES', '€1.000,50', 1000.5],
    ['es-ES', '1.000,50 €', 1000.5],
    ['es-ES', '1.000,50\u00a0€', 1000.5],
    ['es-ES', '1 000,50 €', 1000.5],
    ['es-ES', '1000,50 US$', 1000.5],
    ['es-ES', '100,', 100],
  ])('reads %s %j as %d', (locale, pasted, amount) => {
    expect(parseAmount(pasted, separatorsOf(locale))).toBe(amount);
  });

  it.each([
    ['en-US', '.'],
    ['en-US', '$'],
    ['en-US', '$.'],
    ['en-US', '1 00'],
    ['en-US', '1,000 000'],
    ['en-US', '1 000,50'],
    ['en-US', 'abc100'],
    ['en-US', '100 abc'],
    ['en-US', '100 USD 200'],
    ['en-US', '-$100'],
    ['en-US', '1e5'],
    ['en-US', '$1,50'],
    ['en-US', '1.000,50 €'],
    ['es-ES', '€1,000.50'],
    ['en-US', 'US$ 1,234,567,890,123,456'],
    ['es-ES', '1.234.567.890.123.456 €'],
  ])('refuses %s %j rather than guess', (locale, pasted) => {
    expect(parseAmount(pasted, separatorsOf(locale))).toBeUndefined();
  });

  it('counts the decimals of the number, not of the currency after it', () => {
    expect(readAmount('1.000,50 €', separatorsOf('es-ES'))).toEqual({ value: 1000.5, fractionDigits: 2 });
    expect(readAmount('100.', separatorsOf('en-US'))).toEqual({ value: 100, fractionDigits: 0 });
  });
});

describe('what Intl writes, read back', () => {
  /** Up to 15 significant digits, in cents: as many as an amount may have. */
  const cents = fc.integer({ min: 0, max: 999_999_999_999_999 });

  it('reads back every currency amount as each supported locale writes it', () => {
    fc.assert(
      fc.property(
        cents,
        fc.constantFrom(...LOCALES),
        fc.constantFrom(...FIAT_CURRENCIES),
        fc.constantFrom('symbol', 'narrowSymbol', 'code'),
        (amountInCents, locale, currency, currencyDisplay) => {
          const amount = amountInCents / 100;
          const written = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay }).format(amount);
          // The input takes what is pasted whole.
          expect(written.length).toBeLessThanOrEqual(MAX_AMOUNT_LENGTH);
          expect(parseAmount(written, separatorsOf(locale))).toBe(amount);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads back every plain number as each supported locale writes it', () => {
    fc.assert(
      fc.property(cents, fc.constantFrom(...LOCALES), (amountInCents, locale) => {
        const amount = amountInCents / 100;
        expect(parseAmount(new Intl.NumberFormat(locale).format(amount), separatorsOf(locale))).toBe(amount);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the notation, read from Intl only when a number is read', () => {
  it('asks Intl nothing for an empty field, and once for the first amount', () => {
    // A tag no other test reads, so nothing is known of it yet.
    const built = vi.spyOn(Intl.NumberFormat.prototype, 'formatToParts');
    try {
      const separators = separatorsOf('fr-CA');
      expect(parseAmount('', separators)).toBeUndefined();
      expect(parseAmount('  ', separators)).toBeUndefined();
      expect(built).not.toHaveBeenCalled();
      expect(parseAmount('1,5', separators)).toBe(1.5);
      expect(separatorsOf('fr-CA')).toBe(separators);
      expect(parseAmount('2,5', separators)).toBe(2.5);
      expect(built).toHaveBeenCalledTimes(1);
    } finally {
      built.mockRestore();
    }
  });
});
