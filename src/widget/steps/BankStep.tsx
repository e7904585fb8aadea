import { useId } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { railFor } from '../../countries';
import { useI18n } from '../../i18n';
import type { OffRampFormValues } from '../form';
import { BankInput } from '../parts/BankInput';

export function BankStep({ onBack, onContinue }: { onBack: () => void; onContinue: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const { control, trigger } = useFormContext<OffRampFormValues>();
  const fiatCurrency = useWatch({ control, name: 'fiatCurrency' });
  const rail = railFor(fiatCurrency);
  if (!rail) return null;

  const continueIfValid = async () => {
    if (await trigger(`bank.${rail.id}`, { shouldFocus: true })) onContinue();
  };

  return (
    <>
      <p className="orw-hint">{t(rail.title)}</p>
      {rail.fields.map((field) => (
        <BankInput key={`${rail.id}.${field.name}`} railId={rail.id} field={field} inputId={`${id}-${field.name}`} />
      ))}
      <div className="orw-actions">
        <button type="button" className="orw-secondary" onClick={onBack}>
          {t('action.back')}
        </button>
        <button type="button" onClick={continueIfValid}>
          {t('action.continue')}
        </button>
      </div>
    </>
  );
}
