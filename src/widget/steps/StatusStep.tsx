/**
 * The order followed after the deposit, as a person reads it: waiting for the deposit, received,
 * paying out, paid; or the ending it came to, in words, with what to do next.
 */
import { CANCELLED_BY_USER_REASON, STAGING_TEST_AMOUNTS, type OrderStatus } from '../../api/contract';
import type { Transaction } from '../../api/schemas';
import { railFor } from '../../countries';
import { useI18n, type MessageKey } from '../../i18n';
import { describeError } from '../errorCatalogue';
import { isEnding, type OrderLife } from '../hooks/useOrder';
import { ErrorAlert } from '../parts/ErrorAlert';
import { SupportLink } from '../parts/SupportLink';
import type { Deposit } from '../types';

export interface StatusStepProps {
  deposit: Deposit;
  order: OrderLife;
  onStartOver: () => void;
}

const PHASES = ['waiting', 'received', 'paying', 'paid'] as const;
type Phase = (typeof PHASES)[number];

/** Which phase each status of the way to the bank belongs to. */
const PHASE_OF: Partial<Record<OrderStatus, Phase>> = {
  PENDING: 'waiting',
  PENDING_PAYMENT: 'waiting',
  AWAITING_MANUAL_CRYPTO_TRANSFER: 'waiting',
  CRYPTO_RECEIVED: 'received',
  COMPLETED_CRYPTO_RECEIVAL: 'received',
  READY_BANK_TRANSFER: 'paying',
  BANK_TRANSFER_PENDING: 'paying',
  IN_PROGRESS: 'paying',
  AWAITING_MANUAL_FIAT_TRANSFER: 'paying',
  COMPLETED: 'paid',
};

const PHASE_LABELS: Record<Phase, MessageKey> = {
  waiting: 'timeline.waiting',
  received: 'timeline.received',
  paying: 'timeline.paying',
  paid: 'timeline.paid',
};

/** The endings that are not a payout, each with its own sentence. */
const ENDINGS: Partial<Record<OrderStatus, MessageKey>> = {
  CANCELLED: 'ending.cancelled',
  CRYPTO_NOT_RECEIVED: 'ending.cryptoNotReceived',
  EXPIRED: 'ending.expired',
  FAILED: 'ending.failed',
};

const NAME_VERIFICATION_FAILED = STAGING_TEST_AMOUNTS['1.02'].cancellationReason;

/** Why an order was cancelled, in words; a reason the catalogue does not know is quoted. */
const cancellationReason = (reason: string | null | undefined): { key: MessageKey; params?: { reason: string } } | undefined => {
  if (!reason) return undefined;
  if (reason === NAME_VERIFICATION_FAILED) return { key: 'ending.reason.nameVerification' };
  if (reason === CANCELLED_BY_USER_REASON) return { key: 'ending.reason.byUser' };
  return { key: 'ending.reason.other', params: { reason } };
};

const lastFour = (transaction: Transaction) => transaction.bankAccount.accountIdentifier?.replace(/\W/g, '').slice(-4);

export default function StatusStep({ deposit, order, onStartOver }: StatusStepProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { transaction } = order;
  const status = transaction?.status;
  const ending = status && ENDINGS[status];
  // Before the first reading after execute, the deposit is what we wait for.
  const phase = (status && PHASE_OF[status]) ?? 'waiting';
  const current = PHASES.indexOf(phase);
  const reason = status === 'CANCELLED' ? cancellationReason(transaction?.cancellationReason) : undefined;
  const paidTo = transaction && lastFour(transaction);
  const payoutTime = railFor(deposit.fiatCurrency)?.payoutTime;
  const fiat = i18n.fiat(transaction?.fiatAmount ?? deposit.fiatAmount, transaction?.fiatCurrency ?? deposit.fiatCurrency);

  return (
    <section className="orw-send" aria-label={t('step.status.title')}>
      {ending ? (
        <div className="orw-alert" data-tone={status === 'FAILED' ? 'error' : undefined} role="alert">
          <p style={{ margin: 0 }}>{t(ending)}</p>
          {reason && <p style={{ margin: '6px 0 0' }}>{t(reason.key, reason.params)}</p>}
          <SupportLink />
        </div>
      ) : (
        <>
          <ol className="orw-timeline" aria-label={t('timeline.label')}>
            {PHASES.map((name, index) => {
              const state = index < current || phase === 'paid' ? 'done' : index === current ? 'now' : 'next';
              return (
                <li key={name} data-state={state} aria-current={state === 'now' ? 'step' : undefined}>
                  <span>{t(PHASE_LABELS[name])}</span>
                  {state !== 'next' && <span className="orw-sr"> ({t(state === 'done' ? 'timeline.done' : 'timeline.now')})</span>}
                </li>
              );
            })}
          </ol>
          <p role="status" className={phase === 'paid' ? undefined : 'orw-hint'} style={{ margin: 0 }}>
            {transaction === undefined
              ? t('timeline.checking')
              : phase === 'paid'
                ? paidTo
                  ? t('timeline.paidDetail', { amount: fiat, last4: paidTo })
                  : t('timeline.paidDetailNoAccount', { amount: fiat })
                : t(PHASE_LABELS[phase])}
          </p>
          {payoutTime && phase !== 'paid' && <p className="orw-hint">{t('timeline.payoutTime', { time: t(payoutTime) })}</p>}
        </>
      )}
      {order.readError !== undefined && !isEnding(status) && (
        <ErrorAlert
          view={describeError(order.readError, i18n, { operation: 'deposit', fiatCurrency: deposit.fiatCurrency, tokenSymbol: deposit.tokenSymbol })}
          onRetry={order.refresh}
        />
      )}
      {ending && status !== 'FAILED' && (
        <div className="orw-actions">
          <button type="button" onClick={onStartOver}>
            {t('action.startOver')}
          </button>
        </div>
      )}
      <p className="orw-hint">{t('send.orderId', { id: deposit.orderId })}</p>
    </section>
  );
}
