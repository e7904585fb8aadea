import { useI18n } from '../../i18n';
import { useRemainingMs } from '../hooks/useCountdown';

/** `m:ss` for a countdown. */
const formatCountdown = (remainingMs: number): string => {
  const seconds = Math.max(0, Math.ceil(remainingMs / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

/** "Quote expires in m:ss". Owns its one-second tick, so only this line re-renders. */
export function Countdown({ expiresAt, clockSkewMs }: { expiresAt: string; clockSkewMs: number }) {
  const { t } = useI18n();
  const remaining = useRemainingMs(expiresAt, clockSkewMs);
  const expired = remaining !== undefined && remaining <= 0;
  return (
    <p className="orw-countdown" data-expired={expired}>
      {expired ? t('quote.expired') : t('quote.expiresIn', { time: formatCountdown(remaining ?? 0) })}
    </p>
  );
}
