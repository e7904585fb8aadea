import { useFormContext } from 'react-hook-form';
import { chainName } from '../../api/chains';
import { loadedRail, railFor } from '../../countries';
import { useI18n } from '../../i18n';
import { describeError, type ErrorView } from '../errorCatalogue';
import { useReceivers, useSavedAccounts } from '../hooks/useAccounts';
import { receiverLabel, savedAccountLabel } from '../parts/accountLabels';
import { usesSavedAccount, type OffRampFormValues } from '../form';
import type { LockedQuote } from '../hooks/useQuote';
import type { QuoteState } from '../types';
import { Countdown } from '../parts/Countdown';
import { ErrorAlert } from '../parts/ErrorAlert';
import { QuoteSummary, SendingCosts } from '../parts/QuoteSummary';

export interface ReviewStepProps {
  quote: QuoteState;
  /** The quote the user saw before a new one replaced it, shown beside it. */
  superseded: LockedQuote | undefined;
  submitting: boolean;
  /** A firm quote, or an earlier confirmation to ask about again. */
  canConfirm: boolean;
  /**
   * The quote of a confirmation whose answer was lost: until the API answers about it, it is what
   * Confirm sends again, so it is what the step shows, and nothing can be changed.
   */
  pending: LockedQuote | undefined;
  submitError: ErrorView | undefined;
  onRenew: () => void;
  onRetry: () => void;
  onBack: () => void;
  onConfirm: () => void;
}

/** The old and new figures side by side: a new rate is never confirmed without being seen. */
function RateChange({ before, now }: { before: LockedQuote['quote']; now: LockedQuote['quote'] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const rows = [
    ['review.receive', i18n.fiat(before.fiatAmount, before.fiatCurrency), i18n.fiat(now.fiatAmount, now.fiatCurrency)],
    ['review.rate', i18n.rate(before.rate, before.fiatCurrency), i18n.rate(now.rate, now.fiatCurrency)],
  ] as const;
  return (
    <div className="orw-alert" role="alert">
      <p style={{ margin: '0 0 8px' }}>{t('review.rateChanged')}</p>
      <table style={{ width: '100%', borderCollapse: 'collapse', fontVariantNumeric: 'tabular-nums' }}>
        <thead>
          <tr>
            <td />
            <th scope="col" style={{ textAlign: 'end' }}>{t('review.before')}</th>
            <th scope="col" style={{ textAlign: 'end' }}>{t('review.now')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, old, fresh]) => (
            <tr key={label}>
              <th scope="row" style={{ textAlign: 'start', fontWeight: 500 }}>{t(label)}</th>
              <td style={{ textAlign: 'end' }}>{old}</td>
              <td style={{ textAlign: 'end', fontWeight: 700 }}>{fresh}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function ReviewStep(props: ReviewStepProps) {
  const { quote, superseded, submitting, canConfirm, pending, submitError, onRenew, onRetry, onBack, onConfirm } = props;
  const i18n = useI18n();
  const { t } = i18n;
  const { getValues } = useFormContext<OffRampFormValues>();
  const values = getValues();
  const entry = railFor(values.fiatCurrency);
  // Loaded: the bank step, which comes first, waits for it.
  const rail = entry && loadedRail(entry.id);
  const savedId = entry && usesSavedAccount(values, entry.id);
  const saved = useSavedAccounts(entry, Boolean(savedId)).data?.find((account) => account.id === savedId);
  const receivers = useReceivers(Boolean(values.receiverId));
  const receiver = receivers.data?.find((candidate) => candidate.id === values.receiverId);
  const receiversError = receivers.isError ? describeError(receivers.error, i18n, { operation: 'order', ...values }) : undefined;
  const account = saved ? savedAccountLabel(saved, rail, i18n) : entry && rail && !savedId ? rail.summarize(values.bank[entry.id]) : undefined;
  const shown = pending ?? quote.current;
  const changed = !pending && superseded && shown && quote.firm && superseded.quote.quoteId !== shown.quote.quoteId;
  // Paying a receiver the user never saw named is not confirmed.
  const receiverMissing = Boolean(values.receiverId) && !receiver;

  return (
    <>
      {changed && <RateChange before={superseded.quote} now={shown.quote} />}
      {pending && (
        <p className="orw-alert" role="status">
          {t('review.pending')}
        </p>
      )}
      {shown && (
        <QuoteSummary quote={shown.quote}>
          <div>
            <dt>{t('review.network')}</dt>
            <dd>{chainName(shown.quote.blockchainSymbol)}</dd>
          </div>
          {values.receiverId && (
            <div>
              <dt>{t('review.receiver')}</dt>
              <dd>{receiver ? receiverLabel(receiver) : t('step.loading')}</dd>
            </div>
          )}
          {account && (
            <div>
              <dt>{t('review.account')}</dt>
              <dd>{account}</dd>
            </div>
          )}
          {entry && (
            <div>
              <dt>{t('quote.arrives')}</dt>
              <dd>{t(entry.payoutTime)}</dd>
            </div>
          )}
        </QuoteSummary>
      )}
      {shown && <SendingCosts blockchainSymbol={shown.quote.blockchainSymbol} />}
      <div role="status">
        {submitting && <p className="orw-hint">{t('action.confirming')}</p>}
        {quote.isFetching && <p className="orw-hint">{t('quote.updating')}</p>}
        {quote.retrying && <p className="orw-hint">{t(quote.retrying.key, quote.retrying.params)}</p>}
      </div>
      {shown && (quote.firm || pending) && <Countdown expiresAt={shown.quote.expiresAt} clockSkewMs={shown.clockSkewMs} />}
      {receivers.isSuccess && receiverMissing && <ErrorAlert view={{ key: 'error.receiverUnknown', place: 'review', remedy: 'fix', code: 'RECEIVER_NOT_LISTED' }} />}
      {!pending && quote.expired && !quote.isFetching && (
        <div className="orw-alert" role="alert">
          <p style={{ margin: 0 }}>{t('quote.expired')}</p>
          <p style={{ margin: '4px 0 8px' }} className="orw-hint">
            {t('review.expiredHint')}
          </p>
          <button type="button" onClick={onRenew}>
            {t('quote.renew')}
          </button>
        </div>
      )}
      {quote.error && <ErrorAlert view={quote.error} onRetry={onRenew} />}
      {receiversError && <ErrorAlert view={receiversError} onRetry={() => void receivers.refetch()} />}
      {submitError && <ErrorAlert view={submitError} onRetry={canConfirm ? onRetry : undefined} />}
      <div className="orw-actions">
        <button type="button" className="orw-secondary" onClick={onBack} disabled={submitting || Boolean(pending)}>
          {t('action.back')}
        </button>
        <button type="button" onClick={onConfirm} disabled={!canConfirm || submitting || receiverMissing} aria-busy={submitting}>
          {t('action.confirm')}
        </button>
      </div>
    </>
  );
}
