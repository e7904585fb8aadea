import { zodResolver } from '@hookform/resolvers/zod';
import { QueryClient, QueryClientProvider, useMutation } from '@tanstack/react-query';
import { lazy, Suspense, use, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm, type FieldPath } from 'react-hook-form';
import { createProxyClient } from '../api/client';
import { CLIENT_ERROR_CODES, isOffRampError, PROXY_ERRORS, type OffRampError } from '../api/errors';
import { withMaskedBankAccount, type Order, type OrderBody, type Quote } from '../api/schemas';
import { loadedRail, railFor } from '../countries';
import { createTranslator, I18nContext, languageOf, loadCatalogue, loadedCatalogue, resolveLocale, useI18n } from '../i18n';
import { STYLESHEET_ID, stylesheet } from '../theme/styles';
import { ProxyClientContext, useProxyClient } from './context';
import { describeError, type ErrorView } from './errorCatalogue';
import { encodeProblem, formSchemaFor, initialValues, parseAmount, separatorsOf, typedAmount, usesSavedAccount, type OffRampDefaultValues, type OffRampFormValues } from './form';
import { useExpired } from './hooks/useCountdown';
import { useLatest } from './hooks/useLatest';
import { useOnline } from './hooks/useOnline';
import { useQuote, type LockedQuote, type QuoteInput } from './hooks/useQuote';
import { newIdempotencyKey } from './idempotency';
import { StepBoundary } from './parts/StepBoundary';
import { ORDER_ATTEMPTS, retryDelay, retryWhile } from './retry';
import { AmountStep } from './steps/AmountStep';
import { BankStep } from './steps/BankStep';
import { KycStep } from './steps/KycStep';
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
  /** The API refused the order because the user has not passed identity verification: start yours. */
  onKycRequired?: () => void;
  /** The user moved to another step. */
  onStepChange?: (step: OffRampStep) => void;
  /** Your TanStack QueryClient; the widget makes its own when absent. */
  queryClient?: QueryClient;
  /** A `fetch` of your own for the proxy's requests (tests, instrumentation). */
  fetch?: typeof fetch;
  /** Extra headers on every proxy request, such as your CSRF token. */
  headers?: Record<string, string>;
  /** Milliseconds before an unanswered request counts as failed. Default 20 000. */
  timeoutMs?: number;
  /** Pay this receiver of the user instead of the user; the review step names them. Read once at mount. */
  receiverId?: string;
  /** Let the user choose between themselves and their receivers on the bank step. */
  chooseReceiver?: boolean;
}

/** The amount step's quote as every step reads it. */
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

const newQueryClient = () => new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });

/**
 * The off-ramp checkout: amount and locked quote, bank details, review, and the deposit address.
 */
export function OffRampWidget(props: OffRampWidgetProps) {
  return (
    <Suspense fallback={null}>
      <LocalizedWidget {...props} />
    </Suspense>
  );
}

function LocalizedWidget(props: OffRampWidgetProps) {
  const [ownQueryClient] = useState(newQueryClient);
  // A new client when what it is made of changes: nothing it holds outlives a request.
  const headersKey = JSON.stringify(props.headers ?? {});
  const client = useMemo(
    () => createProxyClient({ proxyUrl: props.proxyUrl, fetch: props.fetch, headers: JSON.parse(headersKey), timeoutMs: props.timeoutMs }),
    [props.proxyUrl, props.fetch, headersKey, props.timeoutMs],
  );
  // A new locale keeps the current one on screen while its catalogue loads (a deferred value never
  // shows the Suspense fallback), so the form does not blink away.
  const locale = useDeferredValue(resolveLocale(props.locale));
  const language = languageOf(locale);
  // English is in the bundle; another language suspends this render once, until its catalogue loads.
  const messages = loadedCatalogue(language) ?? use(loadCatalogue(language));
  const translator = useMemo(() => createTranslator(locale, messages), [locale, messages]);
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

const TITLES = {
  amount: 'step.amount.title',
  bank: 'step.bank.title',
  review: 'step.review.title',
  send: 'step.send.title',
} as const;

function Checkout(props: OffRampWidgetProps) {
  const { defaultValues, receiverId, chooseReceiver = false, onQuote, onSubmitted, onError, onKycRequired, onStepChange } = props;
  const i18n = useI18n();
  const client = useProxyClient();
  const online = useOnline();
  const events = useLatest({ onQuote, onSubmitted, onError, onKycRequired, onStepChange });
  const [initial] = useState(() => initialValues(defaultValues, receiverId));
  // The resolver follows the locale's number notation; a ref, so a locale change needs no new form.
  const resolver = useRef(zodResolver(formSchemaFor(separatorsOf(i18n.locale))));
  const notation = useRef(separatorsOf(i18n.locale));
  const form = useForm<OffRampFormValues>({
    defaultValues: initial,
    resolver: (values, context, options) => resolver.current(values, context, options),
    mode: 'onTouched',
    reValidateMode: 'onChange',
  });

  useEffect(() => {
    // A new notation: the amount already typed keeps its value, written the new way.
    const before = notation.current;
    const next = separatorsOf(i18n.locale);
    notation.current = next;
    resolver.current = zodResolver(formSchemaFor(next));
    if (before.decimal === next.decimal && before.group === next.group) return;
    const amount = parseAmount(form.getValues('amount'), before);
    if (amount !== undefined) form.setValue('amount', typedAmount(amount, next));
  }, [i18n.locale, form]);

  // ── Steps ──
  const [step, setStep] = useState<OffRampStep>('amount');
  const [kycRequired, setKycRequired] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  /** A field to focus once the next step shows (an error sent the user back to it). */
  const focusAfterMove = useRef<FieldPath<OffRampFormValues> | undefined>(undefined);
  const go = useCallback(
    (next: OffRampStep) => {
      moved.current = true;
      setKycRequired(false);
      setStep(next);
      events.current.onStepChange?.(next);
    },
    [events],
  );
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Screen readers and keyboards follow the step; never steal focus from the host page at mount.
    if (!moved.current) return;
    const field = focusAfterMove.current;
    focusAfterMove.current = undefined;
    if (!field) {
      heading.current?.focus();
      return;
    }
    // The step may still be loading its fields: look for the field over a few frames.
    let frames = 0;
    let frame = 0;
    const focusField = () => {
      const inputs = root.current?.querySelectorAll<HTMLInputElement>(`[name="${CSS.escape(field)}"]`) ?? [];
      const target = [...inputs].find((input) => input.checked) ?? inputs[0];
      if (target) target.focus();
      else if ((frames += 1) < 30) frame = requestAnimationFrame(focusField);
    };
    focusField();
    return () => cancelAnimationFrame(frame);
  }, [step, kycRequired]);

  // ── Quote ──
  const [quoteInput, setQuoteInput] = useState<QuoteInput | undefined>(undefined);
  const quoteQuery = useQuote(quoteInput);
  const current = quoteInput ? quoteQuery.data : undefined;
  const expired = useExpired(current?.quote.expiresAt, current?.clockSkewMs ?? 0);
  const { refetch } = quoteQuery;
  const renew = useCallback(() => void refetch(), [refetch]);
  const fresh = current !== undefined && !quoteQuery.isPlaceholderData && !quoteQuery.isError;
  const errorContext = (operation: 'quote' | 'order') => ({ operation, ...form.getValues() });
  const quote: QuoteState = {
    input: quoteInput,
    current,
    firm: fresh && !expired && !quoteQuery.isFetching && online,
    expired: fresh && expired,
    isFetching: quoteQuery.isFetching,
    retrying:
      quoteQuery.isFetching && quoteQuery.failureReason ? describeError(quoteQuery.failureReason, i18n, errorContext('quote')) : undefined,
    error: quoteInput && quoteQuery.isError ? describeError(quoteQuery.error, i18n, errorContext('quote')) : undefined,
    renew,
  };

  /** The quote the user last saw on the review step, when a new one replaced it: shown side by side. */
  const [superseded, setSuperseded] = useState<LockedQuote | undefined>(undefined);
  const renewOnReview = useCallback(() => {
    if (current) setSuperseded(current);
    renew();
  }, [current, renew]);

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
    // The same variables, so the same Idempotency-Key: a retry can only ever return the one order.
    retry: retryWhile(ORDER_ATTEMPTS),
    retryDelay,
  });
  const [placed, setPlaced] = useState<{ order: Order; quote: LockedQuote } | undefined>(undefined);
  /**
   * One confirmation: what was confirmed, at which quote, under which Idempotency-Key. Retries of it
   * reuse the key; any change to what is confirmed makes a new one.
   */
  const confirmation = useRef<Confirmation | undefined>(undefined);
  const inFlight = useRef(false);
  /** The quote of the last confirmation when its answer was lost: Confirm asks about it again before anything new. */
  const [pending, setPending] = useState<LockedQuote | undefined>(undefined);
  const [orderError, setOrderError] = useState<ErrorView | undefined>(undefined);

  /** Sends an order's error where it belongs: a field, a step, or the verification screen. */
  const routeOrderError = (error: unknown) => {
    const view = describeError(error, i18n, errorContext('order'));
    if (isOffRampError(error)) events.current.onError?.(error);
    const problem = encodeProblem({ key: view.key, ...(view.params ? { params: view.params } : {}) });
    switch (view.place) {
      case 'amount':
      case 'tokenSymbol':
      case 'fiatCurrency':
        form.setError(view.place, { type: 'server', message: problem });
        focusAfterMove.current = view.place;
        setOrderError(undefined);
        go('amount');
        return;
      case 'bank': {
        const values = form.getValues();
        const entry = railFor(values.fiatCurrency);
        const field = entry && loadedRail(entry.id)?.fields[0];
        // On the saved account that was refused, else on the first of the typed details.
        const name = entry && (usesSavedAccount(values, entry.id) ? `savedAccount.${entry.id}` : field && `bank.${entry.id}.${field.name}`);
        if (name) {
          form.setError(name as FieldPath<OffRampFormValues>, { type: 'server', message: problem });
          focusAfterMove.current = name as FieldPath<OffRampFormValues>;
        }
        setOrderError(undefined);
        go('bank');
        return;
      }
      case 'kyc':
        // The partner's KYC flow starts when the user asks for it on that screen, not by surprise.
        setKycRequired(true);
        moved.current = true;
        return;
      default:
        if (view.remedy === 'renew') renewOnReview();
        setOrderError(view);
    }
  };

  const submit = (attempt: Confirmation) => {
    inFlight.current = true;
    setOrderError(undefined);
    order.mutate(
      { body: attempt.body, idempotencyKey: attempt.key },
      {
        onSettled: () => {
          inFlight.current = false;
        },
        onSuccess: ({ data }) => {
          attempt.unresolved = false;
          setPending(undefined);
          setPlaced({ order: data, quote: attempt.quote });
          setSuperseded(undefined);
          go('send');
          events.current.onSubmitted?.({
            orderId: data.id,
            destinationWalletAddress: data.destinationWalletAddress,
            cryptoAmount: data.cryptoAmount,
            tokenSymbol: data.tokenSymbol,
            blockchainSymbol: data.blockchainSymbol,
            fiatAmount: data.fiatAmount,
            fiatCurrency: data.fiatCurrency,
            expiresAt: attempt.quote.quote.expiresAt,
            order: withMaskedBankAccount(data),
          });
        },
        onError: (error) => {
          attempt.unresolved = outcomeUnknown(error);
          setPending(attempt.unresolved ? attempt.quote : undefined);
          routeOrderError(error);
        },
      },
    );
  };

  const confirm = () => {
    if (inFlight.current) return;
    // An earlier answer was lost, so an order may exist: ask again with its key before anything new
    // (the proxy and the API replay the answer), whatever the quote on screen has become since.
    if (confirmation.current?.unresolved) return submit(confirmation.current);
    if (!quote.firm || !current) return;
    const values = form.getValues();
    const entry = railFor(values.fiatCurrency);
    const rail = entry && loadedRail(entry.id);
    if (!entry || !rail) return;
    const saved = usesSavedAccount(values, entry.id);
    const body: OrderBody = {
      quoteId: current.quote.quoteId,
      ...(saved ? { userBankInformationId: saved } : { userBankInformation: rail.toBankDetails(values.bank[entry.id]) }),
      ...(values.receiverId ? { receiverId: values.receiverId } : {}),
    };
    const serialized = JSON.stringify(body);
    if (confirmation.current?.serialized !== serialized) {
      confirmation.current = { body, serialized, key: newIdempotencyKey(), quote: current, unresolved: false };
    }
    submit(confirmation.current);
  };

  const leaveReview = (next: OffRampStep) => {
    setSuperseded(undefined);
    setOrderError(undefined);
    go(next);
  };

  const index = STEPS.indexOf(step);
  const titleId = `${STYLESHEET_ID}-title`;
  return (
    <div data-offramp-widget="" lang={i18n.locale} ref={root}>
      <style href={STYLESHEET_ID} precedence="default">
        {stylesheet}
      </style>
      <FormProvider {...form}>
        <form noValidate onSubmit={(event) => event.preventDefault()} aria-labelledby={titleId}>
          <div>
            <p className="orw-progress">{i18n.t('step.progress', { current: index + 1, total: STEPS.length })}</p>
            <h2 ref={heading} tabIndex={-1} id={titleId}>
              {i18n.t(kycRequired ? 'kyc.title' : TITLES[step])}
            </h2>
          </div>
          {!online && (
            <p className="orw-alert" role="status">
              {i18n.t('error.offline')}
            </p>
          )}
          <StepBoundary
            key={step}
            fallback={(reset) => (
              <div className="orw-alert" data-tone="error" role="alert">
                <p style={{ margin: '0 0 8px' }}>{i18n.t('error.render')}</p>
                <button type="button" onClick={reset}>
                  {i18n.t('action.startAgain')}
                </button>
              </div>
            )}
          >
            {kycRequired ? (
              <KycStep canStart={Boolean(onKycRequired)} onStart={() => events.current.onKycRequired?.()} onBack={() => go('review')} />
            ) : (
              <Suspense fallback={<p role="status">{i18n.t('step.loading')}</p>}>
                {step === 'amount' && <AmountStep quote={quote} onQuoteInput={setQuoteInput} onContinue={() => go('bank')} />}
                {step === 'bank' && <BankStep chooseReceiver={chooseReceiver} onBack={() => go('amount')} onContinue={() => go('review')} />}
                {step === 'review' && (
                  <ReviewStep
                    quote={quote}
                    superseded={superseded}
                    submitting={order.isPending}
                    submitError={orderError}
                    onRenew={renewOnReview}
                    canConfirm={quote.firm || pending !== undefined}
                    pending={pending}
                    onRetry={confirm}
                    onBack={() => leaveReview('bank')}
                    onConfirm={confirm}
                  />
                )}
                {step === 'send' && placed && (
                  <SendStep order={placed.order} expiresAt={placed.quote.quote.expiresAt} clockSkewMs={placed.quote.clockSkewMs} />
                )}
              </Suspense>
            )}
          </StepBoundary>
        </form>
      </FormProvider>
    </div>
  );
}
