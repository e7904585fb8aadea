import { DOCUMENT_TYPES, DOMINICAN_BANKS } from '../api/contract';
import { ACCOUNT_TYPE_OPTIONS, accountNumberField, lastFour, selectField, withoutSeparators } from './common';
import { checkDocument, checkDominicanBank, DO_ACCOUNT_NUMBER } from './validators/general';
import type { BankField, BankValues, PayoutRail } from './types';
import { buildBankDetails } from './values';

/** Printed groups by document: cédula 001-1234567-8, RNC 1-01-85004-3; passports as they are. */
const DOCUMENT_GROUPS: Record<string, { length: number; groups: readonly number[] }> = {
  CEDULA: { length: 11, groups: [3, 7, 1] },
  RNC: { length: 9, groups: [1, 2, 5, 1] },
};

const groupDocument = (value: string, values?: BankValues) => {
  const layout = DOCUMENT_GROUPS[values?.documentType ?? ''];
  if (!layout || value.length !== layout.length || !/^\d+$/.test(value)) return value;
  let at = 0;
  return layout.groups.map((size) => value.slice(at, (at += size))).join('-');
};

const fields: readonly BankField[] = [
  accountNumberField(DO_ACCOUNT_NUMBER),
  {
    ...selectField({
      name: 'bankName',
      label: 'bank.bankName',
      options: DOMINICAN_BANKS.map((bank) => ({ value: bank, text: bank })),
      sendAs: 'bankName',
    }),
    validate: checkDominicanBank,
  },
  selectField({ name: 'accountType', label: 'bank.accountType', options: ACCOUNT_TYPE_OPTIONS, sendAs: 'accountType' }),
  selectField({
    name: 'documentType',
    label: 'bank.documentType',
    options: DOCUMENT_TYPES.map((type) => ({ value: type, label: `bank.documentType.${type}` as const })),
    sendAs: 'documentType',
  }),
  {
    name: 'documentIdentifier',
    label: 'bank.documentIdentifier',
    hint: 'bank.documentIdentifier.hint',
    inputMode: 'text',
    autoComplete: 'off',
    maxLength: 20,
    normalize: (raw) => withoutSeparators(raw).toUpperCase(),
    display: groupDocument,
    // The number is read by its type: cédula, RNC or passport.
    validate: (value, values) => checkDocument(values?.documentType, value),
    sendAs: 'documentIdentifier',
  },
];

/** Dominican Republic: an account at one of the listed banks, and the holder's identity document. */
export const do_ = {
  id: 'DO',
  fiatCurrency: 'DOP',
  fields,
  toBankDetails: (values) => buildBankDetails(fields, values, { country: 'DO' }),
  // The bank's name is a proper noun: the summary needs no translation.
  summarize: (values) => `${values.bankName ?? ''} ${lastFour(values.accountIdentifier)}`.trim(),
} as const satisfies PayoutRail;
