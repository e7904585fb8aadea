import { chainName, GAS_TOKENS } from '../../api/chains';
import { priceBreakdown } from '../../api/pricing';
import type { Quote } from '../../api/schemas';
import { numberFormat, useI18n } from '../../i18n';

/**
 * What the user sends and gets, line by line: the rate, what the tokens are worth at it, the
 * partner's fee (as a percentage and an amount), and what reaches the bank. The lines add up.
 */
export function QuoteSummary({ quote, children }: { quote: Quote; children?: React.ReactNode }) {
  const i18n = useI18n();
  const { t } = i18n;
  const price = priceBreakdown(quote);
  const percent = numberFormat(i18n.locale, { style: 'percent', maximumFractionDigits: 2 }).format(price.feeRate);
  return (
    <dl className="orw-summary">
      <div>
        <dt>{t('quote.youSend')}</dt>
        <dd>{i18n.token(quote.cryptoAmount, quote.tokenSymbol)}</dd>
      </div>
      <div>
        <dt>{t('quote.rate')}</dt>
        <dd>{t('quote.rateValue', { token: quote.tokenSymbol, rate: i18n.rate(price.baseRate, quote.fiatCurrency) })}</dd>
      </div>
      <div>
        <dt>{t('quote.value')}</dt>
        <dd>{i18n.fiat(price.value, quote.fiatCurrency)}</dd>
      </div>
      <div>
        <dt>{t('quote.fee', { percent })}</dt>
        <dd>−{i18n.fiat(price.fee, quote.fiatCurrency)}</dd>
      </div>
      <div className="orw-total">
        <dt>{t('quote.reachesBank')}</dt>
        <dd>{i18n.fiat(price.received, quote.fiatCurrency)}</dd>
      </div>
      {children}
    </dl>
  );
}

/** The costs that are not in the quote: the network's fee is the sender's, and an exchange takes its own. */
export function SendingCosts({ blockchainSymbol }: { blockchainSymbol: string }) {
  const { t } = useI18n();
  const gasToken = GAS_TOKENS[blockchainSymbol as keyof typeof GAS_TOKENS];
  const network = chainName(blockchainSymbol);
  return (
    <p className="orw-hint">
      {gasToken ? t('quote.networkFee', { network, gasToken }) : t('quote.networkFeeUnknown', { network })} {t('quote.exchangeFee')}
    </p>
  );
}
