import { clabe } from 'clabe-validator';
import type { PayoutRail } from './types';

const CLABE_LENGTH = 18;
const digitsOnly = (raw: string) => raw.replace(/[\s-]/g, '');

/**
 * A CLABE's check: 18 digits and its check digit (clabe-validator). Unknown bank or city codes
 * are not refused: the API checks only the digits, and the library's bank table can lag behind.
 */
export const checkClabe = (value: string) => {
  if (!/^\d*$/.test(value)) return { key: 'validation.clabe.characters' } as const;
  if (value.length !== CLABE_LENGTH) {
    return { key: 'validation.clabe.length', params: { count: value.length } } as const;
  }
  const result = clabe.validate(value);
  if (result.error === 'invalid-checksum') return { key: 'validation.clabe.checksum' } as const;
  return undefined;
};

export const isValidClabe = (value: string): boolean => checkClabe(value) === undefined;

/** Mexico: SPEI transfers to an 18-digit CLABE. The API refuses `bankName` for MX. */
export const mx = {
  id: 'MX',
  fiatCurrency: 'MXN',
  fields: [
    {
      name: 'accountIdentifier',
      label: 'bank.clabe',
      hint: 'bank.clabe.hint',
      inputMode: 'numeric',
      autoComplete: 'off',
      maxLength: CLABE_LENGTH + 5,
      length: CLABE_LENGTH,
      normalize: digitsOnly,
      // 3 bank, 3 city, 11 account, 1 check digit: how banks print it.
      display: (value) => [value.slice(0, 3), value.slice(3, 6), value.slice(6, 17), value.slice(17)].filter(Boolean).join(' '),
      validate: checkClabe,
      describe: (value) => {
        if (value.length < 3) return undefined;
        const bank = clabe.validate(value.padEnd(CLABE_LENGTH, '0')).bank;
        return bank ? { key: 'bank.clabe.bank', params: { bank } } : undefined;
      },
    },
  ],
  toBankDetails: (values) => ({ country: 'MX', accountIdentifier: values.accountIdentifier ?? '' }),
  summarize: (values) => `CLABE •••• ${(values.accountIdentifier ?? '').slice(-4)}`,
} as const satisfies PayoutRail;
