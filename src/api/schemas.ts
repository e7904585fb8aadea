/**
 * The shapes of every request and answer the widget exchanges with the API, as zod/mini schemas
 * (zod/mini keeps the partner's bundle small). They check shape only: which currencies and pairs
 * are enabled is the API's to answer, so a new one needs no release.
 */
import * as z from 'zod/mini';
import { isSupportedPair } from './chains';
import { readKycStatus, type KycStatusAnswer } from './kycStatus';
import { ACCOUNT_HOLDER_TYPES, ACCOUNT_TYPES, DOCUMENT_TYPES, ORDER_STATUSES, TEXT_LIMITS } from './contract';

/**
 * The API's schemas say number, but documented answers carry "0.260000" and webhooks send strings:
 * accept either, hand the app a number.
 */
export const decimal = z.pipe(
  z.union([z.number().check(z.refine(Number.isFinite)), z.string().check(z.regex(/^-?\d+(\.\d+)?$/))]),
  z.transform((value: number | string) => Number(value)),
);
const positiveAmount = z.number().check(z.positive(), z.refine(Number.isFinite));
const symbol = z.string().check(z.minLength(1), z.maxLength(16));
const id = z.string().check(z.minLength(1), z.maxLength(64));
const isoDate = z.iso.datetime({ offset: true });

export const TRANSACTION_TYPES = ['ON_RAMP', 'OFF_RAMP'] as const;
export const QUOTE_FLOWS = ['REGULAR', 'OTC', 'PAYMENT'] as const;

// ── Quotes ──────────────────────────────────────────────────────────────────────────────────────

const quoteRequestFields = {
  transactionType: z.enum(TRANSACTION_TYPES),
  fiatCurrency: symbol,
  blockchainSymbol: symbol,
  tokenSymbol: symbol,
  cryptoAmount: z.optional(positiveAmount),
  fiatAmount: z.optional(positiveAmount),
  premiumSpread: z.optional(z.number().check(z.gte(0), z.lt(1))),
  country: z.optional(z.string().check(z.length(2))),
  rail: z.optional(symbol),
};

/** `POST /quotes`: a locked quote. Exactly one amount. */
export const quoteRequestSchema = z.object({
  ...quoteRequestFields,
  forwardingDays: z.optional(z.int().check(z.gte(0), z.lte(4))),
}).check(
  z.refine((body) => (body.cryptoAmount === undefined) !== (body.fiatAmount === undefined), {
    message: 'Give exactly one of cryptoAmount and fiatAmount',
    path: ['cryptoAmount'],
  }),
);
export type QuoteRequest = z.output<typeof quoteRequestSchema>;

/** `GET /quotes`: an estimate, asked in the query string. */
export const estimateRequestSchema = z.object(quoteRequestFields);
export type EstimateRequest = z.output<typeof estimateRequestSchema>;

const estimateFields = {
  transactionType: z.enum(TRANSACTION_TYPES),
  fiatCurrency: symbol,
  blockchainSymbol: symbol,
  tokenSymbol: symbol,
  cryptoAmount: decimal,
  fiatAmount: decimal,
  rate: decimal,
  premiumSpread: z.optional(z.nullable(decimal)),
  flow: z.enum(QUOTE_FLOWS),
};

export const estimateSchema = z.object(estimateFields);
export type Estimate = z.output<typeof estimateSchema>;

export const quoteSchema = z.object({ ...estimateFields, quoteId: id, expiresAt: isoDate });
export type Quote = z.output<typeof quoteSchema>;

// ── Bank details ────────────────────────────────────────────────────────────────────────────────

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

export const accountHolderSchema = z.object({
  type: z.enum(ACCOUNT_HOLDER_TYPES),
  firstName: z.optional(text(TEXT_LIMITS.name)),
  lastName: z.optional(text(TEXT_LIMITS.name)),
  businessName: z.optional(text(TEXT_LIMITS.businessName)),
});

export const addressSchema = z.object({
  streetLine1: text(TEXT_LIMITS.street),
  streetLine2: z.optional(text(TEXT_LIMITS.street)),
  city: text(TEXT_LIMITS.city),
  state: z.optional(text(100)),
  postalCode: text(20),
  country: z.string().check(z.length(2)),
});

/**
 * `userBankInformation`: one flat object; `country` says which rule applies (see `countries/`).
 * Unknown fields are dropped.
 */
export const bankDetailsSchema = z.object({
  country: z.string().check(z.length(2)),
  accountIdentifier: z.optional(text(64)),
  bankName: z.optional(text(TEXT_LIMITS.bankName)),
  accountType: z.optional(z.enum(ACCOUNT_TYPES)),
  documentIdentifier: z.optional(text(64)),
  documentType: z.optional(z.enum(DOCUMENT_TYPES)),
  routingNumber: z.optional(text(9)),
  iban: z.optional(text(34)),
  bic: z.optional(text(11)),
  accountHolder: z.optional(accountHolderSchema),
  address: z.optional(addressSchema),
});
export type BankDetails = z.output<typeof bankDetailsSchema>;

// ── Orders ──────────────────────────────────────────────────────────────────────────────────────

const orderFields = {
  quoteId: z.optional(id),
  fiatCurrency: z.optional(symbol),
  blockchainSymbol: z.optional(symbol),
  tokenSymbol: z.optional(symbol),
  fiatAmount: z.optional(positiveAmount),
  cryptoAmount: z.optional(positiveAmount),
  userBankInformation: z.optional(bankDetailsSchema),
  userBankInformationId: z.optional(id),
  receiverId: z.optional(id),
  premiumSpread: z.optional(z.number().check(z.gte(0), z.lt(1))),
};

type OrderShape = {
  quoteId?: string | undefined;
  fiatCurrency?: string | undefined;
  blockchainSymbol?: string | undefined;
  tokenSymbol?: string | undefined;
  fiatAmount?: number | undefined;
  cryptoAmount?: number | undefined;
  userBankInformation?: unknown;
  userBankInformationId?: string | undefined;
};

/** The contract's order rules, shared by the browser's body and the API's request. */
const orderRules = [
  z.refine<OrderShape>(
    (order) =>
      order.quoteId !== undefined ||
      (order.fiatCurrency !== undefined &&
        order.blockchainSymbol !== undefined &&
        order.tokenSymbol !== undefined &&
        (order.fiatAmount === undefined) !== (order.cryptoAmount === undefined)),
    { message: 'Give a quoteId, or a currency, chain, token and exactly one amount', path: ['quoteId'] },
  ),
  z.refine<OrderShape>(
    (order) =>
      order.blockchainSymbol === undefined ||
      order.tokenSymbol === undefined ||
      isSupportedPair(order.blockchainSymbol, order.tokenSymbol),
    { message: 'This token is not sold on this chain', path: ['tokenSymbol'] },
  ),
  z.refine<OrderShape>(
    (order) => (order.userBankInformation === undefined) !== (order.userBankInformationId === undefined),
    { message: 'Give exactly one of userBankInformation and userBankInformationId', path: ['userBankInformation'] },
  ),
];

/**
 * The order's shape alone, for the proxy: which pairs exist and which fields go together are the
 * API's to answer, in its own words.
 */
export const orderBodyShapeSchema = z.object(orderFields);

/** What the browser sends: the proxy adds `userId` (and the partner's `premiumSpread`). */
export const orderBodySchema = z.object(orderFields).check(...orderRules);
export type OrderBody = z.output<typeof orderBodySchema>;

/** What reaches the API: the body plus the signed-in user. */
export const orderRequestSchema = z.object({ ...orderFields, userId: z.uuid() }).check(...orderRules);
export type OrderRequest = z.output<typeof orderRequestSchema>;

export const orderStatusSchema = z.enum(ORDER_STATUSES);

export const orderSchema = z.object({
  id,
  userId: id,
  status: orderStatusSchema,
  cryptoAmount: decimal,
  fiatAmount: decimal,
  exchangeRate: decimal,
  tokenSymbol: symbol,
  blockchainSymbol: symbol,
  fiatCurrency: symbol,
  premiumSpread: z.optional(z.nullable(decimal)),
  createdAt: isoDate,
  completedAt: z.nullable(isoDate),
  destinationWalletAddress: z.string().check(z.minLength(26), z.maxLength(64)),
  bankAccount: z.object({
    country: z.string(),
    accountIdentifier: z.nullable(z.string()),
    isVerified: z.boolean(),
  }),
});
export type Order = z.output<typeof orderSchema>;

export { withMaskedBankAccount } from './masking';

/**
 * `POST /off-ramp/execute`: the user has sent the crypto. Assumed: `transactionHash` is at most 128
 * characters (EVM hashes are 66, Solana signatures 88); whether it is a valid hash is the API's to say.
 */
export const executeRequestSchema = z.object({
  transactionId: id,
  transactionHash: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
});
export type ExecuteRequest = z.output<typeof executeRequestSchema>;

/** `POST /off-ramp/execute`'s answer: the order's status after it (assumed `PENDING` when accepted). */
export const executeAnswerSchema = z.object({ id, status: orderStatusSchema });
export type ExecuteAnswer = z.output<typeof executeAnswerSchema>;

/** `PUT /transactions/{id}/cancel`'s answer (an older page returns the whole transaction: it parses too). */
export const cancelAnswerSchema = z.object({ id, status: orderStatusSchema });

/**
 * An item of `GET /transactions`: the order plus `type`, `invoice` and `cancellationReason` (a
 * string once cancelled; absent before, or `null` from some servers).
 */
export const transactionSchema = z.object({
  ...orderSchema.shape,
  type: z.optional(z.enum(TRANSACTION_TYPES)),
  invoice: z.optional(z.nullable(z.object({ transactionHash: z.optional(z.nullable(z.string())) }))),
  cancellationReason: z.optional(z.nullable(z.string())),
});
export type Transaction = z.output<typeof transactionSchema>;

// ── Saved bank accounts and receivers ───────────────────────────────────────────────────────────

const maybe = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));

/**
 * An item of `GET /banks/users/{userId}/accounts`. The list says `clabe` / `accountNumber` /
 * `documentNumber` where the order body says `accountIdentifier` / `documentIdentifier`; assumed:
 * SEPA and US items also carry `iban`, `bic`, `routingNumber`.
 */
export const savedBankAccountSchema = z.object({
  id,
  country: z.string(),
  rampType: z.optional(z.string()),
  clabe: maybe(z.string()),
  accountNumber: maybe(z.string()),
  iban: maybe(z.string()),
  bic: maybe(z.string()),
  routingNumber: maybe(z.string()),
  bankName: maybe(z.string()),
  isVerified: z.boolean(),
  /** Assumed values: PENDING, VERIFIED, FAILED. */
  verificationStatus: maybe(z.string()),
  verifiedAt: maybe(isoDate),
  createdAt: maybe(isoDate),
});
export type SavedBankAccount = z.output<typeof savedBankAccountSchema>;

/** The number a saved account is known by, masked by whoever shows it. */
export const savedAccountNumber = (account: SavedBankAccount): string =>
  account.clabe ?? account.accountNumber ?? account.iban ?? '';

export const receiverSchema = z.object({
  id,
  receiverType: z.enum(ACCOUNT_HOLDER_TYPES),
  email: maybe(z.string()),
  firstName: maybe(z.string()),
  lastName: maybe(z.string()),
  businessName: maybe(z.string()),
  disabled: z.boolean(),
});
export type Receiver = z.output<typeof receiverSchema>;

/** A list page: `{ count, total, data }`. */
export const pageOf = <T extends z.ZodMiniType>(item: T) =>
  z.object({ count: z.number(), total: z.optional(z.number()), data: z.array(item) });

/** The proxy's own KYC answer (PROXY_PATHS.kycStatus), as a schema over `readKycStatus` (its one definition). */
export const kycStatusSchema = z.pipe(
  z.unknown().check(z.refine((value) => readKycStatus(value) !== undefined, { message: 'Not a KYC status' })),
  z.transform((value): KycStatusAnswer => readKycStatus(value)!),
);
export type { KycStatusAnswer } from './kycStatus';

// ── Users, KYC, receivers, webhook settings (the partner's back end; the widget calls none) ─────

const countryCode = z.string().check(z.regex(/^[A-Z]{2}$/));
const webUrl = z.url({ protocol: /^https?$/ });

/** `POST /users`: answers `{ userId }`. */
export const createUserRequestSchema = z.object({
  type: z.enum(ACCOUNT_HOLDER_TYPES),
  email: z.email(),
  externalUserId: text(128),
  alias: z.optional(text(TEXT_LIMITS.name)),
});
export type CreateUserRequest = z.output<typeof createUserRequestSchema>;
export const createUserAnswerSchema = z.object({ userId: id });

/** `POST /users/{id}/kyc/verification-link`: answers `{ kycLink }`, the page where the user passes KYC. */
export const kycLinkRequestSchema = z.object({ country: countryCode, partnerRedirectUri: z.optional(webUrl) });
export type KycLinkRequest = z.output<typeof kycLinkRequestSchema>;
export const kycLinkAnswerSchema = z.object({ kycLink: webUrl });

/** `PUT /webhook-settings`: the partner's one webhook URL, or `null` for none. */
export const webhookSettingsRequestSchema = z.object({ url: z.nullable(webUrl) });
export type WebhookSettingsRequest = z.output<typeof webhookSettingsRequestSchema>;

/**
 * `POST /receivers` (`userId` aside: the API answers its absence with its own row). Assumed, as for
 * account holders: first and last name for INDIVIDUAL, `businessName` for BUSINESS.
 */
export const receiverRequestSchema = z
  .object({
    receiverType: z.enum(ACCOUNT_HOLDER_TYPES),
    email: z.email(),
    taxId: text(64),
    firstName: z.optional(text(TEXT_LIMITS.name)),
    lastName: z.optional(text(TEXT_LIMITS.name)),
    countryOfBirth: z.optional(countryCode),
    businessName: z.optional(text(TEXT_LIMITS.businessName)),
    countryOfConstitution: z.optional(countryCode),
  })
  .check(
    z.refine(
      (receiver) =>
        receiver.receiverType === 'INDIVIDUAL'
          ? receiver.firstName !== undefined && receiver.lastName !== undefined && receiver.businessName === undefined
          : receiver.businessName !== undefined && receiver.firstName === undefined && receiver.lastName === undefined,
      { message: 'A person gives first and last name, a business its name', path: ['receiverType'] },
    ),
  );
export type ReceiverRequest = z.output<typeof receiverRequestSchema>;

/** Assumed: the identity provider's `verificationResult` that means the user is verified (any other: not). */
export const KYC_APPROVED_RESULT = 'APPROVED';

const maybeText = z.optional(z.nullable(z.string()));

/**
 * What a proxy reads of `GET /kyc/details` (`{ status: 'ok', data }`, `data` being the identity
 * provider's whole result): the verification result and the names, nothing else. Unknown fields
 * are dropped by the parse, so ID numbers, birth dates and image URLs cannot pass through it.
 */
export const kycDetailsAnswerSchema = z.object({
  status: z.literal('ok'),
  data: z.optional(
    z.nullable(
      z.object({
        aipriseSummary: z.optional(z.nullable(z.object({ verificationResult: maybeText }))),
        idInfo: z.optional(z.nullable(z.object({ firstName: maybeText, lastName: maybeText }))),
      }),
    ),
  ),
});

// ── Envelopes ───────────────────────────────────────────────────────────────────────────────────

export const successEnvelope = <T extends z.ZodMiniType>(data: T) =>
  z.object({ success: z.literal(true), data });
