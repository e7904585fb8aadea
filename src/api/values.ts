/**
 * The contract's lists of values that only the steps after the first screen, the order and the
 * servers read: order statuses, and the bank details' holder, account and document types and
 * Dominican banks. `contract.ts` exports them too; a module of their own, so a partner's page loads
 * them with the parts that read them, not at start (see `vite.config.ts`).
 */

export const ORDER_STATUSES = [
  'PENDING', 'PENDING_PAYMENT', 'AWAITING_MANUAL_CRYPTO_TRANSFER', 'CRYPTO_RECEIVED',
  'COMPLETED_CRYPTO_RECEIVAL', 'READY_BANK_TRANSFER', 'BANK_TRANSFER_PENDING', 'IN_PROGRESS',
  'AWAITING_MANUAL_FIAT_TRANSFER', 'COMPLETED', 'CRYPTO_NOT_RECEIVED', 'CANCELLED', 'FAILED', 'EXPIRED',
  'FIAT_PAYMENT_RECEIVED', 'FIAT_RECEIVED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Assumed: the docs list statuses, never their order. The sandbox walks this one. */
export const OFF_RAMP_HAPPY_PATH = [
  'PENDING_PAYMENT', 'CRYPTO_RECEIVED', 'COMPLETED_CRYPTO_RECEIVAL', 'READY_BANK_TRANSFER',
  'BANK_TRANSFER_PENDING', 'COMPLETED',
] as const satisfies readonly OrderStatus[];

/** Staging (and the sandbox) force an off-ramp's outcome by its exact `cryptoAmount`. */
export const STAGING_TEST_AMOUNTS = {
  '1.01': { finalStatus: 'COMPLETED' },
  '1.02': { finalStatus: 'CANCELLED', cancellationReason: 'NAME_VERIFICATION_FAILED' },
  '1.03': { finalStatus: 'CRYPTO_NOT_RECEIVED' },
} as const satisfies Record<string, { finalStatus: OrderStatus; cancellationReason?: string }>;

/** Statuses an off-ramp never leaves (the contract's "terminal"). */
export const FINAL_STATUSES = ['COMPLETED', 'CANCELLED', 'FAILED', 'EXPIRED'] as const satisfies readonly OrderStatus[];

/** Assumed (the docs' pages conflict): the off-ramp states in which execute is accepted. */
export const EXECUTABLE_STATUSES = [
  'PENDING', 'PENDING_PAYMENT', 'CRYPTO_RECEIVED', 'CRYPTO_NOT_RECEIVED',
] as const satisfies readonly OrderStatus[];

/** Assumed (the docs' pages conflict): an off-ramp can be cancelled only before funds are received. */
export const CANCELLABLE_STATUSES = [
  'PENDING', 'PENDING_PAYMENT', 'CRYPTO_NOT_RECEIVED',
] as const satisfies readonly OrderStatus[];

/** Assumed: the `cancellationReason` a cancel call writes (documented free text). */
export const CANCELLED_BY_USER_REASON = 'Transaction cancelled by user';

/** Account holder kinds; assumed: first and last name for INDIVIDUAL, `businessName` for BUSINESS. */
export const ACCOUNT_HOLDER_TYPES = ['INDIVIDUAL', 'BUSINESS'] as const;
export type AccountHolderType = (typeof ACCOUNT_HOLDER_TYPES)[number];

/** `accountType` of DO (required) and US (optional) accounts. */
export const ACCOUNT_TYPES = ['SAVINGS', 'CHECKING'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

/** `documentType` of DO accounts. */
export const DOCUMENT_TYPES = ['CEDULA', 'PASSPORT', 'RNC'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/**
 * Assumed: the `bankName` values DO accepts. The docs refer to a bank list they do not reproduce;
 * these are the contract's names, spelled exactly. The sandbox compares them case-insensitively.
 */
export const DOMINICAN_BANKS = [
  'Banco Popular Dominicano', 'Banreservas', 'Banco BHD', 'Scotiabank', 'Banco Santa Cruz', 'Banco Promerica',
  'Banesco', 'Banco Caribe', 'Banco BDI', 'Banco López de Haro', 'Banco Vimenca', 'Banco Ademi', 'Banco Lafise',
  'Banco Activo', 'Citibank', 'Asociación Popular de Ahorros y Préstamos', 'Asociación Cibao', 'Asociación La Nacional',
] as const;
