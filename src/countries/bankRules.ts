/**
 * The contract's rules on inline bank details, for the sandbox (server side: it loads every
 * rail's validators at once). Returns false where the API answers "Invalid User Input".
 *
 * One row per rail, as in the contract's table: what is required (each with its check), what is
 * optional (checked when present) and what is refused. Fields a row does not name are ignored, as
 * the contract says nothing of them. The checks are the widget's own (`validators/`).
 */
import { BANK_COUNTRIES } from '../api/contract';
import type { BankDetails } from '../api/schemas';
import type { RailId } from './index';
import {
  DO_ACCOUNT_NUMBER,
  US_ACCOUNT_NUMBER,
  ibanCountry,
  isDominicanBank,
  isUsState,
  isValidAba,
  isValidAccountNumber,
  isValidBic,
  isValidClabe,
  isValidDocument,
  isValidSepaIban,
  isValidText,
  isValidZip,
  TEXT_LIMITS,
} from './validators';

type Field = Exclude<keyof BankDetails, 'country'>;
type Check = { [Key in Field]: (value: NonNullable<BankDetails[Key]>, details: BankDetails) => boolean };

interface RailRule {
  /** Which `country` values the row applies to. */
  countries: readonly string[];
  required: Partial<Check>;
  optional?: Partial<Check>;
  refused?: readonly Field[];
  /** A rule across fields the columns cannot say. */
  also?: (details: BankDetails) => boolean;
}

const any = () => true;

/**
 * Assumed (the contract): a person gives first and last name, a business its name, and not the
 * other kind's names (which would leave the holder ambiguous).
 */
const HOLDER_NAMES = {
  INDIVIDUAL: { needs: ['firstName', 'lastName'], refuses: ['businessName'] },
  BUSINESS: { needs: ['businessName'], refuses: ['firstName', 'lastName'] },
} as const;

const accountHolder: Check['accountHolder'] = (holder) => {
  const names = HOLDER_NAMES[holder.type];
  const limit = (name: 'firstName' | 'lastName' | 'businessName') =>
    name === 'businessName' ? TEXT_LIMITS.businessName : TEXT_LIMITS.name;
  return names.needs.every((name) => holder[name] !== undefined && isValidText(holder[name], limit(name))) &&
    names.refuses.every((name) => holder[name] === undefined);
};

/** A US address: ZIP code and state code checked (the state is optional in the contract). */
const usAddress: Check['address'] = (address) =>
  address.country === 'US' && isValidZip(address.postalCode) && (address.state === undefined || isUsState(address.state));

export const BANK_RULES = {
  MX: {
    countries: ['MX'],
    required: { accountIdentifier: isValidClabe },
    optional: { documentIdentifier: any },
    refused: ['bankName'],
  },
  DO: {
    countries: ['DO'],
    required: {
      accountIdentifier: (value) => isValidAccountNumber(value, DO_ACCOUNT_NUMBER),
      bankName: isDominicanBank,
      accountType: any,
      documentType: any,
      documentIdentifier: (value, details) => isValidDocument(details.documentType, value),
    },
  },
  US: {
    countries: ['US'],
    required: {
      accountIdentifier: (value) => isValidAccountNumber(value, US_ACCOUNT_NUMBER),
      bankName: (value) => isValidText(value, TEXT_LIMITS.bankName),
      routingNumber: isValidAba,
      accountHolder,
      address: usAddress,
    },
    optional: { accountType: any },
  },
  SEPA: {
    countries: BANK_COUNTRIES.sepa,
    required: {
      iban: isValidSepaIban,
      bic: (value, details) => isValidBic(value, details.iban),
      bankName: (value) => isValidText(value, TEXT_LIMITS.bankName),
      accountHolder,
    },
    // Assumed: the IBAN again, or nothing.
    optional: { accountIdentifier: (value, details) => value === details.iban },
    // "SEPA" is no country: the IBAN's own code is.
    also: (details) => details.iban !== undefined && ibanCountry(details.iban) === details.country,
  },
} as const satisfies Record<RailId, RailRule>;

const RULES: readonly RailRule[] = Object.values(BANK_RULES);

/** The row for a `country` value. CN is an accepted value with no documented rule: refused. */
export const bankRuleFor = (country: string): RailRule | undefined => RULES.find((rule) => rule.countries.includes(country));

const passes = (checks: Partial<Check>, details: BankDetails, required: boolean) =>
  Object.entries(checks).every(([field, check]) => {
    const value = details[field as Field];
    if (value === undefined) return !required;
    return (check as (value: unknown, details: BankDetails) => boolean)(value, details);
  });

export const acceptsBankDetails = (details: BankDetails): boolean => {
  const rule = bankRuleFor(details.country);
  if (!rule) return false;
  return (
    passes(rule.required, details, true) &&
    passes(rule.optional ?? {}, details, false) &&
    (rule.refused ?? []).every((field) => details[field] === undefined) &&
    (rule.also?.(details) ?? true)
  );
};
