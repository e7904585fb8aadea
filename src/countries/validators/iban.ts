/** SEPA's IBAN and BIC, with ibantools: loaded with the SEPA rail only (see `./index.ts`). */
import { getCountrySpecifications, validateBIC, validateIBAN, ValidationErrorsBIC, ValidationErrorsIBAN } from 'ibantools';
import { BANK_COUNTRIES } from '../../api/contract';
import type { FieldProblem } from '../types';
import { valid } from './general';

// ── SEPA: IBAN and BIC (ibantools) ──────────────────────────────────────────────────────────────

/** What the user pasted, in the IBAN's electronic format: no spaces or hyphens, upper case. */
export const normalizeIban = (raw: string): string => raw.replace(/[\s-]/g, '').toUpperCase();

/** An IBAN as printed: groups of four. */
export const formatIban = (iban: string): string => iban.replace(/(.{4})(?=.)/g, '$1 ');

/** The IBAN's country code, when it starts with two letters. */
export const ibanCountry = (iban: string): string | undefined => (/^[A-Z]{2}/.test(iban) ? iban.slice(0, 2) : undefined);

/** An IBAN's expected length by country; undefined where the country issues none. */
let ibanSpecs: ReturnType<typeof getCountrySpecifications> | undefined;
const ibanLength = (country: string): number | undefined =>
  // getCountrySpecifications copies its table on every call: once is enough.
  (ibanSpecs ??= getCountrySpecifications())[country]?.chars ?? undefined;

/**
 * An IBAN in electronic format (ISO 13616): a country that issues IBANs (among `countries` when
 * given), that country's length and layout, the mod-97 check digits, and the national check digits
 * where a country has them (ibantools).
 */
export const checkIban = (value: string, countries?: readonly string[]): FieldProblem | undefined => {
  if (!/^[A-Z0-9]*$/.test(value)) return { key: 'validation.iban.characters' };
  const country = ibanCountry(value);
  if (!country) return { key: 'validation.iban.country' };
  const length = ibanLength(country);
  if (length === undefined) return { key: 'validation.iban.unknownCountry', params: { country } };
  if (countries && !countries.includes(country)) return { key: 'validation.iban.notAccepted', params: { country } };
  if (value.length !== length) return { key: 'validation.iban.length', params: { country, length, count: value.length } };
  const { errorCodes } = validateIBAN(value);
  if (errorCodes.includes(ValidationErrorsIBAN.WrongBBANFormat)) return { key: 'validation.iban.format', params: { country } };
  if (errorCodes.includes(ValidationErrorsIBAN.ChecksumNotNumber) || errorCodes.includes(ValidationErrorsIBAN.WrongIBANChecksum)) {
    return { key: 'validation.iban.checksum' };
  }
  if (errorCodes.length > 0) return { key: 'validation.iban.bankChecksum' };
  return undefined;
};
export const isValidIban = (value: string, countries?: readonly string[]): boolean => checkIban(value, countries) === undefined;

/** An IBAN the EUR rail pays into: from one of the contract's SEPA-area countries. */
export const checkSepaIban = (value: string): FieldProblem | undefined => checkIban(value, BANK_COUNTRIES.sepa);
export const isValidSepaIban = valid(checkSepaIban);

/** What the user typed as a BIC: no spaces, upper case. */
export const normalizeBic = (raw: string): string => raw.replace(/\s/g, '').toUpperCase();

/**
 * A BIC (ISO 9362): 8 or 11 letters and digits, bank code, a known country, location, optional
 * branch. With an IBAN, the BIC's country (letters 5 and 6) must be the IBAN's.
 */
export const checkBic = (value: string, iban?: string): FieldProblem | undefined => {
  if (!/^[A-Z0-9]*$/.test(value)) return { key: 'validation.bic.characters' };
  if (value.length !== 8 && value.length !== 11) return { key: 'validation.bic.length', params: { count: value.length } };
  const { errorCodes } = validateBIC(value);
  if (errorCodes.includes(ValidationErrorsBIC.WrongBICFormat)) return { key: 'validation.bic.format' };
  const country = value.slice(4, 6);
  if (errorCodes.length > 0) return { key: 'validation.bic.country', params: { country } };
  const accountCountry = iban === undefined ? undefined : ibanCountry(iban);
  if (accountCountry && accountCountry !== country) {
    return { key: 'validation.bic.mismatch', params: { bicCountry: country, ibanCountry: accountCountry } };
  }
  return undefined;
};
export const isValidBic = (value: string, iban?: string): boolean => checkBic(value, iban) === undefined;
