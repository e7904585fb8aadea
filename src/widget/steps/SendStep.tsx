/**
 * The deposit step, loaded on demand: the QR code library is only paid for by users who get here.
 */
import { QRCodeSVG } from 'qrcode.react';
import { useState } from 'react';
import { chainName, tokenDecimals } from '../../api/chains';
import type { Order } from '../../api/schemas';
import { useI18n, type MessageKey } from '../../i18n';
import { useExpired } from '../hooks/useCountdown';
import { Countdown } from '../parts/Countdown';

export interface SendStepProps {
  order: Order;
  /** The locked quote's expiry: the order has none of its own. */
  expiresAt: string;
  clockSkewMs: number;
}

/** Groups of four, so the first and last characters are easy to compare with the wallet's. */
export const groupsOfFour = (address: string) => address.match(/.{1,4}/g) ?? [];

/** The exact amount as a plain number, as a wallet's amount field takes it. */
const plainAmount = (amount: number, token: string) => String(Number(amount.toFixed(tokenDecimals(token))));

export default function SendStep({ order, expiresAt, clockSkewMs }: SendStepProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const expired = useExpired(expiresAt, clockSkewMs);
  const [copied, setCopied] = useState<MessageKey | ''>('');
  const address = order.destinationWalletAddress;
  const network = chainName(order.blockchainSymbol);

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('action.copied');
    } catch {
      setCopied('action.copyFailed');
    }
  };

  return (
    <section className="orw-send" aria-label={t('send.region')}>
      {expired ? (
        <p className="orw-alert" data-tone="error" role="alert">
          {t('send.expired')}
        </p>
      ) : (
        <>
          <p style={{ margin: 0 }}>
            {t('send.instructions', { amount: i18n.token(order.cryptoAmount, order.tokenSymbol), network })}
          </p>
          <div className="orw-qr">
            <QRCodeSVG value={address} size={220} marginSize={2} level="M" role="img" aria-label={t('send.qr')} />
          </div>
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
              <dd>{i18n.token(order.cryptoAmount, order.tokenSymbol)}</dd>
            </div>
          </dl>
          <div className="orw-actions">
            <button type="button" className="orw-secondary" onClick={() => copy(address)}>
              {t('action.copyAddress')}
            </button>
            <button type="button" className="orw-secondary" onClick={() => copy(plainAmount(order.cryptoAmount, order.tokenSymbol))}>
              {t('action.copyAmount')}
            </button>
          </div>
          <p className="orw-alert">{t('send.warning', { token: order.tokenSymbol, network })}</p>
          <Countdown expiresAt={expiresAt} clockSkewMs={clockSkewMs} />
        </>
      )}
      <p className="orw-hint" aria-live="polite">
        {copied ? t(copied) : ''}
      </p>
      <p className="orw-hint">{t('send.orderId', { id: order.id })}</p>
    </section>
  );
}
