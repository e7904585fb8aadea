import { useI18n } from '../../i18n';
import { useSupport } from '../context';

/** The widget's footer: the partner's help and terms pages. */
export function SupportFooter() {
  const { t } = useI18n();
  const { supportUrl, termsUrl } = useSupport();
  if (!supportUrl && !termsUrl) return null;
  return (
    <footer className="orw-footer">
      {supportUrl && (
        <a href={supportUrl} target="_blank" rel="noopener noreferrer">
          {t('support.help')}
        </a>
      )}
      {termsUrl && (
        <a href={termsUrl} target="_blank" rel="noopener noreferrer">
          {t('support.terms')}
        </a>
      )}
    </footer>
  );
}
