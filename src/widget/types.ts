/**
 * The widget's public types: its props, the events it sends the host, and the shapes the steps
 * share. Kept apart from the components, so a step never imports from the one that renders it.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { DepositRequest } from '../api/deposit';
import type { OffRampError } from '../api/errors';
import type { Order, Quote, Transaction } from '../api/schemas';
import type { AmountLimitsOption, OrderStatus } from '../api/contract';
import type { Appearance, ThemeSetting } from '../theme';
import type { ErrorView } from './errorCatalogue';
import type { OffRampDefaultValues } from './form';
import type { LockedQuote, QuoteInput } from './hooks/useQuote';

export type { DepositRequest } from '../api/deposit';

export const STEPS = ['amount', 'bank', 'review', 'send', 'status'] as const;

/** How often an order is read at first (`pollIntervalMs`); reads back off while nothing changes. */
export const DEFAULT_POLL_INTERVAL_MS = 3_000;
/** `status`: the order followed after the deposit, to the bank payout or another ending. */
export type OffRampStep = (typeof STEPS)[number];

/**
 * An open order as the widget keeps it, also across a reload: no bank detail and no name, only
 * what the deposit needs.
 */
export interface Deposit {
  orderId: string;
  destinationWalletAddress: string;
  cryptoAmount: number;
  tokenSymbol: string;
  blockchainSymbol: string;
  fiatAmount: number;
  fiatCurrency: string;
  /** ISO time after which nothing should be sent (the locked quote's expiry; the order has none). */
  expiresAt: string;
  /** Server clock minus browser clock, for the countdown. */
  clockSkewMs: number;
}

/** What `onSubmitted` receives once the order exists: everything needed to follow it. */
export interface SubmittedOrder extends Omit<Deposit, 'clockSkewMs'> {
  /** The order as the API answered it, with the bank account's number cut to its last four. */
  order: Order;
}

export interface StatusChange {
  orderId: string;
  status: OrderStatus;
  /** Undefined on the first reading of the order. */
  previousStatus: OrderStatus | undefined;
}

export interface OffRampWidgetProps {
  /** Base URL of the partner's proxy, which adds the API key and the user. */
  proxyUrl: string;
  /**
   * BCP 47 tag (`es-MX`, `en`). Defaults to the browser's language; unknown languages get English.
   * Numbers follow a tag's region; a bare language (`es`) takes the browser's region for it, else
   * the payout currency's country (`es` paid in MXN reads `1,500.50`, in EUR `1500,50`).
   */
  locale?: string;
  /** `light`, `dark`, or `auto` (the default): the page's `prefers-color-scheme`, followed live. */
  theme?: ThemeSetting;
  /** Accent, corner radius and font, set as the widget's `--orw-*` custom properties. */
  appearance?: Appearance;
  /** Pre-fills the amount step; the user may change everything. Read once at mount. */
  defaultValues?: OffRampDefaultValues;
  /** A new locked quote is shown. */
  onQuote?: (quote: Quote) => void;
  /** The order was created: the user now has to send the crypto. */
  onSubmitted?: (order: SubmittedOrder) => void;
  /** The followed order changed status. */
  onStatusChange?: (change: StatusChange) => void;
  /** The order is paid out (`COMPLETED`); the bank account's number is cut to its last four. */
  onComplete?: (order: Transaction) => void;
  /**
   * Sends the deposit from the partner's own wallet: resolve with the transfer's hash (the widget
   * then tells the API by itself), reject when the user closes the wallet. When given, the send step
   * offers "Send from your wallet" first.
   */
  onInitiateDeposit?: (deposit: DepositRequest) => Promise<{ transactionHash: string }>;
  /** Any failure of a request, with its code, status and request id. */
  onError?: (error: OffRampError) => void;
  /** The user has not passed identity verification and asked to verify: start your KYC flow. */
  onKycRequired?: () => void;
  /** The user moved to another step. */
  onStepChange?: (step: OffRampStep) => void;
  /**
   * Keep the open order (id, address, amount, token, network, expiry: never a bank detail) in
   * `sessionStorage`, so a reloaded tab comes back to it. Default true.
   */
  resume?: boolean;
  /** How often an order is read at first, in ms; it backs off from there while nothing changes. Default 3000. */
  pollIntervalMs?: number;
  /** Your TanStack QueryClient; the widget makes its own when absent. */
  queryClient?: QueryClient;
  /** A `fetch` of your own for the proxy's requests (tests, instrumentation). */
  fetch?: typeof fetch;
  /** Extra headers on every proxy request, such as your CSRF token. */
  headers?: Record<string, string>;
  /** Milliseconds before an unanswered request counts as failed. Default 20 000. */
  timeoutMs?: number;
  /**
   * Your amount limits (per your agreement), shown under the amount field before any error:
   * `{ fiat: { MXN: { min: 10, max: 1_000_000 } }, crypto: { min: 1, max: 50_000 }, tokens: { ETH: … } }`.
   * A range the API refuses an amount with is remembered for the session too.
   */
  limits?: AmountLimitsOption;
  /** Your help page: linked in the widget's footer and on every ending and failure, with the order reference. */
  supportUrl?: string;
  /** Your terms of service, linked in the widget's footer. */
  termsUrl?: string;
  /** Pay this receiver of the user instead of the user; the review step names them. Read once at mount. */
  receiverId?: string;
  /** Let the user choose between themselves and their receivers on the bank step. */
  chooseReceiver?: boolean;
}

/** The user's identity verification as the widget last read it (see `KycHost` in `QuoteLife.tsx`). */
export interface KycReading {
  /** Unknown until read, or when the proxy does not say. */
  verified: boolean | undefined;
  /** When it was last read (ms since the epoch; 0 before). */
  readAt: number;
  checking: boolean;
  checkAgain: () => void;
}

/** The amount step's quote as every step reads it (see `QuoteHost` in `QuoteLife.tsx`). */
export interface QuoteState {
  /** The amount step's values this quote state is for. */
  input: QuoteInput | undefined;
  /** The figures on screen: the last quote, possibly for an older input while a new one loads. */
  current: LockedQuote | undefined;
  /** A quote for exactly the current input that has not expired: the only one that can be confirmed. */
  firm: boolean;
  expired: boolean;
  isFetching: boolean;
  /** Why the last attempt failed while retries go on: the figures shown are stale meanwhile. */
  retrying: ErrorView | undefined;
  error: ErrorView | undefined;
  renew: () => void;
}
