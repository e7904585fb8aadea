import { accountHolderFields, bankNameField, lastFour } from './common';
import { checkBic, checkSepaIban, formatIban, ibanCountry, normalizeBic, normalizeIban } from './validators/iban';
import type { BankField, PayoutRail } from './types';
import { buildBankDetails } from './values';

const IBAN_MAX_LENGTH = 34;

const fields: readonly BankField[] = [
  {
    name: 'iban',
    label: 'bank.iban',
    hint: 'bank.iban.hint',
    inputMode: 'text',
    autoComplete: 'off',
    // 34 characters and a space between each group of four.
    maxLength: IBAN_MAX_LENGTH + 8,
    // Pasted IBANs come grouped, sometimes in lower case: keep the electronic format.
    normalize: normalizeIban,
    display: formatIban,
    validate: checkSepaIban,
    sendAs: 'iban',
  },
  {
    name: 'bic',
    label: 'bank.bic',
    hint: 'bank.bic.hint',
    inputMode: 'text',
    autoComplete: 'off',
    maxLength: 14,
    normalize: normalizeBic,
    // The BIC's country must be the IBAN's.
    validate: (value, values) => checkBic(value, values?.iban ? normalizeIban(values.iban) : undefined),
    sendAs: 'bic',
  },
  bankNameField(),
  ...accountHolderFields,
];

/**
 * The euro area and its SEPA neighbours: IBAN, BIC, bank and holder. Assumed (the contract): the
 * `country` sent is the IBAN's own code, and `accountIdentifier` repeats the IBAN.
 */
export const sepa = {
  id: 'SEPA',
  fiatCurrency: 'EUR',
  fields,
  toBankDetails: (values) => {
    const iban = normalizeIban(values.iban ?? '');
    return buildBankDetails(fields, values, { country: ibanCountry(iban) ?? '', accountIdentifier: iban });
  },
  summarize: (values) => `IBAN ${lastFour(normalizeIban(values.iban ?? ''))}`,
} as const satisfies PayoutRail;
