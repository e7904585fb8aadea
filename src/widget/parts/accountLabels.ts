import { savedAccountNumber, type Receiver, type SavedBankAccount } from '../../api/schemas';
import type { PayoutRail } from '../../countries';
import type { Translator } from '../../i18n';

/** "Banco Santander •••• 7120": the bank (named by the account, or told by its number) and the last four. */
export const savedAccountLabel = (account: SavedBankAccount, rail: PayoutRail | undefined, { t }: Translator): string => {
  const number = savedAccountNumber(account);
  const told = rail?.fields[0]?.describe?.(number);
  const bank = account.bankName ?? (told?.params?.bank as string | undefined);
  const masked = `•••• ${number.slice(-4)}`;
  const label = bank ? `${bank} ${masked}` : masked;
  return account.isVerified ? label : `${label} (${t('bank.saved.pending')})`;
};

/** A receiver's name, else their email. */
export const receiverLabel = (receiver: Receiver): string =>
  receiver.businessName ?? ([receiver.firstName, receiver.lastName].filter(Boolean).join(' ') || receiver.email || receiver.id);
