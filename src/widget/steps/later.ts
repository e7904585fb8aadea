/**
 * The steps after the amount, downloaded on demand (see `lazyWithRetry`): a partner's page loads
 * the amount step alone, and each later step is fetched on intent, while the user is still on the
 * step before it. The order's life downloads with the steps that act on it, from the review step on
 * (fetched while the bank step shows), or at once for an order resumed after a reload.
 */
import { createElement, memo, useEffect, useState, useSyncExternalStore, type ComponentProps } from 'react';
import { loadAllEnglish, loadQuoteEnglish } from '../../i18n';
import type { OrderLife } from '../hooks/useOrder';
import { laterStylesheet } from '../../theme/styles';
import { keptLoad, lazyWithRetry, retryFailedLoads } from '../lazy';
import type { StoredOrder } from '../orderStorage';

type OrderLifeModule = typeof import('../OrderLife');
type QuoteLifeModule = typeof import('../QuoteLife');

/** What the first step does over the network (`QuoteLife.tsx`) and the sentences it shows: downloaded, with retries, on intent (see `QuoteLifeDownload`). */
const quoteLife = keptLoad(
  () => Promise.all([import('../QuoteLife'), loadQuoteEnglish()]).then(([module]) => module),
  (module) => ('QuoteHost' in module ? (module as QuoteLifeModule) : undefined),
);

/** The quote's parts once they have downloaded: a quote, or its failure, comes after that. */
export const loadedQuoteLife = quoteLife.loaded;

const loadedQuoteHost = () => quoteLife.loaded()?.QuoteHost;
const loadedKycHost = () => quoteLife.loaded()?.KycHost;

/**
 * Downloads the quote's code once it is `wanted` (the user reaches for the widget, or a quote or an
 * order already needs it). A download that gave up before the user asked for a quote is tried
 * again when they do; one that gives up after is the step's failure: "Start this step again" mounts
 * this anew, which downloads it again.
 */
export function QuoteLifeDownload({ wanted, asked }: { wanted: boolean; asked: boolean }) {
  const [failure, setFailure] = useState<{ reason: unknown; asked: boolean } | undefined>(undefined);
  useEffect(() => {
    if (!wanted) return;
    let mounted = true;
    if (asked && !quoteLife.loaded()) retryFailedLoads();
    quoteLife.load().then(
      () => mounted && setFailure(undefined),
      (reason: unknown) => mounted && setFailure({ reason, asked }),
    );
    return () => {
      mounted = false;
    };
  }, [wanted, asked]);
  if (asked && failure?.asked) throw failure.reason;
  return null;
}

/** The quote's host once its code is here; nothing before (meanwhile a quote asked for is on its way). */
export const QuoteLifeHost = memo(function QuoteLifeHost(props: ComponentProps<QuoteLifeModule['QuoteHost']>) {
  const QuoteHost = useSyncExternalStore(quoteLife.subscribe, loadedQuoteHost, loadedQuoteHost);
  return QuoteHost ? createElement(QuoteHost, props) : null;
});

/** The verification's host once its code is here. */
export const KycLifeHost = memo(function KycLifeHost(props: ComponentProps<QuoteLifeModule['KycHost']>) {
  const KycHost = useSyncExternalStore(quoteLife.subscribe, loadedKycHost, loadedKycHost);
  return KycHost ? createElement(KycHost, props) : null;
});

/** The order's life (`OrderLife.tsx`), downloaded with retries by the steps that need it. */
const orderLife = keptLoad(
  () => import('../OrderLife'),
  (module) => ('OrderHost' in module ? (module as OrderLifeModule) : undefined),
);

/**
 * The order's code, for what acts on an order: the steps that show one (whose own download waits for
 * it) and the order's host (which exists only once it is here). Asked before, it is a bug.
 */
export const orderCode = (): OrderLifeModule => {
  const code = orderLife.loaded();
  if (!code) throw new Error("The order's code was asked for before it had downloaded");
  return code;
};

const loadedOrderHost = () => orderLife.loaded()?.OrderHost;

/** The order's host (`OrderLife.tsx`) once it has downloaded, whichever step's download brought it; nothing before. */
export const OrderLifeHost = memo(function OrderLifeHost(props: ComponentProps<OrderLifeModule['OrderHost']>) {
  const OrderHost = useSyncExternalStore(orderLife.subscribe, loadedOrderHost, loadedOrderHost);
  return OrderHost ? createElement(OrderHost, props) : null;
});

const ignore = () => undefined;

/**
 * The order before its code has downloaded: the resumed deposit, if any, and nothing to do yet (the
 * steps that act on an order download its code with their own).
 */
export const idleOrder = (resumed: StoredOrder | undefined): OrderLife => ({
  deposit: resumed,
  executed: resumed?.executed ?? false,
  transaction: undefined,
  readError: undefined,
  pending: undefined,
  submitting: false,
  confirm: ignore,
  execute: ignore,
  executing: false,
  executeError: undefined,
  payFromWallet: async () => undefined,
  walletState: 'idle',
  cancel: ignore,
  cancelling: false,
  cancelError: undefined,
  refresh: ignore,
  forget: ignore,
});

/**
 * A step's code with the English sentences it shows and the stylesheet's later rules (the first
 * screen ships with its own alone).
 */
const withSentences =
  <Module>(load: () => Promise<Module>) =>
  () =>
    Promise.all([load(), loadAllEnglish(), laterStylesheet.load()]).then(([module]) => module);

/** A step that acts on the order: its code waits for the order's too. */
const withOrder =
  <Module>(load: () => Promise<Module>) =>
  () =>
    Promise.all([load(), orderLife.load()]).then(([module]) => module);

export const BankStep = lazyWithRetry(withSentences(() => import('./BankStep')));
export const ReviewStep = lazyWithRetry(withSentences(withOrder(() => import('./ReviewStep'))));
export const KycStep = lazyWithRetry(withSentences(() => import('./KycStep')));
export const SendStep = lazyWithRetry(withSentences(withOrder(() => import('./SendStep'))));
export const StatusStep = lazyWithRetry(withSentences(withOrder(() => import('./StatusStep'))));
