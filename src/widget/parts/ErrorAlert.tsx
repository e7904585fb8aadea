import { useI18n } from '../../i18n';
import type { ErrorView } from '../errorCatalogue';
import { SupportLink } from './SupportLink';

/** A step-level error, announced to screen readers, with the reference support will ask for. */
export function ErrorAlert({ view, onRetry }: { view: ErrorView; onRetry?: (() => void) | undefined }) {
  const { t } = useI18n();
  return (
    <div className="orw-alert" data-tone="error" role="alert">
      <p style={{ margin: 0 }}>{t(view.key, view.params)}</p>
      {view.requestId && <p className="orw-hint">{t('error.reference', { requestId: view.requestId })}</p>}
      <SupportLink />
      {onRetry && view.remedy === 'retry' && (
        <button type="button" className="orw-secondary" onClick={onRetry} style={{ marginTop: 8 }}>
          {t('action.retry')}
        </button>
      )}
    </div>
  );
}
