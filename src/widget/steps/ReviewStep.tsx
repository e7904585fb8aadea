import { useFormContext } from 'react-hook-form';
import { chainName } from '../../api/chains';
import { loadedRail, railFor } from '../../countries';
import { useI18n } from '../../i18n';
import type { ErrorView } from '../errorMessages';
import type { OffRampFormValues } from '../form';
import type { QuoteState } from '../OffRampWidget';
import { Countdown } from '../parts/Countdown';
import { ErrorAlert } from '../parts/ErrorAlert';
import { QuoteSummary } from '../parts/QuoteSummary';

interface ReviewStepProps {
  quote: QuoteState;
  submitting: boolean;
  submitError: ErrorView | undefined;
  onBack: () => void;
  onConfirm: () => void;
}

export function ReviewStep({ quote, submitting, submitError, onBack, onConfirm }: ReviewStepProps) {
  const { t } = useI18n();
  const { getValues } = useFormContext<OffRampFormValues>();
  const values = getValues();
  const entry = railFor(values.fiatCurrency);
  // Loaded: the bank step, which comes first, waits for it.
  const rail = entry && loadedRail(entry.id);
  const shown = quote.current;

  return (
    <>
      {shown && (
        <QuoteSummary quote={shown.quote}>
          <div>
            <dt>{t('review.network')}</dt>
            <dd>{chainName(shown.quote.blockchainSymbol)}</dd>
          </div>
          {entry && rail && (
            <div>
              <dt>{t('review.account')}</dt>
              <dd>{rail.summarize(values.bank[entry.id])}</dd>
            </div>
          )}
        </QuoteSummary>
      )}
      <div role="status">{quote.isFetching && <p className="orw-hint">{t('quote.updating')}</p>}</div>
      {shown && quote.firm && <Countdown expiresAt={shown.quote.expiresAt} clockSkewMs={shown.clockSkewMs} />}
      {quote.expired && !quote.isFetching && (
        <div className="orw-alert" role="alert">
          <p style={{ margin: 0 }}>{t('quote.expired')}</p>
          <p style={{ margin: '4px 0 8px' }} className="orw-hint">{t('review.expiredHint')}</p>
          <button type="button" onClick={quote.renew}>
            {t('quote.renew')}
          </button>
        </div>
      )}
      {quote.error && <ErrorAlert view={quote.error} onRetry={quote.renew} />}
      {submitError && <ErrorAlert view={submitError} />}
      <div className="orw-actions">
        <button type="button" className="orw-secondary" onClick={onBack} disabled={submitting}>
          {t('action.back')}
        </button>
        <button type="button" onClick={onConfirm} disabled={!quote.firm || submitting} aria-busy={submitting}>
          {submitting ? t('action.confirming') : t('action.confirm')}
        </button>
      </div>
    </>
  );
}
