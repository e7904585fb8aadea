import type { Order } from './schemas';

/** An order fit for events and storage: the bank account's number cut to its last four. No schema needed, so the widget's order code loads no zod. */
export const withMaskedBankAccount = <T extends Pick<Order, 'bankAccount'>>(order: T): T => ({
  ...order,
  bankAccount: {
    ...order.bankAccount,
    accountIdentifier: order.bankAccount.accountIdentifier === null ? null : `••••${order.bankAccount.accountIdentifier.slice(-4)}`,
  },
});
