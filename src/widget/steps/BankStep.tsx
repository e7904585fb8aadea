import { use, useId } from 'react';
import { useFormContext, useWatch, type FieldPath } from 'react-hook-form';
import { loadRail, railFor, visibleFields, type RailEntry, type RailId } from '../../countries';
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
  const { control, trigger, getFieldState } = useFormContext<OffRampFormValues>();
  const rail = use(loadRail(entry.id));
  const values = useWatch({ control, name: `bank.${entry.id}` }) ?? {};
  const path = (name: string) => `bank.${entry.id}.${name}` as FieldPath<OffRampFormValues>;

  /** A change can make another field right or wrong (the BIC's country, a document number's type). */
  const recheck = (changed: string, complete: boolean) => {
    const touched = rail.fields
      .map((field) => path(field.name))
      .filter((name) => name === path(changed) ? complete : getFieldState(name).isTouched || getFieldState(name).invalid);
    if (touched.length) void trigger(touched);
  };

  const continueIfValid = async () => {
    if (await trigger(`bank.${entry.id}`, { shouldFocus: true })) onContinue();
  };

  return (
    <>
      <p className="orw-hint">{t(entry.title)}</p>
      {visibleFields(rail, values).map((field) => (
        <BankInput
          key={`${entry.id}.${field.name}`}
          railId={entry.id}
          field={field}
          values={values}
          inputId={`${id}-${field.name}`}
          onChanged={(complete) => recheck(field.name, complete)}
        />
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
