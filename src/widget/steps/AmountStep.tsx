import { useEffect, useId, useMemo, useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { BLOCKCHAIN_SYMBOLS, CHAIN_NAMES, isStablecoin, isSupportedPair, tokensOn } from '../../api/chains';
import type { AmountLimitsOption, AmountRange } from '../../api/contract';
import { loadRail, PAYOUT_CURRENCIES, railFor } from '../../countries';
import { useI18n } from '../../i18n';
import { AMOUNT_FIELDS, MAX_AMOUNT_LENGTH, parseAmount, quoteInputOf, readProblem, separatorsOf, typedAmount, type OffRampFormValues } from '../form';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { useFormValues } from '../hooks/useFormValues';
import type { QuoteInput } from '../hooks/useQuote';
import type { ErrorPlace } from '../errorCatalogue';
import type { QuoteState } from '../types';
import { FieldMessage } from '../parts/FieldMessage';
import { BankStep, loadedQuoteLife } from './later';

/** Long enough to let a number be typed, short enough to feel immediate. */
export const QUOTE_DEBOUNCE_MS = 450;

/** Downloads the bank step and the rail that pays out a currency; a failure shows, and is retried, on the bank step. */
const prefetchRail = (currency: string) => {
  BankStep.preload();
  const rail = railFor(currency);
  if (rail) loadRail(rail.id).catch(() => undefined);
};

interface AmountStepProps {
  quote: QuoteState;
  /** The limits known for this session: the partner's, and any range the API has answered with. */
  limits: AmountLimitsOption;
  onQuoteInput: (input: QuoteInput | undefined) => void;
  onContinue: () => void;
}

/** The range of the amount typed: of the payout currency (fiat side), or of the token (crypto side). */
const rangeFor = (limits: AmountLimitsOption, side: OffRampFormValues['side'], currency: OffRampFormValues['fiatCurrency'], token: string): AmountRange | undefined =>
  side === 'fiat' ? limits.fiat?.[currency] : (limits.tokens?.[token] ?? limits.crypto);

export function AmountStep({ quote, limits, onQuoteInput, onContinue }: AmountStepProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const form = useFormContext<OffRampFormValues>();
  const { register, setValue, getValues, trigger, formState } = form;
  const [side, amount, fiatCurrency, blockchainSymbol, tokenSymbol] = useFormValues(form, AMOUNT_FIELDS);

  const separators = useMemo(() => separatorsOf(i18n.locale), [i18n.locale]);
  const range = rangeFor(limits, side, fiatCurrency, tokenSymbol);
  const format = (value: number) => (side === 'fiat' ? i18n.fiat(value, fiatCurrency) : i18n.token(value, tokenSymbol));
  const typed = parseAmount(amount, separators);
  // Outside a known range the API would refuse it: said at once, and no quote is asked.
  const outOfRange = range !== undefined && typed !== undefined && (typed < range.min || typed > range.max);
  const input = useMemo(
    () => (outOfRange ? undefined : quoteInputOf({ side, amount, fiatCurrency, blockchainSymbol, tokenSymbol }, separators)),
    [outOfRange, side, amount, fiatCurrency, blockchainSymbol, tokenSymbol, separators],
  );
  const settled = useDebouncedValue(input, QUOTE_DEBOUNCE_MS);
  // Told only of a change: at mount the widget already holds what is settled (nothing typed yet), and
  // telling it again would cost a render and a commit of its own just after the first screen.
  const asked = quote.input;
  useEffect(() => {
    if (settled !== asked) onQuoteInput(settled);
  }, [settled, asked, onQuoteInput]);

  // Fetch the bank step's fields on intent, while the user is busy here: an amount typed (Continue
  // comes next), a currency chosen, Continue within reach.
  useEffect(() => {
    if (settled) prefetchRail(fiatCurrency);
  }, [settled, fiatCurrency]);

  // A quote that expires while the user is on this step is renewed without asking.
  const { expired, isFetching, renew } = quote;
  useEffect(() => {
    if (expired && !isFetching) renew();
  }, [expired, isFetching, renew]);

  const quoteErrorOn = (place: ErrorPlace) => (quote.error?.place === place ? quote.error : undefined);
  const rangeProblem = outOfRange ? { key: 'error.amountRange' as const, params: { min: format(range.min), max: format(range.max) } } : undefined;
  const amountProblem = readProblem(formState.errors.amount?.message) ?? rangeProblem ?? quoteErrorOn('amount');
  const tokenProblem = readProblem(formState.errors.tokenSymbol?.message) ?? quoteErrorOn('tokenSymbol');
  const currencyProblem = readProblem(formState.errors.fiatCurrency?.message) ?? quoteErrorOn('fiatCurrency');
  const onField = ['amount', 'tokenSymbol', 'fiatCurrency'] as ErrorPlace[];
  const stepError = quote.error && !onField.includes(quote.error.place) ? quote.error : undefined;

  // Only a firm quote for exactly what is typed now goes on: within the debounce, the quote on
  // screen is still the previous amount's. Continue meanwhile says so, and goes on once the quote
  // for that amount is firm (the review shows its figures before anything is confirmed).
  const ready = quote.firm && input !== undefined && quote.input === input;
  const [waitingFor, setWaitingFor] = useState<QuoteInput | undefined>(undefined);
  // Never "your quote is on its way" under an error that says it is not coming.
  const blocked = Boolean(amountProblem ?? tokenProblem ?? currencyProblem ?? stepError);
  const awaited = waitingFor !== undefined && waitingFor === input && !blocked;
  const waiting = awaited && !ready;
  const goOn = awaited && ready;
  useEffect(() => {
    if (goOn) onContinue();
  }, [goOn, onContinue]);
  /**
   * A new token: an amount typed in tokens meant the old one ("100 USDC" is not "100 WLD"), so it is
   * cleared with a word; an amount in fiat still means the same payout.
   */
  const [tokenChange, setTokenChange] = useState<{ from: string; to: string } | undefined>(undefined);
  const previousToken = tokenSymbol;
  const switchToken = (next: string, from = getValues('tokenSymbol')) => {
    if (getValues('tokenSymbol') !== next) setValue('tokenSymbol', next);
    if (next === from || getValues('side') !== 'crypto' || !getValues('amount')) return;
    setValue('amount', '');
    setTokenChange({ from, to: next });
  };

  const continueIfReady = async () => {
    const valid = await trigger(AMOUNT_FIELDS, { shouldFocus: true });
    if (valid && ready) onContinue();
    // Under a sentence that says the quote is not coming, or asks to wait and try again, the click
    // is not kept for later.
    else if (valid && !outOfRange && !blocked && !quote.retrying) setWaitingFor(input);
  };

  // A quote, its countdown or its failure exists only once the quote's code is here (`QuoteLife.tsx`).
  const parts = loadedQuoteLife();

  return (
    <>
      <fieldset className="orw-sides">
        <legend>{t('amount.side.legend')}</legend>
        {(['crypto', 'fiat'] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              value={value}
              {...register('side', {
                // Switching keeps the amount: it becomes the other side's figure of the current quote.
                onChange: () => {
                  const shown = quote.current?.quote;
                  if (shown) setValue('amount', typedAmount(value === 'fiat' ? shown.fiatAmount : shown.cryptoAmount, separators));
                },
              })}
            />
            {t(value === 'crypto' ? 'amount.side.crypto' : 'amount.side.fiat')}
          </label>
        ))}
      </fieldset>

      <div className="orw-field">
        <label htmlFor={`${id}-amount`}>{t('amount.label')}</label>
        <input
          id={`${id}-amount`}
          className="orw-amount"
          inputMode="decimal"
          maxLength={MAX_AMOUNT_LENGTH}
          autoComplete="off"
          aria-invalid={amountProblem ? true : undefined}
          aria-describedby={`${id}-amount-unit ${id}-amount-error`}
          {...register('amount', { onChange: () => setTokenChange(undefined) })}
        />
        <p id={`${id}-amount-unit`} className="orw-hint">
          {t('amount.unit', { unit: side === 'crypto' ? tokenSymbol : fiatCurrency })}
          {range && !outOfRange && ` · ${t('amount.limits', { min: format(range.min), max: format(range.max) })}`}
          {tokenChange && ` · ${t('amount.tokenChanged', tokenChange)}`}
        </p>
        <FieldMessage id={`${id}-amount-error`} problem={amountProblem} />
      </div>

      <div className="orw-row">
        <div className="orw-field">
          <label htmlFor={`${id}-currency`}>{t('amount.currency')}</label>
          <select
            id={`${id}-currency`}
            aria-invalid={currencyProblem ? true : undefined}
            aria-describedby={`${id}-currency-error`}
            {...register('fiatCurrency', { onChange: (event: React.ChangeEvent<HTMLSelectElement>) => prefetchRail(event.target.value) })}
          >
            {PAYOUT_CURRENCIES.map((currency) => (
              <option key={currency} value={currency}>
                {currency}
              </option>
            ))}
          </select>
          <FieldMessage id={`${id}-currency-error`} problem={currencyProblem} />
        </div>
        <div className="orw-field">
          <label htmlFor={`${id}-network`}>{t('amount.network')}</label>
          <select
            id={`${id}-network`}
            {...register('blockchainSymbol', {
              // Only tokens of the chosen network are offered: the token stays if the network has it,
              // else the network's first stablecoin.
              onChange: (event: React.ChangeEvent<HTMLSelectElement>) => {
                const chain = event.target.value;
                const tokens = tokensOn(chain);
                if (!isSupportedPair(chain, getValues('tokenSymbol'))) switchToken(tokens.find(isStablecoin) ?? tokens[0] ?? '');
              },
            })}
          >
            {BLOCKCHAIN_SYMBOLS.map((chain) => (
              <option key={chain} value={chain}>
                {CHAIN_NAMES[chain]}
              </option>
            ))}
          </select>
          {!tokensOn(blockchainSymbol).some(isStablecoin) && (
            <p className="orw-hint" id={`${id}-network-hint`}>
              {t('amount.noStablecoin', { network: CHAIN_NAMES[blockchainSymbol], token: tokenSymbol })}
            </p>
          )}
        </div>
        <div className="orw-field">
          <label htmlFor={`${id}-token`}>{t('amount.token')}</label>
          <select
            id={`${id}-token`}
            aria-invalid={tokenProblem ? true : undefined}
            aria-describedby={`${id}-token-error`}
            {...register('tokenSymbol', { onChange: (event: React.ChangeEvent<HTMLSelectElement>) => switchToken(event.target.value, previousToken) })}
          >
            {tokensOn(blockchainSymbol).map((token) => (
              <option key={token} value={token}>
                {token}
              </option>
            ))}
          </select>
          <FieldMessage id={`${id}-token-error`} problem={tokenProblem} />
        </div>
      </div>

      <section aria-label={t('quote.title')} aria-busy={quote.isFetching}>
        {parts && input && quote.current && <parts.QuoteSummary quote={quote.current.quote} />}
        <div role="status">
          {input && (quote.isFetching || input !== settled) && (
            <p className="orw-hint">{t(quote.current ? 'quote.updating' : 'quote.loading')}</p>
          )}
          {input && quote.retrying && <p className="orw-hint">{t(quote.retrying.key, quote.retrying.params)}</p>}
          {waiting && <p className="orw-hint">{t('quote.wait')}</p>}
        </div>
        {parts && ready && quote.current && (
          <>
            <parts.Countdown expiresAt={quote.current.quote.expiresAt} clockSkewMs={quote.current.clockSkewMs} />
            <parts.SendingCosts blockchainSymbol={quote.current.quote.blockchainSymbol} />
            {quote.current.quote.flow === 'OTC' && <p className="orw-hint">{t('quote.otc')}</p>}
          </>
        )}
        {parts && input && stepError && <parts.ErrorAlert view={stepError} onRetry={renew} />}
      </section>

      <div className="orw-actions">
        {/* The form's default button: Enter in a field presses it, as the browser does for a submit button. */}
        <button type="submit" onClick={continueIfReady} onPointerEnter={() => prefetchRail(fiatCurrency)} onFocus={() => prefetchRail(fiatCurrency)}>
          {t('action.continue')}
        </button>
      </div>
    </>
  );
}
