import { useI18n } from '../../i18n';
import { useSupport } from '../context';

/** "Contact support", with the order reference to give, wherever something went wrong. */
export function SupportLink() {
  const { t } = useI18n();
  const { supportUrl, orderId } = useSupport();
  if (!supportUrl) return null;
  return (
    <p className="orw-hint" style={{ margin: '6px 0 0' }}>
      <a href={supportUrl} target="_blank" rel="noopener noreferrer">
        {t('support.contact')}
      </a>
      {orderId && ` · ${t('support.quote', { id: orderId })}`}
    </p>
  );
}
