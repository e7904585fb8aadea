/**
 * The deposit step, loaded on demand: the QR code library is only paid for by users who get here.
 * The user sends from the partner's wallet, or by hand (the address, or a payment request that a
 * wallet opens with everything filled in), then says so; an expired order says not to send.
 */
import { QRCodeSVG } from 'qrcode.react';
import { useEffect, useId, useState } from 'react';
import { addressFormat, chainName } from '../../api/chains';
import { CANCELLABLE_STATUSES, type OrderStatus } from '../../api/contract';
import { decimalAmount, depositRequestOf, paymentRequestUri } from '../../api/deposit';
import { isTransactionHash } from '../../api/transactionHash';
import { useI18n, type MessageKey } from '../../i18n';
import { describeError } from '../errorCatalogue';
import { useExpired } from '../hooks/useCountdown';
import type { OrderLife } from '../hooks/useOrder';
import { Countdown } from '../parts/Countdown';
import { ErrorAlert } from '../parts/ErrorAlert';
import type { Deposit, OffRampWidgetProps } from '../types';

export interface SendStepProps {
  deposit: Deposit;
  order: OrderLife;
  onInitiateDeposit: OffRampWidgetProps['onInitiateDeposit'];
  /** A new checkout, keeping the bank details typed this session. */
  onStartOver: () => void;
}

/** Groups of four, so the first and last characters are easy to compare with the wallet's. */
export const groupsOfFour = (address: string) => address.match(/.{1,4}/g) ?? [];

const depositContext = (deposit: Deposit) =>
  ({ operation: 'deposit', fiatCurrency: deposit.fiatCurrency, tokenSymbol: deposit.tokenSymbol }) as const;

export default function SendStep({ deposit, order, onInitiateDeposit, onStartOver }: SendStepProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const expired = useExpired(deposit.expiresAt, deposit.clockSkewMs);
  const [copied, setCopied] = useState<{ what: 'address' | 'amount'; message: MessageKey } | undefined>(undefined);
  const [qrKind, setQrKind] = useState<'address' | 'payment'>('address');
  const [hash, setHash] = useState('');
  const [hashProblem, setHashProblem] = useState(false);
  const ids = useId();
  const { refresh } = order;
  const address = deposit.destinationWalletAddress;
  const network = chainName(deposit.blockchainSymbol);
  const amount = i18n.token(deposit.cryptoAmount, deposit.tokenSymbol);
  const paymentUri = paymentRequestUri(depositRequestOf(deposit));

  // At expiry, read the order: whether it can still be cancelled is the API's to say.
  useEffect(() => {
    if (expired) refresh();
  }, [expired, refresh]);

  const copy = async (what: 'address' | 'amount', text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied({ what, message: 'action.copied' });
    } catch {
      setCopied({ what, message: 'action.copyFailed' });
    }
  };

  const sent = () => {
    const typed = hash.trim();
    if (typed && !isTransactionHash(deposit.blockchainSymbol, typed)) {
      setHashProblem(true);
      document.getElementById(`${ids}-hash`)?.focus();
      return;
    }
    setHashProblem(false);
    order.execute(typed || undefined);
  };

  /** The partner's wallet sends the exact deposit; an answer that is no hash of this chain sent nothing we can name. */
  const fromWallet = async (initiate: NonNullable<OffRampWidgetProps['onInitiateDeposit']>) => {
    const answer = await initiate(depositRequestOf(deposit));
    if (!isTransactionHash(deposit.blockchainSymbol, answer.transactionHash)) throw new Error('Not a transaction hash of this chain');
    return answer;
  };

  const status = order.transaction?.status;
  const cancellable = status !== undefined && (CANCELLABLE_STATUSES as readonly OrderStatus[]).includes(status);
  const copiedNote = (what: 'address' | 'amount') =>
    copied?.what === what ? (
      <span className="orw-hint" role="status">
        {t(copied.message)}
      </span>
    ) : null;

  if (expired && !order.executed) {
    return (
      <section className="orw-send" aria-label={t('send.region')}>
        <p className="orw-alert" data-tone="error" role="alert">
          {t('send.expired')}
        </p>
        {order.cancelError !== undefined && <ErrorAlert view={describeError(order.cancelError, i18n, depositContext(deposit))} />}
        <div className="orw-actions">
          {cancellable && (
            <button type="button" className="orw-secondary" onClick={order.cancel} disabled={order.cancelling} aria-busy={order.cancelling}>
              {order.cancelling ? t('send.cancelling') : t('send.cancel')}
            </button>
          )}
          <button type="button" onClick={onStartOver}>
            {t('action.startOver')}
          </button>
        </div>
        <p className="orw-hint">{t('send.orderId', { id: deposit.orderId })}</p>
      </section>
    );
  }

  const hashError = `${ids}-hash-error`;
  return (
    <section className="orw-send" aria-label={t('send.region')}>
      <p style={{ margin: 0 }}>{t('send.instructions', { amount, network })}</p>

      {onInitiateDeposit && (
        <div className="orw-field">
          <button
            type="button"
            onClick={() => void order.payFromWallet(() => fromWallet(onInitiateDeposit))}
            disabled={order.walletState === 'waiting' || order.executing}
            aria-busy={order.walletState === 'waiting'}
          >
            {order.walletState === 'waiting' ? t('send.walletWaiting') : t('send.fromWallet')}
          </button>
          {order.walletState === 'rejected' && (
            <p className="orw-alert" role="alert">
              {t('send.walletRejected')}
            </p>
          )}
          <p className="orw-hint" style={{ textAlign: 'center' }}>
            {t('send.orYourself')}
          </p>
        </div>
      )}

      {paymentUri && (
        <fieldset className="orw-sides">
          <legend>{t('send.qrKind')}</legend>
          <label>
            <input type="radio" name={`${ids}-qr`} checked={qrKind === 'address'} onChange={() => setQrKind('address')} />
            {t('send.qrAddress')}
          </label>
          <label>
            <input type="radio" name={`${ids}-qr`} checked={qrKind === 'payment'} onChange={() => setQrKind('payment')} />
            {t('send.qrPayment')}
          </label>
        </fieldset>
      )}
      <div className="orw-qr">
        {qrKind === 'payment' && paymentUri ? (
          <QRCodeSVG value={paymentUri} size={220} marginSize={2} level="M" role="img" aria-label={t('send.paymentQr', { amount, network })} data-qr="payment" />
        ) : (
          <QRCodeSVG value={address} size={220} marginSize={2} level="M" role="img" aria-label={t('send.qr')} data-qr="address" />
        )}
      </div>
      {paymentUri && (
        <a className="orw-link" href={paymentUri} data-payment-uri={paymentUri}>
          {t('send.openWallet')}
        </a>
      )}

      <div className="orw-field">
        <span className="orw-hint">{t('send.address')}</span>
        <p className="orw-address" data-address={address}>
          {groupsOfFour(address).map((group, index) => (
            <span key={index} style={{ display: 'inline-block', marginInlineEnd: '0.45em' }}>
              {group}
            </span>
          ))}
        </p>
      </div>
      <dl className="orw-summary">
        <div>
          <dt>{t('send.amount')}</dt>
          <dd>{amount}</dd>
        </div>
      </dl>
      <div className="orw-actions">
        <div className="orw-copy">
          <button type="button" className="orw-secondary" onClick={() => void copy('address', address)}>
            {t('action.copyAddress')}
          </button>
          {copiedNote('address')}
        </div>
        <div className="orw-copy">
          <button type="button" className="orw-secondary" onClick={() => void copy('amount', decimalAmount(deposit.cryptoAmount, deposit.tokenSymbol))}>
            {t('action.copyAmount')}
          </button>
          {copiedNote('amount')}
        </div>
      </div>
      <p className="orw-alert">{t('send.warning', { token: deposit.tokenSymbol, network })}</p>
      <Countdown expiresAt={deposit.expiresAt} clockSkewMs={deposit.clockSkewMs} />

      <div className="orw-field">
        <h3 className="orw-subtitle">{t('send.sentTitle')}</h3>
        <label htmlFor={`${ids}-hash`}>{t('send.hashLabel')}</label>
        <input
          id={`${ids}-hash`}
          value={hash}
          onChange={(event) => {
            setHash(event.target.value);
            setHashProblem(false);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              sent();
            }
          }}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={hashProblem}
          aria-describedby={hashProblem ? hashError : `${ids}-hash-hint`}
        />
        {hashProblem ? (
          <p className="orw-error" id={hashError}>
            {t(addressFormat(deposit.blockchainSymbol) === 'solana' ? 'validation.hash.solana' : 'validation.hash.evm', { network })}
          </p>
        ) : (
          <p className="orw-hint" id={`${ids}-hash-hint`}>
            {t('send.hashHint')}
          </p>
        )}
      </div>
      {order.executeError !== undefined && (
        <ErrorAlert view={describeError(order.executeError, i18n, depositContext(deposit))} onRetry={sent} />
      )}
      <button type="button" onClick={sent} disabled={order.executing} aria-busy={order.executing}>
        {order.executing ? t('send.telling') : t('send.sent')}
      </button>
      <p className="orw-hint">{t('send.orderId', { id: deposit.orderId })}</p>
    </section>
  );
}
