import { useI18n } from '../../i18n';

/** The API needs the user's identity verified first: say why, and hand over to the partner's KYC. */
export function KycStep({ canStart, onStart, onBack }: { canStart: boolean; onStart: () => void; onBack: () => void }) {
  const { t } = useI18n();
  return (
    <>
      <p style={{ margin: 0 }} role="alert">
        {t('error.userNotVerified')}
      </p>
      <p className="orw-hint">{t('kyc.explain')}</p>
      {!canStart && <p className="orw-hint">{t('kyc.elsewhere')}</p>}
      <div className="orw-actions">
        <button type="button" className="orw-secondary" onClick={onBack}>
          {t('action.back')}
        </button>
        {canStart && (
          <button type="button" onClick={onStart}>
            {t('kyc.start')}
          </button>
        )}
      </div>
    </>
  );
}
