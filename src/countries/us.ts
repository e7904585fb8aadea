import { ACCOUNT_TYPE_OPTIONS, accountHolderFields, accountNumberField, bankNameField, lastFour, selectField, textField, withoutSeparators } from './common';
import { ABA_LENGTH, checkAba, checkZip, TEXT_LIMITS, US_ACCOUNT_NUMBER, US_STATES } from './validators/general';
import type { BankField, PayoutRail } from './types';
import { buildBankDetails } from './values';

const zipPlusFour = (value: string) => (value.length > 5 ? `${value.slice(0, 5)}-${value.slice(5)}` : value);

const fields: readonly BankField[] = [
  accountNumberField(US_ACCOUNT_NUMBER),
  {
    name: 'routingNumber',
    label: 'bank.routingNumber',
    hint: 'bank.routingNumber.hint',
    inputMode: 'numeric',
    autoComplete: 'off',
    maxLength: ABA_LENGTH + 4,
    length: ABA_LENGTH,
    normalize: withoutSeparators,
    validate: checkAba,
    sendAs: 'routingNumber',
  },
  bankNameField(),
  // Optional in the contract: left empty, it is not sent.
  selectField({ name: 'accountType', label: 'bank.accountType.optional', options: ACCOUNT_TYPE_OPTIONS, optional: true, sendAs: 'accountType' }),
  ...accountHolderFields,
  textField({ name: 'streetLine1', label: 'bank.streetLine1', autoComplete: 'address-line1', max: TEXT_LIMITS.street, sendAs: 'address.streetLine1' }),
  textField({ name: 'streetLine2', label: 'bank.streetLine2', autoComplete: 'address-line2', max: TEXT_LIMITS.street, optional: true, sendAs: 'address.streetLine2' }),
  textField({ name: 'city', label: 'bank.city', autoComplete: 'address-level2', max: TEXT_LIMITS.city, sendAs: 'address.city' }),
  selectField({
    name: 'state',
    label: 'bank.state',
    autoComplete: 'address-level1',
    options: Object.entries(US_STATES).map(([code, name]) => ({ value: code, text: name })),
    sendAs: 'address.state',
  }),
  {
    name: 'postalCode',
    label: 'bank.postalCode',
    hint: 'bank.postalCode.hint',
    inputMode: 'numeric',
    autoComplete: 'postal-code',
    maxLength: 12,
    normalize: withoutSeparators,
    display: zipPlusFour,
    validate: checkZip,
    sendAs: 'address.postalCode',
    toApi: zipPlusFour,
  },
];

/**
 * United States: account and ABA routing number, the holder and their address. Assumed (the
 * contract): the state is always sent, and the address is in the US.
 */
export const us = {
  id: 'US',
  fiatCurrency: 'USD',
  fields,
  toBankDetails: (values) => buildBankDetails(fields, values, { country: 'US', address: { country: 'US' } }),
  // The bank's name is a proper noun: the summary needs no translation.
  summarize: (values) => `${values.bankName?.trim() ?? ''} ${lastFour(values.accountIdentifier)}`.trim(),
} as const satisfies PayoutRail;
