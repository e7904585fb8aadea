import { useEffect, useId } from 'react';
import { useFormContext, type FieldPath } from 'react-hook-form';
import { loadedRail, loadRail, railFor, visibleFields, type PayoutRail, type RailEntry, type RailId } from '../../countries';
import { useI18n } from '../../i18n';
import { readProblem, usesSavedAccount, type OffRampFormValues } from '../form';
import { useReceivers, useSavedAccounts } from '../hooks/useAccounts';
import { useFormValues } from '../hooks/useFormValues';
import { useKycStatus } from '../hooks/useKycStatus';
import { useLoaded } from '../hooks/useLoaded';
import { receiverLabel, savedAccountLabel } from '../parts/accountLabels';
import { BankInput } from '../parts/BankInput';
import { FieldMessage } from '../parts/FieldMessage';

export interface BankStepProps {
  /** Let the user pay one of their receivers instead of themselves. */
  chooseReceiver: boolean;
  onBack: () => void;
  onContinue: () => void;
}

export default function BankStep(props: BankStepProps) {
  const [fiatCurrency] = useFormValues(useFormContext<OffRampFormValues>(), ['fiatCurrency']);
  const entry = railFor(fiatCurrency);
  return entry ? <RailFields entry={entry} {...props} /> : null;
}

/** "Who receives the money?": the user, or one of their receivers. */
function ReceiverChoice({ id }: { id: string }) {
  const { t } = useI18n();
  const { register } = useFormContext<OffRampFormValues>();
  const receivers = useReceivers(true).data ?? [];
  return (
    <div className="orw-field">
      <label htmlFor={id}>{t('bank.receiver')}</label>
      <select id={id} {...register('receiverId')}>
        <option value="">{t('bank.receiver.me')}</option>
        {receivers.map((receiver) => (
          <option key={receiver.id} value={receiver.id}>
            {receiverLabel(receiver)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The user's saved accounts for the rail, and "A new account". */
function SavedAccounts({ entry, rail, id }: { entry: RailEntry<RailId>; rail: PayoutRail; id: string }) {
  const i18n = useI18n();
  const { register, getFieldState, getValues, setValue, formState } = useFormContext<OffRampFormValues>();
  const accounts = useSavedAccounts(entry, true).data ?? [];
  const name = `savedAccount.${entry.id}` as const;
  // The most recent verified account is the likely one: chosen until the user chooses, unless the
  // list arrives after they have started typing new details (which would vanish under it).
  const mostRecentVerified = accounts
    .filter((account) => account.isVerified)
    .sort((a, b) => (b.verifiedAt ?? b.createdAt ?? '').localeCompare(a.verifiedAt ?? a.createdAt ?? ''))[0];
  useEffect(() => {
    const typing = rail.fields.some((field) => getFieldState(`bank.${entry.id}.${field.name}` as FieldPath<OffRampFormValues>).isDirty);
    if (mostRecentVerified && !getValues(name) && !getFieldState(name).isTouched && !typing) setValue(name, mostRecentVerified.id);
  }, [mostRecentVerified, name, rail, entry.id, getValues, getFieldState, setValue]);
  const chosen = accounts.find((account) => account.id === getValues(name));
  if (accounts.length === 0) return null;
  const problem = readProblem(getFieldState(name, formState).error?.message);
  const choices = [{ value: '', label: i18n.t('bank.saved.new') }].concat(
    accounts.map((account) => ({ value: account.id, label: savedAccountLabel(account, rail, i18n) })),
  );
  return (
    <fieldset className="orw-choices" aria-describedby={`${id}-error`} aria-invalid={problem ? true : undefined}>
      <legend>{i18n.t('bank.saved.legend')}</legend>
      {choices.map((choice) => (
        <label key={choice.value}>
          <input type="radio" value={choice.value} {...register(name)} />
          {choice.label}
        </label>
      ))}
      {chosen && !chosen.isVerified && <p className="orw-hint">{i18n.t('bank.saved.pendingMeans')}</p>}
      <FieldMessage id={`${id}-error`} problem={problem} />
    </fieldset>
  );
}

/** Suspends until the rail's fields and validators have loaded (usually prefetched by then). */
function RailFields({ entry, chooseReceiver, onBack, onContinue }: BankStepProps & { entry: RailEntry<RailId> }) {
  const { t } = useI18n();
  const id = useId();
  const form = useFormContext<OffRampFormValues>();
  const { trigger, getFieldState } = form;
  const rail = useLoaded(loadedRail(entry.id) ?? loadRail(entry.id));
  const [typed, receiverId, saved] = useFormValues(form, [`bank.${entry.id}`, 'receiverId', `savedAccount.${entry.id}`]);
  const values = typed ?? {};
  // Saved accounts are the user's own: a receiver is paid into details typed for them.
  const usingSaved = Boolean(usesSavedAccount({ receiverId, savedAccount: { [entry.id]: saved } }, entry.id));
  const path = (name: string) => `bank.${entry.id}.${name}` as FieldPath<OffRampFormValues>;

  // The account holder is the verified user unless said otherwise: their names as the KYC knows them.
  const verifiedNames = useKycStatus().data;
  const { getValues, setValue } = useFormContext<OffRampFormValues>();
  useEffect(() => {
    const hasNames = rail.fields.some((field) => field.name === 'firstName');
    if (!verifiedNames?.verified || !hasNames) return;
    const fill = (name: string, value: string | undefined) => {
      const field = `bank.${rail.id}.${name}` as FieldPath<OffRampFormValues>;
      if (value && !getValues(field) && !getFieldState(field).isDirty) setValue(field, value);
    };
    if (rail.fields.some((field) => field.name === 'holderType')) fill('holderType', 'INDIVIDUAL');
    fill('firstName', verifiedNames.firstName);
    fill('lastName', verifiedNames.lastName);
  }, [verifiedNames, rail, getValues, getFieldState, setValue]);

  /** A change can make another field right or wrong (the BIC's country, a document number's type). */
  const recheck = (changed: string, complete: boolean) => {
    const touched = rail.fields
      .map((field) => path(field.name))
      .filter((name) => (name === path(changed) ? complete : getFieldState(name).isTouched || getFieldState(name).invalid));
    if (touched.length) void trigger(touched);
  };

  const continueIfValid = async () => {
    if (usingSaved || (await trigger(`bank.${entry.id}`, { shouldFocus: true }))) onContinue();
  };

  return (
    <>
      <p className="orw-hint">{t(entry.title)}</p>
      {chooseReceiver && <ReceiverChoice id={`${id}-receiver`} />}
      {!receiverId && <SavedAccounts entry={entry} rail={rail} id={`${id}-saved`} />}
      {!usingSaved &&
        visibleFields(rail, values).map((field) => (
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
        {/* The form's default button: Enter in a field presses it, as the browser does for a submit button. */}
        <button type="submit" onClick={continueIfValid}>
          {t('action.continue')}
        </button>
      </div>
    </>
  );
}
