/**
 * Fields more than one rail asks for (the account holder, a bank name, a choice), as data the rails
 * put in their tables. Loaded with the rails, not with the widget.
 */
import { ACCOUNT_HOLDER_TYPES, ACCOUNT_TYPES } from '../api/contract';
import type { MessageKey } from '../i18n';
import { checkAccountNumber, checkChoice, checkText, TEXT_LIMITS, type LengthRange } from './validators/general';
import type { BankDetailsPath, BankField, BankValues, FieldOption } from './types';

/** Spaces and hyphens out: what banks print between groups of digits. */
export const withoutSeparators = (raw: string) => raw.replace(/[\s-]/g, '');
/** Free text is kept as typed (trimmed when sent): trimming while typing would eat the space between two names. */
export const asTyped = (raw: string) => raw;

/** The last four characters, for the review step. */
export const lastFour = (value: string | undefined) => `•••• ${(value ?? '').slice(-4)}`;

const optionValues = (options: readonly FieldOption[]) => options.map((option) => option.value);

/** A choice among options; the value is sent as is. */
export const selectField = (
  field: Pick<BankField, 'name' | 'label' | 'hint' | 'optional' | 'visibleWhen' | 'sendAs'> & {
    options: readonly FieldOption[];
    autoComplete?: string;
  },
): BankField => {
  const values = optionValues(field.options);
  return {
    kind: 'select',
    inputMode: 'text',
    autoComplete: 'off',
    normalize: asTyped,
    validate: (value) => checkChoice(value, values),
    ...field,
  };
};

/** Free text up to the API's limit for it. */
export const textField = (
  field: Pick<BankField, 'name' | 'label' | 'hint' | 'autoComplete' | 'optional' | 'visibleWhen' | 'sendAs'> & { max: number },
): BankField => {
  const { max, ...rest } = field;
  return { inputMode: 'text', maxLength: max, normalize: asTyped, validate: (value) => checkText(value, max), ...rest };
};

/** Translated choices: each value's label is `prefix.VALUE` in the catalogue. */
const labelled = <Value extends string>(values: readonly Value[], label: (value: Value) => MessageKey): FieldOption[] =>
  values.map((value) => ({ value, label: label(value) }));

export const ACCOUNT_TYPE_OPTIONS = labelled(ACCOUNT_TYPES, (type) => `bank.accountType.${type}`);

/** An account number of digits, within the rail's lengths; separators the user types are dropped. */
export const accountNumberField = (lengths: LengthRange): BankField => ({
  name: 'accountIdentifier',
  label: 'bank.accountNumber',
  hint: 'bank.accountNumber.hint',
  inputMode: 'numeric',
  autoComplete: 'off',
  maxLength: lengths.max + 6,
  normalize: withoutSeparators,
  validate: (value) => checkAccountNumber(value, lengths),
  sendAs: 'accountIdentifier',
});

export const bankNameField = (sendAs: BankDetailsPath = 'bankName'): BankField =>
  textField({ name: 'bankName', label: 'bank.bankName', hint: 'bank.bankName.hint', autoComplete: 'off', max: TEXT_LIMITS.bankName, sendAs });

/**
 * Assumed (the contract): a person gives first and last name, a business its name. Names show
 * until BUSINESS is chosen, since most payouts go to people.
 */
const isBusiness = (values: BankValues) => values.holderType === 'BUSINESS';

/** The account holder: its type, then the names that type needs. */
export const accountHolderFields: readonly BankField[] = [
  selectField({
    name: 'holderType',
    label: 'bank.holderType',
    options: labelled(ACCOUNT_HOLDER_TYPES, (type) => `bank.holderType.${type}`),
    sendAs: 'accountHolder.type',
  }),
  textField({
    name: 'firstName', label: 'bank.firstName', autoComplete: 'given-name', max: TEXT_LIMITS.name,
    visibleWhen: (values) => !isBusiness(values), sendAs: 'accountHolder.firstName',
  }),
  textField({
    name: 'lastName', label: 'bank.lastName', autoComplete: 'family-name', max: TEXT_LIMITS.name,
    visibleWhen: (values) => !isBusiness(values), sendAs: 'accountHolder.lastName',
  }),
  textField({
    name: 'businessName', label: 'bank.businessName', autoComplete: 'organization', max: TEXT_LIMITS.businessName,
    visibleWhen: isBusiness, sendAs: 'accountHolder.businessName',
  }),
];
