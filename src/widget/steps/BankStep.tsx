import { use, useId } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { loadRail, railFor, type RailEntry, type RailId } from '../../countries';
import { useI18n } from '../../i18n';
import type { OffRampFormValues } from '../form';
import { BankInput } from '../parts/BankInput';

interface BankStepProps {
  onBack: () => void;
  onContinue: () => void;
}

export function BankStep(props: BankStepProps) {
  const { control } = useFormContext<OffRampFormValues>();
  const entry = railFor(useWatch({ control, name: 'fiatCurrency' }));
  return entry ? <RailFields entry={entry} {...props} /> : null;
}

/** Suspends until the rail's fields and validators have loaded (usually prefetched by then). */
function RailFields({ entry, onBack, onContinue }: BankStepProps & { entry: RailEntry<RailId> }) {
  const { t } = useI18n();
  const id = useId();
  const { trigger } = useFormContext<OffRampFormValues>();
  const rail = use(loadRail(entry.id));

  const continueIfValid = async () => {
    if (await trigger(`bank.${entry.id}`, { shouldFocus: true })) onContinue();
  };

  return (
    <>
      <p className="orw-hint">{t(entry.title)}</p>
      {rail.fields.map((field) => (
        <BankInput key={`${entry.id}.${field.name}`} railId={entry.id} field={field} inputId={`${id}-${field.name}`} />
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
