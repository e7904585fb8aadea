// @vitest-environment node
/**
 * The check-digit algorithms, by their properties: any body has exactly one check digit, so valid
 * numbers can be generated without a second implementation; and each single-digit change the
 * algorithm is known to catch is refused.
 */
import fc from 'fast-check';
import { composeIBAN, getCountrySpecifications } from 'ibantools';
import { describe, expect, it } from 'vitest';
import { BANK_COUNTRIES } from '../../src/api/contract';
import {
  checkAba,
  checkBic,
  checkCedula,
  checkClabe,
  checkIban,
  checkPassport,
  checkRnc,
  checkSepaIban,
  formatIban,
  isValidAba,
  isValidBic,
  isValidCedula,
  isValidClabe,
  isValidIban,
  isValidPassport,
  isValidRnc,
  normalizeIban,
} from '../../src/countries/validators';

const DIGITS = '0123456789';
const digits = (length: number) => fc.string({ unit: fc.constantFrom(...DIGITS), minLength: length, maxLength: length });

/** The last digits that make `body` valid. */
const completions = (body: string, isValid: (value: string) => boolean) =>
  [...DIGITS].filter((digit) => isValid(body + digit));

/** Every number that differs from `value` in exactly one digit, at a digit's place. */
const singleDigitChanges = (value: string) =>
  [...value].flatMap((character, index) =>
    /\d/.test(character)
      ? [...DIGITS].filter((digit) => digit !== character).map((digit) => ({
          index,
          changed: value.slice(0, index) + digit + value.slice(index + 1),
        }))
      : [],
  );

const RUNS = { numRuns: 200 };

interface DigitScheme {
  name: string;
  length: number;
  isValid: (value: string) => boolean;
  check: (value: string) => { key: string } | undefined;
  checksumKey: string;
  /** Bodies with no valid completion at all (ABA: all zeros). */
  excluded?: (body: string) => boolean;
}

/** Schemes whose check digit catches every single-digit change. */
const SCHEMES: DigitScheme[] = [
  { name: 'CLABE (weights 3,7,1 mod 10)', length: 18, isValid: isValidClabe, check: checkClabe, checksumKey: 'validation.clabe.checksum' },
  { name: 'cédula (Luhn)', length: 11, isValid: isValidCedula, check: checkCedula, checksumKey: 'validation.cedula.checksum' },
  {
    name: 'ABA routing number (3-7-1)', length: 9, isValid: isValidAba, check: checkAba, checksumKey: 'validation.aba.checksum',
    excluded: (body) => /^0+$/.test(body),
  },
];

describe.each(SCHEMES)('$name', ({ length, isValid, check, checksumKey, excluded }) => {
  const valid = digits(length - 1)
    .filter((body) => !excluded?.(body))
    .map((body) => body + completions(body, isValid)[0]);

  it('completes every body with exactly one check digit', () => {
    fc.assert(
      fc.property(digits(length - 1).filter((body) => !excluded?.(body)), (body) => {
        expect(completions(body, isValid)).toHaveLength(1);
      }),
      RUNS,
    );
  });

  it('refuses every single-digit change of a valid number, for its check digit', () => {
    fc.assert(
      fc.property(valid, (number) => {
        for (const { changed } of singleDigitChanges(number)) {
          if (/^0+$/.test(changed)) continue; // ABA's all-zeros rule, not its checksum
          expect(check(changed), changed).toEqual({ key: checksumKey });
        }
      }),
      RUNS,
    );
  });

  it('refuses every other length and any character but digits', () => {
    fc.assert(
      fc.property(valid, fc.integer({ min: 0, max: 30 }).filter((n) => n !== length), (number, size) => {
        expect(isValid(number.padEnd(size, '7').slice(0, size))).toBe(false);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(valid, fc.nat(), fc.constantFrom(' ', '-', 'A', 'x', '.', '٣'), (number, at, character) => {
        const index = at % length;
        expect(isValid(number.slice(0, index) + character + number.slice(index + 1))).toBe(false);
      }),
      RUNS,
    );
  });
});

describe('RNC (weights 7,9,8,6,5,4,3,2, mod 11)', () => {
  const WEIGHTS = [7, 9, 8, 6, 5, 4, 3, 2];
  /** The weighted sum mod 11 of the first eight digits: what the check digit is computed from. */
  const weightedSum = (value: string) => WEIGHTS.reduce((sum, weight, index) => sum + weight * Number(value[index]), 0) % 11;
  /**
   * The check digit is (10 − s) mod 9 + 1, so sums 0 and 9 share one (2), as do 1 and 10 (1). A
   * change of one body digit always moves s (11 is prime, no weight or difference is a multiple
   * of it), but between those pairs it keeps the check digit: those changes, and only those, pass.
   */
  const sharesCheckDigit = (a: number, b: number) =>
    (a === 0 && b === 9) || (a === 9 && b === 0) || (a === 1 && b === 10) || (a === 10 && b === 1);

  const valid = digits(8).map((body) => body + completions(body, isValidRnc)[0]);

  it('completes every body with exactly one check digit, never 0', () => {
    fc.assert(
      fc.property(digits(8), (body) => {
        expect(completions(body, isValidRnc)).toHaveLength(1);
        expect(isValidRnc(`${body}0`)).toBe(false);
      }),
      RUNS,
    );
  });

  it('refuses every change of the check digit', () => {
    fc.assert(
      fc.property(valid, (number) => {
        for (const { index, changed } of singleDigitChanges(number)) {
          if (index === 8) expect(checkRnc(changed)).toEqual({ key: 'validation.rnc.checksum' });
        }
      }),
      RUNS,
    );
  });

  it('refuses a change of a body digit exactly when it moves the sum to one with another check digit', () => {
    fc.assert(
      fc.property(valid, (number) => {
        for (const { index, changed } of singleDigitChanges(number)) {
          if (index === 8) continue;
          const caught = !sharesCheckDigit(weightedSum(number), weightedSum(changed));
          expect(isValidRnc(changed), changed).toBe(!caught);
        }
      }),
      RUNS,
    );
  });

  it('lets through a change that moves the sum from 0 to 9 (a known gap of the scheme)', () => {
    // 000000002: sum 0, check digit 2. First digit +6: sum 7·6 = 42 ≡ 9 (mod 11), check digit 2 again.
    expect(isValidRnc('000000002')).toBe(true);
    expect(isValidRnc('600000002')).toBe(true);
  });
});

describe('IBAN (ISO 13616 mod 97)', () => {
  const specs = getCountrySpecifications();
  // SEPA countries whose BBAN carries no national check digit that ibantools verifies, so that any
  // BBAN of the right layout is an account number.
  const PLAIN = ['AT', 'BG', 'CY', 'DK', 'FI', 'DE', 'GR', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'RO', 'SE', 'IS', 'LI', 'CH', 'GB', 'SM', 'AD'];
  const CLASSES: Record<string, string> = { '0-9': DIGITS, 'A-Z': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'A-Z0-9': `ABCDEFGHIJKLMNOPQRSTUVWXYZ${DIGITS}` };
  /** A BBAN of the country's layout (`^[0-9]{8}[A-Z0-9]{16}$`); faster than fc.stringMatching. */
  const layout = (country: string) =>
    fc
      .tuple(
        ...[...specs[country]!.bban_regexp!.matchAll(/\[([^\]]+)\]\{(\d+)\}/g)].map(([, range, count]) =>
          fc.string({ unit: fc.constantFrom(...CLASSES[range!]!), minLength: Number(count), maxLength: Number(count) }),
        ),
      )
      .map((parts) => parts.join(''));
  const bban = fc.constantFrom(...PLAIN).chain((country) => layout(country).map((body) => ({ country, body })));
  const checkDigits = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
  const completionsOf = ({ country, body }: { country: string; body: string }) =>
    checkDigits.filter((pair) => isValidIban(`${country}${pair}${body}`));
  // ibantools computes the check digits; the first property shows they are the only ones.
  const valid = bban.map(({ country, body }) => composeIBAN({ countryCode: country, bban: body })!);

  it('completes every BBAN with exactly one pair of check digits, between 02 and 98', () => {
    fc.assert(
      fc.property(bban, (account) => {
        const pairs = completionsOf(account);
        expect(pairs).toHaveLength(1);
        expect(Number(pairs[0])).toBeGreaterThanOrEqual(2);
        expect(Number(pairs[0])).toBeLessThanOrEqual(98);
      }),
      RUNS,
    );
  });

  it('refuses every single-digit change of a valid IBAN', () => {
    fc.assert(
      fc.property(valid, (iban) => {
        for (const { changed } of singleDigitChanges(iban)) expect(checkIban(changed), changed).toBeDefined();
      }),
      RUNS,
    );
  });

  it('refuses them for their check digits, saying so', () => {
    fc.assert(
      fc.property(valid, (iban) => {
        for (const { changed } of singleDigitChanges(iban)) {
          expect(checkIban(changed), changed).toEqual({ key: 'validation.iban.checksum' });
        }
      }),
      RUNS,
    );
  });

  it('refuses the IBAN one character shorter or longer, saying the length its country wants', () => {
    fc.assert(
      fc.property(valid, (iban) => {
        const length = specs[iban.slice(0, 2)]!.chars;
        expect(checkIban(iban.slice(0, -1))).toEqual({ key: 'validation.iban.length', params: { country: iban.slice(0, 2), length, count: iban.length - 1 } });
        expect(checkIban(`${iban}0`)?.key).toBe('validation.iban.length');
      }),
      RUNS,
    );
  });

  it('accepts the IBAN however it was pasted: grouped, lower case, with hyphens', () => {
    fc.assert(
      fc.property(valid, fc.constantFrom(' ', '  ', '-', ' - '), fc.boolean(), (iban, separator, lower) => {
        const pasted = formatIban(iban).replaceAll(' ', separator);
        const normalized = normalizeIban(lower ? pasted.toLowerCase() : pasted);
        expect(normalized).toBe(iban);
        expect(checkSepaIban(normalized)).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('shows an IBAN in groups of four that normalize back to it', () => {
    fc.assert(
      fc.property(valid, (iban) => {
        const shown = formatIban(iban);
        expect(shown.split(' ').slice(0, -1).every((group) => group.length === 4)).toBe(true);
        expect(normalizeIban(shown)).toBe(iban);
      }),
      RUNS,
    );
  });

  it('takes only the contract’s SEPA-area countries on the EUR rail', () => {
    fc.assert(
      fc.property(valid, (iban) => {
        expect(BANK_COUNTRIES.sepa).toContain(iban.slice(0, 2));
        expect(checkSepaIban(iban)).toBeUndefined();
      }),
      RUNS,
    );
  });
});

describe('BIC (ISO 9362)', () => {
  const letters = (length: number) => fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: length, maxLength: length });
  const alphanumeric = (length: number) =>
    fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), minLength: length, maxLength: length });
  const bic = fc
    .tuple(letters(4), fc.constantFrom(...BANK_COUNTRIES.sepa), alphanumeric(2), fc.option(alphanumeric(3), { nil: '' }))
    .map(([bank, country, location, branch]) => ({ bic: `${bank}${country}${location}${branch}`, country }));

  it('accepts 8 or 11 characters with a known country, alone or with an IBAN of that country', () => {
    fc.assert(
      fc.property(bic, ({ bic: code, country }) => {
        expect(isValidBic(code)).toBe(true);
        expect(isValidBic(code, `${country}00X`)).toBe(true);
      }),
      RUNS,
    );
  });

  it('refuses a BIC whose country is not the IBAN’s', () => {
    fc.assert(
      fc.property(bic, fc.constantFrom(...BANK_COUNTRIES.sepa), ({ bic: code, country }, other) => {
        fc.pre(other !== country);
        expect(checkBic(code, `${other}89370400440532013000`)).toEqual({
          key: 'validation.bic.mismatch',
          params: { bicCountry: country, ibanCountry: other },
        });
      }),
      RUNS,
    );
  });

  it('refuses every length but 8 and 11', () => {
    fc.assert(
      fc.property(bic, fc.integer({ min: 0, max: 14 }).filter((n) => n !== 8 && n !== 11), ({ bic: code }, size) => {
        expect(checkBic(code.padEnd(size, 'X').slice(0, size))?.key).toBe('validation.bic.length');
      }),
      RUNS,
    );
  });
});

describe('passport number (shape only)', () => {
  const unit = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');

  it('accepts 6 to 9 letters and digits', () => {
    fc.assert(
      fc.property(fc.string({ unit, minLength: 6, maxLength: 9 }), (number) => {
        expect(isValidPassport(number)).toBe(true);
      }),
      RUNS,
    );
  });

  it('refuses shorter, longer, and any other character', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit, maxLength: 5 }), fc.string({ unit, minLength: 10, maxLength: 20 })), (number) => {
        expect(checkPassport(number)).toEqual({ key: 'validation.passport.format' });
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.string({ unit, minLength: 6, maxLength: 8 }), fc.constantFrom('-', ' ', 'a', 'Ñ', '.'), (number, character) => {
        expect(isValidPassport(number + character)).toBe(false);
      }),
      RUNS,
    );
  });
});
