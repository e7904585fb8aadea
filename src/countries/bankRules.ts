/**
 * The contract's rules on inline bank details, for the sandbox (server side: it loads every
 * rail's validators at once). Returns false where the API answers "Invalid User Input".
 */
import { BANK_COUNTRIES } from '../api/contract';
import type { BankDetails } from '../api/schemas';
import { isValidClabe } from './mx';

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
      return BANK_COUNTRIES.sepa.includes(details.country) && has('iban', 'bic', 'bankName', 'accountHolder');
  }
};
