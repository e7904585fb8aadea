/**
 * What the first step does over the network, downloaded once the user reaches for the widget (see
 * `QuoteLifeDownload` in `steps/later.ts`): the locked quote and the user's verification, each a
 * component that renders nothing and hands the widget its state, and the parts that show a quote
 * or its failure. The amount step draws and takes keys without it; a quote, or its failure, comes
 * only from here, so the parts that show one are here whenever one is.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useMemo } from 'react';
import type { Quote } from '../api/schemas';
import { isOffRampError, type OffRampError } from '../api/errors';
import type { Translator } from '../i18n';
import type { ErrorContext, RefusedRange } from './errorCatalogue';
import { describeError, refusedRange } from './errorViews';
import { useExpired } from './hooks/useCountdown';
import { useKycStatus } from './hooks/useKycStatus';
import { useQuote, type QuoteInput } from './hooks/useQuote';
import type { KycReading, QuoteState } from './types';

export { loadErrorCatalogue } from './errorViews';
export { Countdown } from './parts/Countdown';
export { ErrorAlert } from './parts/ErrorAlert';
export { QuoteSummary, SendingCosts } from './parts/QuoteSummary';

/** What the quote's host reads from the widget when it needs it (the form's values, the partner's handlers). */
export interface QuoteHostOptions {
  /** The form's values a failure is described with. */
  errorContext: () => Omit<ErrorContext, 'operation'>;
  onQuote?: ((quote: Quote) => void) | undefined;
  onError?: ((error: OffRampError) => void) | undefined;
  /** A range the API refused the amount with: the widget keeps it for the session. */
  onRefusedRange: (range: RefusedRange) => void;
}

export interface QuoteHostProps {
  input: QuoteInput | undefined;
  /** Failures are described in the widget's language and number format. */
  i18n: Translator;
  options: { readonly current: QuoteHostOptions };
  onChange: (quote: QuoteState) => void;
}

/** The locked quote for the amount step's input (`useQuote`), its countdown's end, and how it failed, handed to the widget before the browser paints. */
export const QuoteHost = memo(function QuoteHost({ input, i18n, options, onChange }: QuoteHostProps) {
  const query = useQuote(input);
  const { data, isPlaceholderData, isError, isFetching, error, failureReason, refetch } = query;
  const current = input ? data : undefined;
  const expired = useExpired(current?.quote.expiresAt, current?.clockSkewMs ?? 0);
  const renew = useCallback(() => void refetch(), [refetch]);
  const fresh = current !== undefined && !isPlaceholderData && !isError;
  const quote = useMemo<QuoteState>(() => {
    const describe = (failure: unknown) => describeError(failure, i18n, { operation: 'quote', ...options.current.errorContext() });
    return {
      input,
      current,
      // Firm for the widget also means online: the widget, which knows, says so (OffRampWidget.tsx).
      firm: fresh && !expired && !isFetching,
      expired: fresh && expired,
      isFetching,
      retrying: isFetching && failureReason ? describe(failureReason) : undefined,
      error: input && isError ? describe(error) : undefined,
      renew,
    };
  }, [input, current, fresh, expired, isFetching, failureReason, isError, error, renew, i18n, options]);
  useLayoutEffect(() => onChange(quote), [quote, onChange]);

  const shownQuoteId = fresh ? current.quote.quoteId : undefined;
  useEffect(() => {
    if (shownQuoteId && current) options.current.onQuote?.(current.quote);
    // Once per quote shown: `current` changes identity only with the quote.
  }, [shownQuoteId]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (isOffRampError(error)) options.current.onError?.(error);
    // A refusal's range outlives the error: the widget keeps it.
    const range = refusedRange(error);
    if (range) options.current.onRefusedRange(range);
  }, [error, options]);
  return null;
});

/** The user's verification (`useKycStatus`), read once this has downloaded and handed to the widget. */
export const KycHost = memo(function KycHost({ onChange }: { onChange: (reading: KycReading) => void }) {
  const { data, dataUpdatedAt, isFetching, refetch } = useKycStatus();
  const verified = data?.verified;
  const reading = useMemo<KycReading>(
    () => ({ verified, readAt: dataUpdatedAt, checking: isFetching, checkAgain: () => void refetch() }),
    [verified, dataUpdatedAt, isFetching, refetch],
  );
  useLayoutEffect(() => onChange(reading), [reading, onChange]);
  return null;
});
