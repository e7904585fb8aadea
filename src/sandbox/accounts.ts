/**
 * Saved bank accounts of users and of receivers: listed, created from the bank details of the
 * contract's table, and (a receiver's) deleted softly. Kept in the list's shape (`clabe`,
 * `accountNumber`, `documentNumber`).
 */
import * as z from 'zod/mini';
import { API_ERRORS, BANK_ACCOUNT_ERRORS } from '../api/errors';
import { bankDetailsSchema, TRANSACTION_TYPES, type BankDetails } from '../api/schemas';
import { acceptsBankDetails } from '../countries/bankRules';
import { dominicanBank } from '../countries/validators';
import { isoTime, type SandboxContext } from './context';
import { fail } from './failure';
import { pager } from './listing';
import { NO_RAIL_FIELDS, type BankAccountRecord, type PartnerRecord, type ReceiverRecord, type Store, type UserRecord } from './store';

/** The list's item: the record without what only the sandbox reads. */
export const bankAccountView = ({ receiverId: _receiverId, deletedAt: _deletedAt, ...account }: BankAccountRecord) => account;

/** The number an account is known by. Assumed: clabe, else the account number, else the IBAN. */
export const accountNumberOf = (account: BankAccountRecord): string | null => account.clabe ?? account.accountNumber ?? account.iban ?? null;

/**
 * The two documented DO rows, checked before the country's other rules (which answer "Invalid
 * User Input"): no bank name, or one the API does not pay into. Also applied to an order's inline
 * DO details, as the contract says; the receiver paths word the second row their own way.
 */
export const dominicanRowsFirst = (details: BankDetails, owner: 'user' | 'receiver') => {
  if (details.country !== 'DO') return;
  if (details.bankName === undefined) fail(BANK_ACCOUNT_ERRORS.dominicanBankNameRequired);
  if (dominicanBank(details.bankName) === undefined) {
    fail(owner === 'user' ? BANK_ACCOUNT_ERRORS.bankNotSupported : BANK_ACCOUNT_ERRORS.receiverBankNotSupported);
  }
};

/** The rail's own fields, renamed as the list names them. */
const savedFields = (details: BankDetails): Partial<BankAccountRecord> => {
  switch (details.country) {
    case 'MX':
      return { clabe: details.accountIdentifier ?? null, documentNumber: details.documentIdentifier ?? null };
    case 'DO':
      return {
        accountNumber: details.accountIdentifier ?? null,
        // The bank as the list spells it, however the caller capitalized it.
        bankName: dominicanBank(details.bankName ?? '') ?? null,
        accountType: details.accountType ?? null,
        documentNumber: details.documentIdentifier ?? null,
        documentType: details.documentType ?? null,
      };
    case 'US':
      return {
        accountNumber: details.accountIdentifier ?? null,
        bankName: details.bankName ?? null,
        accountType: details.accountType ?? null,
        ...(details.routingNumber === undefined ? {} : { routingNumber: details.routingNumber }),
      };
    default: // SEPA: the IBAN identifies the account
      return {
        bankName: details.bankName ?? null,
        ...(details.iban === undefined ? {} : { iban: details.iban }),
        ...(details.bic === undefined ? {} : { bic: details.bic }),
      };
  }
};

export interface AccountOwner {
  user: UserRecord;
  /** Set on the receiver paths: the account is this receiver's, paid by `user`. */
  receiver?: ReceiverRecord;
}

const belongsTo = (account: BankAccountRecord, owner: AccountOwner) =>
  account.deletedAt === null && account.userId === owner.user.id && account.receiverId === (owner.receiver?.id ?? null);

/**
 * `POST /banks/users/{userId}/accounts` and `POST /banks/receivers/{receiverId}/accounts`. A new
 * account is not verified yet (assumed: `PENDING` until a first payout checks it).
 */
export const createBankAccount = (ctx: SandboxContext, partner: PartnerRecord, owner: AccountOwner, body: unknown) => {
  const parsed = bankDetailsSchema.safeParse(body);
  if (!parsed.success) fail(API_ERRORS.invalidUserInput);
  const details = parsed.data;
  dominicanRowsFirst(details, owner.receiver ? 'receiver' : 'user');
  if (!acceptsBankDetails(details)) fail(API_ERRORS.invalidUserInput);

  const now = isoTime(ctx.now());
  const account: BankAccountRecord = {
    id: ctx.ids.uuid('bank-account'),
    userId: owner.user.id,
    receiverId: owner.receiver?.id ?? null,
    partnerId: partner.id,
    country: details.country,
    rampType: 'OFF_RAMP',
    ...NO_RAIL_FIELDS,
    ...savedFields(details),
    isVerified: false,
    verificationStatus: 'PENDING',
    verifiedAt: null,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
  // Assumed: the documented "Failed to create user bank information." answers an account this owner already has.
  const duplicate = [...ctx.store.bankAccounts.values()].some(
    (saved) => belongsTo(saved, owner) && saved.country === account.country && accountNumberOf(saved) === accountNumberOf(account),
  );
  if (duplicate) fail(BANK_ACCOUNT_ERRORS.bankInfoCreationFailed);
  ctx.store.bankAccounts.set(account.id, account);
  return bankAccountView(account);
};

const bankAccountFilters = z.object({
  id: z.optional(z.string()),
  rampType: z.optional(z.enum(TRANSACTION_TYPES)),
  country: z.optional(z.string()),
});

/** `GET /banks/users/{userId}/accounts` and its receiver twin: the owner's live accounts. */
export const listBankAccounts = (store: Store, owner: AccountOwner, query: Record<string, string>) => {
  const parsed = bankAccountFilters.safeParse(query);
  if (!parsed.success) fail(API_ERRORS.invalidUserInput);
  const { id, rampType, country } = parsed.data;
  const matching = [...store.bankAccounts.values()].filter(
    (account) =>
      belongsTo(account, owner) &&
      (id === undefined || account.id === id) &&
      (rampType === undefined || account.rampType === rampType) &&
      (country === undefined || account.country === country.toUpperCase()),
  );
  const order = [...store.bankAccounts.keys()];
  const { total, page } = pager(query, { createdAt: (a: BankAccountRecord) => a.createdAt }, (a) => order.indexOf(a.id))(matching);
  return { count: page.length, total, data: page.map(bankAccountView) };
};

/**
 * `DELETE /banks/receivers/{receiverId}/accounts/{userBankInfoId}`: a soft delete. Assumed: answers
 * the account as it was listed; once deleted it is not found, here or in an order.
 */
export const deleteReceiverBankAccount = (ctx: SandboxContext, owner: Required<AccountOwner>, accountId: string) => {
  const account = ctx.store.bankAccounts.get(accountId);
  if (!account || !belongsTo(account, owner)) fail(API_ERRORS.bankInfoNotFound);
  account.deletedAt = isoTime(ctx.now());
  account.updatedAt = account.deletedAt;
  return bankAccountView(account);
};
