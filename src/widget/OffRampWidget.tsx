import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { FormProvider, useForm, type FieldPath, type Resolver } from 'react-hook-form';
import type { ProxyClientOptions } from '../api/client';
import type { AmountLimitsOption } from '../api/contract';
import { createTranslator, I18nContext, languageOf, loadCatalogue, loadedCatalogue, loadQuoteEnglish, numberLocale, resolveLocale, useI18n } from '../i18n';
import { appearanceStyleOf, LATER_STYLESHEET_ID, laterStylesheet, STYLESHEET_ID, stylesheet, withoutAppearance } from '../theme/styles';
import { useColorScheme } from '../theme/useColorScheme';
import { ProxyClientContext, SupportContext } from './context';
import type { ErrorContext, ErrorView, RefusedRange } from './errorCatalogue';
import { initialValues, parseAmount, readSeparatorsWhenIdle, separatorsOf, typedAmount, type NumberSeparators, type OffRampFormValues } from './form';
import { useFormValues } from './hooks/useFormValues';
import { useLatest } from './hooks/useLatest';
import { useLoaded } from './hooks/useLoaded';
import { retryingLoad } from './lazy';
import { useOnline } from './hooks/useOnline';
import type { OrderLife, UseOrderOptions } from './hooks/useOrder';
import type { CheckoutMoves } from './OrderLife';
import type { LockedQuote, QuoteInput } from './hooks/useQuote';
import type { QuoteHostOptions } from './QuoteLife';
import { StepBoundary } from './parts/StepBoundary';
import { SupportFooter } from './parts/SupportFooter';
import { AmountStep } from './steps/AmountStep';
import {
  BankStep,
  idleOrder,
  KycLifeHost,
  KycStep,
  loadedQuoteLife,
  orderCode,
  OrderLifeHost,
  QuoteLifeDownload,
  QuoteLifeHost,
  ReviewStep,
  SendStep,
  StatusStep,
} from './steps/later';
import { orderStorage } from './orderStorage';
import { DEFAULT_POLL_INTERVAL_MS, STEPS, type KycReading, type OffRampStep, type OffRampWidgetProps, type QuoteState } from './types';

export { STEPS } from './types';
export type { OffRampStep, OffRampWidgetProps, QuoteState, SubmittedOrder } from './types';

/**
 * The form's schema and resolver (zod), with the sentences of the checks only it makes, downloaded
 * when a field is first checked or a quote is first asked for, whichever comes first; never at start.
 */
const loadFormSchema = retryingLoad(
  () => Promise.all([import('./formSchema'), loadQuoteEnglish()]).then(([module]) => module),
  (module) => ('formResolverFor' in module ? (module as typeof import('./formSchema')) : undefined),
);

const ignore = () => undefined;

/** The verification before it is read: unknown. */
const UNREAD_KYC: KycReading = { verified: undefined, readAt: 0, checking: false, checkAgain: ignore };

/**
 * A quote asked for that the quote's host has not reported on yet (its code has not arrived, or
 * the input changed a moment ago): on its way, with the last figures, if any, shown meanwhile.
 */
const quoteOnItsWay = (input: QuoteInput | undefined, last: QuoteState | undefined): QuoteState => ({
  input,
  current: last?.current,
  firm: false,
  expired: false,
  isFetching: input !== undefined,
  retrying: undefined,
  error: undefined,
  renew: ignore,
});

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
  // New options, and so a new client (`useProxyClient`), when what they are made of changes:
  // nothing a client holds outlives a request.
  const headersKey = JSON.stringify(props.headers ?? {});
  const clientOptions = useMemo<ProxyClientOptions>(
    () => ({ proxyUrl: props.proxyUrl, fetch: props.fetch, headers: JSON.parse(headersKey), timeoutMs: props.timeoutMs }),
    [props.proxyUrl, props.fetch, headersKey, props.timeoutMs],
  );
  // A new locale keeps the current one on screen while its catalogue loads (a deferred value never
  // shows the Suspense fallback), so the form does not blink away.
  const locale = useDeferredValue(resolveLocale(props.locale));
  const language = languageOf(locale);
  // English is in the bundle; another language suspends this render once, until its catalogue loads.
  const messages = useLoaded(loadedCatalogue(language) ?? loadCatalogue(language));
  const translator = useMemo(() => createTranslator(locale, messages), [locale, messages]);
  return (
    <QueryClientProvider client={props.queryClient ?? ownQueryClient}>
      <I18nContext.Provider value={translator}>
        <ProxyClientContext.Provider value={clientOptions}>
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
  status: 'step.status.title',
} as const;

/** The steps of the form, counted in "Step 2 of 4"; following the order comes after them. */
const FORM_STEPS: readonly OffRampStep[] = STEPS.filter((name) => name !== 'status');

function Checkout(props: OffRampWidgetProps) {
  const {
    defaultValues,
    receiverId,
    chooseReceiver = false,
    resume = true,
    pollIntervalMs = DEFAULT_POLL_INTERVAL_MS,
    onQuote,
    onSubmitted,
    onStatusChange,
    onComplete,
    onInitiateDeposit,
    onError,
    onKycRequired,
    onStepChange,
    theme,
    appearance,
  } = props;
  const asked = useI18n();
  const online = useOnline();
  const events = useLatest({ onQuote, onSubmitted, onError, onKycRequired, onStepChange });
  const [initial] = useState(() => initialValues(defaultValues, receiverId));
  // The resolver follows the locale's number notation (`notation`, below, once the locale is known),
  // through a ref, so a locale change needs no new form. Its schema downloads and is built when a
  // field is first checked (or a quote first asked for, below), not at start.
  const resolver = useRef<{ notation: NumberSeparators; resolve: Resolver<OffRampFormValues> } | null>(null);
  const form = useForm<OffRampFormValues>({
    defaultValues: initial,
    resolver: async (values, context, options) => {
      const { formResolverFor } = await loadFormSchema();
      if (resolver.current?.notation !== notation.current) {
        resolver.current = { notation: notation.current, resolve: formResolverFor(notation.current) };
      }
      return resolver.current.resolve(values, context, options);
    },
    mode: 'onTouched',
    reValidateMode: 'onChange',
  });
  // Numbers follow the currency paid while the locale names a language only (see `numberLocale`).
  const [fiatCurrency] = useFormValues(form, ['fiatCurrency']);
  const locale = numberLocale(asked.locale, fiatCurrency);
  const i18n = useMemo(() => createTranslator(locale, asked.messages), [locale, asked.messages]);
  const separators = useMemo(() => separatorsOf(locale), [locale]);
  const notation = useRef(separators);
  // Read from `Intl` once the first screen is up (see `separatorsOf`), before the first key needs them.
  useEffect(() => readSeparatorsWhenIdle(separators), [separators]);

  useEffect(() => {
    // A new notation: the amount already typed keeps its value, written the new way.
    const before = notation.current;
    notation.current = separators;
    if (before === separators || (before.decimal === separators.decimal && before.group === separators.group)) return;
    const amount = parseAmount(form.getValues('amount'), before);
    if (amount !== undefined) form.setValue('amount', typedAmount(amount, separators));
  }, [separators, form]);

  // The order's life (confirm, deposit, following, resume) lives in its hook, which downloads with
  // the steps that act on it (see `OrderLife.tsx`), and so does where an order takes the user: the
  // steps themselves are this component's. Whatever acts on an order runs once that code is here.
  // An order kept in storage is read at mount: it decides the first step.
  const [resumed] = useState(() => (resume ? orderStorage(props.proxyUrl).read() : undefined));
  const [order, setOrder] = useState<OrderLife>(() => idleOrder(resumed));
  const orderOptions = useLatest<UseOrderOptions>({
    proxyUrl: props.proxyUrl,
    resume,
    resumed,
    pollIntervalMs,
    onSubmitted,
    onStatusChange,
    onComplete,
    onError,
    onPlaced: () => {
      setSuperseded(undefined);
      go('send');
    },
    onRefused: (error) => routeOrderError(error),
    onMovedOn: () => {
      if (stepRef.current === 'send') go('status');
    },
  });

  // ── Steps ──
  const [step, setStep] = useState<OffRampStep>(() => (resumed ? (resumed.executed ? 'status' : 'send') : 'amount'));
  const stepRef = useLatest(step);
  // Each step downloads while the user is on the one before it (the bank step on intent, from the
  // amount step). What Confirm can lead to downloads while the user reviews the order: once the
  // order exists, its address must show, whatever the signal does then; a refusal for want of
  // KYC shows its screen at once.
  useEffect(() => {
    if (step === 'bank') ReviewStep.preload();
    if (step !== 'review') return;
    loadedQuoteLife()?.loadErrorCatalogue().catch(() => undefined);
    SendStep.preload();
    StatusStep.preload();
    KycStep.preload();
  }, [step]);
  const [kycRequired, setKycRequired] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  /** A field to focus once the next step shows (an error sent the user back to it). */
  const focusAfterMove = useRef<FieldPath<OffRampFormValues> | undefined>(undefined);
  const go = useCallback(
    (next: OffRampStep, field?: FieldPath<OffRampFormValues>) => {
      moved.current = true;
      focusAfterMove.current = field;
      setKycRequired(false);
      setStep(next);
      events.current.onStepChange?.(next);
    },
    [events],
  );
  const root = useRef<HTMLDivElement>(null);
  // A layout effect: the focus moves in the same commit as the step. Run later, it would leave a
  // moment with the focus on the page (the button the step removed had it).
  useLayoutEffect(() => {
    // Screen readers and keyboards follow the step; never steal focus from the host page at mount.
    if (!moved.current) return;
    const field = focusAfterMove.current;
    focusAfterMove.current = undefined;
    if (!field) {
      // A field of the new step the user has already chosen keeps the focus (on a busy device,
      // a field can show and take a key before the step's state settles).
      const chosen = document.activeElement;
      if (!(chosen instanceof HTMLElement && chosen.matches('input, select, textarea') && root.current?.contains(chosen))) heading.current?.focus();
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

  // ── Identity verification, known first (read by `KycHost` once the user reaches for the widget) ──
  const [kyc, setKyc] = useState<KycReading>(UNREAD_KYC);
  /** When the verification screen opened: a later reading that still says "not verified" is news. */
  const [kycShownAt, setKycShownAt] = useState(0);
  const showKyc = () => {
    setKycShownAt(Date.now());
    setKycRequired(true);
    moved.current = true;
  };
  /** Bank details are asked only of a user who can be paid: the verification screen comes first. */
  const toBankDetails = () => (kyc.verified === false ? showKyc() : go('bank'));
  // Verified meanwhile (in another tab, or the partner's flow): on to where the user was going.
  const verifiedNow = kyc.verified === true && kyc.readAt > kycShownAt;
  const unverified = kyc.verified === false;
  useEffect(() => {
    if (unverified) KycStep.preload();
  }, [unverified]);
  useEffect(() => {
    if (verifiedNow && kycRequired) go(step === 'amount' ? 'bank' : step);
  }, [verifiedNow, kycRequired, step, go]);
  // "Not verified" read only once the user is on the bank step: the screen comes before any detail
  // is typed, as it would have on Continue. Once per reading and step (`showKyc` is this render's,
  // and "Back" from the screen must not bring it back).
  useEffect(() => {
    // oxlint-disable-next-line react/set-state-in-effect
    if (unverified && step === 'bank') showKyc();
  }, [unverified, step]); // eslint-disable-line react-hooks/exhaustive-deps

  // ── Quote (its life is `QuoteHost`'s, which hands it here) ──
  const [quoteInput, setQuoteInput] = useState<QuoteInput | undefined>(undefined);
  // What talks to the network downloads on intent, not with the page: once the user reaches for the
  // widget (a pointer over it, a focus in it), or a quote or a resumed order needs it.
  const [reachedFor, setReachedFor] = useState(false);
  const reachFor = () => setReachedFor(true);
  const needsNetwork = reachedFor || quoteInput !== undefined || resumed !== undefined;
  const [hostedQuote, setHostedQuote] = useState<QuoteState | undefined>(undefined);
  // The host's report is for the input it was given: in the render where the input has just
  // changed, before it reports again, the quote is on its way. Offline, no quote is firm.
  const quote = useMemo(() => {
    if (!hostedQuote || hostedQuote.input !== quoteInput) return quoteOnItsWay(quoteInput, hostedQuote);
    return hostedQuote.firm && !online ? { ...hostedQuote, firm: false } : hostedQuote;
  }, [hostedQuote, quoteInput, online]);
  // The first quote asked for: Continue comes next, and checks the form with its schema.
  const asksQuote = quoteInput !== undefined;
  useEffect(() => {
    if (asksQuote) loadFormSchema().catch(() => undefined);
  }, [asksQuote]);
  const errorContext = (): Omit<ErrorContext, 'operation'> => form.getValues();

  /** The quote the user last saw on the review step, when a new one replaced it: shown side by side. */
  const [superseded, setSuperseded] = useState<LockedQuote | undefined>(undefined);
  const { current, renew } = quote;
  const renewOnReview = useCallback(() => {
    if (current) setSuperseded(current);
    renew();
  }, [current, renew]);

  // ── Limits: the partner's, and every range the API has refused with (kept for the session) ──
  const [refusedLimits, setRefusedLimits] = useState<AmountLimitsOption>({});
  const learnRange = useCallback(
    (range: RefusedRange) => {
      const { fiatCurrency, tokenSymbol } = form.getValues();
      const known = { min: range.min, max: range.max };
      setRefusedLimits((before) =>
        range.unit === 'fiat' ? { ...before, fiat: { ...before.fiat, [fiatCurrency]: known } } : { ...before, tokens: { ...before.tokens, [tokenSymbol]: known } },
      );
    },
    [form],
  );
  const limits = useMemo<AmountLimitsOption>(
    () => ({
      crypto: props.limits?.crypto,
      tokens: { ...props.limits?.tokens, ...refusedLimits.tokens },
      fiat: { ...props.limits?.fiat, ...refusedLimits.fiat },
    }),
    [props.limits, refusedLimits],
  );
  const quoteOptions = useLatest<QuoteHostOptions>({ errorContext, onQuote, onError, onRefusedRange: learnRange });

  // ── Order ──
  const [orderError, setOrderError] = useState<ErrorView | undefined>(undefined);

  /** What the order's routing (`OrderLife.tsx`) may do to the checkout. */
  const orderMoves = (): CheckoutMoves => ({
    form,
    i18n,
    go,
    setOrderError,
    renewOnReview,
    learnRange,
    onError: events.current.onError,
    showKyc: () => {
      showKyc();
      kyc.checkAgain();
    },
  });
  const routeOrderError = (error: unknown) => orderCode().routeOrderError(error, orderMoves());

  const confirm = () => {
    setOrderError(undefined);
    order.confirm(() => orderCode().orderRequest(form.getValues(), quote.firm ? current : undefined));
  };

  /**
   * A new checkout after an order that cannot be paid (expired, cancelled, not received): the
   * bank details typed this session are kept, with a new quote for the same amount.
   */
  const startOver = () => {
    order.forget();
    setOrderError(undefined);
    if (quoteInput) renew();
    go(orderCode().startOverStep(form.getValues(), quoteInput !== undefined));
  };

  const leaveReview = (next: OffRampStep) => {
    setSuperseded(undefined);
    setOrderError(undefined);
    go(next);
  };

  const colorScheme = useColorScheme(theme);
  // Deferred as the locale is: an appearance given after mount waits for its code with the old
  // look on screen, where an urgent update would hide the widget (and the field being typed in).
  const appearanceKey = useDeferredValue(JSON.stringify(appearance ?? {}));
  const styleOf = useLoaded(appearanceKey === '{}' ? withoutAppearance : appearanceStyleOf());
  const rootStyle = useMemo(() => styleOf(JSON.parse(appearanceKey), colorScheme) as React.CSSProperties, [styleOf, appearanceKey, colorScheme]);

  const support = useMemo(
    () => ({ supportUrl: props.supportUrl, termsUrl: props.termsUrl, orderId: order.deposit?.orderId }),
    [props.supportUrl, props.termsUrl, order.deposit?.orderId],
  );
  // The later steps' rules, once the first of those steps has brought them (see `steps/later.ts`).
  const laterRules = useSyncExternalStore(laterStylesheet.subscribe, laterStylesheet.loaded, laterStylesheet.loaded);
  const index = FORM_STEPS.indexOf(step);
  const titleId = `${STYLESHEET_ID}-title`;
  const widget = (
    <div
      data-offramp-widget=""
      data-theme={colorScheme}
      lang={i18n.locale}
      style={rootStyle}
      ref={root}
      onPointerEnter={reachedFor ? undefined : reachFor}
      onPointerDown={reachedFor ? undefined : reachFor}
      onFocus={reachedFor ? undefined : reachFor}
    >
      <style href={STYLESHEET_ID} precedence="default">
        {stylesheet}
      </style>
      {laterRules && (
        <style href={LATER_STYLESHEET_ID} precedence="default">
          {laterRules}
        </style>
      )}
      <OrderLifeHost options={orderOptions} onChange={setOrder} />
      <QuoteLifeHost input={quoteInput} i18n={i18n} options={quoteOptions} onChange={setHostedQuote} />
      <KycLifeHost onChange={setKyc} />
      <FormProvider {...form}>
        {/* Enter in a field presses the step's Continue (its submit button); the page never navigates. */}
        <form noValidate onSubmit={(event) => event.preventDefault()} aria-labelledby={titleId}>
          <div>
            {index >= 0 && <p className="orw-progress">{i18n.t('step.progress', { current: index + 1, total: FORM_STEPS.length })}</p>}
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
            <QuoteLifeDownload wanted={needsNetwork} asked={quoteInput !== undefined} />
            <Suspense fallback={<p role="status">{i18n.t('step.loading')}</p>}>
              {kycRequired ? (
                <KycStep
                  canStart={Boolean(onKycRequired)}
                  checking={kyc.checking}
                  stillUnverified={kyc.verified === false && kyc.readAt > kycShownAt}
                  onStart={() => events.current.onKycRequired?.()}
                  onCheckAgain={kyc.checkAgain}
                  onBack={() => go(step)}
                />
              ) : (
                <>
                  {step === 'amount' && <AmountStep quote={quote} limits={limits} onQuoteInput={setQuoteInput} onContinue={toBankDetails} />}
                  {step === 'bank' && <BankStep chooseReceiver={chooseReceiver} onBack={() => go('amount')} onContinue={() => go('review')} />}
                  {step === 'review' && (
                    <ReviewStep
                      quote={quote}
                      superseded={superseded}
                      submitting={order.submitting}
                      submitError={orderError}
                      onRenew={renewOnReview}
                      canConfirm={quote.firm || order.pending !== undefined}
                      pending={order.pending}
                      onRetry={confirm}
                      onBack={() => leaveReview('bank')}
                      onConfirm={confirm}
                    />
                  )}
                  {step === 'send' && order.deposit && (
                    <SendStep deposit={order.deposit} order={order} onInitiateDeposit={onInitiateDeposit} onStartOver={startOver} />
                  )}
                  {step === 'status' && order.deposit && <StatusStep deposit={order.deposit} order={order} onStartOver={startOver} />}
                </>
              )}
            </Suspense>
          </StepBoundary>
          <SupportFooter />
        </form>
      </FormProvider>
    </div>
  );
  // The steps read numbers in the locale the currency gives (see `numberLocale`).
  return (
    <I18nContext.Provider value={i18n}>
      <SupportContext.Provider value={support}>{widget}</SupportContext.Provider>
    </I18nContext.Provider>
  );
}
