import { zodResolver } from '@hookform/resolvers/zod';
import { QueryClient, QueryClientProvider, useMutation } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { createProxyClient } from '../api/client';
import { API_ERRORS, isOffRampError, type OffRampError } from '../api/errors';
import type { Order, OrderBody, Quote } from '../api/schemas';
import { loadedRail, railFor } from '../countries';
import { createTranslator, I18nContext, resolveLocale, useI18n } from '../i18n';
import { STYLESHEET_ID, stylesheet } from '../theme/styles';
import { ProxyClientContext, useProxyClient } from './context';
import { describeError, type ErrorView } from './errorMessages';
import { formSchema, initialValues, type OffRampDefaultValues, type OffRampFormValues } from './form';
import { useExpired } from './hooks/useCountdown';
import { useLatest } from './hooks/useLatest';
import { useQuote, type LockedQuote, type QuoteInput } from './hooks/useQuote';
import { newIdempotencyKey } from './idempotency';
import { AmountStep } from './steps/AmountStep';
import { BankStep } from './steps/BankStep';
import { ReviewStep } from './steps/ReviewStep';

const SendStep = lazy(() => import('./steps/SendStep'));

export const STEPS = ['amount', 'bank', 'review', 'send'] as const;
export type OffRampStep = (typeof STEPS)[number];

/** What `onSubmitted` receives once the order exists: everything needed to follow it. */
export interface SubmittedOrder {
  orderId: string;
  destinationWalletAddress: string;
  cryptoAmount: number;
  tokenSymbol: string;
  blockchainSymbol: string;
  fiatAmount: number;
  fiatCurrency: string;
  /** ISO time after which nothing should be sent (the locked quote's expiry). */
  expiresAt: string;
  order: Order;
}

export interface OffRampWidgetProps {
  /** Base URL of the partner's proxy, which adds the API key and the user. */
  proxyUrl: string;
  /** BCP 47 tag (`es-MX`, `en`). Defaults to the browser's language; unknown languages get English. */
  locale?: string;
  /** Pre-fills the amount step; the user may change everything. Read once at mount. */
  defaultValues?: OffRampDefaultValues;
  /** A new locked quote is shown. */
  onQuote?: (quote: Quote) => void;
  /** The order was created: the user now has to send the crypto. */
  onSubmitted?: (order: SubmittedOrder) => void;
  /** Any failure of a request, with its code, status and request id. */
  onError?: (error: OffRampError) => void;
  /** The user moved to another step. */
  onStepChange?: (step: OffRampStep) => void;
  /** Your TanStack QueryClient; the widget makes its own when absent. */
  queryClient?: QueryClient;
  /** A `fetch` of your own for the proxy's requests (tests, instrumentation). Read once at mount. */
  fetch?: typeof fetch;
  /** Extra headers on every proxy request, such as your CSRF token. Read once at mount. */
  headers?: Record<string, string>;
}

/** The amount step's quote as every step reads it. */
export interface QuoteState {
  /** The figures on screen: the last quote, possibly for an older input while a new one loads. */
  current: LockedQuote | undefined;
  /** A quote for exactly the current input that has not expired: the only one that can be confirmed. */
  firm: boolean;
  expired: boolean;
  isFetching: boolean;
  error: ErrorView | undefined;
  renew: () => void;
}

const newQueryClient = () => new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });

/**
 * The off-ramp checkout: amount and locked quote, bank details, review, and the deposit address.
 */
export function OffRampWidget(props: OffRampWidgetProps) {
  const [ownQueryClient] = useState(newQueryClient);
  const [client] = useState(() => createProxyClient({ proxyUrl: props.proxyUrl, fetch: props.fetch, headers: props.headers }));
  const translator = useMemo(() => createTranslator(resolveLocale(props.locale)), [props.locale]);
  return (
    <QueryClientProvider client={props.queryClient ?? ownQueryClient}>
      <I18nContext.Provider value={translator}>
        <ProxyClientContext.Provider value={client}>
          <Checkout {...props} />
        </ProxyClientContext.Provider>
      </I18nContext.Provider>
    </QueryClientProvider>
  );
}

function Checkout({ defaultValues, onQuote, onSubmitted, onError, onStepChange }: OffRampWidgetProps) {
  const i18n = useI18n();
  const client = useProxyClient();
  const events = useLatest({ onQuote, onSubmitted, onError, onStepChange });
  const [initial] = useState(() => initialValues(defaultValues));
  const form = useForm<OffRampFormValues>({
    defaultValues: initial,
    resolver: zodResolver(formSchema),
    mode: 'onTouched',
    reValidateMode: 'onChange',
  });

  // ── Steps ──
  const [step, setStep] = useState<OffRampStep>('amount');
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const go = useCallback(
    (next: OffRampStep) => {
      moved.current = true;
      setStep(next);
      events.current.onStepChange?.(next);
    },
    [events],
  );
  useEffect(() => {
    // Screen readers and keyboards follow the step; never steal focus from the host page at mount.
    if (moved.current) heading.current?.focus();
  }, [step]);

  // ── Quote ──
  const [quoteInput, setQuoteInput] = useState<QuoteInput | undefined>(undefined);
  const quoteQuery = useQuote(quoteInput);
  const current = quoteInput ? quoteQuery.data : undefined;
  const expired = useExpired(current?.quote.expiresAt, current?.clockSkewMs ?? 0);
  const { refetch } = quoteQuery;
  const renew = useCallback(() => void refetch(), [refetch]);
  const fresh = current !== undefined && !quoteQuery.isPlaceholderData && !quoteQuery.isError;
  const context = form.getValues();
  const quoteError = quoteInput && quoteQuery.isError ? describeError(quoteQuery.error, i18n, context) : undefined;
  const quote: QuoteState = {
    current,
    firm: fresh && !expired && !quoteQuery.isFetching,
    expired: fresh && expired,
    isFetching: quoteQuery.isFetching,
    error: quoteError,
    renew,
  };

  const shownQuoteId = fresh ? current.quote.quoteId : undefined;
  useEffect(() => {
    if (shownQuoteId && current) events.current.onQuote?.(current.quote);
    // Once per quote: `current` changes identity only with the quote id.
  }, [shownQuoteId]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (isOffRampError(quoteQuery.error)) events.current.onError?.(quoteQuery.error);
  }, [quoteQuery.error, events]);

  // ── Order ──
  const order = useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: OrderBody; idempotencyKey: string }) =>
      client.createOrder(body, { idempotencyKey }),
  });
  const [placed, setPlaced] = useState<{ order: Order; quote: LockedQuote } | undefined>(undefined);
  // Retries of one confirmation reuse its key; any change to what is confirmed makes a new one.
  const confirmation = useRef<{ body: string; key: string } | undefined>(undefined);
  const inFlight = useRef(false);

  const confirm = () => {
    if (inFlight.current || !quote.firm || !current) return;
    const values = form.getValues();
    const entry = railFor(values.fiatCurrency);
    const rail = entry && loadedRail(entry.id);
    if (!entry || !rail) return;
    const body: OrderBody = {
      quoteId: current.quote.quoteId,
      userBankInformation: rail.toBankDetails(values.bank[entry.id]),
    };
    const serialized = JSON.stringify(body);
    if (confirmation.current?.body !== serialized) confirmation.current = { body: serialized, key: newIdempotencyKey() };
    inFlight.current = true;
    order.mutate(
      { body, idempotencyKey: confirmation.current.key },
      {
        onSettled: () => {
          inFlight.current = false;
        },
        onSuccess: ({ data }) => {
          setPlaced({ order: data, quote: current });
          go('send');
          events.current.onSubmitted?.({
            orderId: data.id,
            destinationWalletAddress: data.destinationWalletAddress,
            cryptoAmount: data.cryptoAmount,
            tokenSymbol: data.tokenSymbol,
            blockchainSymbol: data.blockchainSymbol,
            fiatAmount: data.fiatAmount,
            fiatCurrency: data.fiatCurrency,
            expiresAt: current.quote.expiresAt,
            order: data,
          });
        },
        onError: (error) => {
          if (isOffRampError(error)) {
            events.current.onError?.(error);
            // The rate the user saw is gone: fetch a new one for them to confirm, never submit it unseen.
            if (error.code === API_ERRORS.quoteExpired.code) renew();
          }
        },
      },
    );
  };
  const submitError = order.isError ? describeError(order.error, i18n, context) : undefined;

  const index = STEPS.indexOf(step);
  const titles = { amount: 'step.amount.title', bank: 'step.bank.title', review: 'step.review.title', send: 'step.send.title' } as const;

  return (
    <div data-offramp-widget="" lang={i18n.locale}>
      <style href={STYLESHEET_ID} precedence="default">
        {stylesheet}
      </style>
      <FormProvider {...form}>
        <form noValidate onSubmit={(event) => event.preventDefault()} aria-labelledby={`${STYLESHEET_ID}-title`}>
          <div>
            <p className="orw-progress">{i18n.t('step.progress', { current: index + 1, total: STEPS.length })}</p>
            <h2 ref={heading} tabIndex={-1} id={`${STYLESHEET_ID}-title`}>
              {i18n.t(titles[step])}
            </h2>
          </div>
          {step === 'amount' && <AmountStep quote={quote} onQuoteInput={setQuoteInput} onContinue={() => go('bank')} />}
          {step === 'bank' && (
            <Suspense fallback={<p role="status">{i18n.t('step.loading')}</p>}>
              <BankStep onBack={() => go('amount')} onContinue={() => go('review')} />
            </Suspense>
          )}
          {step === 'review' && (
            <ReviewStep
              quote={quote}
              submitting={order.isPending}
              submitError={submitError}
              onBack={() => go('bank')}
              onConfirm={confirm}
            />
          )}
          {step === 'send' && placed && (
            <Suspense fallback={<p role="status">{i18n.t('step.loading')}</p>}>
              <SendStep order={placed.order} expiresAt={placed.quote.quote.expiresAt} clockSkewMs={placed.quote.clockSkewMs} />
            </Suspense>
          )}
        </form>
      </FormProvider>
    </div>
  );
}
