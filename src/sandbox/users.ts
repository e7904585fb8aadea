/** Users of the partner and their receivers: who they are, who may order, and to whom. */
import { API_ERRORS } from '../api/errors';
import { createUserRequestSchema, receiverRequestSchema } from '../api/schemas';
import { accountNumberOf } from './accounts';
import { isoTime, type SandboxContext } from './context';
import { fail, recordOrFail } from './failure';
import { pager } from './listing';
import type { OrderBankAccount, PartnerRecord, ReceiverRecord, Store, UserRecord } from './store';

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

/**
 * A saved account the order may pay into, in the order's shape: the user's own, or the named
 * receiver's. Ownership is checked partner first: it is the wider fence. A deleted account is not found.
 */
export const savedAccountForOrder = (
  store: Store,
  partner: PartnerRecord,
  user: UserRecord,
  id: string,
  receiverId: string | undefined,
): OrderBankAccount => {
  const account = store.bankAccounts.get(id);
  if (!account || account.deletedAt !== null) fail(API_ERRORS.bankInfoNotFound);
  if (account.partnerId !== partner.id) fail(API_ERRORS.bankInfoOfOtherPartner);
  if (account.userId !== user.id || (account.receiverId !== null && account.receiverId !== receiverId)) fail(API_ERRORS.bankInfoOfOtherUser);
  return {
    country: account.country,
    accountIdentifier: accountNumberOf(account),
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

/** A receiver as the API shows it: the hidden flag and the personal data given at creation stay hidden. */
const receiverView = ({ verified: _verified, taxId: _taxId, countryOfBirth: _birth, countryOfConstitution: _constitution, ...receiver }: ReceiverRecord) =>
  receiver;

/** `GET /receivers?userId=`. */
export const listReceivers = (store: Store, partner: PartnerRecord, query: Record<string, string>) => {
  const user = requireUser(store, partner, query.userId);
  const mine = [...store.receivers.values()].filter((receiver) => receiver.userId === user.id);
  const order = [...store.receivers.keys()];
  const { total, page } = pager(query, { createdAt: (r: ReceiverRecord) => r.createdAt }, (r) => order.indexOf(r.id))(mine);
  return { count: page.length, total, data: page.map(receiverView) };
};

/**
 * A receiver named in a `/banks/receivers/{receiverId}/…` path: one of this partner's, not
 * disabled. Any other (another partner's included) is not found.
 */
export const requireReceiver = (store: Store, partner: PartnerRecord, receiverId: string) => {
  const receiver = store.receivers.get(receiverId);
  const user = receiver && store.users.get(receiver.userId);
  if (!receiver || receiver.disabled || !user || user.partnerId !== partner.id) fail(API_ERRORS.receiverNotFound);
  return { user, receiver };
};

/**
 * `POST /receivers`. The receiver gets a user record of its own (which may not place orders).
 * Assumed: a new receiver is verified at once (the sandbox simulates no receiver KYC; the seeded
 * unverified receiver shows the refusal).
 */
export const createReceiver = (ctx: SandboxContext, partner: PartnerRecord, body: unknown) => {
  const input = recordOrFail(body);
  const user = requireUser(ctx.store, partner, input.userId);
  const parsed = receiverRequestSchema.safeParse(input);
  if (!parsed.success) fail(API_ERRORS.invalidUserInput);
  const now = isoTime(ctx.now());
  const receiver: ReceiverRecord = {
    id: ctx.ids.uuid('receiver'),
    userId: user.id,
    ...parsed.data,
    disabled: false,
    verified: true,
    createdAt: now,
    updatedAt: now,
  };
  ctx.store.receivers.set(receiver.id, receiver);
  const own: UserRecord = {
    id: ctx.ids.uuid('user'),
    partnerId: partner.id,
    kycStatus: 'VERIFIED',
    receiverId: receiver.id,
    externalUserId: null,
    identity: null,
    kycSessionId: null,
  };
  ctx.store.users.set(own.id, own);
  return receiverView(receiver);
};

/**
 * `POST /users`: a user of the partner, KYC not started. Assumed: an `externalUserId` the partner
 * already gave another user is invalid input (the docs list no row for it).
 */
export const createUser = (ctx: SandboxContext, partner: PartnerRecord, body: unknown) => {
  const parsed = createUserRequestSchema.safeParse(body);
  if (!parsed.success) fail(API_ERRORS.invalidUserInput);
  const { externalUserId } = parsed.data;
  const taken = [...ctx.store.users.values()].some((user) => user.partnerId === partner.id && user.externalUserId === externalUserId);
  if (taken) fail(API_ERRORS.invalidUserInput);
  const user: UserRecord = {
    id: ctx.ids.uuid('user'),
    partnerId: partner.id,
    kycStatus: 'NOT_STARTED',
    externalUserId,
    identity: null,
    kycSessionId: null,
  };
  ctx.store.users.set(user.id, user);
  return { userId: user.id };
};
