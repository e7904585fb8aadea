/**
 * An order's whole life: the confirmation (one Idempotency-Key per confirmation, the same on its
 * retries, and an outcome left open when an answer was lost), the deposit, execute, following the
 * order to its ending, cancel, and coming back to it after a reload.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { FINAL_STATUSES, type OrderStatus } from '../../api/contract';
import { CLIENT_ERROR_CODES, isOffRampError, PROXY_ERRORS } from '../../api/errors';
import { withMaskedBankAccount } from '../../api/masking';
import type { OrderBody, Transaction } from '../../api/schemas';
import { useProxyClient } from './useProxyClient';
import { withErrorCatalogue } from '../errorViews';
import { newIdempotencyKey } from '../idempotency';
import { orderStorage, type StoredOrder } from '../orderStorage';
import { ORDER_ATTEMPTS, retryDelay, retryWhile } from '../retry';
import type { Deposit, OffRampWidgetProps } from '../types';
import type { LockedQuote } from './useQuote';

interface Confirmation {
  body: OrderBody;
  serialized: string;
  key: string;
  quote: LockedQuote;
  /** Its last answer was lost (no answer, a server failure, an unreadable one): an order may exist. */
  unresolved: boolean;
}

/**
 * Whether a failed order request may still have made the order. Only the API's own refusal of the
 * request says it did not: no answer, a server failure, an unreadable answer, a conflict on the
 * key, or an answer of the proxy's own (given without asking the API) leave the question open.
 */
const outcomeUnknown = (error: unknown) =>
  !isOffRampError(error) ||
  error.retryable ||
  error.code === CLIENT_ERROR_CODES.invalidResponse ||
  error.status === 409 ||
  error.status === 422 ||
  PROXY_ERRORS.some((row) => error.is(row));

/** Still waiting for the crypto: the deposit step is where the user belongs. */
export const WAITING_STATUSES: readonly OrderStatus[] = ['PENDING', 'PENDING_PAYMENT', 'AWAITING_MANUAL_CRYPTO_TRANSFER'];

/**
 * Where following stops: the contract's terminal statuses, and `CRYPTO_NOT_RECEIVED`, which only a
 * person (a new deposit, or support) moves on from.
 */
export const isEnding = (status: OrderStatus | undefined): boolean =>
  status !== undefined && ((FINAL_STATUSES as readonly OrderStatus[]).includes(status) || status === 'CRYPTO_NOT_RECEIVED');

/** The longest wait between two reads while nothing changes. */
const MAX_POLL_INTERVAL_MS = 60_000;
const POLL_BACKOFF = 1.5;

export interface UseOrderOptions extends Pick<OffRampWidgetProps, 'onSubmitted' | 'onStatusChange' | 'onComplete' | 'onError'> {
  proxyUrl: string;
  resume: boolean;
  /** The open order read from storage when the widget opened (see `orderStorage`), if any. */
  resumed: StoredOrder | undefined;
  pollIntervalMs: number;
  /** The order exists: show its deposit. */
  onPlaced: () => void;
  /** The API refused the order (or its answer was lost): show why, where it belongs. */
  onRefused: (error: unknown) => void;
  /** The order left the deposit stage (received, paid, or an ending): show where it is. */
  onMovedOn: () => void;
}

export type WalletState = 'idle' | 'waiting' | 'rejected';

export interface OrderLife {
  /** The open order's deposit, from this session's confirmation or a reloaded tab's storage. */
  deposit: Deposit | undefined;
  /** The user said the crypto was sent and the API took note. */
  executed: boolean;
  /** The latest reading of the order, if any. */
  transaction: Transaction | undefined;
  readError: unknown;
  /** The quote of a confirmation whose answer was lost: Confirm asks about that same order again. */
  pending: LockedQuote | undefined;
  submitting: boolean;
  /** Places the order, or asks again about one whose answer was lost. `build` gives what to confirm now. */
  confirm: (build: () => { body: OrderBody; quote: LockedQuote } | undefined) => void;
  execute: (transactionHash?: string) => void;
  executing: boolean;
  executeError: unknown;
  /** Has the partner's wallet send the deposit, then executes with the hash it answers (checked by `initiate`). */
  payFromWallet: (initiate: () => Promise<{ transactionHash: string }>) => Promise<void>;
  walletState: WalletState;
  cancel: () => void;
  cancelling: boolean;
  cancelError: unknown;
  /** Reads the order now (the quote just expired, the user asks). */
  refresh: () => void;
  /** Drops the open order (it ended, or the user starts again). */
  forget: () => void;
}

/**
 * `options` is read when it is needed, never kept: the widget renders far more often than the
 * order changes (see `OrderLife.tsx`), and its callbacks must be the latest.
 */
export const useOrder = (options: { readonly current: UseOrderOptions }): OrderLife => {
  const client = useProxyClient();
  const queryClient = useQueryClient();
  const storage = () => orderStorage(options.current.proxyUrl);

  const [deposit, setDeposit] = useState<Deposit | undefined>(() => options.current.resumed);
  const [executed, setExecuted] = useState(() => options.current.resumed?.executed ?? false);

  // ── Confirm ──
  const order = useMutation({
    // A refusal is routed once the catalogue that describes it has loaded.
    mutationFn: ({ body, idempotencyKey }: { body: OrderBody; idempotencyKey: string }) =>
      withErrorCatalogue(client.createOrder(body, { idempotencyKey })),
    // The same variables, so the same Idempotency-Key: a retry can only ever return the one order.
    retry: retryWhile(ORDER_ATTEMPTS),
    retryDelay,
  });
  const confirmation = useRef<Confirmation | undefined>(undefined);
  const inFlight = useRef(false);
  const [pending, setPending] = useState<LockedQuote | undefined>(undefined);

  const submit = (attempt: Confirmation) => {
    inFlight.current = true;
    order.mutate(
      { body: attempt.body, idempotencyKey: attempt.key },
      {
        onSettled: () => {
          inFlight.current = false;
        },
        onSuccess: ({ data }) => {
          attempt.unresolved = false;
          setPending(undefined);
          const placed: Deposit = {
            orderId: data.id,
            destinationWalletAddress: data.destinationWalletAddress,
            cryptoAmount: data.cryptoAmount,
            tokenSymbol: data.tokenSymbol,
            blockchainSymbol: data.blockchainSymbol,
            fiatAmount: data.fiatAmount,
            fiatCurrency: data.fiatCurrency,
            expiresAt: attempt.quote.quote.expiresAt,
            clockSkewMs: attempt.quote.clockSkewMs,
          };
          setDeposit(placed);
          setExecuted(false);
          if (options.current.resume) storage().write(placed, false);
          options.current.onPlaced();
          const { clockSkewMs: _skew, ...submitted } = placed;
          options.current.onSubmitted?.({ ...submitted, order: withMaskedBankAccount(data) });
        },
        onError: (error) => {
          attempt.unresolved = outcomeUnknown(error);
          setPending(attempt.unresolved ? attempt.quote : undefined);
          options.current.onRefused(error);
        },
      },
    );
  };

  const confirm: OrderLife['confirm'] = (build) => {
    if (inFlight.current) return;
    // An earlier answer was lost, so an order may exist: ask again with its key before anything new
    // (the proxy and the API replay the answer), whatever the quote on screen has become since.
    if (confirmation.current?.unresolved) return submit(confirmation.current);
    const next = build();
    if (!next) return;
    const serialized = JSON.stringify(next.body);
    if (confirmation.current?.serialized !== serialized) {
      confirmation.current = { body: next.body, serialized, key: newIdempotencyKey(), quote: next.quote, unresolved: false };
    }
    submit(confirmation.current);
  };

  // ── Follow ──
  const orderId = deposit?.orderId;
  /** Reads in a row that found the same status: each one waits longer before the next. */
  const unchangedReads = useRef(0);
  const lastStatus = useRef<OrderStatus | undefined>(undefined);
  const reading = useQuery({
    queryKey: ['offramp', 'order', orderId] as const,
    queryFn: async ({ signal }) => {
      const { data } = await client.transaction(orderId!, { signal });
      unchangedReads.current = data?.status === lastStatus.current ? unchangedReads.current + 1 : 0;
      return data ?? null;
    },
    enabled: orderId !== undefined,
    // Stops at an ending; while the tab is hidden the interval does not fire (TanStack's default),
    // and a tab shown again reads at once.
    refetchInterval: (query) =>
      isEnding(query.state.data?.status)
        ? false
        : Math.min(options.current.pollIntervalMs * POLL_BACKOFF ** unchangedReads.current, MAX_POLL_INTERVAL_MS),
    refetchOnWindowFocus: (query) => !isEnding(query.state.data?.status),
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  const transaction = reading.data ?? undefined;
  const status = transaction?.status;

  useEffect(() => {
    if (!orderId || !status || !transaction) return;
    const previousStatus = lastStatus.current;
    if (previousStatus === status) return;
    lastStatus.current = status;
    options.current.onStatusChange?.({ orderId, status, previousStatus });
    if (status === 'COMPLETED') options.current.onComplete?.({ ...transaction, ...withMaskedBankAccount(transaction) });
    // A finished order is forgotten: a reload then starts a new checkout.
    if (isEnding(status)) storage().forget();
    if (!WAITING_STATUSES.includes(status)) options.current.onMovedOn();
    // `storage` reads the options of the moment: not a dependency.
  }, [orderId, status, transaction, options]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (isOffRampError(reading.error)) options.current.onError?.(reading.error);
  }, [reading.error, options]);

  const refresh = useCallback(() => {
    if (orderId) void queryClient.invalidateQueries({ queryKey: ['offramp', 'order', orderId] });
  }, [orderId, queryClient]);

  // ── Execute ──
  const executing = useMutation({
    mutationFn: (request: { transactionId: string; transactionHash?: string }) => client.execute(request),
    // Execute twice is harmless (the API answers the current status): retry what may not have arrived.
    retry: retryWhile(ORDER_ATTEMPTS),
    retryDelay,
    onSuccess: () => {
      setExecuted(true);
      if (deposit && options.current.resume) storage().write(deposit, true);
      unchangedReads.current = 0;
      refresh();
      options.current.onMovedOn();
    },
    onError: (error) => {
      if (isOffRampError(error)) options.current.onError?.(error);
    },
  });
  const execute = (transactionHash?: string) => {
    if (!orderId || executing.isPending) return;
    executing.mutate({ transactionId: orderId, ...(transactionHash ? { transactionHash } : {}) });
  };

  const [walletState, setWalletState] = useState<WalletState>('idle');
  const payFromWallet: OrderLife['payFromWallet'] = async (initiate) => {
    if (!deposit || walletState === 'waiting') return;
    setWalletState('waiting');
    try {
      const { transactionHash } = await initiate();
      setWalletState('idle');
      execute(transactionHash);
    } catch {
      // The user closed the wallet, or it failed: the deposit step stays as it was.
      setWalletState('rejected');
    }
  };

  // ── Cancel ──
  const cancelling = useMutation({
    mutationFn: (id: string) => client.cancel(id),
    onSettled: () => refresh(),
    onError: (error) => {
      if (isOffRampError(error)) options.current.onError?.(error);
    },
  });

  const forget = () => {
    storage().forget();
    confirmation.current = undefined;
    lastStatus.current = undefined;
    unchangedReads.current = 0;
    order.reset();
    executing.reset();
    cancelling.reset();
    setPending(undefined);
    setDeposit(undefined);
    setExecuted(false);
    setWalletState('idle');
  };

  return {
    deposit,
    executed,
    transaction,
    readError: reading.error ?? undefined,
    pending,
    submitting: order.isPending,
    confirm,
    execute,
    executing: executing.isPending,
    executeError: executing.error ?? undefined,
    payFromWallet,
    walletState,
    cancel: () => {
      if (orderId) cancelling.mutate(orderId);
    },
    cancelling: cancelling.isPending,
    cancelError: cancelling.error ?? undefined,
    refresh,
    forget,
  };
};
