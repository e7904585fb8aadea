import { useLayoutEffect, useRef } from 'react';
import { useFormContext } from 'react-hook-form';
import type { BankField, BankValues } from '../../countries';
import { useI18n } from '../../i18n';
import { readProblem, type OffRampFormValues } from '../form';
import { useFormField } from '../hooks/useFormField';
import { FieldMessage } from './FieldMessage';

/** Where the caret belongs in `display` after `kept` significant characters. */
const caretIndex = (display: string, kept: number) => {
  let seen = 0;
  for (let index = 0; index < display.length; index += 1) {
    if (seen === kept) return index;
    if (!/[\s-]/.test(display[index]!)) seen += 1;
  }
  return display.length;
};

interface BankInputProps {
  railId: string;
  field: BankField;
  /** The rail's values, for fields whose display or check depends on another (document number by type). */
  values: BankValues;
  inputId: string;
  /** After the value changes: checks what depends on it. */
  onChanged: (complete: boolean) => void;
}

/**
 * One bank field of a rail: a select or a text input. The form keeps the normalized value (no
 * spaces); a text input shows it in the rail's display format, with the caret kept where the
 * user was typing.
 */
export function BankInput({ railId, field, values, inputId, onChanged }: BankInputProps) {
  const { t } = useI18n();
  const name = `bank.${railId}.${field.name}` as `bank.MX.${string}`;
  const { value: kept, error, onChange, onBlur, ref: register } = useFormField(useFormContext<OffRampFormValues>(), name);
  const value = typeof kept === 'string' ? kept : '';
  const input = useRef<HTMLInputElement | null>(null);
  const pendingCaret = useRef<number | null>(null);
  const shown = field.display ? field.display(value, values) : value;

  useLayoutEffect(() => {
    if (pendingCaret.current === null || !input.current || document.activeElement !== input.current) return;
    const at = caretIndex(shown, pendingCaret.current);
    input.current.setSelectionRange(at, at);
    pendingCaret.current = null;
  }, [shown]);

  const problem = readProblem(error);
  const description = field.describe?.(value);
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const common = {
    id: inputId,
    name,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': `${hintId} ${errorId}`,
    onBlur,
  } as const;

  return (
    <div className="orw-field">
      <label htmlFor={inputId}>{t(field.label)}</label>
      {field.kind === 'select' ? (
        <select
          {...common}
          ref={register}
          value={value}
          autoComplete={field.autoComplete}
          onChange={(event) => {
            onChange(event.target.value);
            onChanged(true);
          }}
        >
          <option value="" disabled={!field.optional}>
            {t('bank.choose')}
          </option>
          {field.options?.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label ? t(option.label) : option.text}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          ref={(element) => {
            input.current = element;
            register(element);
          }}
          value={shown}
          inputMode={field.inputMode}
          autoComplete={field.autoComplete}
          maxLength={field.maxLength}
          spellCheck={false}
          onChange={(event) => {
            const raw = event.target.value;
            // Only a formatted display moves the caret; plain text (names, streets) keeps the browser's.
            if (field.display) pendingCaret.current = field.normalize(raw.slice(0, event.target.selectionStart ?? raw.length)).length;
            const next = field.normalize(raw);
            onChange(next);
            onChanged(field.length !== undefined && next.length >= field.length);
          }}
        />
      )}
      <div id={hintId}>
        {field.hint && <p className="orw-hint">{t(field.hint)}</p>}
        <p className="orw-hint" aria-live="polite">
          {description ? t(description.key, description.params) : ''}
        </p>
      </div>
      <FieldMessage id={errorId} problem={problem} />
    </div>
  );
}
