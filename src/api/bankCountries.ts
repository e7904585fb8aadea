/**
 * `country` values bank details accept (part of the contract, re-exported by `contract.ts`). A
 * module of its own: the payout rails' table, which the first screen carries, reads it, and needs
 * nothing else of the contract.
 */

/** "SEPA" is a rail, never a country: EUR payouts send the IBAN's own code. */
export const BANK_COUNTRIES = {
  single: ['MX', 'DO', 'US', 'CN'],
  sepa: [
    'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU',
    'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO', 'CH', 'GB', 'MC', 'SM', 'AD', 'VA',
  ] as readonly string[],
} as const;
