import { useLayoutEffect, useRef } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import type { BankField } from '../../countries';
import { useI18n } from '../../i18n';
import { readProblem, type OffRampFormValues } from '../form';
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

/**
 * One bank field of a rail. The form keeps the normalized value (no spaces); the input shows it
 * in the rail's display format, with the caret kept where the user was typing.
 */
export function BankInput({ railId, field, inputId }: { railId: string; field: BankField; inputId: string }) {
  const { t } = useI18n();
  const { trigger } = useFormContext<OffRampFormValues>();
  const name = `bank.${railId}.${field.name}` as `bank.MX.${string}`;
  const { field: control, fieldState } = useController<OffRampFormValues>({ name });
  const value = typeof control.value === 'string' ? control.value : '';
  const shown = field.display ? field.display(value) : value;
  const input = useRef<HTMLInputElement | null>(null);
  const pendingCaret = useRef<number | null>(null);

  useLayoutEffect(() => {
    if (pendingCaret.current === null || !input.current || document.activeElement !== input.current) return;
    const at = caretIndex(shown, pendingCaret.current);
    input.current.setSelectionRange(at, at);
    pendingCaret.current = null;
  }, [shown]);

  const problem = readProblem(fieldState.error?.message);
  const description = field.describe?.(value);
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;

  return (
    <div className="orw-field">
      <label htmlFor={inputId}>{t(field.label)}</label>
      <input
        id={inputId}
        ref={(element) => {
          input.current = element;
          control.ref(element);
        }}
        name={control.name}
        value={shown}
        inputMode={field.inputMode}
        autoComplete={field.autoComplete}
        maxLength={field.maxLength}
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${hintId} ${errorId}`}
        onBlur={control.onBlur}
        onChange={(event) => {
          const raw = event.target.value;
          const caret = event.target.selectionStart ?? raw.length;
          pendingCaret.current = field.normalize(raw.slice(0, caret)).length;
          const next = field.normalize(raw);
          control.onChange(next);
          if (field.length !== undefined && next.length >= field.length) void trigger(name);
        }}
      />
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
