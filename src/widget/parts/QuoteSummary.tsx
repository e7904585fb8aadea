import type { Quote } from '../../api/schemas';
import { useI18n } from '../../i18n';

/** What the user sends, what they receive and at which rate, as a definition list. */
export function QuoteSummary({ quote, children }: { quote: Quote; children?: React.ReactNode }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <dl className="orw-summary">
      <div>
        <dt>{t('quote.youSend')}</dt>
        <dd>{i18n.token(quote.cryptoAmount, quote.tokenSymbol)}</dd>
      </div>
      <div>
        <dt>{t('quote.youReceive')}</dt>
        <dd>{i18n.fiat(quote.fiatAmount, quote.fiatCurrency)}</dd>
      </div>
      <div>
        <dt>{t('quote.rate')}</dt>
        <dd>{t('quote.rateValue', { token: quote.tokenSymbol, rate: i18n.rate(quote.rate, quote.fiatCurrency) })}</dd>
      </div>
      {children}
    </dl>
  );
}
