import { useI18n } from '../../i18n';

export interface KycStepProps {
  /** The partner handles `onKycRequired`: the user can start verifying from here. */
  canStart: boolean;
  /** The verification is being read again. */
  checking: boolean;
  /** Read again since this screen opened, and still not verified. */
  stillUnverified: boolean;
  onStart: () => void;
  onCheckAgain: () => void;
  onBack: () => void;
}

/**
 * The user must verify their identity before they can be paid: say why, hand over to the partner's
 * KYC, and go on by itself once the verification reads as done.
 */
export default function KycStep({ canStart, checking, stillUnverified, onStart, onCheckAgain, onBack }: KycStepProps) {
  const { t } = useI18n();
  return (
    <>
      <p style={{ margin: 0 }} role="alert">
        {t('error.userNotVerified')}
      </p>
      <p className="orw-hint">{t('kyc.explain')}</p>
      {!canStart && <p className="orw-hint">{t('kyc.elsewhere')}</p>}
      <div role="status">
        {checking && <p className="orw-hint">{t('kyc.checking')}</p>}
        {!checking && stillUnverified && <p className="orw-hint">{t('kyc.notYet')}</p>}
      </div>
      {canStart && (
        <button type="button" onClick={onStart}>
          {t('kyc.start')}
        </button>
      )}
      <div className="orw-actions">
        <button type="button" className="orw-secondary" onClick={onBack}>
          {t('action.back')}
        </button>
        <button type="button" className="orw-secondary" onClick={onCheckAgain} disabled={checking}>
          {t('kyc.checkAgain')}
        </button>
      </div>
    </>
  );
}
