/**
 * The payout rails as data. The rail follows the fiat currency; adding a rail means adding an
 * entry here (and its messages).
 */
import type { FiatCurrency } from '../api/chains';
import type { BankDetails } from '../api/schemas';
import { isValidClabe, mx } from './mx';
import type { PayoutRail } from './types';

export type { BankField, FieldProblem, PayoutRail, Phrase } from './types';
export { checkClabe, isValidClabe } from './mx';

export const rails = { MX: mx } as const satisfies Record<string, PayoutRail>;
export type RailId = keyof typeof rails;
export const RAIL_IDS = Object.keys(rails) as RailId[];

const railByCurrency = new Map<string, PayoutRail & { id: RailId }>(
  Object.values(rails).map((rail) => [rail.fiatCurrency, rail]),
);

/** The rail that pays out a currency, if the widget has one. */
export const railFor = (currency: string) => railByCurrency.get(currency);

/** The currencies the widget can pay out: one per rail. */
export const PAYOUT_CURRENCIES = Object.values(rails).map((rail) => rail.fiatCurrency) as FiatCurrency[];

/** The values a rail's form starts with: every field empty. */
export const emptyBankValues = () =>
  Object.fromEntries(
    Object.values(rails).map((rail) => [rail.id, Object.fromEntries(rail.fields.map((field) => [field.name, '']))]),
  ) as Record<RailId, Record<string, string>>;

/**
 * The contract's rules on inline bank details, for the sandbox: required fields per rail, refused
 * ones, and each number's own check. Returns false where the API answers "Invalid User Input".
 */
export const SEPA_COUNTRIES = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU',
  'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO', 'CH', 'GB', 'MC', 'SM', 'AD', 'VA',
] as const;

export const acceptsBankDetails = (details: BankDetails): boolean => {
  const has = (...keys: (keyof BankDetails)[]) => keys.every((key) => details[key] !== undefined);
  switch (details.country) {
    case 'MX':
      return details.bankName === undefined && details.accountIdentifier !== undefined && isValidClabe(details.accountIdentifier);
    case 'DO':
      return has('accountIdentifier', 'bankName', 'accountType', 'documentIdentifier', 'documentType');
    case 'US':
      return has('accountIdentifier', 'bankName', 'routingNumber', 'accountHolder', 'address');
    default:
      return (SEPA_COUNTRIES as readonly string[]).includes(details.country) && has('iban', 'bic', 'bankName', 'accountHolder');
  }
};
