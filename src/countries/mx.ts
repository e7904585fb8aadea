import { CLABE_LENGTH, checkClabe, clabeBank } from './validators/clabe';
import { lastFour, withoutSeparators } from './common';
import type { BankField, PayoutRail } from './types';
import { buildBankDetails } from './values';

const fields: readonly BankField[] = [
  {
    name: 'accountIdentifier',
    label: 'bank.clabe',
    hint: 'bank.clabe.hint',
    inputMode: 'numeric',
    autoComplete: 'off',
    maxLength: CLABE_LENGTH + 5,
    length: CLABE_LENGTH,
    normalize: withoutSeparators,
    // 3 bank, 3 city, 11 account, 1 check digit: how banks print it.
    display: (value) => [value.slice(0, 3), value.slice(3, 6), value.slice(6, 17), value.slice(17)].filter(Boolean).join(' '),
    validate: checkClabe,
    describe: (value) => {
      const bank = clabeBank(value);
      return bank ? { key: 'bank.clabe.bank', params: { bank } } : undefined;
    },
    sendAs: 'accountIdentifier',
  },
];

/**
 * Mexico: SPEI transfers to an 18-digit CLABE. The bank is shown from the number, never sent:
 * the API refuses `bankName` for MX.
 */
export const mx = {
  id: 'MX',
  fiatCurrency: 'MXN',
  fields,
  toBankDetails: (values) => buildBankDetails(fields, values, { country: 'MX' }),
  summarize: (values) => `CLABE ${lastFour(values.accountIdentifier)}`,
} as const satisfies PayoutRail;
