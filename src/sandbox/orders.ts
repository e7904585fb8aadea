/**
 * Off-ramp orders: creation with every rule of the contract's table, the status walk (one step per
 * poll, optionally per tick), expiry of orders never executed, execute and cancel, and the
 * transactions list. Every change of status goes through `setStatus`, which sends its webhook.
 */
import * as z from 'zod/mini';
import {
  CANCELLABLE_STATUSES,
  CANCELLED_BY_USER_REASON,
  EXECUTABLE_STATUSES,
  OFF_RAMP_HAPPY_PATH,
  STAGING_TEST_AMOUNTS,
  type OrderStatus,
} from '../api/contract';
import { API_ERRORS } from '../api/errors';
import { executeRequestSchema, orderRequestSchema, orderStatusSchema, TRANSACTION_TYPES, type BankDetails } from '../api/schemas';
import { acceptsBankDetails } from '../countries/bankRules';
import { isTransactionHash } from '../api/transactionHash';
import { dominicanRowsFirst } from './accounts';
import { isoTime, type SandboxContext } from './context';
import { notifyOrder } from './events';
import { fail, recordOrFail } from './failure';
import { pager } from './listing';
import { price, quoteForOrder, type PriceRequest } from './quotes';
import type { OrderBankAccount, OrderRecord, PartnerRecord } from './store';
import { payableReceiver, requireOrderingUser, savedAccountForOrder } from './users';

// ── The status walk ─────────────────────────────────────────────────────────────────────────────

type StagingOutcome = (typeof STAGING_TEST_AMOUNTS)[keyof typeof STAGING_TEST_AMOUNTS];

const HAPPY = OFF_RAMP_HAPPY_PATH;

/** The walk to each final status. Assumed: the docs list statuses, never their order. */
const PATHS: Record<StagingOutcome['finalStatus'], readonly OrderStatus[]> = {
  COMPLETED: HAPPY,
  // The penny test runs on the first payout, once the crypto is in: it fails where the bank transfer would start.
  CANCELLED: [...HAPPY.slice(0, HAPPY.indexOf('READY_BANK_TRANSFER')), 'CANCELLED'],
  CRYPTO_NOT_RECEIVED: [HAPPY[0], 'CRYPTO_NOT_RECEIVED'],
};

/** Staging forces an outcome by the exact cryptoAmount, wherever it came from (body or locked quote). */
const stagingOutcome = (cryptoAmount: number): StagingOutcome | undefined =>
  Object.entries(STAGING_TEST_AMOUNTS).find(([amount]) => Number(amount) === cryptoAmount)?.[1];

const setStatus = (ctx: SandboxContext, order: OrderRecord, status: OrderStatus, at: number, cancellationReason?: string | null) => {
  order.status = status;
  if (status === 'COMPLETED') order.completedAt = isoTime(at);
  if (status === 'CANCELLED') order.cancellationReason = cancellationReason ?? null;
  notifyOrder(ctx, order, 'status', at);
};

const step = (ctx: SandboxContext, order: OrderRecord, at: number) => {
  if (!order.walking) return;
  const next = order.upcoming.shift();
  if (next !== undefined) setStatus(ctx, order, next, at, order.plannedCancellationReason);
};

/** The statuses of an order waiting for its crypto, before execute: the ones that expire. */
const AWAITING_CRYPTO: readonly OrderStatus[] = ['PENDING', 'PENDING_PAYMENT'];

/**
 * What the clock has done since the last request: orders never executed whose time is up expire,
 * and with ticks on, executed orders take their due steps. Counted when the sandbox is asked
 * something, so no timer leaks from tests or a dev server.
 */
export const applyClock = (ctx: SandboxContext) => {
  const now = ctx.now();
  const tick = ctx.settings.statusTickMs;
  for (const order of ctx.store.orders.values()) {
    if (!order.walking && AWAITING_CRYPTO.includes(order.status) && now >= order.expiresAt) {
      order.upcoming = [];
      setStatus(ctx, order, 'EXPIRED', order.expiresAt);
    }
    while (tick !== undefined && order.walking && order.upcoming.length > 0 && now - order.tickedAt >= tick) {
      order.tickedAt += tick;
      step(ctx, order, order.tickedAt);
    }
  }
};

// ── Views ───────────────────────────────────────────────────────────────────────────────────────

/** The order as `POST /off-ramp` answers it. */
export const orderView = (order: OrderRecord) => ({
  id: order.id,
  userId: order.userId,
  status: order.status,
  cryptoAmount: order.cryptoAmount,
  fiatAmount: order.fiatAmount,
  exchangeRate: order.exchangeRate,
  tokenSymbol: order.tokenSymbol,
  blockchainSymbol: order.blockchainSymbol,
  fiatCurrency: order.fiatCurrency,
  premiumSpread: order.premiumSpread,
  createdAt: order.createdAt,
  completedAt: order.completedAt,
  destinationWalletAddress: order.destinationWalletAddress,
  bankAccount: { ...order.bankAccount },
});
export type SandboxOrder = ReturnType<typeof orderView>;

/**
 * The order as `GET /transactions` lists it: plus `type`, `invoice`, and `cancellationReason` once
 * cancelled (the OpenAPI description declares an optional string, not a nullable one).
 */
export const transactionView = (order: OrderRecord): SandboxOrder & {
  type: 'OFF_RAMP';
  invoice: { transactionHash: string | null; paymentUrl: null };
  cancellationReason?: string;
} => ({
  ...orderView(order),
  type: 'OFF_RAMP' as const,
  invoice: { transactionHash: order.transactionHash, paymentUrl: null },
  ...(order.cancellationReason === null ? {} : { cancellationReason: order.cancellationReason }),
});
export type SandboxTransaction = ReturnType<typeof transactionView>;

// ── Create ──────────────────────────────────────────────────────────────────────────────────────

/** The request schema's fields without its rules: a broken rule has its own row, only a wrong type is "Invalid User Input". */
const orderFieldsSchema = z.object(orderRequestSchema.shape);
type OrderFields = z.output<typeof orderFieldsSchema>;

/** The asset of an order without a quote, if complete. Both amounts at once is malformed, not missing. */
const assetOf = (order: OrderFields): PriceRequest | undefined => {
  const { fiatCurrency, blockchainSymbol, tokenSymbol, cryptoAmount, fiatAmount, premiumSpread } = order;
  if (fiatCurrency === undefined || blockchainSymbol === undefined || tokenSymbol === undefined) return undefined;
  if (cryptoAmount === undefined && fiatAmount === undefined) return undefined;
  if (cryptoAmount !== undefined && fiatAmount !== undefined) fail(API_ERRORS.invalidUserInput);
  return { transactionType: 'OFF_RAMP', fiatCurrency, blockchainSymbol, tokenSymbol, cryptoAmount, fiatAmount, premiumSpread };
};

/** Inline details, checked by the country's rules; never verified yet. */
const inlineAccount = (details: BankDetails): OrderBankAccount => {
  dominicanRowsFirst(details, 'user');
  if (!acceptsBankDetails(details)) fail(API_ERRORS.invalidUserInput);
  return {
    country: details.country,
    // Assumed: a SEPA account may come without accountIdentifier; its IBAN identifies it.
    accountIdentifier: details.accountIdentifier ?? details.iban ?? null,
    isVerified: false,
    bankName: details.bankName ?? null,
    accountType: details.accountType ?? null,
    documentIdentifier: details.documentIdentifier ?? null,
    documentType: details.documentType ?? null,
  };
};

/**
 * `POST /off-ramp`. Rules in the order a caller can act on them: who asks, the body's shape, what
 * is missing, then what the named quote, asset, account and receiver turn out to be.
 */
export const createOrder = (ctx: SandboxContext, partner: PartnerRecord, body: unknown): OrderRecord => {
  const input = recordOrFail(body);
  const user = requireOrderingUser(ctx.store, partner, input.userId);
  const parsed = orderFieldsSchema.safeParse(input);
  if (!parsed.success) fail(API_ERRORS.invalidUserInput);
  const request = parsed.data;

  const source = request.quoteId !== undefined ? { quoteId: request.quoteId } : (assetOf(request) ?? fail(API_ERRORS.quoteOrAssetRequired));
  if ((request.userBankInformation === undefined) === (request.userBankInformationId === undefined)) fail(API_ERRORS.bankDetailsRequired);

  // With a quote, the quote wins over any amount, symbol or spread in the body.
  const priced = 'quoteId' in source ? quoteForOrder(ctx, partner.id, source.quoteId) : price(source, ctx.settings);
  const bankAccount =
    request.userBankInformation !== undefined
      ? inlineAccount(request.userBankInformation)
      : savedAccountForOrder(ctx.store, partner, user, request.userBankInformationId!, request.receiverId);
  const receiver = request.receiverId === undefined ? undefined : payableReceiver(ctx.store, user, request.receiverId);

  const outcome = stagingOutcome(priced.cryptoAmount);
  const [status, ...upcoming] = PATHS[outcome?.finalStatus ?? 'COMPLETED'] as [OrderStatus, ...OrderStatus[]];
  const now = ctx.now();
  const order: OrderRecord = {
    id: ctx.ids.uuid('order'),
    userId: user.id,
    partnerId: partner.id,
    status,
    cryptoAmount: priced.cryptoAmount,
    fiatAmount: priced.fiatAmount,
    exchangeRate: priced.rate,
    tokenSymbol: priced.tokenSymbol,
    blockchainSymbol: priced.blockchainSymbol,
    fiatCurrency: priced.fiatCurrency,
    premiumSpread: priced.premiumSpread ?? 0,
    createdAt: isoTime(now),
    completedAt: null,
    // A fresh address per order (the order page calls it unique), so two orders are never mistaken for one.
    destinationWalletAddress: ctx.ids.walletAddress(priced.blockchainSymbol),
    bankAccount,
    receiverId: receiver?.id ?? null,
    quoteId: 'quoteId' in priced ? priced.quoteId : null,
    transactionHash: null,
    cancellationReason: null,
    upcoming,
    plannedCancellationReason: outcome && 'cancellationReason' in outcome ? outcome.cancellationReason : null,
    tickedAt: now,
    walking: false,
    sequence: ctx.store.orders.size,
    // The order's quote lives on in it: when the quote expires, so does an order never executed.
    expiresAt: 'expiresAt' in priced ? Date.parse(priced.expiresAt) : now + ctx.settings.quoteLifetimeMs,
  };
  ctx.store.orders.set(order.id, order);
  notifyOrder(ctx, order, 'created', now);
  return order;
};

// ── Execute and cancel ──────────────────────────────────────────────────────────────────────────

/** The sandbox's transaction ids are UUIDs: anything else is not even a candidate. */
const executeSchema = z.object({ ...executeRequestSchema.shape, transactionId: z.uuid() });

/**
 * `POST /off-ramp/execute`. Assumed: accepted in EXECUTABLE_STATUSES and answered `PENDING` (the
 * payout is pending); otherwise answered with the current status, no error. From here the order
 * walks: one step per poll (or per tick).
 */
export const executeOrder = (ctx: SandboxContext, partner: PartnerRecord, body: unknown) => {
  const parsed = executeSchema.safeParse(body);
  if (!parsed.success) fail(API_ERRORS.invalidUserInput);
  const { transactionId, transactionHash } = parsed.data;
  const order = ctx.store.orders.get(transactionId) ?? fail(API_ERRORS.transactionNotFound);
  if (order.partnerId !== partner.id) fail(API_ERRORS.transactionOfOtherPartner);
  if (transactionHash !== undefined && !isTransactionHash(order.blockchainSymbol, transactionHash)) fail(API_ERRORS.invalidUserInput);
  applyClock(ctx);
  if (!(EXECUTABLE_STATUSES as readonly OrderStatus[]).includes(order.status)) return { id: order.id, status: order.status };
  order.transactionHash = transactionHash ?? order.transactionHash;
  if (!order.walking) {
    order.walking = true;
    order.tickedAt = ctx.now();
  }
  return { id: order.id, status: 'PENDING' as const };
};

/** `PUT /transactions/{id}/cancel`; `userId` (query) when the caller names the user. Cancelling twice succeeds twice. */
export const cancelOrder = (ctx: SandboxContext, partner: PartnerRecord, id: string, userId: string | undefined) => {
  if (!z.uuid().safeParse(id).success) fail(API_ERRORS.invalidUserInput);
  const order = ctx.store.orders.get(id) ?? fail(API_ERRORS.transactionNotFound);
  if (order.partnerId !== partner.id) fail(API_ERRORS.partnerNotOwner);
  if (userId !== undefined && userId !== order.userId) fail(API_ERRORS.userNotOwner);
  applyClock(ctx);
  if (order.status !== 'CANCELLED') {
    if (!(CANCELLABLE_STATUSES as readonly OrderStatus[]).includes(order.status)) fail(API_ERRORS.invalidStateTransition);
    order.upcoming = [];
    setStatus(ctx, order, 'CANCELLED', ctx.now(), CANCELLED_BY_USER_REASON);
  }
  return { id: order.id, userId: order.userId, status: order.status };
};

// ── List ────────────────────────────────────────────────────────────────────────────────────────

const transactionFilters = z.object({
  id: z.optional(z.string()),
  userId: z.optional(z.string()),
  status: z.optional(orderStatusSchema),
  type: z.optional(z.enum(TRANSACTION_TYPES)),
  fiatCurrency: z.optional(z.string()),
});

const TRANSACTION_SORT_KEYS = {
  createdAt: (order: OrderRecord) => order.createdAt,
  cryptoAmount: (order: OrderRecord) => order.cryptoAmount,
  fiatAmount: (order: OrderRecord) => order.fiatAmount,
  status: (order: OrderRecord) => order.status,
};

/**
 * `GET /transactions`. Reading is what moves an executed order on: each one the filters select takes one
 * step, and `status` filters on the status it has after that step.
 */
export const listTransactions = (ctx: SandboxContext, partner: PartnerRecord, query: Record<string, string>) => {
  const parsed = transactionFilters.safeParse(query);
  if (!parsed.success) fail(API_ERRORS.invalidUserInput);
  const page = pager(query, TRANSACTION_SORT_KEYS, (order) => order.sequence);
  const { id, userId, status, type, fiatCurrency } = parsed.data;
  applyClock(ctx);
  const selected = [...ctx.store.orders.values()].filter(
    (order) =>
      order.partnerId === partner.id &&
      (id === undefined || order.id === id) &&
      (userId === undefined || order.userId === userId) &&
      (type === undefined || type === 'OFF_RAMP') &&
      (fiatCurrency === undefined || order.fiatCurrency === fiatCurrency),
  );
  for (const order of selected) step(ctx, order, ctx.now());
  const { total, page: data } = page(selected.filter((order) => status === undefined || order.status === status));
  return { count: total, data: data.map(transactionView) };
};

/** `GET /transactions/mock-testing-guide`: the staging amounts the sandbox honours. It simulates no on-ramp. */
export const mockTestingGuide = () => ({
  enabled: true,
  environment: 'sandbox',
  onRampRules: [],
  offRampRules: Object.entries(STAGING_TEST_AMOUNTS).map(([cryptoAmount, outcome]) => ({ cryptoAmount: Number(cryptoAmount), ...outcome })),
});
