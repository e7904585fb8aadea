/** Users of the partner, their receivers and saved bank accounts: who may order, and to whom. */
import * as z from 'zod/mini';
import { TRANSACTION_TYPES } from '../api/schemas';
import { API_ERRORS } from '../api/errors';
import { fail } from './failure';
import { pager } from './listing';
import type { BankAccountRecord, OrderBankAccount, PartnerRecord, ReceiverRecord, Store, UserRecord } from './store';

/** A user of this partner, for an endpoint scoped to one. Any other id is "not associated". */
export const requireUser = (store: Store, partner: PartnerRecord, userId: unknown): UserRecord => {
  if (userId === undefined || userId === null || userId === '') fail(API_ERRORS.userIdRequired);
  if (typeof userId !== 'string') fail(API_ERRORS.invalidUserInput);
  const user = store.users.get(userId);
  if (!user || user.partnerId !== partner.id) fail(API_ERRORS.userNotOfPartner);
  return user;
};

/** A user who may place an order: not a receiver's own account, and KYC-verified. */
export const requireOrderingUser = (store: Store, partner: PartnerRecord, userId: unknown): UserRecord => {
  const user = requireUser(store, partner, userId);
  if (user.receiverId !== undefined) fail(API_ERRORS.receiverCannotOrder);
  if (user.kycStatus !== 'VERIFIED') fail(API_ERRORS.userNotVerified);
  return user;
};

/** A saved account the user may be paid into, in the order's shape. Ownership is checked partner first: it is the wider fence. */
export const savedAccountForOrder = (store: Store, partner: PartnerRecord, user: UserRecord, id: string): OrderBankAccount => {
  const account = store.bankAccounts.get(id) ?? fail(API_ERRORS.bankInfoNotFound);
  if (account.partnerId !== partner.id) fail(API_ERRORS.bankInfoOfOtherPartner);
  if (account.userId !== user.id) fail(API_ERRORS.bankInfoOfOtherUser);
  return {
    country: account.country,
    // Assumed: the masked number is built from clabe ?? accountNumber (?? iban for SEPA).
    accountIdentifier: account.clabe ?? account.accountNumber,
    isVerified: account.isVerified,
    bankName: account.bankName,
    accountType: account.accountType,
    documentIdentifier: account.documentNumber,
    documentType: account.documentType,
  };
};

/** A receiver the user may pay: theirs, live, and verified (the hidden flag). */
export const payableReceiver = (store: Store, user: UserRecord, id: string): ReceiverRecord => {
  const receiver = store.receivers.get(id);
  if (!receiver || receiver.disabled) fail(API_ERRORS.receiverNotFound);
  if (receiver.userId !== user.id) fail(API_ERRORS.receiverOfOtherUser);
  if (!receiver.verified) fail(API_ERRORS.receiverNotVerified);
  return receiver;
};

const bankAccountFilters = z.object({
  id: z.optional(z.string()),
  rampType: z.optional(z.enum(TRANSACTION_TYPES)),
  country: z.optional(z.string()),
});

/** `GET /banks/users/{userId}/accounts`. */
export const listBankAccounts = (store: Store, partner: PartnerRecord, userId: string, query: Record<string, string>) => {
  const user = requireUser(store, partner, userId);
  const parsed = bankAccountFilters.safeParse(query);
  if (!parsed.success) fail(API_ERRORS.invalidUserInput);
  const { id, rampType, country } = parsed.data;
  const matching = [...store.bankAccounts.values()].filter(
    (account) =>
      account.userId === user.id &&
      (id === undefined || account.id === id) &&
      (rampType === undefined || account.rampType === rampType) &&
      (country === undefined || account.country === country.toUpperCase()),
  );
  const order = [...store.bankAccounts.keys()];
  const { total, page } = pager(query, { createdAt: (a: BankAccountRecord) => a.createdAt }, (a) => order.indexOf(a.id))(matching);
  return { count: page.length, total, data: page };
};

/** `GET /receivers?userId=`: the hidden `verified` flag stays hidden. */
export const listReceivers = (store: Store, partner: PartnerRecord, query: Record<string, string>) => {
  const user = requireUser(store, partner, query.userId);
  const mine = [...store.receivers.values()].filter((receiver) => receiver.userId === user.id);
  const order = [...store.receivers.keys()];
  const { total, page } = pager(query, { createdAt: (r: ReceiverRecord) => r.createdAt }, (r) => order.indexOf(r.id))(mine);
  return { count: page.length, total, data: page.map(({ verified: _hidden, ...receiver }) => receiver) };
};
